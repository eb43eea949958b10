"""The series bible: premise, tone, style, and the cast and places every prompt refers to.

Everything here is sent as context to the language model, and characters are
named in image prompts as ``@Name`` with their reference images attached, so a
face stays the same from shot to shot. OK applies all changes as one undo step.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.model import Character, Location
from app.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BibleDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Series Bible"))
        self.resize(760, 560)
        series = session.series
        self._characters = copy.deepcopy(series.characters)
        self._locations = copy.deepcopy(series.locations)
        self._new_refs: dict[str, list[str]] = {}

        tabs = QTabWidget(self)
        story = QWidget()
        form = QFormLayout(story)
        self.title = QLineEdit(series.title)
        self.premise = QPlainTextEdit(series.bible.premise)
        self.genre = QLineEdit(series.bible.genre)
        self.tone = QLineEdit(series.bible.tone)
        self.visual_style = QPlainTextEdit(series.bible.visual_style)  # not "style": that would hide QWidget.style()
        self.visual_style.setMaximumHeight(70)
        self.language = QComboBox()
        self.language.addItem(self.tr("Simplified Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(0 if series.bible.language.startswith("zh") else 1)
        self.notes = QPlainTextEdit(series.bible.notes)
        form.addRow(self.tr("Series title"), self.title)
        form.addRow(self.tr("Premise"), self.premise)
        form.addRow(self.tr("Genre"), self.genre)
        form.addRow(self.tr("Tone"), self.tone)
        form.addRow(self.tr("Visual style"), self.visual_style)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Notes"), self.notes)
        tabs.addTab(story, self.tr("Story"))

        self.cast = self._table([self.tr("Name"), self.tr("Description"), self.tr("Voice actor"),
                                 self.tr("Speech voice"), self.tr("References")])
        for character in self._characters:
            self._add_character_row(character)
        tabs.addTab(self._with_buttons(self.cast, self._new_character, self._remove_character,
                                       self._add_reference), self.tr("Characters"))
        from widgets.voices.voice_page import VoicePage

        self.voices = VoicePage(session, lambda: self._characters, self)
        tabs.addTab(self.voices, self.voices.title())
        tabs.currentChanged.connect(lambda _i: self.voices.refresh())
        self.places = self._table([self.tr("Name"), self.tr("Description")])
        for location in self._locations:
            self._add_location_row(location)
        tabs.addTab(self._with_buttons(self.places, self._new_location, self._remove_location, None),
                    self.tr("Locations"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._importing = 0  # reference images still being copied in on the job queue
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ tables
    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    def _with_buttons(self, table: QTableWidget, add, remove, reference) -> QWidget:
        page = QWidget()
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add"), add), (self.tr("Remove"), remove),
                           (self.tr("Add Reference Image…"), reference)):
            if slot is None:
                continue
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return page

    def _add_character_row(self, character: Character) -> None:
        row = self.cast.rowCount()
        self.cast.insertRow(row)
        values = [character.name, character.description, character.voice_actor, character.speech_voice,
                  str(len(character.reference_images))]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 4:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(ID_ROLE, character.id)
            self.cast.setItem(row, column, item)

    def _add_location_row(self, location: Location) -> None:
        row = self.places.rowCount()
        self.places.insertRow(row)
        for column, value in enumerate((location.name, location.description)):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, location.id)
            self.places.setItem(row, column, item)

    def _new_character(self) -> None:
        character = Character(name=self.tr("New character"))
        self._characters.append(character)
        self._add_character_row(character)
        self.cast.editItem(_cell(self.cast, self.cast.rowCount() - 1, 0))

    def _remove_character(self) -> None:
        row = self.cast.currentRow()
        if row >= 0:
            cid = _cell(self.cast, row, 0).data(ID_ROLE)
            self._characters = [c for c in self._characters if c.id != cid]
            self.cast.removeRow(row)

    def _new_location(self) -> None:
        location = Location(name=self.tr("New location"))
        self._locations.append(location)
        self._add_location_row(location)

    def _remove_location(self) -> None:
        row = self.places.currentRow()
        if row >= 0:
            lid = _cell(self.places, row, 0).data(ID_ROLE)
            self._locations = [loc for loc in self._locations if loc.id != lid]
            self.places.removeRow(row)

    def _add_reference(self) -> None:
        row = self.cast.currentRow()
        if row < 0 or self.session.bundle is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Reference images"), str(Path.home()),
                                                self.tr("Images (*.png *.jpg *.jpeg *.webp)"))
        if paths:
            self.add_reference_files(row, [Path(p) for p in paths])

    def add_reference_files(self, row: int, paths: list[Path]) -> None:
        """Import images into the bundle and attach them to the character on ``row``.

        The copy runs on the job queue; OK waits ("Importing…") until the images are in.
        """
        from app.media.import_job import import_files_job
        from app.model import Provenance

        cid = _cell(self.cast, row, 0).data(ID_ROLE)

        def land(assets, failures: list[str]) -> None:
            if not isValid(self):  # the dialog is gone; the images stay in the project's media
                return
            self._importing -= 1
            character = next((c for c in self._characters if c.id == cid), None)
            if character is not None:
                for asset in assets:
                    if asset.id not in character.reference_images:
                        character.reference_images.append(asset.id)
                for r in range(self.cast.rowCount()):
                    if _cell(self.cast, r, 0).data(ID_ROLE) == cid:
                        _cell(self.cast, r, 4).setText(str(len(character.reference_images)))
            if failures and self.isVisible():
                QMessageBox.warning(self, self.tr("Reference images"), "\n".join(failures))
            self._update_ok()

        self._importing += 1
        self._update_ok()
        import_files_job(self.session, paths, land,
                         provenance=lambda _p: Provenance(source="imported", notes="character reference"))

    def _update_ok(self) -> None:
        busy = self._importing > 0
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Importing…") if busy else self.tr("OK"))

    # ------------------------------------------------------------------- apply
    def accept(self) -> None:
        for row in range(self.cast.rowCount()):
            cid = _cell(self.cast, row, 0).data(ID_ROLE)
            character = next(c for c in self._characters if c.id == cid)
            character.name = _cell(self.cast, row, 0).text().strip()
            character.description = _cell(self.cast, row, 1).text().strip()
            character.voice_actor = _cell(self.cast, row, 2).text().strip()
            character.speech_voice = _cell(self.cast, row, 3).text().strip()
        for row in range(self.places.rowCount()):
            lid = _cell(self.places, row, 0).data(ID_ROLE)
            location = next(loc for loc in self._locations if loc.id == lid)
            location.name = _cell(self.places, row, 0).text().strip()
            location.description = _cell(self.places, row, 1).text().strip()
        series = self.session.series
        doc = self.session.document
        with doc.macro(self.tr("Edit series bible")):
            if self.title.text().strip() != series.title:
                doc.edit(series, QCoreApplication.translate("ScriptBibleDialog", "Rename series"), title=self.title.text().strip())
            doc.edit(series.bible, QCoreApplication.translate("ScriptBibleDialog", "Edit bible"), premise=self.premise.toPlainText().strip(),
                     genre=self.genre.text().strip(), tone=self.tone.text().strip(),
                     visual_style=self.visual_style.toPlainText().strip(), language=self.language.currentData(),
                     notes=self.notes.toPlainText().strip())
            doc.edit(series, QCoreApplication.translate("ScriptBibleDialog", "Edit cast"), characters=self._characters, locations=self._locations)
        super().accept()


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item at (row, column); rows are added with every cell filled, so a gap is only ever made empty."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, column, item)
    return item
