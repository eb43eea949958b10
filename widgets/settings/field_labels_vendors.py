"""Translatable names of the setting fields that Ark, DashScope and MiniMax Music added to the registry.

Read by lupdate only (``ProviderPage`` looks labels up in the "ProviderFields" context at run time);
kept apart from ``field_labels.py`` so the areas' translation files do not collide.
"""

from __future__ import annotations

from app.i18n_marks import QT_TRANSLATE_NOOP

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ProviderFields", "Image answer"),
    QT_TRANSLATE_NOOP("ProviderFields", "Music answer"),
    QT_TRANSLATE_NOOP("ProviderFields", "Region"),
    QT_TRANSLATE_NOOP("ProviderFields", "Start-and-end-frame model"),
    QT_TRANSLATE_NOOP("ProviderFields", "Workspace ID (optional)"),
)
