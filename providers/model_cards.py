"""What each model of each provider can do: the facts the UI, the CLI and the clients check before paying.

A :class:`ModelCard` says, for one provider and one model (an exact id or an ``fnmatch``
pattern), which durations, aspect ratios and resolutions it accepts, whether it takes a
first frame, an end frame, reference images or several shots in one call, whether it makes
sound, how long a prompt may be, what it costs per region, and in which regions it exists.

The UI offers only what the card allows and explains a greyed-out choice with
:class:`Unsupported` (a machine word the widgets translate); :func:`check` gives the same
answers for a whole request so a job is refused with a clear message before any money is
spent. Cards exist for the vendors whose models we know; a model without a card is not
checked (a model that shipped yesterday must still work).

Other modules read this one (the provider-file loader builds cards from a file's
``models`` table with :func:`ModelCard.from_dict` and registers them with ``index().add(card)``; the
CLI lists ``cards_for(provider)`` with ``card.to_dict()``): keep the field names stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from fnmatch import fnmatchcase
from typing import Any

from providers.base import IMAGE, MUSIC, VIDEO, GenerationRequest, ImageRequest, VideoRequest
from providers.registry import PriceRule


class Unsupported(Enum):
    """Why a choice is not available on a model (the widgets translate each into a tooltip)."""

    DURATION = "duration"
    ASPECT_RATIO = "aspect_ratio"
    RESOLUTION = "resolution"
    FIRST_FRAME = "first_frame"
    LAST_FRAME = "last_frame"
    LAST_FRAME_NEEDS_FIRST = "last_frame_needs_first"
    REFERENCE_IMAGES = "reference_images"
    TOO_MANY_REFERENCES = "too_many_references"
    MODES_MIXED = "modes_mixed"
    MULTI_SHOT = "multi_shot"
    MULTI_SHOT_FRAMES = "multi_shot_frames"
    TOO_MANY_SHOTS = "too_many_shots"
    AUDIO = "audio"
    PROMPT_TOO_LONG = "prompt_too_long"
    TEXT_ONLY = "text_only"
    IMAGE_ONLY = "image_only"


@dataclass(frozen=True)
class RegionPrice:
    """The list price of a model in one region (a registry preset name: "cn", "intl", ...)."""

    region: str
    rule: PriceRule


@dataclass(frozen=True)
class Problem:
    """One reason a request does not fit a card: the machine word, and plain English for logs and the CLI."""

    reason: Unsupported
    message: str


@dataclass(frozen=True)
class ModelCard:
    provider: str
    model: str  # exact id, or an fnmatch pattern for a family
    capability: str
    label: str = ""
    durations: tuple[float, ...] = ()  # the only lengths accepted (seconds); () with no range = any
    duration_range: tuple[float, float] | None = None  # or a continuous range (whole seconds)
    aspect_ratios: tuple[str, ...] = ()  # () = the model picks from the input
    resolutions: tuple[str, ...] = ()
    text_to_video: bool = True
    first_frame: bool = False
    last_frame: bool = False  # an end frame (always with a first frame)
    reference_images: int = 0  # how many reference images it takes (0 = none)
    mix_frames_and_references: bool = False  # Seedance: the modes cannot be mixed
    multi_shot: bool = False
    max_shots: int = 0
    audio: bool = False  # can make sound with the picture
    max_prompt: int = 0  # characters; 0 = not known
    regions: tuple[str, ...] = ()  # registry preset names where the model exists; () = everywhere
    region_models: tuple[tuple[str, str], ...] = ()  # (region, the model's id there) when ids differ
    prices: tuple[RegionPrice, ...] = ()
    notes: str = ""

    def matches(self, provider: str, model: str) -> bool:
        return self.provider == provider and (model == self.model or fnmatchcase(model, self.model)
                                              or model in dict(self.region_models).values())

    def model_in(self, region: str) -> str:
        """This model's id in ``region`` (Ark and BytePlus name the same model differently)."""
        return dict(self.region_models).get(region, self.model)

    def allows_duration(self, seconds: float) -> bool:
        if self.durations:
            return any(abs(seconds - d) < 0.01 for d in self.durations)
        if self.duration_range:
            low, high = self.duration_range
            return low <= seconds <= high
        return True

    def duration_choices(self) -> list[float]:
        """Every length the UI can offer (a range is offered in whole seconds)."""
        if self.durations:
            return list(self.durations)
        if self.duration_range:
            low, high = self.duration_range
            return [float(s) for s in range(int(low), int(high) + 1)]
        return []

    def nearest_duration(self, seconds: float) -> float:
        choices = self.duration_choices()
        if not choices:
            return seconds
        return min(choices, key=lambda d: (abs(d - seconds), -d))

    def price(self, region: str = "") -> PriceRule | None:
        for p in self.prices:
            if p.region == region:
                return p.rule
        return self.prices[0].rule if self.prices else None

    def why_not(self, feature: Unsupported) -> Unsupported | None:
        """None when the model offers ``feature`` (a frame, references, multi-shot, audio), else the reason."""
        offered = {Unsupported.FIRST_FRAME: self.first_frame, Unsupported.LAST_FRAME: self.last_frame,
                   Unsupported.REFERENCE_IMAGES: self.reference_images > 0,
                   Unsupported.MULTI_SHOT: self.multi_shot, Unsupported.AUDIO: self.audio}
        return None if offered.get(feature, True) else feature

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelCard:
        """A card from plain data (a provider file's ``models`` entry); unknown keys are ignored."""
        names = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in names}
        for key in ("durations", "aspect_ratios", "resolutions", "regions"):
            if key in values:
                values[key] = tuple(values[key])
        if values.get("duration_range") is not None:
            values["duration_range"] = tuple(values["duration_range"])
        values["region_models"] = tuple(tuple(p) for p in values.get("region_models", ()))
        values["prices"] = tuple(p if isinstance(p, RegionPrice) else
                                 RegionPrice(str(p.get("region", "")), PriceRule(**p["rule"]))
                                 for p in values.get("prices", ()))
        return cls(**values)


