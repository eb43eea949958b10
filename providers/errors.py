"""One error type for every provider, classified so the job queue knows whether retrying can help.

Each client maps its vendor's error shapes (HTTP status, JSON error bodies, in-band
status codes) onto :class:`ProviderError`. The rules the queue relies on:

- timeouts, connection errors and 5xx answers are retryable;
- HTTP 429 rate limits are retryable and carry ``retry_after`` (seconds) when the
  vendor sent ``Retry-After``;
- quota, arrears, insufficient balance, auth, content policy and bad requests are
  never retryable: waiting does not fix them, the user must;
- a message carries the vendor's own text and never an API key (every message is
  scrubbed of the secrets the client knows, and of anything that looks like a key).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC
from typing import Any

# Error kinds: a short machine word next to the human message, for the UI and the queue.
TIMEOUT = "timeout"
CONNECTION = "connection"
RATE_LIMIT = "rate_limit"
SERVER = "server"
QUOTA = "quota"
AUTH = "auth"
CONTENT_POLICY = "content_policy"
BAD_REQUEST = "bad_request"
NOT_FOUND = "not_found"
INVALID_RESPONSE = "invalid_response"
TASK_FAILED = "task_failed"
DOWNLOAD = "download"
CONFIG = "config"

RETRYABLE_KINDS = frozenset({TIMEOUT, CONNECTION, RATE_LIMIT, SERVER})


class ProviderError(Exception):
    """A provider call failed; ``retryable`` says whether trying again later can succeed.

    ``retry_after`` is the vendor's requested wait in seconds (None: use backoff).
    ``vendor_code`` is the vendor's own code (e.g. Kling ``1302``, OpenAI
    ``insufficient_quota``); ``http_status`` the HTTP status (None: no answer).
    ``kind`` is one of the constants above. ``provider`` is the registry name.
    """

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        vendor_code: str | int | None = None,
        http_status: int | None = None,
        kind: str = "",
        provider: str = "",
        secrets: Iterable[str] = (),
        maybe_billed: bool = False,
    ) -> None:
        self.message = scrub(message, secrets)
        super().__init__(self.message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.vendor_code = vendor_code
        self.http_status = http_status
        self.kind = kind
        self.provider = provider
        # The create request may have reached the vendor (and been billed) although no usable
        # answer came back: never resend it; look the task up (``find_task``) or tell the user.
        self.maybe_billed = maybe_billed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return (f"ProviderError({self.message!r}, retryable={self.retryable}, retry_after={self.retry_after}, "
                f"vendor_code={self.vendor_code!r}, http_status={self.http_status}, kind={self.kind!r})")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe summary for a job record (already scrubbed)."""
        return {"message": self.message, "retryable": self.retryable, "retry_after": self.retry_after,
                "vendor_code": self.vendor_code, "http_status": self.http_status, "kind": self.kind,
                "provider": self.provider, "maybe_billed": self.maybe_billed}


class ProviderCancelled(Exception):
    """The caller's cancel token fired; the operation stopped without a result."""


# --- secret scrubbing -----------------------------------------------------------------------

# Shapes of well-known keys, scrubbed even when the client was not told about them
# (e.g. a key echoed back inside a vendor's message, or a URL with ?key=...).
_KEY_PATTERNS = [
    re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"),                  # OpenAI, DeepSeek, DashScope
    re.compile(r"\br8_[A-Za-z0-9]{8,}"),                      # Replicate
    re.compile(r"\beyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]*"),  # JWTs (Kling)
    re.compile(r"(?i)(\b(?:bearer|key|token)\s+)[A-Za-z0-9_\-.:]{12,}"),      # Authorization values
    re.compile(r"(?i)([?&](?:key|api_key|apikey|token|access_token)=)[^&\s]+"),
]


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every known secret and anything shaped like an API key replaced by ``***``."""
    if not text:
        return text
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    for pattern in _KEY_PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.re.groups else "") + "***", text)
    return text


# --- helpers shared by the clients ----------------------------------------------------------

def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date; None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    # imported here, not at module import: the email package is not needed at start-up
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    from datetime import datetime

    now = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def kind_for_status(status: int) -> str:
    """The default error kind for an HTTP status when the vendor's body says nothing more."""
    if status == 429:
        return RATE_LIMIT
    if status >= 500:
        return SERVER
    if status in (401, 403):
        return AUTH
    if status == 402:
        return QUOTA
    if status == 404:
        return NOT_FOUND
    if status == 408:
        return TIMEOUT
    return BAD_REQUEST


def for_status(
    status: int,
    message: str,
    *,
    provider: str,
    vendor_code: str | int | None = None,
    retry_after: float | None = None,
    kind: str | None = None,
    secrets: Iterable[str] = (),
) -> ProviderError:
    """A :class:`ProviderError` for an HTTP error answer, retryable per the rules above.

    A ``kind`` given by the vendor mapping wins over the status default (so a 429 that
    means "quota exhausted" is not retried).
    """
    kind = kind or kind_for_status(status)
    retryable = kind in RETRYABLE_KINDS
    label = f"{provider}: " if provider else ""
    text = f"{label}{message}" if message else f"{label}HTTP {status}"
    return ProviderError(
        text, retryable=retryable, retry_after=retry_after if retryable else None,
        vendor_code=vendor_code, http_status=status, kind=kind, provider=provider, secrets=secrets,
    )
