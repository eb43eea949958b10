"""Vendor errors in plain Chinese in the job row and the dialogs, the vendor's words one click away."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import providers.errors as E
from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.jobs.vendor_errors import explain, known_kinds
from app.settings_store import settings_store
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY, kling_error
from widgets.jobs.panel import JobsPanel
from widgets.shell import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def chinese(qapp):
    # windows an earlier test closed are deleted later; delete them now, not in the middle of the
    # retranslation the language switch runs over every window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def _kind_constants() -> dict[str, str]:
    return {name: value for name, value in vars(E).items()
            if name.isupper() and isinstance(value, str) and name not in ("RETRYABLE_KINDS",)}


def test_every_kind_a_provider_raises_has_a_plain_message() -> None:
    constants = _kind_constants()
    assert set(constants.values()) <= known_kinds(), set(constants.values()) - known_kinds()
    used: set[str] = set()
    for path in sorted((ROOT / "providers").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "E" \
                    and node.attr.isupper() and isinstance(getattr(E, node.attr, None), str):
                used.add(node.attr)
            if isinstance(node, ast.keyword) and node.arg == "kind" and isinstance(node.value, ast.Constant):
                assert node.value.value in known_kinds(), f"{path.name}: kind={node.value.value!r}"
    assert used and used <= set(constants), used - set(constants)


@pytest.mark.parametrize(("kind", "words"), [
    (E.AUTH, "密钥"), (E.QUOTA, "余额"), (E.RATE_LIMIT, "限流"), (E.CONTENT_POLICY, "内容规则"),
    (E.BAD_REQUEST, "参数"), (E.NOT_FOUND, "没有这个任务"), (E.SERVER, "服务器出错"), (E.TIMEOUT, "未及时响应"),
    (E.CONNECTION, "连接失败"),
])
def test_each_common_class_reads_plainly_in_chinese(chinese, kind, words) -> None:
    exc = E.ProviderError("kling: something (code 1: Raw vendor words sk-abcdefghijklmnop)", retryable=False,
                          kind=kind, provider="kling")
    plain = explain(exc)
    assert plain is not None and words in plain.plain and "Kling" in plain.plain or "可灵" in plain.plain
    assert "Raw vendor words" in plain.original and "sk-abcdefghijklmnop" not in plain.original


def test_refused_connection_says_is_the_server_running_only_when_refused(chinese) -> None:
    refused = explain(E.ProviderError("kling: cannot reach http://127.0.0.1:9: [Errno 111] Connection refused",
                                      retryable=True, kind=E.CONNECTION, provider="kling"))
    dns = explain(E.ProviderError("kling: cannot reach https://api.example: Name or service not known",
                                  retryable=True, kind=E.CONNECTION, provider="kling"))
    assert "服务器是否在运行" in refused.plain
    assert "服务器是否在运行" not in dns.plain


def test_quota_error_in_the_job_row_is_chinese_with_the_original_behind_a_disclosure(
        session, qtbot, kling_server, monkeypatch, chinese) -> None:
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    settings_store().set("defaults", "image", "kling")
    kling_server.fail_next("POST /v1/images/generations",
                           kling_error(429, 1102, f"resource pack exhausted for {ACCESS_KEY}"), times=10)
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    assert panel.generate_missing("still") == 3
    manager = job_manager(session)
    qtbot.waitUntil(lambda: all(j.state is JobState.FAILED for j in manager.jobs()), timeout=20000)
    job = manager.jobs()[0]
    row = panel._items[job.id].text(5)
    assert "余额不足" in row and "resource pack" not in row
    panel._items[job.id].setSelected(True)
    assert panel.original.isVisible() and not panel.original.text.isVisible()
    assert panel.original.toggle.text() == "显示原文"
    qtbot.mouseClick(panel.original.toggle, Qt.MouseButton.LeftButton)
    assert panel.original.text.isVisible() and panel.original.toggle.text() == "隐藏原文"
    original = panel.original.text.toPlainText()
    assert "1102" in original and "resource pack exhausted" in original and ACCESS_KEY not in original
    qtbot.mouseClick(panel.original.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == original
    panel.grab().save("/tmp/fh/vendor_error_row.png")


def test_a_vendor_error_dialog_shows_plain_words_and_the_original_as_details(qtbot, chinese) -> None:
    from widgets.settings.provider_setup import explain_generation_error

    shown: list[QMessageBox] = []

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box)
            box.done(0)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, close_it)
    exc = E.ProviderError("kling: refused by the content safety check (code 1301: risk control)", retryable=False,
                          kind=E.CONTENT_POLICY, provider="kling", vendor_code=1301)
    explain_generation_error(None, exc)
    assert shown, "no dialog appeared"
    assert "内容规则" in shown[0].text() and "risk control" in shown[0].detailedText()


def test_a_timeline_refusal_names_the_track_kind_in_chinese(chinese) -> None:
    from app.model import TrackKind
    from app.timeline.edits import EditRefused, TimelineEditor
    from tests.timeline.builders import picture_doc

    doc, episode = picture_doc()
    tracks = episode.timeline.tracks
    picture = tracks.index(episode.timeline.first_track(TrackKind.PICTURE))
    music = tracks.index(episode.timeline.first_track(TrackKind.MUSIC))
    with pytest.raises(EditRefused) as refused:
        TimelineEditor(doc, episode).move_clips(["c0"], 0, music - picture)
    text = str(refused.value)
    assert "音乐" in text and "music" not in text.lower() and "Music" not in text, text
