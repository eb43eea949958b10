"""The dark editor theme: Fusion style, a dark palette and a small style sheet.

The palette does the heavy lifting (every standard widget follows it); the
style sheet in ``resources/themes/dark.qss`` only adds what a palette cannot:
dock title bars, tab shapes, slim scroll bars, the primary button. Colours are
named here once and substituted into the QSS, so panels can use the same names
through ``color()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES_DIR = Path(__file__).resolve().parents[2] / "resources" / "themes"
ICONS_DIR = THEMES_DIR.parent / "icons"

COLORS: dict[str, str] = {
    "window": "#1d1e21",  # main background, menu bar
    "panel": "#232428",  # dock contents
    "panel_alt": "#292a2f",  # alternate rows, raised cards
    "base": "#17181a",  # text fields, lists, timeline well
    "border": "#34363c",
    "title": "#18191c",  # dock title bars, status bar
    "text": "#d9dbe0",
    "text_dim": "#8c9099",
    "text_disabled": "#5b5f67",
    "accent": "#4d8dff",
    "accent_hover": "#6aa0ff",
    "accent_text": "#ffffff",
    "warning": "#f0b34a",
    "danger": "#f0605a",
    "success": "#4cc38a",
}

# UI fonts in order of preference; CJK families follow so Chinese always has glyphs.
LATIN_FAMILIES = ("Inter", "Segoe UI", "SF Pro Text", "Noto Sans", "Cantarell", "DejaVu Sans")
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "WenQuanYi Micro Hei", "Noto Sans CJK JP")


def color(name: str) -> QColor:
    return QColor(COLORS[name])


def dark_palette() -> QPalette:
    c = color
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    pal.setColor(role.Window, c("window"))
    pal.setColor(role.WindowText, c("text"))
    pal.setColor(role.Base, c("base"))
    pal.setColor(role.AlternateBase, c("panel_alt"))
    pal.setColor(role.ToolTipBase, c("panel_alt"))
    pal.setColor(role.ToolTipText, c("text"))
    pal.setColor(role.PlaceholderText, c("text_dim"))
    pal.setColor(role.Text, c("text"))
    pal.setColor(role.Button, c("panel_alt"))
    pal.setColor(role.ButtonText, c("text"))
    pal.setColor(role.BrightText, c("danger"))
    pal.setColor(role.Light, QColor("#3a3c42"))
    pal.setColor(role.Midlight, QColor("#303238"))
    pal.setColor(role.Mid, QColor("#26272b"))
    pal.setColor(role.Dark, QColor("#121315"))
    pal.setColor(role.Shadow, QColor("#000000"))
    pal.setColor(role.Highlight, c("accent"))
    pal.setColor(role.HighlightedText, c("accent_text"))
    pal.setColor(role.Link, c("accent_hover"))
    pal.setColor(role.LinkVisited, c("accent"))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, c("text_disabled"))
    pal.setColor(group.Disabled, role.Highlight, QColor("#3a3c42"))
    pal.setColor(group.Disabled, role.HighlightedText, c("text_disabled"))
    return pal


def style_sheet(name: str = "dark") -> str:
    text = (THEMES_DIR / f"{name}.qss").read_text(encoding="utf-8")
    text = text.replace("@icons", ICONS_DIR.as_posix())
    for key in sorted(COLORS, key=len, reverse=True):  # "@text_dim" before "@text"
        text = text.replace(f"@{key}", COLORS[key])
    return text


def ui_font(language: str, point_size: float | None = None) -> QFont:
    """The application font with a CJK fallback chain; Chinese UIs put the CJK face first
    so Latin and Chinese share one baseline and punctuation is full-width."""
    available = set(QFontDatabase.families())
    latin = [f for f in LATIN_FAMILIES if f in available]
    cjk = [f for f in CJK_FAMILIES if f in available]
    families = (cjk + latin) if language.startswith("zh") else (latin + cjk)
    font = QFont(QApplication.font())
    if families:
        font.setFamilies(families)
    font.setPointSizeF(point_size or 9.5)
    return font


def apply_theme(app: QApplication, language: str) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette())
    app.setFont(ui_font(language))
    app.setStyleSheet(style_sheet())
