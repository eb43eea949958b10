"""Loading the UI translations: every ``resources/i18n/*_<lang>.qm`` plus Qt's own.

Each area of the app ships its own ``<area>_zh_CN.ts/.qm``; installing all of
them at once means a new area needs no registration. Switching language at run
time removes the previous translators and installs the new ones; Qt then sends
``QEvent.LanguageChange`` to every widget, and widgets re-read their strings.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from widgets.shell.settings import app_settings

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
SETTINGS_KEY = "ui/language"
SOURCE_LANGUAGE = "en"

# (code, name in its own language): shown untranslated so a user can always find their language.
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def normalize(code: str | None) -> str:
    """Map user input and locale names (zh, zh-CN, zh_Hans_CN, en_US) to a shipped language."""
    if not code:
        return ""
    code = code.replace("-", "_").strip()
    low = code.lower()
    if low.startswith("zh"):
        return "zh_CN"  # the only Chinese we ship; better than falling back to English
    if low.startswith("en") or low in ("c", "posix"):
        return "en"
    return code


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = normalize(name)
        if code in {c for c, _ in LANGUAGES}:
            return code
    return SOURCE_LANGUAGE


def saved_language() -> str:
    """The language chosen in Preferences, or "" to follow the system."""
    return normalize(str(app_settings().value(SETTINGS_KEY, "") or ""))


def save_language(code: str) -> None:
    app_settings().setValue(SETTINGS_KEY, normalize(code))


def effective_language(override: str | None = None) -> str:
    return normalize(override) or saved_language() or system_language()


def current_language() -> str:
    return _current


def install_language(code: str) -> list[str]:
    """Install the translators for ``code``; returns the .qm files loaded (for logging/tests).

    Widgets that exist already are retranslated: those with their own ``retranslate`` on the
    LanguageChange event Qt sends, every other text through ``widgets.shell.retranslate``.
    """
    code = normalize(code) or SOURCE_LANGUAGE
    retranslation = None
    if code != _current and isinstance(QCoreApplication.instance(), QApplication) and QApplication.allWidgets():
        from widgets.shell.retranslate import Retranslation

        retranslation = Retranslation(I18N_DIR, _current, SOURCE_LANGUAGE)
    loaded = _install(code)
    if retranslation is not None:
        retranslation.apply()
    return loaded


def _install(code: str) -> list[str]:
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    code = normalize(code) or SOURCE_LANGUAGE
    _current = code
    loaded: list[str] = []
    if code == SOURCE_LANGUAGE:
        return loaded
    candidates = sorted(I18N_DIR.glob(f"*_{code}.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidates += [qt_dir / f"qtbase_{code}.qm"]
    for path in candidates:
        if not path.is_file():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
        else:
            log.warning("could not load translation %s", path)
    return loaded
