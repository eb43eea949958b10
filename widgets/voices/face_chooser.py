"""Choose which face speaks in a lip-synced shot: the faces the vendor found, as pictures.

Shown when the vendor finds more than one face. Each face is a large checkable button
with its preview and how long it is on screen; "Automatic" is the face on screen longest.
The answer (``chosen_index``: 1-based, 0 = automatic) is kept on the shot by the caller
as one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.voices.faces import FoundFace, longest

FACE_PX = 112


class FaceChooserDialog(QDialog):
    def __init__(self, faces: list[FoundFace], current: int = 0, shot_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("face_chooser")
        self.setWindowTitle(self.tr("Who Speaks in Shot {0}").format(shot_name) if shot_name
                            else self.tr("Who Speaks"))
        self.faces = faces
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The lip-sync vendor found {0} faces in this clip. Choose the one whose mouth "
                               "moves to the voice; the choice is kept for this shot.").format(len(faces)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.auto_button = self._button(self.tr("Automatic\n(on screen longest)"), None)
        self.group.addButton(self.auto_button, 0)
        row.addWidget(self.auto_button)
        default = longest(faces)
        self.buttons: dict[int, QToolButton] = {}
        for face in faces:
            text = self.tr("Face {0}\n{1} s on screen").format(face.index, f"{face.seconds:.1f}")
            if default is not None and face.index == default.index:
                text += "\n" + self.tr("(automatic choice)")
            button = self._button(text, face.image)
            button.setObjectName(f"face_button_{face.index}")
            self.group.addButton(button, face.index)
            self.buttons[face.index] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        chosen = self.group.button(current) if 0 <= current <= len(faces) else None
        (chosen or self.auto_button).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _button(self, text: str, image: bytes | None) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(QSize(FACE_PX, FACE_PX))
        button.setMinimumWidth(FACE_PX + 24)
        pixmap = QPixmap()
        if image and pixmap.loadFromData(image):
            from PySide6.QtGui import QIcon

            button.setIcon(QIcon(pixmap.scaled(FACE_PX, FACE_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation)))
        return button

    @property
    def chosen_index(self) -> int:
        """1-based face in the vendor's list, or 0 for automatic (on screen longest)."""
        return max(0, self.group.checkedId())
