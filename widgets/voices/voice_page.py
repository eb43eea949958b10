"""The Series Bible's Voices page: the voice each character speaks with, in every episode.

Provider, voice (a vendor voice id or a cloned voice's id), speed, pitch, language and a
default delivery note, edited on the Bible's working copy of the cast (OK applies it with
the rest of the Bible, as one undo step). Preview speaks a sample sentence through the job
queue and plays it. The offline engine is labelled as a scratch voice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.model import Character
from app.session import Session
from app.voices.cast import SCRATCH_PROVIDER

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SCRATCH_VOICES = ("", "cmn+f2", "cmn+f3", "cmn+f4", "cmn+m1", "cmn+m3", "en-us+f2", "en-us+f3", "en-us+m1",
                  "en-us+m3")


class VoicePage(QWidget):
    def __init__(self, session: Session, characters: Callable[[], list[Character]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._characters = characters
        self._filling = False
        self._player = None
        self.list = QListWidget(self)
        self.list.setMaximumWidth(200)
        self.list.currentItemChanged.connect(lambda *_: self._load())
        self.provider = QComboBox(self)
        self.voice = QComboBox(self)
        self.voice.setEditable(True)
        self.speed = QDoubleSpinBox(self)
        self.speed.setRange(0.5, 2.0)
        self.speed.setSingleStep(0.05)
        self.speed.setDecimals(2)
        self.pitch = QDoubleSpinBox(self)
        self.pitch.setRange(-1.0, 1.0)
        self.pitch.setSingleStep(0.1)
        self.pitch.setDecimals(2)
        self.language = QComboBox(self)
        self.note = QLineEdit(self)
        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview)
        self.clone_button = QPushButton(self)
        self.clone_button.clicked.connect(self._clone_from_file)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.scratch_note = QLabel(self)
        self.scratch_note.setWordWrap(True)
        self.scratch_note.setStyleSheet("color: #f0b34a;")
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(self.labels, (self.provider, self.voice, self.speed, self.pitch, self.language,
                                              self.note), strict=True):
            self.form.addRow(label, field)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.scratch_note)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.clone_button)
        row.addWidget(self.status, 1)
        right.addLayout(row)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.retranslate()
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.voice.currentTextChanged.connect(lambda _t: self._store())
        for spin in (self.speed, self.pitch):
            spin.valueChanged.connect(lambda _v: self._store())
        self.language.currentIndexChanged.connect(lambda _i: self._store())
        self.note.textEdited.connect(lambda _t: self._store())
        self.refresh()

    def title(self) -> str:
        return self.tr("Voices")

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("Provider"), self.tr("Voice"), self.tr("Speed"),
                                             self.tr("Pitch"), self.tr("Language"), self.tr("Delivery note")),
                               strict=True):
            label.setText(text)
        self.preview_button.setText(self.tr("Preview"))
        self.clone_button.setText(self.tr("Clone from Recording…"))
        self.clone_button.setToolTip(self.tr("Make this provider's voice from 10 s to 5 minutes of the actor "
                                             "speaking (a booth take or an audio file)"))
        self.note.setPlaceholderText(self.tr("e.g. calm, low, a little tired (sent with every line)"))
        self.voice.lineEdit().setPlaceholderText(self.tr("automatic"))
        self.scratch_note.setText(self.tr(
            "Scratch voice: a robotic voice made on this computer, with no key and no cost, so you can time "
            "the episode now. Replace it with a vendor voice or a recording before you publish."))
        self._filling = True
        self.provider.clear()
        from providers import registry

        for info in registry.for_capability("speech"):
            label = self.tr("Scratch voice (offline)") if info.name == SCRATCH_PROVIDER else info.label
            self.provider.addItem(label, info.name)
        self.language.clear()
        self.language.addItem(self.tr("From the text"), "")
        self.language.addItem(self.tr("Mandarin"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self._filling = False

    # ------------------------------------------------------------ editing
    def refresh(self) -> None:
        """Rebuild the cast list (the Characters tab may have added or renamed some)."""
        current = self.current_character()
        self.list.clear()
        for character in self._characters():
            item = QListWidgetItem(character.name or self.tr("(unnamed)"))
            item.setData(ID_ROLE, character.id)
            self.list.addItem(item)
            if current is not None and character.id == current.id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._load()

    def current_character(self) -> Character | None:
        item = self.list.currentItem()
        cid = item.data(ID_ROLE) if item is not None else None
        return next((c for c in self._characters() if c.id == cid), None)

    def _load(self) -> None:
        character = self.current_character()
        enabled = character is not None
        for w in (self.provider, self.voice, self.speed, self.pitch, self.language, self.note, self.preview_button):
            w.setEnabled(enabled)
        if character is None:
            return
        voice = character.voice
        self._filling = True
        index = self.provider.findData(voice.provider or SCRATCH_PROVIDER)
        self.provider.setCurrentIndex(max(0, index))
        self._fill_voices()
        self.voice.setCurrentText(voice.voice_id)
        self.speed.setValue(voice.speed or 1.0)
        self.pitch.setValue(voice.pitch)
        self.language.setCurrentIndex(max(0, self.language.findData(voice.language)))
        self.note.setText(voice.note)
        self._filling = False
        self._sync_scratch()

    def _fill_voices(self) -> None:
        from providers import registry

        name = self.provider.currentData()
        self.voice.clear()
        if name == SCRATCH_PROVIDER:
            choices = SCRATCH_VOICES
        else:
            field = next((f for f in registry.get(name).fields if f.key == "voice"), None) if name else None
            choices = ("", *field.choices) if field is not None else ("",)
        self.voice.addItems(list(choices))

    def _provider_changed(self, _index: int) -> None:
        if self._filling:
            return
        self._filling = True
        self._fill_voices()
        self.voice.setCurrentText("")
        self._filling = False
        self._store()
        self._sync_scratch()

    def _sync_scratch(self) -> None:
        from app.voices.clone import can_clone

        self.scratch_note.setVisible(self.provider.currentData() == SCRATCH_PROVIDER)
        self.clone_button.setVisible(can_clone(self.provider.currentData() or ""))

    # ------------------------------------------------------------ cloning
    def _clone_from_file(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        start = self.session.bundle.root / "takes" if self.session.bundle is not None else Path.home()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Voice sample"), str(start),
                                              self.tr("Audio (*.wav *.mp3 *.m4a *.flac *.ogg)"))
        if path:
            self.clone_from(Path(path))

    def clone_from(self, sample) -> None:  # noqa: ANN001 - a Path
        """Queue cloning the current character's voice from ``sample`` with the chosen provider."""
        from app.errors import UserError
        from app.voices.clone import clone_job

        character = self.current_character()
        provider = self.provider.currentData() or ""
        if character is None:
            return
        cid = character.id

        def landed(voice_id: str) -> None:
            copy = next((c for c in self._characters() if c.id == cid), None)
            if copy is not None:  # the Bible's working copy gets it too, so OK keeps it
                copy.voice.provider, copy.voice.voice_id, copy.voice.cloned = provider, voice_id, True
            if isValid(self):
                self._load()
                self.status.setText(self.tr("Voice cloned: %1").replace("%1", voice_id))

        self.status.setText(self.tr("Cloning…"))
        try:
            self.preview_job = clone_job(self.session, character, provider, sample, landed)
        except UserError as exc:
            self.status.setText(str(exc))
            return
        if not getattr(self, "_watching", False):
            self.session.services.jobs.jobFinished.connect(self._finished)
            self._watching = True

    def _store(self) -> None:
        if self._filling:
            return
        character = self.current_character()
        if character is None:
            return
        voice = character.voice
        voice.provider = self.provider.currentData() or ""
        voice.voice_id = self.voice.currentText().strip()
        voice.speed = round(self.speed.value(), 3)
        voice.pitch = round(self.pitch.value(), 3)
        voice.language = self.language.currentData() or ""
        voice.note = self.note.text().strip()

    # ------------------------------------------------------------ preview
    def preview(self) -> None:
        from app.errors import UserError
        from widgets.voices.preview import preview_job

        character = self.current_character()
        if character is None:
            return
        self._store()
        self.status.setText(self.tr("Speaking…"))
        try:
            self.preview_job = preview_job(self.session, self._characters(), character, self._play)
        except UserError as exc:
            self.status.setText(str(exc))
            return

        manager = self.session.services.jobs
        if not getattr(self, "_watching", False):
            manager.jobFinished.connect(self._finished)
            self._watching = True

    def _finished(self, job_id: str) -> None:
        from app.jobs.job import JobState

        job = getattr(self, "preview_job", None)
        if not isValid(self) or job is None or job.id != job_id:
            return
        if job.state is JobState.FAILED:
            self.status.setText(self.tr("Failed: %1").replace("%1", job.error or ""))
        elif job.state is JobState.CANCELLED:
            self.status.setText(self.tr("Cancelled."))

    def _play(self, audio) -> None:  # noqa: ANN001 - float32 samples at 48 kHz
        from app.audio.capture import DeviceError
        from app.audio.playback import BufferPlayer

        if not isValid(self):
            return
        self.last_preview = audio
        try:
            self._player = BufferPlayer(audio)
            self._player.start()
            self.status.setText(self.tr("Playing (%1 s).").replace("%1", f"{len(audio) / 48000:.1f}"))
        except DeviceError as exc:
            self.status.setText(str(exc))
