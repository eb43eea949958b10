"""No English in the Chinese UI from the provider registry: every built-in provider's label,
description, region preset and help text has a Chinese translation, and the dialog shows it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from providers import registry
from providers.registry import ProviderInfo
from widgets.settings.provider_texts import PROVIDER_TEXTS

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "jobs_zh_CN.ts"


def registry_texts() -> set[str]:
    texts = set()
    for info in registry.providers():
        if type(info) is ProviderInfo:  # built in (provider files carry their own translations)
            texts |= {info.label, info.description, *(p.label for p in info.presets), *(f.help for f in info.fields)}
    return {t for t in texts if t}


def test_every_built_in_provider_text_is_listed_and_translated() -> None:
    missing_from_table = registry_texts() - set(PROVIDER_TEXTS)
    assert missing_from_table == set(), "regenerate widgets/settings/provider_texts.py and translate the new texts"
    context = next(c for c in ET.parse(TS).getroot().iter("context") if c.findtext("name") == "ProviderTexts")
    translated = {m.findtext("source") for m in context.iter("message")
                  if m.find("translation").get("type") is None and (m.find("translation").text or "").strip()}
    assert registry_texts() - translated == set()


def test_the_providers_dialog_speaks_chinese(qtbot) -> None:
    from widgets.settings.providers_dialog import ProvidersDialog
    from widgets.shell.i18n import install_language

    install_language("zh_CN")
    try:
        dialog = ProvidersDialog(select="kling")
        qtbot.addWidget(dialog)
        titles = [dialog.list.item(i).text().split("\n")[0] for i in range(dialog.list.count())]
        assert "可灵 AI" in titles and "火山方舟 / BytePlus（Seedance、Seedream）" in titles
        page = dialog.pages["kling"]
        assert {page.preset.itemText(1), page.preset.itemText(2)} == {"海外（新加坡）", "中国大陆（北京）"}
    finally:
        install_language("en")
