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

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.secrets import redact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    message: str
    retryable: bool
    retry_after: float | None = None
    original: str = ""  # the vendor's own text (key-scrubbed), behind "Show original"
    kind: str = ""  # the provider error kind (providers.errors), "" for local failures


def classify(exc: BaseException) -> Failure:
    retryable = getattr(exc, "retryable", None)
    if isinstance(retryable, bool):  # ProviderError (duck-typed: providers is a sibling package)
        from app.jobs.vendor_errors import explain

        retry_after = getattr(exc, "retry_after", None)
        plain = explain(exc)
        original = redact(str(exc)) or type(exc).__name__
        return Failure(plain.plain if plain else original, retryable,
                       float(retry_after) if retry_after else None, original=original,
                       kind=plain.kind if plain else "")
    try:
        import requests

        if isinstance(exc, requests.Timeout):
            return Failure(QCoreApplication.translate("JobFailures", "The server did not answer in time."), True, original=_short(exc))
        if isinstance(exc, requests.ConnectionError):
            return Failure(QCoreApplication.translate("JobFailures", "Could not connect to the server ({reason}).").format(reason=_short(exc)), True,
                           original=_short(exc))
    except ImportError:  # pragma: no cover - requests is a dependency
        pass
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return Failure(QCoreApplication.translate("JobFailures", "The server did not answer in time."), True, original=_short(exc))
    if isinstance(exc, ConnectionError):
        return Failure(QCoreApplication.translate("JobFailures", "The connection failed ({reason}).").format(reason=_short(exc)), True,
                       original=_short(exc))
    if isinstance(exc, UserError):
        return Failure(redact(str(exc)), False)
    if isinstance(exc, OSError):
        return Failure(redact(QCoreApplication.translate("JobFailures", "A file operation failed: {reason}.").format(reason=exc.strerror or exc)), False,
                       original=redact(str(exc)))
    log.error("unexpected error in a job", exc_info=(type(exc), exc, exc.__traceback__))
    return Failure(redact(QCoreApplication.translate("JobFailures", "Internal error ({name}: {reason}). Please report it.").format(
        name=type(exc).__name__, reason=exc)), False, original=redact(f"{type(exc).__name__}: {exc}"))


def _short(exc: BaseException) -> str:
    text = redact(str(exc))
    # requests' messages nest the whole urllib3 chain; the last clause is the useful one
    if "]" in text:
        text = text.rsplit("]", 1)[-1].strip(" :')\"") or text
    return text[:160]
