"""Translatable names of the registry's setting fields (the registry itself knows no Qt).

lupdate reads the strings here; ``ProviderPage`` translates a field's label in the
"ProviderFields" context, falling back to the English label for fields added later.
"""

from __future__ import annotations

from app.i18n_marks import QT_TRANSLATE_NOOP

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ProviderFields", "API key"),
    QT_TRANSLATE_NOOP("ProviderFields", "API token"),
    QT_TRANSLATE_NOOP("ProviderFields", "Access key"),
    QT_TRANSLATE_NOOP("ProviderFields", "Auth token (if behind a proxy)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Base URL"),
    QT_TRANSLATE_NOOP("ProviderFields", "Bearer token (optional)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Chat model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Checkpoint"),
    QT_TRANSLATE_NOOP("ProviderFields", "Default motion"),
    QT_TRANSLATE_NOOP("ProviderFields", "Height"),
    QT_TRANSLATE_NOOP("ProviderFields", "Image model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Image resolution"),
    QT_TRANSLATE_NOOP("ProviderFields", "Image-to-video model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Image-to-video workflow"),
    QT_TRANSLATE_NOOP("ProviderFields", "Model (optional)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Music model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Resolution"),
    QT_TRANSLATE_NOOP("ProviderFields", "Secret key"),
    QT_TRANSLATE_NOOP("ProviderFields", "Speech model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Steps"),
    QT_TRANSLATE_NOOP("ProviderFields", "Strength"),
    QT_TRANSLATE_NOOP("ProviderFields", "Text-to-image workflow"),
    QT_TRANSLATE_NOOP("ProviderFields", "Text-to-video model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Timeout (s)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Video mode"),
    QT_TRANSLATE_NOOP("ProviderFields", "Video model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Voice"),
    QT_TRANSLATE_NOOP("ProviderFields", "Wait for result (s, 0-60)"),
    QT_TRANSLATE_NOOP("ProviderFields", "Watched folder"),
    QT_TRANSLATE_NOOP("ProviderFields", "Width"),
)

CAPABILITY_NAMES = {
    "text": QT_TRANSLATE_NOOP("ProviderFields", "Text"),
    "image": QT_TRANSLATE_NOOP("ProviderFields", "Images"),
    "video": QT_TRANSLATE_NOOP("ProviderFields", "Video"),
    "music": QT_TRANSLATE_NOOP("ProviderFields", "Music"),
    "speech": QT_TRANSLATE_NOOP("ProviderFields", "Speech"),
    "lipsync": QT_TRANSLATE_NOOP("ProviderFields", "Lip sync"),
}
