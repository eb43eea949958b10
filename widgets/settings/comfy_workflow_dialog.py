"""Import a ComfyUI workflow (API format) as a template: check the guessed inputs once, save, use.

Opened from the ComfyUI page of Edit → Providers… ("Import a workflow…"). The file is read
and mapped by ``providers.comfyui_byo`` (prompt and negative prompt by the sampler's links,
LoadImage, seed, size, frames, fps); each row shows the guess and lets the user pick another
input or none. Saving writes the template to the user's config folder and makes it the
ComfyUI page's text-to-image or image-to-video workflow, which Storyboard's Generate uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n_marks import QT_TRANSLATE_NOOP
from providers.comfyui_byo import (
    Binding,
    Role,
    WorkflowFormatError,
    candidate_inputs,
    guess_bindings,
    is_video_workflow,
    make_template,
    missing_roles,
    parse_workflow,
    save_template,
    user_workflow_dir,
)

# The farm's settings fields (the registry knows no Qt; ProviderPage translates in this context).
FARM_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ProviderFields", "More servers (farm)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Re-run started jobs of a lost paid server"),
    QT_TRANSLATE_NOOP("ProviderFields", "Move jobs after (s) without answer"),
)
MAX_WORKFLOW_BYTES = 2 * 1024 * 1024  # exported workflows are tens of KB; anything huge is not one


class ComfyWorkflowDialog(QDialog):
    """Pick an exported workflow, confirm what each input is, save it as a template."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a ComfyUI workflow"))
        self.folder = folder or user_workflow_dir()
        self.workflow: dict[str, Any] | None = None
        self.saved: Path | None = None
        self.video = False
        self._choices: list[tuple[str, str, str]] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose a workflow saved from ComfyUI with Workflow > Export (API). We find where "
                               "the prompt, image, seed and size go; check the guesses and change any that are "
                               "wrong."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self._choose)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.textChanged.connect(self._update_buttons)
        form.addRow(self.tr("Template name"), self.name)
        self.kind = QLabel()
        form.addRow(self.tr("Makes"), self.kind)
        layout.addLayout(form)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Our value"), self.tr("Workflow input")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save template"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._update_buttons()

    # ----------------------------------------------------------------- labels
    def role_label(self, role: Role) -> str:
        return {
            Role.PROMPT: self.tr("Prompt"), Role.NEGATIVE_PROMPT: self.tr("Negative prompt"),
            Role.IMAGE: self.tr("First frame / reference image"), Role.LAST_IMAGE: self.tr("End frame"),
            Role.SEED: self.tr("Seed"), Role.WIDTH: self.tr("Width"), Role.HEIGHT: self.tr("Height"),
            Role.COUNT: self.tr("Number of images"), Role.FRAMES: self.tr("Frame count"),
            Role.FPS: self.tr("Frames per second"), Role.FILENAME_PREFIX: self.tr("Output file name"),
        }[role]

    # ----------------------------------------------------------------- loading
    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a ComfyUI workflow"), str(Path.home()),
                                                    self.tr("Workflow (*.json)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read and map ``path``; on a bad file say why and how to get a good one."""
        self.path.setText(str(path))
        self.workflow = None
        self.table.setRowCount(0)
        try:
            if path.stat().st_size > MAX_WORKFLOW_BYTES:
                raise WorkflowFormatError("too big")
            workflow = parse_workflow(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, WorkflowFormatError) as exc:
            ui_format = "API" in str(exc) and "format" in str(exc)
            self._say(self.tr("This file is in ComfyUI's editor format. In ComfyUI choose Workflow > Export "
                              "(API) (older versions: turn on Dev mode in the settings, then Save (API Format)) "
                              "and import that file.") if ui_format else
                      self.tr("This file is not a ComfyUI workflow in API format ({reason}).").format(reason=exc),
                      error=True)
            self._update_buttons()
            return False
        self.workflow = workflow
        self.video = is_video_workflow(workflow)
        self.kind.setText(self.tr("Video (image to video)") if self.video else self.tr("Still images"))
        if not self.name.text():
            self.name.setText(path.stem)
        self._choices = candidate_inputs(workflow)
        guessed = guess_bindings(workflow)
        for role in Role:
            row = self.table.rowCount()
            self.table.insertRow(row)
            label = QLabel(self.role_label(role))
            label.setContentsMargins(6, 0, 6, 0)
            self.table.setCellWidget(row, 0, label)
            combo = QComboBox()
            combo.addItem(self.tr("— not used —"), None)
            for nid, cls, name in self._choices:
                combo.addItem(f"#{nid} {cls} · {name}", _key(nid, name))
            binding = guessed.get(role)
            if binding is not None:
                combo.setCurrentIndex(max(0, combo.findData(_key(binding.node_id, binding.input_name))))
            combo.currentIndexChanged.connect(self._update_buttons)
            self.table.setCellWidget(row, 1, combo)
        self._update_buttons()
        return True

    def bindings(self) -> dict[Role, Binding]:
        out: dict[Role, Binding] = {}
        for row, role in enumerate(Role):
            combo = self.table.cellWidget(row, 1)
            data = combo.currentData() if isinstance(combo, QComboBox) else None
            if data:
                node_id, _sep, name = str(data).partition("\x1f")
                out[role] = Binding(role, node_id, name)
        return out

    def set_binding(self, role: Role, node_id: str | None, input_name: str = "") -> None:
        combo = self.table.cellWidget(list(Role).index(role), 1)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(0, combo.findData(_key(node_id, input_name)) if node_id else 0))

    # ------------------------------------------------------------------ saving
    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#f0605a' if error else '#8c9099'};")
        self.message.setText(text)

    def _update_buttons(self) -> None:
        ok = self.workflow is not None and bool(self.name.text().strip())
        if self.workflow is not None:
            bindings = self.bindings()
            used = [(b.node_id, b.input_name) for b in bindings.values()]
            if missing_roles(bindings, self.video):
                self._say(self.tr("We could not find the prompt input: choose it in the list."), error=True)
                ok = False
            elif len(used) != len(set(used)):
                self._say(self.tr("One workflow input is chosen for two values."), error=True)
                ok = False
            else:
                self._say(self.tr("Saved templates go to {folder}").format(folder=self.folder))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        if self.workflow is None:
            return
        title = self.name.text().strip()
        try:
            template = make_template(self.workflow, self.bindings(), title=title)
            self.saved = save_template(template, title, self.folder)
        except (OSError, ValueError) as exc:
            self._say(self.tr("The template could not be saved: {reason}").format(reason=exc), error=True)
            return
        self.accept()


def add_import_row(page: Any, form: QFormLayout) -> QPushButton:
    """The "Import a workflow…" row of the ComfyUI settings page; the saved template becomes its workflow."""
    button = QPushButton(QCoreApplication.translate("ComfyWorkflowDialog", "Import a workflow…"))

    def run() -> None:
        dialog = ComfyWorkflowDialog(page)
        if dialog.exec():
            use_imported(page, dialog)

    button.clicked.connect(run)
    form.addRow(QCoreApplication.translate("ComfyWorkflowDialog", "Your own workflow"), button)
    return button



def use_imported(page: Any, dialog: ComfyWorkflowDialog) -> None:
    """Make the saved template the page's image or video workflow (stored when the page is saved)."""
    if dialog.saved is None:
        return
    editor = page.editors.get("video_workflow" if dialog.video else "image_workflow")
    if isinstance(editor, QLineEdit):
        editor.setText(dialog.saved.stem)


def _key(node_id: str, input_name: str) -> str:
    """A combo box item's data: one string (Qt compares strings reliably, tuples not)."""
    return f"{node_id}\x1f{input_name}"
