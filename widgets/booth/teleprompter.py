"""The current line, large, with who says it, how, in which shot, and what comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.model import Character, DialogueLine, Shot


class Teleprompter(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoothTeleprompter")
        self.setStyleSheet(
            "#BoothTeleprompter { background: #141518; border: 1px solid #34363c; border-radius: 6px; }"
            "#BoothTeleprompter[recording=\"true\"] { border: 2px solid #f0605a; }"
            "QLabel { background: transparent; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(6)
        self.shot = QLabel(self)
        self.shot.setStyleSheet("color: #8c9099;")
        self.shot.setWordWrap(True)
        self.character = QLabel(self)
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() + 3)
        f.setBold(True)
        self.character.setFont(f)
        self.parenthetical = QLabel(self)
        self.parenthetical.setStyleSheet("color: #b3b6bd; font-style: italic;")
        self.text = QLabel(self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        self.text.setFont(big)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #f2f3f5;")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.next = QLabel(self)
        self.next.setStyleSheet("color: #6f737b;")
        self.next.setWordWrap(True)
        for w in (self.shot, self.character, self.parenthetical, self.text, self.next):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(w)
        layout.setStretch(3, 1)
        self._layout = layout
        self._big = big
        self._compact = False
        self._name = ""

    def _show_parenthetical(self) -> None:
        """Compact: "林 (惊讶)" on one line; otherwise the direction under the name."""
        note = self.parenthetical.text()
        self.parenthetical.setVisible(bool(note) and not self._compact)
        if self._name:
            self.character.setText(f"{self._name}  {note}" if self._compact and note else self._name)

    def set_compact(self, compact: bool) -> None:
        """A narrow dock: the line alone, a smaller font and margins; shot and next-line hints hidden."""
        self._compact = compact
        self.shot.setVisible(not compact)
        self.next.setVisible(not compact)
        self._layout.setSpacing(2 if compact else 6)
        self._show_parenthetical()
        self._layout.setContentsMargins(*((8, 4, 8, 4) if compact else (18, 12, 18, 12)))
        font = QFont(self._big)
        font.setPointSizeF(self.font().pointSizeF() * (1.5 if compact else 2.2))
        self.text.setFont(font)

    def show_line(self, shot: Shot | None, line: DialogueLine | None, character: Character | None,
                  next_item: tuple[Shot, DialogueLine] | None) -> None:
        if line is None or shot is None:
            self.shot.setText("")
            self.character.setText("")
            self._name = ""
            self.parenthetical.setText("")
            self.text.setText(self.tr("No dialogue lines to record."))
            self.next.setText("")
            return
        code = shot.code or str(shot.number)
        action = f" · {shot.action}" if shot.action else ""
        self.shot.setText(self.tr("Shot %1").replace("%1", code) + action)
        self.character.setText(line.character_name or self.tr("(no character)"))
        color = character.color if character is not None else "#7aa2f7"
        self.character.setStyleSheet(f"color: {color};")
        self.parenthetical.setText(f"({line.parenthetical})" if line.parenthetical else "")
        self._name = line.character_name or self.tr("(no character)")
        self._show_parenthetical()
        self.text.setText(line.text or self.tr("(empty line)"))
        if next_item is None:
            self.next.setText(self.tr("Next: — end of the lines —"))
        else:
            nshot, nline = next_item
            self.next.setText(self.tr("Next: %1: %2").replace("%1", nline.character_name).replace("%2", nline.text))

    def set_recording(self, recording: bool) -> None:
        self.setProperty("recording", "true" if recording else "false")
        self.style().unpolish(self)
        self.style().polish(self)
