"""What a ComfyUI job's line in the Jobs dock adds to "Waiting for ComfyUI": its server, and news.

The ComfyUI client (``providers.comfyui_farm``) names the server in the handle and reports a
lost server or a move as a status word (``TaskStatus.vendor_status``); the words a user reads
are made here, where they can be translated. Validation errors of skipped workflow branches are
ComfyUI's own text and are shown as they come.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def comfy_detail(handle: Any, status: Any) -> str:
    """The suffix for a ComfyUI job's progress text ("" for other providers)."""
    if getattr(handle, "provider", "") != "comfyui":
        return ""
    text = ""
    server = (handle.endpoint or {}).get("server")
    if server:
        text += QCoreApplication.translate("ComfyStatus", " on {server}").format(server=str(server).split("://")[-1])
    if status.vendor_status == "server not answering":
        text += QCoreApplication.translate(
            "ComfyStatus", " — the server is not answering; the job moves to another server if it stays down")
    elif status.vendor_status == "moved":
        source = str((handle.endpoint or {}).get("moved_from") or "").split("://")[-1]
        text += QCoreApplication.translate(
            "ComfyStatus", " — moved here from {server}, which stopped answering").format(server=source)
    elif status.vendor_message.startswith("skipped: "):
        text += QCoreApplication.translate(
            "ComfyStatus", " — ComfyUI skipped invalid parts of the workflow: {errors}").format(
            errors=status.vendor_message[len("skipped: "):])
    return text