@dataclass
class CardIndex:
    """Cards of the built-in providers plus any added at run time (provider files)."""

    cards: list[ModelCard] = field(default_factory=list)

    def add(self, card: ModelCard) -> None:
        self.cards = [c for c in self.cards if not (c.provider == card.provider and c.model == card.model)]
        self.cards.append(card)

    def find(self, provider: str, model: str) -> ModelCard | None:
        exact = [c for c in self.cards if c.provider == provider and (c.model == model
                                                                    or model in dict(c.region_models).values())]
        if exact:
            return exact[0]
        return next((c for c in self.cards if c.matches(provider, model)), None)

    def for_provider(self, provider: str, capability: str = "") -> list[ModelCard]:
        return [c for c in self.cards if c.provider == provider and (not capability or c.capability == capability)]


_INDEX: CardIndex | None = None


def index() -> CardIndex:
    """Every known card: the built-in ones, plus those added at run time (``index().add(card)``)."""
    global _INDEX
    if _INDEX is None:  # built on first use: the data module imports this one
        from providers.model_cards_data import BUILT_IN

        _INDEX = CardIndex(list(BUILT_IN))
    return _INDEX


def card_for(provider: str, model: str) -> ModelCard | None:
    return index().find(provider, model)


def cards_for(provider: str, capability: str = "") -> list[ModelCard]:
    return index().for_provider(provider, capability)


