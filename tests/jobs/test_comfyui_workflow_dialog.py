"""Importing a ComfyUI workflow from the Providers dialog, then generating with it."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from app.settings_store import settings_store
from providers.comfyui import fill, load_template
from providers.comfyui_byo import Role
from widgets.settings.comfy_workflow_dialog import ComfyWorkflowDialog, use_imported
from widgets.settings.providers_dialog import ProvidersDialog


def _exported(tmp_path):
    wf = fill(load_template("text_to_image"), {"prompt": "a cat", "negative_prompt": "ugly", "seed": 5,
                                               "width": 512, "height": 768, "n": 1, "steps": 20,
                                               "model": "sd_xl_base_1.0.safetensors", "filename_prefix": "ComfyUI"})
    path = tmp_path / "my sdxl.json"
    path.write_text(json.dumps(wf))
    return path


def test_import_maps_saves_and_becomes_the_image_workflow(qtbot, tmp_path) -> None:
    dialog = ProvidersDialog(select="comfyui")
    qtbot.addWidget(dialog)
    page = dialog.page("comfyui")
    assert page.import_workflow.isVisible() or page.import_workflow.text()
    importer = ComfyWorkflowDialog(page, folder=tmp_path / "templates")
    qtbot.addWidget(importer)
    assert importer.load(_exported(tmp_path))
    bindings = importer.bindings()
    assert bindings[Role.PROMPT].node_id == "6" and bindings[Role.NEGATIVE_PROMPT].node_id == "7"
    importer.set_binding(Role.NEGATIVE_PROMPT, None)  # the user says: leave the negative text alone
    save = importer.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    save.click()
    assert importer.result() and importer.saved == tmp_path / "templates" / "my_sdxl.json"
    template = json.loads(importer.saved.read_text())
    assert template["6"]["inputs"]["text"] == "{{prompt}}" and template["7"]["inputs"]["text"] == "ugly"
    use_imported(page, importer)
    assert page.editors["image_workflow"].text() == "my_sdxl"
    dialog.accept()
    assert settings_store().provider_settings("comfyui")["image_workflow"] == "my_sdxl"


def test_ui_format_file_is_refused_with_export_advice(qtbot, tmp_path) -> None:
    importer = ComfyWorkflowDialog(folder=tmp_path)
    qtbot.addWidget(importer)
    ui = tmp_path / "ui.json"
    ui.write_text(json.dumps({"last_node_id": 3, "nodes": [{"id": 1}], "links": []}))
    assert not importer.load(ui)
    assert "Export (API)" in importer.message.text()
    assert not importer.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_unmapped_prompt_blocks_saving_until_chosen(qtbot, tmp_path) -> None:
    importer = ComfyWorkflowDialog(folder=tmp_path)
    qtbot.addWidget(importer)
    path = tmp_path / "wf.json"
    path.write_text(json.dumps({"1": {"class_type": "EmptyImage", "inputs": {"width": 64, "height": 64,
                                                                             "batch_size": 1, "color": 0}},
                                "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0],
                                                                            "filename_prefix": "x"}}}))
    assert importer.load(path)
    save = importer.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and "prompt" in importer.message.text()
    importer.set_binding(Role.PROMPT, "1", "color")
    assert save.isEnabled()
