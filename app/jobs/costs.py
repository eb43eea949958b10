"""What a generation costs: estimates before, actual after, and the per-episode budget.

Prices come from the provider's table of ``PriceRule``s (``providers.pricing``):
the registry's defaults, or the user's edited copy saved in the settings file
(Edit → Providers…). A price nobody knows counts as 0 and says it is unknown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from app.model import Series

log = logging.getLogger(__name__)


def price_rules(provider: str) -> list[Any]:
    """The effective price table of ``provider``: the user's edited copy or the registry's."""
    from app.settings_store import settings_store
    from providers import pricing

    edited = settings_store().get("pricing_rules", provider)
    if isinstance(edited, list):
        try:
            return pricing.rules_from_json(edited)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("edited price table of %s unreadable (%s); using the defaults", provider, exc)
    try:
        return pricing.default_table(provider)
    except KeyError:
        return []


def set_price_rules(provider: str, rules: list[Any]) -> None:
    from app.settings_store import settings_store
    from providers import pricing

    settings_store().set("pricing_rules", provider, pricing.rules_to_json(rules))


def estimate(provider: str, request: Any) -> Any:
    """A ``providers.pricing.CostEstimate`` for ``request`` on ``provider``."""
    from app.jobs.batch_memo import remembered
    from providers import pricing

    table = remembered(("prices", provider), lambda: price_rules(provider))  # once per batch
    return pricing.estimate(provider, request, table=table)


@dataclass(frozen=True)
class EpisodeCosts:
    spent: float  # succeeded jobs (what was charged)
    pending: float  # estimates of jobs submitted or running
    budget: float | None

    @property
    def remaining(self) -> float | None:
        return None if self.budget is None else self.budget - self.spent - self.pending


def episode_costs(series: Series, episode_id: str, pending_estimates: float = 0.0) -> EpisodeCosts:
    spent = sum((r.cost or r.estimated_cost) for r in series.jobs
                if r.state == "succeeded" and r.target.get("episode_id") == episode_id)
    episode = next((e for e in series.episodes if e.id == episode_id), None)
    return EpisodeCosts(round(spent, 4), round(pending_estimates, 4), episode.budget if episode else None)


def format_money(amount: float, currency: str = "USD") -> str:
    symbol = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£"}.get(currency)
    return f"{symbol}{amount:,.2f}" if symbol else f"{amount:,.2f} {currency}"
