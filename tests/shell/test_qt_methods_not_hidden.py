"""Attributes that used to hide a Qt method of their own class (found by mypy, issue 17).

A plain attribute named like a QObject/QWidget method replaces that method for every caller: Qt's
Python-side helpers, our own code and PySide's virtual dispatch. Each case keeps the Qt method usable.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QStyle

from app.bundle import ProjectBundle
from app.jobs.manager import _Relay
from tests.project_helpers import one_episode_series, opened_session
from widgets.draft.dialog import DraftExportDialog
from widgets.script.bible_dialog import BibleDialog


@pytest.fixture
def session(tmp_path, qtbot):
    with opened_session(ProjectBundle.create(tmp_path / "S.mdrama", one_episode_series()).root) as s:
        yield s


def test_job_relay_still_handles_qt_events(qtbot) -> None:
    relay = _Relay()  # its signal was named "event", hiding QObject.event(QEvent)
    assert isinstance(relay.event(QEvent(QEvent.Type.User)), bool)


def test_bible_dialog_keeps_its_style(session, qtbot) -> None:
    dialog = BibleDialog(session)  # the visual-style box was stored as "style", hiding QWidget.style()
    qtbot.addWidget(dialog)
    assert isinstance(dialog.style(), QStyle)
    assert isinstance(dialog.visual_style, QPlainTextEdit)
    dialog.visual_style.setPlainText("冷色调，电影感")
    dialog.accept()
    assert session.series.bible.visual_style == "冷色调，电影感"


def test_draft_dialog_keeps_qdialog_result(session, qtbot) -> None:
    dialog = DraftExportDialog(session)  # its outcome was stored as "result", hiding QDialog.result()
    qtbot.addWidget(dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert dialog.draft_result is None


def test_export_dialog_keeps_qdialog_result(session, qtbot) -> None:
    from widgets.export.dialog import ExportDialog

    dialog = ExportDialog(session)  # its outcome was stored as "result", hiding QDialog.result()
    qtbot.addWidget(dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert dialog.export_result is None
