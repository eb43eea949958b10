"""Bring your own workflow: an exported API-format workflow is mapped, saved as a template and used."""

from __future__ import annotations

import json

import pytest

from providers import registry
from providers.base import SUCCEEDED, ImageRequest, VideoRequest
from providers.comfyui import fill, load_template
from providers.comfyui_byo import (
    UI_FORMAT_ADVICE,
    Binding,
    Role,
    WorkflowFormatError,
    candidate_inputs,
    guess_bindings,
    make_template,
    parse_workflow,
    save_template,
    user_workflow_dir,
)
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import png_bytes


def exported(name: str, **values) -> dict:
    """A shipped template with its placeholders filled: what a user exports from ComfyUI."""
    base = {"prompt": "a cat", "negative_prompt": "ugly", "seed": 5, "width": 512, "height": 768, "n": 1,
            "model": "sd_xl_base_1.0.safetensors", "steps": 20, "filename_prefix": "ComfyUI", "image": "x.png",
            "frames": 33, "fps": 16}
    return fill(load_template(name), {**base, **values})


def test_text_to_image_export_maps_positive_and_negative_by_the_sampler_links():
    wf = exported("text_to_image")
    # Swap the node ids so that the negative text comes first in the file: the links decide, not the order.
    wf["6"], wf["7"] = wf["7"], wf["6"]
    wf["3"]["inputs"]["positive"], wf["3"]["inputs"]["negative"] = ["7", 0], ["6", 0]
    found = guess_bindings(wf)
    assert found[Role.PROMPT] == Binding(Role.PROMPT, "7", "text")
    assert found[Role.NEGATIVE_PROMPT] == Binding(Role.NEGATIVE_PROMPT, "6", "text")
    assert found[Role.SEED].node_id == "3" and found[Role.WIDTH] == Binding(Role.WIDTH, "5", "width")
    assert found[Role.COUNT].input_name == "batch_size" and found[Role.FILENAME_PREFIX].node_id == "9"


def test_wan_video_export_maps_image_frames_fps_through_conditioning_nodes():
    found = guess_bindings(exported("image_to_video"))
    assert found[Role.PROMPT].node_id == "6" and found[Role.NEGATIVE_PROMPT].node_id == "7"
    assert found[Role.IMAGE] == Binding(Role.IMAGE, "52", "image")
    assert found[Role.FRAMES] == Binding(Role.FRAMES, "50", "length") and found[Role.FPS].node_id == "60"
    assert Role.COUNT not in found


def test_ui_format_gets_export_advice_and_junk_is_refused():
    with pytest.raises(WorkflowFormatError) as err:
        parse_workflow(json.dumps({"last_node_id": 9, "nodes": [{"id": 1}], "links": []}))
    assert str(err.value) == UI_FORMAT_ADVICE and "Export (API)" in str(err.value)
    with pytest.raises(WorkflowFormatError, match="not JSON"):
        parse_workflow("{nope")
    with pytest.raises(WorkflowFormatError, match="class_type"):
        parse_workflow(json.dumps({"1": {"inputs": {}}}))
    assert parse_workflow(json.dumps({"prompt": exported("text_to_image")}))["3"]["class_type"] == "KSampler"


def test_unmappable_workflow_has_candidates_for_the_dialog():
    wf = {"1": {"class_type": "EmptyImage", "inputs": {"width": 64, "height": 64, "batch_size": 1, "color": 0}},
          "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "x"}}}
    found = guess_bindings(wf)
    assert Role.PROMPT not in found
    assert ("1", "EmptyImage", "color") in candidate_inputs(wf)


def test_imported_template_is_saved_and_used_by_name(comfyui_server, tmp_path):
    wf = exported("text_to_image")
    template = make_template(wf, guess_bindings(wf), title="My SDXL 风格")
    path = save_template(template, "My SDXL 风格")
    assert path.parent == user_workflow_dir() and path.name == "My_SDXL_风格.json"
    provider = registry.create("comfyui", {"base_url": comfyui_server.url, "image_workflow": path.stem},
                               staging_dir=tmp_path)
    handle = provider.submit(ImageRequest(prompt="陈默站在雨中", negative_prompt="blur", seed=42, n=2))
    sent = json.loads(comfyui_server.received("POST /prompt")[0].body)["prompt"]
    assert sent["6"]["inputs"]["text"] == "陈默站在雨中" and sent["7"]["inputs"]["text"] == "blur"
    assert sent["3"]["inputs"]["seed"] == 42 and sent["5"]["inputs"]["batch_size"] == 2
    assert sent["4"]["inputs"]["ckpt_name"] == "sd_xl_base_1.0.safetensors"  # unbound inputs keep their value
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 2


def test_imported_video_template_runs_with_a_first_frame(comfyui_server, tmp_path):
    wf = exported("image_to_video", model="wan2.1_i2v_480p_14B_fp16.safetensors")
    path = save_template(make_template(wf, guess_bindings(wf), title="wan"), "wan", tmp_path)
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    provider = registry.create("comfyui", {"base_url": comfyui_server.url, "video_workflow": str(path)},
                               staging_dir=tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="turns", first_frame=str(frame),
                                                                    duration=2, fps=16)))
    assert status.state == SUCCEEDED and status.outputs[0].media_type == "video"
