"""Which desktop editor a draft is for: versions it targets and where its drafts live.

Jianying Pro (剪映专业版) and CapCut desktop share one draft format (a folder with
``draft_content.json`` and ``draft_meta_info.json``); they differ in the
``platform`` block that names the app. Folder locations are each app's defaults;
both apps let the user move them (Settings > Draft location / 全局设置 > 草稿位置).
"""

from __future__ import annotations

import enum
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication


class DraftApp(enum.Enum):
    JIANYING = "jianying"
    CAPCUT = "capcut"


@dataclass(frozen=True)
class DraftTarget:
    app: DraftApp
    versions: str  # the app versions the library's draft format is known to open in
    app_source: str  # the draft's platform.app_source
    app_id: int  # the draft's platform.app_id
    app_version: str  # the draft's platform.app_version
    windows_folder: str
    macos_folder: str

    @property
    def label(self) -> str:
        if self.app is DraftApp.JIANYING:
            return QCoreApplication.translate("DraftExport", "Jianying Pro (剪映专业版)")
        return QCoreApplication.translate("DraftExport", "CapCut desktop")

    def default_folder(self, platform: str | None = None) -> Path | None:
        """This computer's default draft folder for the app (None on Linux: neither app runs there)."""
        platform = platform or sys.platform
        if platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
            return Path(self.windows_folder.replace("%LOCALAPPDATA%", base))
        if platform == "darwin":
            return Path(self.macos_folder.replace("~", str(Path.home()), 1))
        return None


TARGETS: dict[DraftApp, DraftTarget] = {
    DraftApp.JIANYING: DraftTarget(
        DraftApp.JIANYING, "5.9 – 10.8", "lv", 3704, "5.9.0",
        r"%LOCALAPPDATA%\JianyingPro\User Data\Projects\com.lveditor.draft",
        "~/Movies/JianyingPro/User Data/Projects/com.lveditor.draft"),
    DraftApp.CAPCUT: DraftTarget(
        DraftApp.CAPCUT, "8.2 – 9.5", "cc", 359289, "6.7.0",
        r"%LOCALAPPDATA%\CapCut\User Data\Projects\com.lveditor.draft",
        "~/Movies/CapCut/User Data/Projects/com.lveditor.draft"),
}
