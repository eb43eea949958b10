"""Translatable names of the speech providers' setting fields (see widgets/settings/field_labels.py).

Kept here, in the voices area, so its translations live in voices_zh_CN.ts; Qt finds them by
their "ProviderFields" context whichever file they were compiled from.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

VOICE_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ProviderFields", "Answer format"),
    QT_TRANSLATE_NOOP("ProviderFields", "espeak-ng program"),
    QT_TRANSLATE_NOOP("ProviderFields", "Lip-sync model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Lip-sync call"),
    QT_TRANSLATE_NOOP("ProviderFields", "Host for clips Kling did not make"),
    QT_TRANSLATE_NOOP("ProviderFields", "fal.ai key (clip host)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Clip host address"),
    QT_TRANSLATE_NOOP("ProviderFields", "Voice cloning model"),
)
