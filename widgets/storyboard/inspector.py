"""The selected shot: every field editable, every still and clip version kept and choosable.

Editing a field marks the shot as the creator's (``user_edited``), so a later
re-breakdown of the screenplay leaves it alone. Generating never replaces a
version: it adds one; choosing an earlier version restores it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.errors import UserError
from app.model import Provenance, Shot
from app.session import Session
from app.storyboard.camera_terms import CAMERA_ANGLES, CAMERA_MOVEMENTS, SHOT_SIZES, term_for, term_label
from app.storyboard.files import add_version
from widgets.storyboard.model_picker import ClipModelPicker

VERSION_ROLE = Qt.ItemDataRole.UserRole + 2


class _PlainEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.focusLost.emit()


class ShotInspector(QWidget):
    generateRequested = Signal(str, str, int)  # shot id, slot ("still"/"clip"), count

    def __init__(self, session: Session, thumbs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.thumbs = thumbs
        self.shot_id = ""
        self._loading = False
        self._edit_serial = 0

        self.title = QLabel(self)
        self.title.setObjectName("inspectorTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.duration = QDoubleSpinBox(self)
        self.duration.setRange(0.5, 60.0)
        self.duration.setSingleStep(0.5)
        self.duration.setSuffix(" s")
        self.duration.editingFinished.connect(self._duration_edited)
        self.shot_size = self._term_combo(SHOT_SIZES, "shot_size")
        self.angle = self._term_combo(CAMERA_ANGLES, "camera_angle")
        self.movement = self._term_combo(CAMERA_MOVEMENTS, "camera_movement")
        self.texts: dict[str, _PlainEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Shot size"), self.shot_size)
        form.addRow(self.tr("Camera angle"), self.angle)
        form.addRow(self.tr("Movement"), self.movement)
        for name, label in (("action", self.tr("Action")), ("image_prompt", self.tr("Image prompt")),
                            ("motion_prompt", self.tr("Motion prompt")),
                            ("negative_prompt", self.tr("Negative prompt"))):
            edit = _PlainEdit(self)
            edit.setMaximumHeight(64)
            edit.setTabChangesFocus(True)
            edit.focusLost.connect(lambda name=name, edit=edit: self._field(name, edit.toPlainText()))
            self.texts[name] = edit
            form.addRow(label, edit)
        self.dialogue = QLabel(self)
        self.dialogue.setWordWrap(True)
        form.addRow(self.tr("Dialogue"), self.dialogue)

        self.stills = self._versions()
        self.clips = self._versions()
        self.count = QSpinBox(self)
        self.count.setRange(1, 8)
        self.count.setValue(4)
        self.count.setSuffix(self.tr(" candidates"))
        self.gen_still = QPushButton(self.tr("Generate Stills"), self)
        self.gen_still.clicked.connect(lambda: self.generateRequested.emit(self.shot_id, "still", self.count.value()))
        self.gen_clip = QPushButton(self.tr("Generate Clip"), self)
        self.gen_clip.clicked.connect(lambda: self.generateRequested.emit(self.shot_id, "clip", 1))
        self.import_button = QPushButton(self.tr("Import File…"), self)
        self.import_button.clicked.connect(self._import_dialog)
        self.continuity = QPushButton(self.tr("Start From Previous Clip's Last Frame"), self)
        self.continuity.setToolTip(self.tr("Adds the last frame of the previous shot's clip as this shot's still, "
                                           "so the next clip continues the action."))
        self.continuity.clicked.connect(self.continue_from_previous)
        self.lock = QPushButton(self.tr("Lock"), self)
        self.lock.setCheckable(True)
        self.lock.toggled.connect(self._lock_toggled)

        still_bar = QHBoxLayout()
        still_bar.addWidget(QLabel(self.tr("Stills")))
        still_bar.addStretch(1)
        still_bar.addWidget(self.count)
        still_bar.addWidget(self.gen_still)
        clip_bar = QHBoxLayout()
        clip_bar.addWidget(QLabel(self.tr("Clips")))
        clip_bar.addStretch(1)
        clip_bar.addWidget(self.gen_clip)
        self.clip_model = ClipModelPicker(session, self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.continuity)
        bottom.addStretch(1)
        bottom.addWidget(self.lock)

        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addLayout(still_bar)
        inner.addWidget(self.stills)
        inner.addLayout(clip_bar)
        inner.addWidget(self.clip_model)
        inner.addWidget(self.clips)
        inner.addLayout(bottom)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        thumbs.ready.connect(self._media_changed)
        session.document.objectChanged.connect(self._changed)
        session.document.mediaChanged.connect(self._media_changed)
        self.show_shot("")

    def _versions(self) -> QListWidget:
        versions = QListWidget(self)
        versions.setViewMode(QListWidget.ViewMode.IconMode)
        versions.setFlow(QListWidget.Flow.LeftToRight)
        versions.setWrapping(False)
        versions.setIconSize(QSize(72, 128))
        versions.setFixedHeight(170)
        versions.setMovement(QListWidget.Movement.Static)
        versions.itemDoubleClicked.connect(self._choose_version)
        versions.setToolTip(self.tr("Double-click a version to use it (earlier versions are kept)."))
        return versions

    # ------------------------------------------------------------------ state
    @property
    def shot(self) -> Shot | None:
        return self.session.document.find(self.shot_id) if self.shot_id else None

    def show_shot(self, shot_id: str) -> None:
        self.shot_id = shot_id
        self._edit_serial += 1
        self.refresh()

    def _changed(self, obj_id: str, _fields: list) -> None:
        if obj_id == self.shot_id:
            self.refresh()

    def _media_changed(self, asset_id: str) -> None:
        """A picture made or a file added: only one of this shot's versions changes what is shown
        (an import of 30 files refreshed the inspector 60 times)."""
        shot = self.shot
        if shot is not None and (asset_id in shot.stills or asset_id in shot.clips):
            self.refresh()

    def refresh(self) -> None:
        shot = self.shot
        self.setEnabled(shot is not None)
        self._loading = True
        try:
            if shot is None:
                self.title.setText(self.tr("Select a shot"))
                for edit in self.texts.values():
                    edit.setPlainText("")
                self.stills.clear()
                self.clips.clear()
                self.dialogue.setText("")
                return
            fps = self.session.series.settings.fps
            self.title.setText(self.tr("Shot %1").replace("%1", shot.code or str(shot.number)))
            self.duration.setValue(shot.duration / fps)
            for combo, value in ((self.shot_size, shot.shot_size), (self.angle, shot.camera_angle),
                                 (self.movement, shot.camera_movement)):
                index = combo.findData(value) if value else 0
                if index >= 0:
                    combo.setCurrentIndex(index)
                else:
                    combo.setCurrentText(value)
            for name, edit in self.texts.items():
                if not edit.hasFocus() and edit.toPlainText() != getattr(shot, name):
                    edit.setPlainText(getattr(shot, name))
            series = self.session.series
            self.dialogue.setText("\n".join(
                f"{(who.name if (who := series.character(d.character_id)) else d.character_name)}"
                f"{'（' + d.parenthetical + '）' if d.parenthetical else ''}：{d.text}" for d in shot.dialogue)
                or self.tr("(no dialogue)"))
            self._fill_versions(self.stills, shot.stills, shot.chosen_still)
            self._fill_versions(self.clips, shot.clips, shot.chosen_clip)
            self.lock.setChecked(shot.locked)
            self.gen_still.setEnabled(not shot.locked)
            self.gen_clip.setEnabled(not shot.locked and bool(shot.chosen_still))
            self.clip_model.set_shot(shot)
        finally:
            self._loading = False

    def _fill_versions(self, widget: QListWidget, versions: list[str], chosen: str | None) -> None:
        widget.clear()
        for number, asset_id in enumerate(versions, start=1):
            asset = self.session.series.media.get(asset_id)
            label = self.tr("v%1").replace("%1", str(number)) + ("  ✓" if asset_id == chosen else "")
            item = QListWidgetItem(label)
            item.setData(VERSION_ROLE, asset_id)
            pixmap = self.thumbs.pixmap(asset_id)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            if asset is not None:
                p = asset.provenance
                item.setToolTip(f"{p.provider or p.source} {p.model}\n{p.prompt[:200]}")
            widget.addItem(item)
            if asset_id == chosen:
                widget.setCurrentItem(item)

    # ------------------------------------------------------------------ edits
    def _term_combo(self, terms: tuple[str, ...], field: str) -> QComboBox:
        """An editable choice of film terms shown in the UI language and stored in English."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItem("", "")
        for term in terms:
            combo.addItem(term_label(term), term)
        combo.currentTextChanged.connect(lambda text: self._field(field, term_for(text, terms)))
        return combo

    def _field(self, name: str, value) -> None:
        shot = self.shot
        if self._loading or shot is None or getattr(shot, name) == value:
            return
        self.session.document.edit(shot, self.tr("Edit shot"), merge_key=f"shot:{shot.id}:{name}:{self._edit_serial}",
                                   **{name: value, "user_edited": True})

    def _duration_edited(self) -> None:
        fps = self.session.series.settings.fps
        self._field("duration", max(1, round(self.duration.value() * fps)))

    def _lock_toggled(self, locked: bool) -> None:
        shot = self.shot
        if not self._loading and shot is not None and shot.locked != locked:
            self.session.document.edit(shot, self.tr("Unlock shot") if not locked else self.tr("Lock shot"),
                                       locked=locked)

    def _choose_version(self, item: QListWidgetItem) -> None:
        shot = self.shot
        if shot is None:
            return
        asset_id = item.data(VERSION_ROLE)
        field = "chosen_still" if item.listWidget() is self.stills else "chosen_clip"
        self.choose(field, asset_id)

    def choose(self, field: str, asset_id: str) -> None:
        shot = self.shot
        if shot is not None and getattr(shot, field) != asset_id:
            self.session.document.edit(shot, self.tr("Choose version"), **{field: asset_id})

    def continue_from_previous(self):
        from app.storyboard.files import continue_from_previous

        shot, episode = self.shot, self.session.current_episode
        if shot is None or episode is None:
            return None
        try:
            return continue_from_previous(self.session, episode, shot)
        except UserError as exc:
            QMessageBox.information(self, self.tr("Continuity"), str(exc))
            return None

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Still or Clip"), str(Path.home()),
                                              self.tr("Pictures and videos (*.png *.jpg *.jpeg *.webp *.mp4 *.mov "
                                                      "*.webm *.mkv)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Add a file made elsewhere as the shot's newest still or clip version, and choose it.

        The copy and checks run on the job queue; the version lands when they are done.
        """
        from app.media.import_job import import_files_job

        shot = self.shot
        if shot is None:
            return
        shot_id = shot.id

        def land(assets, failures: list[str]) -> None:
            if not isValid(self):  # the panel was closed while the file was copied
                return
            if failures:
                QMessageBox.warning(self, self.tr("Cannot import"), failures[0])
            target = self.session.document.find(shot_id)
            if assets and target is not None:
                add_version(self.session, target, assets[0], self.tr("Import version"))

        import_files_job(self.session, [path], land, provenance=lambda _p: Provenance(source="imported"))
