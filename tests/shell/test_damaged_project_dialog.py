"""A project.json with an impossible value: the real dialog names the field, in Chinese too, and offers the backup.

Driven like a user: the editor opens the project, the message box appears, the
user presses Escape (Cancel). Nothing on disk changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.bundle import ProjectBundle
from app.model.schema import encode
from widgets.shell import i18n

from .conftest import make_project


@pytest.mark.parametrize("language, words", [("en", "frames is beyond any episode"), ("zh_CN", "超出了任何一集")])
def test_damaged_value_dialog_names_the_field_and_offers_the_backup(qtbot, tmp_path: Path, language, words) -> None:
    from widgets.main_window import MainWindow

    root = make_project(tmp_path / "Love.mdrama")
    bundle = ProjectBundle(root)
    bundle.save(bundle.load())  # a good project.json.bak
    doc = json.loads(encode(bundle.load()))  # the single-file form (a split part: tests/split)
    doc["series"]["episodes"][1]["timeline"]["markers"] = [{"id": "m1", "frame": 10**12}]
    bundle.project_file.write_text(json.dumps(doc))
    damaged = bundle.project_file.read_bytes()
    i18n.install_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen["text"] = box.text()
        seen["buttons"] = " ".join(b.text() for b in box.buttons())
        box.grab().save(str(tmp_path / f"damaged-{language}.png"))  # looked at in review
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(50, answer)
    assert not window.controller.open_path(root)
    assert "series.episodes[1].timeline.markers[0].frame: 1000000000000" in seen["text"]
    assert words in seen["text"]
    assert ("打开备份" if language == "zh_CN" else "Open Backup") in seen["buttons"].replace("&", "")
    assert not window.session.is_open
    assert bundle.project_file.read_bytes() == damaged
    window.close()
