"""The film vocabulary of a shot (size, angle, movement), stored in English, shown in the UI language.

Prompts go to image and video models in the terms they were trained on ("close-up",
"slow push in"), so the project keeps those words; a Chinese creator sees 特写 and 缓慢推近.
A term typed by hand is kept and shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n_marks import QT_TRANSLATE_NOOP

SHOT_SIZES = (
    QT_TRANSLATE_NOOP("CameraTerms", "extreme wide"), QT_TRANSLATE_NOOP("CameraTerms", "wide"),
    QT_TRANSLATE_NOOP("CameraTerms", "full"), QT_TRANSLATE_NOOP("CameraTerms", "medium"),
    QT_TRANSLATE_NOOP("CameraTerms", "medium close-up"), QT_TRANSLATE_NOOP("CameraTerms", "close-up"),
    QT_TRANSLATE_NOOP("CameraTerms", "extreme close-up"), QT_TRANSLATE_NOOP("CameraTerms", "two-shot"),
    QT_TRANSLATE_NOOP("CameraTerms", "over-the-shoulder"), QT_TRANSLATE_NOOP("CameraTerms", "insert"),
)
CAMERA_ANGLES = (
    QT_TRANSLATE_NOOP("CameraTerms", "eye level"), QT_TRANSLATE_NOOP("CameraTerms", "low angle"),
    QT_TRANSLATE_NOOP("CameraTerms", "high angle"), QT_TRANSLATE_NOOP("CameraTerms", "bird's eye"),
    QT_TRANSLATE_NOOP("CameraTerms", "dutch angle"),
)
CAMERA_MOVEMENTS = (
    QT_TRANSLATE_NOOP("CameraTerms", "static"), QT_TRANSLATE_NOOP("CameraTerms", "slow push in"),
    QT_TRANSLATE_NOOP("CameraTerms", "pull out"), QT_TRANSLATE_NOOP("CameraTerms", "pan"),
    QT_TRANSLATE_NOOP("CameraTerms", "tilt"), QT_TRANSLATE_NOOP("CameraTerms", "handheld"),
    QT_TRANSLATE_NOOP("CameraTerms", "dolly"), QT_TRANSLATE_NOOP("CameraTerms", "orbit"),
    QT_TRANSLATE_NOOP("CameraTerms", "crane up"),
)


def term_label(term: str) -> str:
    """A stored term in the UI language (a term typed by hand comes back unchanged)."""
    return QCoreApplication.translate("CameraTerms", term) if term else ""


def term_for(text: str, terms: tuple[str, ...]) -> str:
    """What to store for ``text`` typed or picked in the UI: the English term whose label it is, else the text."""
    clean = text.strip()
    for term in terms:
        if clean in (term, term_label(term)):
            return term
    return clean
