"""A vendor's error in the user's language, with the vendor's own words kept for "Details".

Provider clients classify every failure into a ``kind`` (``providers.errors``: auth, quota,
rate limit, content policy, bad request, not found, server, timeout, connection, ...) and keep
the vendor's text (already scrubbed of keys). A Chinese creator should read "可灵拒绝了 API
密钥" rather than "kling: authentication failed (code 1000: ...)"; the original stays one
click away (the job row's "Show original" and the dialogs' details) so it can be copied into
a support ticket. One table maps every kind; ``tests/jobs/test_vendor_errors.py`` fails when a
provider client raises a kind this table does not know.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.secrets import redact


@dataclass(frozen=True)
class VendorError:
    """What the user reads (``plain``) and what the vendor said (``original``, key-scrubbed)."""

    plain: str
    original: str
    kind: str


def _messages() -> dict[str, str]:
    """Kind -> plain message; ``{vendor}`` is the vendor's display name. Built per call so the
    current UI language is used."""
    return {
        "auth": QCoreApplication.translate("VendorErrors", "{vendor} refused the API key. Check the key in Edit ▸ Providers…"),
        "quota": QCoreApplication.translate("VendorErrors", "{vendor}: the account is out of credit or its quota is used up. "
                    "Top it up on the vendor's site, then Retry."),
        "rate_limit": QCoreApplication.translate("VendorErrors", "{vendor} is receiving too many requests from this account. Wait a moment, then Retry."),
        "content_policy": QCoreApplication.translate("VendorErrors", "{vendor} refused the prompt or picture under its content rules. "
                             "Change the prompt or the picture, then generate again."),
        "bad_request": QCoreApplication.translate("VendorErrors", "{vendor} did not accept a setting of this request (model, duration, size or "
                          "picture). Check the shot's settings."),
        "not_found": QCoreApplication.translate("VendorErrors", "{vendor} no longer has this task (or the model does not exist)."),
        "server": QCoreApplication.translate("VendorErrors", "{vendor}'s server had a problem. Try again later."),
        "timeout": QCoreApplication.translate("VendorErrors", "{vendor} did not answer in time. Check your connection, then Retry."),
        "connection": QCoreApplication.translate("VendorErrors", "The connection to {vendor} failed or broke off. Check your connection and the server address."),
        "invalid_response": QCoreApplication.translate("VendorErrors", "{vendor} sent an answer the editor cannot read."),
        "task_failed": QCoreApplication.translate("VendorErrors", "{vendor} could not make this result: {reason}"),
        "download": QCoreApplication.translate("VendorErrors", "The result from {vendor} could not be downloaded or is not usable media."),
        "config": QCoreApplication.translate("VendorErrors", "{vendor} is not fully set up. Open Edit ▸ Providers… and fill in its settings."),
    }


def known_kinds() -> frozenset[str]:
    """Every error kind that has its own plain message."""
    return frozenset(_messages())


def _refused() -> str:
    return QCoreApplication.translate("VendorErrors", "{vendor} refused the connection: is the server running? Check the server address.")


def vendor_label(provider: str) -> str:
    """The provider's display name in the UI's language (可灵 AI for Kling AI)."""
    if not provider:
        return QCoreApplication.translate("VendorErrors", "The vendor")
    try:
        from providers import registry

        label = str(registry.get(provider).label)
    except (ImportError, KeyError):
        return provider
    # the registry's labels are translated under "ProviderTexts" (widgets/settings/provider_texts.py)
    return QCoreApplication.translate("ProviderTexts", label) if label else provider


def explain(exc: BaseException) -> VendorError | None:
    """The plain message for a provider error (duck-typed: ``kind`` and ``provider``), else None."""
    if not isinstance(getattr(exc, "retryable", None), bool):
        return None
    kind = str(getattr(exc, "kind", "") or "")
    original = redact(str(exc))
    vendor = vendor_label(str(getattr(exc, "provider", "") or ""))
    messages = _messages()
    if not kind:  # not a vendor's answer: the job already wrote the message in the user's words
        return VendorError(original, original, kind)
    if kind == "connection" and "refused" in original.lower():
        template = _refused()
    elif getattr(exc, "maybe_billed", False):
        template = QCoreApplication.translate("VendorErrors", "{vendor} did not answer completely. The request may have reached it and been "
                      "billed, so it is not sent again automatically; check your account on the vendor's site.")
    else:
        template = messages.get(kind) or QCoreApplication.translate("VendorErrors", "{vendor} reported an error.")
    # a failed task's reason is the vendor's (or the farm's) own account of it: shown, not hidden
    reason = original.split(": ", 1)[-1] if ": " in original else original
    return VendorError(template.format(vendor=vendor, reason=reason), original, kind)