def check(card: ModelCard, request: GenerationRequest, *, shots: int = 0) -> list[Problem]:
    """Every way ``request`` does not fit ``card`` (empty: send it). ``shots`` > 0: a multi-shot call."""
    problems: list[Problem] = []

    def no(reason: Unsupported, message: str) -> None:
        problems.append(Problem(reason, f"{card.label or card.model}: {message}"))

    prompt = request.prompt
    if card.max_prompt and len(prompt) > card.max_prompt:
        no(Unsupported.PROMPT_TOO_LONG, f"the prompt has {len(prompt)} characters; the model takes at most "
                                        f"{card.max_prompt}")
    if isinstance(request, VideoRequest) and card.capability == VIDEO:
        if not card.allows_duration(request.duration):
            allowed = ", ".join(f"{d:g}" for d in card.duration_choices())
            no(Unsupported.DURATION, f"{request.duration:g} s is not offered (lengths: {allowed} s)")
        if card.aspect_ratios and not request.first_frame and request.aspect_ratio not in card.aspect_ratios:
            no(Unsupported.ASPECT_RATIO, f"aspect {request.aspect_ratio} is not offered "
                                         f"({', '.join(card.aspect_ratios)})")
        resolution = str(request.parameters.get("resolution") or "")
        if resolution and card.resolutions and resolution not in card.resolutions:
            no(Unsupported.RESOLUTION, f"resolution {resolution} is not offered ({', '.join(card.resolutions)})")
        if request.first_frame and not card.first_frame:
            no(Unsupported.FIRST_FRAME, "it makes video from text only; it takes no start frame")
        if not request.first_frame and not card.text_to_video and not request.parameters.get("reference_images"):
            no(Unsupported.IMAGE_ONLY, "it needs a start frame (it does not make video from text alone)")
        if request.last_frame and not request.first_frame:
            no(Unsupported.LAST_FRAME_NEEDS_FIRST, "an end frame needs a start frame too")
        elif request.last_frame and not card.last_frame:
            no(Unsupported.LAST_FRAME, "it takes no end frame")
        refs = list(request.parameters.get("reference_images") or [])
        if refs and card.reference_images == 0:
            no(Unsupported.REFERENCE_IMAGES, "it takes no reference images")
        elif len(refs) > card.reference_images > 0:
            no(Unsupported.TOO_MANY_REFERENCES, f"it takes at most {card.reference_images} reference images")
        if refs and (request.first_frame or request.last_frame) and not card.mix_frames_and_references:
            no(Unsupported.MODES_MIXED, "start/end frames and reference images cannot be used in one request")
        if shots:
            if not card.multi_shot:
                no(Unsupported.MULTI_SHOT, "it makes one shot per call")
            elif card.max_shots and shots > card.max_shots:
                no(Unsupported.TOO_MANY_SHOTS, f"{shots} shots; at most {card.max_shots} in one call")
            if request.first_frame or request.last_frame:
                no(Unsupported.MULTI_SHOT_FRAMES, "a multi-shot call takes no start or end frame")
        if request.parameters.get("sound") in (True, "on") and not card.audio:
            no(Unsupported.AUDIO, "it makes silent video")
    if isinstance(request, ImageRequest) and card.capability == IMAGE:
        if card.aspect_ratios and request.aspect_ratio and request.aspect_ratio not in card.aspect_ratios:
            no(Unsupported.ASPECT_RATIO, f"aspect {request.aspect_ratio} is not offered "
                                         f"({', '.join(card.aspect_ratios)})")
        if request.reference_images and card.reference_images == 0:
            no(Unsupported.REFERENCE_IMAGES, "it takes no reference images")
        elif len(request.reference_images) > card.reference_images > 0:
            no(Unsupported.TOO_MANY_REFERENCES, f"it takes at most {card.reference_images} reference images")
    return problems


def check_model(provider: str, request: GenerationRequest, model: str = "", *, shots: int = 0) -> list[Problem]:
    """:func:`check` against the card of ``model`` (or the request's); no card: nothing to say."""
    card = card_for(provider, model or request.model)
    return check(card, request, shots=shots) if card else []


# Problems a client settles itself (it picks the nearest length, the start frame's shape, the nearest tier).
SETTLED_BY_CLIENTS = frozenset({Unsupported.DURATION, Unsupported.ASPECT_RATIO, Unsupported.RESOLUTION})


def refusal(provider: str, model: str, request: GenerationRequest) -> str:
    """The first reason the vendor would refuse (and maybe bill) ``request``, in plain words; "" = send it."""
    card = card_for(provider, model)
    if card is None:
        return ""
    problems = [p for p in check(card, request) if p.reason not in SETTLED_BY_CLIENTS]
    return problems[0].message if problems else ""


__all__ = ["IMAGE", "MUSIC", "VIDEO", "CardIndex", "ModelCard", "Problem", "RegionPrice", "Unsupported",
           "card_for", "cards_for", "check", "check_model", "index", "refusal"]
