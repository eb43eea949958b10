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
VOICE_PROVIDER_TEXTS = (  # help texts and descriptions of the lip-sync providers (registry)
    QT_TRANSLATE_NOOP("ProviderTexts", "fal: a clip made elsewhere is uploaded to fal.ai's file storage (with your "
                      "fal.ai key) so Kling can fetch it; none: only clips Kling made are sent"),
    QT_TRANSLATE_NOOP("ProviderTexts", "A cloned voice speaks only with the CosyVoice model it was made for"),
    QT_TRANSLATE_NOOP("ProviderTexts", "Kling's lip sync (identify-face + advanced-lip-sync); a clip Kling did not make "
                      "is first put on fal.ai's file storage; 2-60 s clips, 512-2160 px, one face."),
)
