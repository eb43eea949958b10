"""The Jobs dock's words for a ComfyUI farm job: its server, a lost server, a move; in Chinese too."""

from __future__ import annotations

from app.jobs.comfy_status import comfy_detail
from providers.base import TaskHandle, TaskStatus


def test_server_and_news_are_told_in_the_users_language(qapp) -> None:
    from widgets.shell.i18n import install_language

    moved = TaskHandle(provider="comfyui", task_id="p2", endpoint={"server": "http://10.0.0.3:8188",
                                                                    "moved_from": "http://10.0.0.2:8188"})
    assert comfy_detail(moved, TaskStatus(state="running")) == " on 10.0.0.3:8188"
    assert comfy_detail(moved, TaskStatus(vendor_status="moved")).endswith("moved here from 10.0.0.2:8188, "
                                                                          "which stopped answering")
    skipped = TaskStatus(vendor_message="skipped: node 4 (ImageScale): Value not in list")
    assert "skipped invalid parts of the workflow: node 4 (ImageScale)" in comfy_detail(moved, skipped)
    assert comfy_detail(TaskHandle(provider="kling", endpoint={"server": "x"}), skipped) == ""
    try:
        install_language("zh_CN")
        text = comfy_detail(moved, TaskStatus(vendor_status="server not answering"))
        assert text.startswith("，在 10.0.0.3:8188 上") and "服务器无响应" in text
    finally:
        install_language("en")
