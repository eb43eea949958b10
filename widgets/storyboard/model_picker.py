"""The clip model chooser: only what the chosen model can do is offered, and greyed items say why.

Built from the model cards (:mod:`providers.model_cards`): the models of the Storyboard's video
provider (with their price in the configured region), the quality tiers, the clip lengths (picking
one sets the shot's length, an undoable edit), and what the model supports: a start frame, an end
frame, character references, a multi-shot scene, sound. A model missing from the configured region
is greyed out; so is every tier and length it does not make, each with a tooltip saying why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QWidget

from app.model import Shot
from app.session import Session

ALL_TIERS = ("480p", "720p", "1080p")
KLING_TIERS = ("std", "pro")
LENGTHS = tuple(range(2, 16))


def reason_text(reason: str, model: str) -> str:
    """The translated tooltip for a :class:`providers.model_cards.Unsupported` reason."""
    texts = {
        "duration": QCoreApplication.translate("ModelCards", "%1 does not make clips of this length."),
        "aspect_ratio": QCoreApplication.translate("ModelCards", "%1 does not make this aspect ratio."),
        "resolution": QCoreApplication.translate("ModelCards", "%1 does not offer this quality."),
        "first_frame": QCoreApplication.translate("ModelCards", "%1 makes video from text only: it takes no start frame."),
        "last_frame": QCoreApplication.translate("ModelCards", "%1 takes no end frame."),
        "reference_images": QCoreApplication.translate("ModelCards", "%1 takes no character reference images."),
        "multi_shot": QCoreApplication.translate("ModelCards", "%1 makes one shot per call."),
        "audio": QCoreApplication.translate("ModelCards", "%1 makes silent video."),
        "image_only": QCoreApplication.translate("ModelCards", "%1 needs a start frame: generate a still first."),
        "region": QCoreApplication.translate("ModelCards", "%1 is not offered in the region set for this provider."),
    }
    text = texts.get(reason) or QCoreApplication.translate("ModelCards", "%1 cannot do this.")
    return text.replace("%1", model)


class ClipModelPicker(QWidget):
    """Model, quality and length for the selected shot's clip, from the chosen provider's model cards."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.provider = ""
        self.shot: Shot | None = None
        self._loading = False
        self.model = QComboBox(self)
        self.model.setObjectName("clip_model")
        self.model.currentIndexChanged.connect(self._model_chosen)
        self.quality = QComboBox(self)
        self.quality.setObjectName("clip_quality")
        self.quality.currentIndexChanged.connect(self._quality_chosen)
        self.length = QComboBox(self)
        self.length.setObjectName("clip_length")
        self.length.currentIndexChanged.connect(self._length_chosen)
        self.aspect = QLabel(self)
        self.aspect.setWordWrap(True)
        self.features = {
            "first_frame": QCheckBox(self.tr("Start frame"), self),
            "last_frame": QCheckBox(self.tr("End frame"), self),
            "reference_images": QCheckBox(self.tr("Character references"), self),
            "multi_shot": QCheckBox(self.tr("Multi-shot scene"), self),
            "audio": QCheckBox(self.tr("Sound"), self),
        }
        grid = QGridLayout()
        for i, box in enumerate(self.features.values()):
            box.setEnabled(False)  # they show what the model can do; the card decides, not the user
            grid.addWidget(box, i // 3, i % 3)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("clip_model_note")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.tr("Length"), self.length)
        form.addRow(self.tr("Aspect"), self.aspect)
        form.addRow(self.tr("Supports"), grid)
        form.addRow(self.note)
        self.setVisible(False)

    # ----------------------------------------------------------------- inputs
    def set_provider(self, provider: str) -> None:
        self.provider = provider or ""
        self.refresh()

    def set_shot(self, shot: Shot | None) -> None:
        self.shot = shot
        self.refresh()

    # ------------------------------------------------------------------ state
    def _values(self) -> dict:
        from app.jobs.provider_config import provider_values

        return provider_values(self.provider, with_secrets=False)

    def region(self) -> str:
        """The preset whose base URL the provider is set to ("" when none matches)."""
        from providers import registry

        base = str(self._values().get("base_url") or "").rstrip("/")
        for preset in registry.get(self.provider).presets:
            if str(preset.values.get("base_url") or "").rstrip("/") == base:
                return preset.name
        return ""

    def card(self):
        from providers.model_cards import card_for

        model = self.model.currentData()
        return card_for(self.provider, model) if model else None

    def refresh(self) -> None:
        from providers.model_cards import cards_for

        cards = cards_for(self.provider, "video") if self.provider else []
        self.setVisible(bool(cards))
        if not cards:
            return
        self._loading = True
        try:
            from providers import registry

            info = registry.get(self.provider)
            key = info.model_field("video")
            current = str(self._values().get(key) or "")
            region = self.region()
            self.model.clear()
            items: QStandardItemModel = self.model.model()  # type: ignore[assignment]
            for card in cards:
                name = card.model_in(region) if region else card.model
                rule = card.price(region)
                price = f" — {rule.price:g} {rule.currency}/{self._unit(rule.unit)}" if rule else ""
                self.model.addItem(f"{card.label or card.model}{price}", name)
                if card.regions and region and region not in card.regions:
                    item = items.item(self.model.count() - 1)
                    item.setEnabled(False)
                    item.setToolTip(reason_text("region", card.label))
            index = self.model.findData(current)
            if index < 0 and current:
                self.model.addItem(current, current)  # a model without a card: offered, not checked
                index = self.model.count() - 1
            self.model.setCurrentIndex(max(0, index))
            self._fill_options()
        finally:
            self._loading = False

    def _unit(self, unit: str) -> str:
        return {"second": self.tr("s"), "image": self.tr("image"), "track": self.tr("track")}.get(unit, unit)

    def _fill_options(self) -> None:
        card = self.card()
        label = card.label if card else (self.model.currentData() or "")
        items: QStandardItemModel
        # quality
        self.quality.clear()
        tiers = KLING_TIERS if self.provider == "kling" else ALL_TIERS
        setting = self._quality_key()
        value = str(self._values().get(setting) or "")
        items = self.quality.model()  # type: ignore[assignment]
        for tier in tiers:
            self.quality.addItem(tier.upper() if tier.endswith("p") else tier, tier)
            offered = card is None or not card.resolutions or tier.lower() in (r.lower() for r in card.resolutions)
            if not offered:
                item = items.item(self.quality.count() - 1)
                item.setEnabled(False)
                item.setToolTip(reason_text("resolution", label))
        chosen = next((i for i in range(self.quality.count())
                       if str(self.quality.itemData(i)).lower() == value.lower()), -1)
        self.quality.setCurrentIndex(chosen if chosen >= 0 else 0)
        self.quality.setEnabled(bool(setting))
        # length
        self.length.clear()
        self.length.addItem(self.tr("Follow the shot"), 0)
        items = self.length.model()  # type: ignore[assignment]
        for seconds in LENGTHS:
            self.length.addItem(self.tr("%1 s").replace("%1", str(seconds)), seconds)
            if card is not None and not card.allows_duration(seconds):
                item = items.item(self.length.count() - 1)
                item.setEnabled(False)
                item.setToolTip(reason_text("duration", label))
        self.length.setCurrentIndex(0)
        self.length.setEnabled(self.shot is not None and not self.shot.locked)
        # aspect, features, notes
        ratio = self._series_ratio()
        if card is not None and card.aspect_ratios:
            ratios = ", ".join(card.aspect_ratios)
            ok = ratio in card.aspect_ratios
            self.aspect.setText(ratios if ok else self.tr("%1 (this series is %2: the start frame decides)")
                                .replace("%1", ratios).replace("%2", ratio))
        else:
            self.aspect.setText(self.tr("Follows the start frame"))
        supported = {"first_frame": bool(card and card.first_frame), "last_frame": bool(card and card.last_frame),
                     "reference_images": bool(card and card.reference_images),
                     "multi_shot": bool(card and card.multi_shot), "audio": bool(card and card.audio)}
        for name, box in self.features.items():
            box.setChecked(supported[name])
            box.setToolTip("" if supported[name] or card is None else reason_text(name, label))
        self.note.setText(self._shot_note(card, label))

    def _shot_note(self, card, label: str) -> str:
        if card is None or self.shot is None:
            return ""
        fps = self.session.series.settings.fps
        seconds = self.shot.duration / fps
        notes = []
        if not card.allows_duration(seconds):
            notes.append(self.tr("This shot is %1 s; %2 makes %3 s (the clip is trimmed on the timeline).")
                         .replace("%1", f"{seconds:g}").replace("%2", label)
                         .replace("%3", f"{card.nearest_duration(seconds):g}"))
        if self.shot.chosen_still and not card.first_frame:
            notes.append(reason_text("first_frame", label))
        if not self.shot.chosen_still and not card.text_to_video:
            notes.append(reason_text("image_only", label))
        return "\n".join(notes)

    def _series_ratio(self) -> str:
        from app.jobs.prompts import aspect_ratio

        return aspect_ratio(self.session.series)

    def _quality_key(self) -> str:
        from providers import registry

        keys = {f.key for f in registry.get(self.provider).fields}
        return "resolution" if "resolution" in keys else "mode" if "mode" in keys else ""

    # ---------------------------------------------------------------- choices
    def _store(self, key: str, value: str) -> None:
        from app.settings_store import settings_store
        from providers import registry

        info = registry.get(self.provider)
        stored = settings_store().provider_settings(self.provider)
        stored[key] = value
        settings_store().set_provider_settings(self.provider, stored, {f.key for f in info.secret_fields()})

    def _model_chosen(self, _index: int) -> None:
        if self._loading or not self.provider:
            return
        from providers import registry

        key = registry.get(self.provider).model_field("video")
        if key and self.model.currentData():
            self._store(key, str(self.model.currentData()))
        self._loading = True
        try:
            self._fill_options()
        finally:
            self._loading = False

    def _quality_chosen(self, _index: int) -> None:
        key = self._quality_key()
        if self._loading or not key or self.quality.currentData() is None:
            return
        value = str(self.quality.currentData())
        self._store(key, value.upper() if self.provider == "dashscope" else value)

    def _length_chosen(self, _index: int) -> None:
        seconds = self.length.currentData()
        if self._loading or not seconds or self.shot is None:
            return
        fps = self.session.series.settings.fps
        self.session.document.edit(self.shot, self.tr("Set shot length"), duration=int(seconds) * fps,
                                   user_edited=True)
