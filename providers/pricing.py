"""Cost estimates from a provider's price table (the registry's defaults, or the user's edited copy).

A rule prices one unit ("image", "second", "clip", "1k_tokens", "1k_chars", "track") for a
capability and a model pattern; the first matching rule wins, so specific patterns come
before ``*``. Estimates are made before a job is submitted (for the budget) and again
from the actual usage afterwards (text tokens).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from fnmatch import fnmatchcase
from typing import Any

from providers import registry
from providers.base import (
    GenerationRequest,
    ImageRequest,
    MusicRequest,
    SpeechRequest,
    TextRequest,
    Usage,
    VideoRequest,
)
from providers.registry import PriceRule


@dataclass
class CostEstimate:
    amount: float = 0.0
    currency: str = "USD"
    units: float = 0.0
    unit: str = ""
    known: bool = False  # False: no rule matched; the amount is 0 but not "free"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def rules_to_json(rules: Iterable[PriceRule]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rules]


def rules_from_json(data: Iterable[dict[str, Any]]) -> list[PriceRule]:
    return [PriceRule(str(d["capability"]), str(d.get("model", "*")), str(d["unit"]), float(d["price"]),
                      str(d.get("currency", "USD"))) for d in data]


def default_table(provider: str) -> list[PriceRule]:
    return list(registry.get(provider).pricing)


def match_rule(rules: Iterable[PriceRule], capability: str, model: str) -> PriceRule | None:
    for rule in rules:
        if rule.capability == capability and fnmatchcase(model or "", rule.model):
            return rule
    return None


def estimate_tokens(request: TextRequest) -> int:
    """A pre-flight token guess: ~3.5 characters per token for the prompt plus the answer budget."""
    chars = sum(len(m.content) for m in request.messages)
    return math.ceil(chars / 3.5) + (request.max_tokens or 800)


def billed_seconds(provider: str, request: GenerationRequest | TextRequest, seconds: float) -> float:
    """The seconds the vendor bills for a clip of ``seconds``: a vendor that only makes fixed lengths
    (Kling: 5 or 10 s) bills the length it makes, not the shot's length. The client's own
    ``billed_seconds(model, seconds)`` decides, the same function its create request uses for the
    length it asks for, so the estimate and the charge on landing (the task's ``cost_units``) agree."""
    try:
        cls = registry.get(provider).provider_class()
    except (KeyError, ImportError, AttributeError, ValueError):
        return seconds
    rule = getattr(cls, "billed_seconds", None)
    return float(rule(getattr(request, "model", ""), seconds)) if callable(rule) else seconds


def units(request: GenerationRequest | TextRequest, unit: str, provider: str = "") -> float:
    """How many ``unit`` a request will consume (as billed by ``provider`` when given)."""
    if unit == "second" and isinstance(request, VideoRequest) and provider:
        return billed_seconds(provider, request, float(request.duration))
    if unit == "1k_tokens" and isinstance(request, TextRequest):
        return estimate_tokens(request) / 1000.0
    if unit == "image":
        return float(request.n) if isinstance(request, ImageRequest) else 1.0
    if unit == "second":
        if isinstance(request, VideoRequest | MusicRequest):
            return float(request.duration)
        return float(getattr(request, "duration", 0.0) or 0.0)  # e.g. lip sync: the clip's length
    if unit == "1k_chars":
        text = request.text if isinstance(request, SpeechRequest) else getattr(request, "prompt", "")
        return len(text) / 1000.0
    if unit in ("clip", "track"):
        return 1.0
    return 1.0


def estimate(provider: str, request: GenerationRequest | TextRequest, model: str = "",
             table: Iterable[PriceRule] | None = None) -> CostEstimate:
    """The estimated cost of ``request`` on ``provider`` using ``table`` (default: the registry's)."""
    rules = list(table) if table is not None else default_table(provider)
    model = model or request.model
    rule = match_rule(rules, request.capability, model)
    if rule is None:
        return CostEstimate()
    n = units(request, rule.unit, provider)
    return CostEstimate(round(n * rule.price, 6), rule.currency, n, rule.unit, True)


def charge(amount: float, estimated_units: float, billed_units: float) -> float:
    """What a landed task cost: the estimated ``amount``'s price per unit times the units the vendor
    billed (the task's ``cost_units``; 0: the estimate's units). The one rule the estimate also
    follows: a task billed as estimated costs exactly its estimate."""
    if not estimated_units:
        return round(amount, 6)
    units_billed = billed_units or estimated_units
    return round(amount * units_billed / estimated_units, 6)


def cost_of_usage(provider: str, model: str, usage: Usage, table: Iterable[PriceRule] | None = None) -> CostEstimate:
    """The cost of a finished chat from its reported token usage."""
    rules = list(table) if table is not None else default_table(provider)
    rule = match_rule(rules, "text", model)
    if rule is None or rule.unit != "1k_tokens":
        return CostEstimate()
    n = usage.total_tokens / 1000.0
    return CostEstimate(round(n * rule.price, 6), rule.currency, n, rule.unit, True)
