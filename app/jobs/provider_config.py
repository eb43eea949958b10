"""A provider's effective settings and client: registry defaults, the settings file,
the OS keyring for secrets, then ``MICRODRAMA_<PROVIDER>_<FIELD>`` environment overrides.

This is the only place that joins secrets to settings, and it does so at the
moment a client is built: nothing resolved here is stored anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.secrets import env_override, get_secret, remember
from app.settings_store import settings_store


class ProviderNotConfigured(UserError):
    """A provider lacks a required setting (usually its API key)."""


def provider_info(name: str) -> Any:
    from providers import registry

    try:
        return registry.get(name)
    except KeyError:
        from providers import registry as reg

        raise UserError(QCoreApplication.translate("JobsProviderConfig", "There is no provider named {name!r}. Known providers: {join}.").format(name=name, join=', '.join(reg.names()))) from None


def _convert(kind: str, text: str) -> Any:
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
    except ValueError:
        return text
    if kind == "bool":
        return text.strip().lower() in ("1", "true", "yes", "on")
    return text


def provider_values(name: str, *, with_secrets: bool = True) -> dict[str, Any]:
    """Effective settings of provider ``name`` (secrets included only when asked)."""
    info = provider_info(name)
    values = info.defaults()
    stored = settings_store().provider_settings(name)
    for f in info.fields:
        if f.secret:
            values[f.key] = ""
            if with_secrets:
                values[f.key] = secret_value(name, f.key)
            continue
        if f.key in stored:
            values[f.key] = stored[f.key]
        override = env_override(name, f.key)
        if override is not None:
            values[f.key] = _convert(f.kind, override)
    return values


def key_owner(name: str) -> str:
    """The provider whose keys ``name`` uses: itself, or the vendor account it belongs to
    (Kling lip sync uses the Kling keys), so one account's key is entered once."""
    owner = str(getattr(provider_info(name), "keys_from", "") or "")
    return owner or name


def secret_value(name: str, key: str) -> str:
    """``name``'s secret ``key``: its own environment override, else the key owner's secret.

    A field may name its owner itself (``keys_from="fal.api_key"``: the fal key, used to host a clip).
    """
    own = env_override(name, key)
    if own is not None:
        return own
    field_owner = next((str(getattr(f, "keys_from", "") or "") for f in provider_info(name).fields
                        if f.key == key), "")
    if "." in field_owner:
        owner, owner_key = field_owner.split(".", 1)
        return get_secret(owner, owner_key)
    return get_secret(key_owner(name), key)


def missing_required(name: str) -> list[str]:
    """Labels of required settings that are empty."""
    info = provider_info(name)
    values = provider_values(name)
    return [f.label for f in info.fields if f.required and not str(values.get(f.key) or "").strip()]


def make_provider(name: str, staging_dir: Path | None = None) -> Any:
    """Build the client for ``name``; raises ProviderNotConfigured naming what is missing."""
    info = provider_info(name)
    missing = missing_required(name)
    if missing:
        from app.secrets import env_name

        first = next(f for f in info.fields if f.label == missing[0])
        raise ProviderNotConfigured(
            QCoreApplication.translate("JobsProviderConfig", "{label} is not set up: {join} missing. Enter it in Edit → Providers…, or set {env_name}.").format(label=info.label, join=', '.join(missing), env_name=env_name(name, first.key)))
    values = provider_values(name)
    for f in info.fields:
        if f.secret:
            remember(str(values.get(f.key) or ""))
    return info.create(values, staging_dir=staging_dir)


def default_concurrency(name: str) -> int | None:
    """The registry's concurrency hint for ``name`` (None: use the queue's default)."""
    try:
        info = provider_info(name)
    except (UserError, ImportError):  # not a provider (a local resource), or no registry
        return None
    value = getattr(info, "max_concurrency", None)
    if value:
        return int(value)
    return 4 if getattr(info, "offline", False) else None
