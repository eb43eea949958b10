"""Sorting failures into "try again" and "tell the user", in plain words.

Provider clients raise ``providers.errors.ProviderError`` with ``retryable`` and
``retry_after`` already decided from the vendor's codes (429 rate limits, 5xx,
timeouts: retryable; quota, auth, content policy, bad request: not). Network
exceptions from ``requests`` or the OS are retryable. Anything else is a bug or
a local problem: not retried, shown with its type so it can be reported.
Every message passes through ``app.secrets.redact`` so a key can never leak.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass

from app.errors import UserError
from app.secrets import redact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    message: str
    retryable: bool
    retry_after: float | None = None


def classify(exc: BaseException) -> Failure:
    retryable = getattr(exc, "retryable", None)
    if isinstance(retryable, bool):  # ProviderError (duck-typed: providers is a sibling package)
        retry_after = getattr(exc, "retry_after", None)
        return Failure(redact(str(exc)) or type(exc).__name__, retryable,
                       float(retry_after) if retry_after else None)
    try:
        import requests

        if isinstance(exc, requests.Timeout):
            return Failure("The server did not answer in time.", True)
        if isinstance(exc, requests.ConnectionError):
            return Failure(f"Could not connect to the server ({_short(exc)}).", True)
    except ImportError:  # pragma: no cover - requests is a dependency
        pass
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return Failure("The server did not answer in time.", True)
    if isinstance(exc, ConnectionError):
        return Failure(f"The connection failed ({_short(exc)}).", True)
    if isinstance(exc, UserError):
        return Failure(redact(str(exc)), False)
    if isinstance(exc, OSError):
        return Failure(redact(f"A file operation failed: {exc.strerror or exc}."), False)
    log.error("unexpected error in a job", exc_info=(type(exc), exc, exc.__traceback__))
    return Failure(redact(f"Internal error ({type(exc).__name__}: {exc}). Please report it."), False)


def _short(exc: BaseException) -> str:
    text = redact(str(exc))
    # requests' messages nest the whole urllib3 chain; the last clause is the useful one
    if "]" in text:
        text = text.rsplit("]", 1)[-1].strip(" :')\"") or text
    return text[:160]
