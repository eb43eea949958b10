"""A thin wrapper over ``requests`` that turns every transport and HTTP failure into a
classified :class:`ProviderError` with secrets scrubbed.

Each client gives it a vendor ``error_mapper`` that reads the vendor's error body; the
wrapper handles what all vendors share (timeouts, refused connections, 5xx, 429 with
Retry-After, bodies that are not the JSON they should be).
"""

from __future__ import annotations

import json as jsonlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlparse

import requests
import urllib3

from providers import errors as E
from providers.base import CancelToken
from providers.deadline import WatchedAdapter, watch
from providers.errors import ProviderError

ErrorMapper = Callable[[requests.Response, Any], ProviderError | None]

DEFAULT_TIMEOUT = (10.0, 60.0)  # (connect, read) seconds
USER_AGENT = "MicrodramaStudio/0.1"
DEADLINE_ENV = "MICRODRAMA_HTTP_DEADLINE"  # seconds; overrides every client's overall deadline (tests, bench)
MIN_DEADLINE = 120.0


def default_deadline(read_timeout: float) -> float:
    """The overall limit of one request: three read timeouts, at least two minutes (or the env override)."""
    try:
        return float(os.environ[DEADLINE_ENV])
    except (KeyError, ValueError):
        return max(MIN_DEADLINE, 3 * read_timeout)


def generic_error_message(body: Any) -> tuple[str, str | int | None]:
    """(message, vendor code) from the common JSON error shapes, or ("", None)."""
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            code = err.get("code") if err.get("code") is not None else err.get("type")
            return str(err.get("message") or err.get("type") or ""), code
        if isinstance(err, str):
            return err, body.get("code")
        for key in ("message", "detail", "msg", "error_message"):
            if isinstance(body.get(key), str):
                return body[key], body.get("code")
        if isinstance(body.get("detail"), list):  # FastAPI validation errors
            return "; ".join(str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in body["detail"]), None
    if isinstance(body, str):
        text = body.strip()
        if text.startswith("<"):
            # A proxy's or CDN's HTML error page: its title says it all, the markup helps nobody.
            title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
            text = re.sub(r"\s+", " ", title.group(1) if title else re.sub(r"<[^>]+>", " ", text)).strip()
        return text[:300], None
    return "", None


class HttpClient:
    """One vendor's HTTP access: base URL, auth headers, timeouts and error mapping."""

    def __init__(
        self,
        provider: str,
        base_url: str,
        *,
        headers: Callable[[], dict[str, str]] | None = None,
        secrets: Callable[[], Iterable[str]] | None = None,
        error_mapper: ErrorMapper | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float | None = None,
    ) -> None:
        self.provider = provider
        self.base_url = base_url.rstrip("/")
        self._headers = headers or (lambda: {})
        self._secrets = secrets or (lambda: ())
        self._mapper = error_mapper
        self.timeout = timeout
        # Overall seconds per request (headers and body), whatever the per-read timeout says.
        self.deadline = deadline if deadline is not None else default_deadline(timeout[1])
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        for scheme in ("http://", "https://"):  # sockets that a deadline or a cancel can shut
            self.session.mount(scheme, WatchedAdapter())

    def secrets(self) -> list[str]:
        return [s for s in self._secrets() if s]

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        if not path:
            return self.base_url
        return f"{self.base_url}/{path.lstrip('/')}"

    def error(self, message: str, *, retryable: bool, kind: str, **kw: Any) -> ProviderError:
        return ProviderError(f"{self.provider}: {message}", retryable=retryable, kind=kind,
                             provider=self.provider, secrets=self.secrets(), **kw)

    # --- requests -------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        cancel: CancelToken | None = None,
        auth: bool = True,
        stream: bool = False,
        timeout: tuple[float, float] | float | None = None,
        check: bool = True,
        billable: bool = False,
        deadline: float | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send a request; raise a classified ProviderError on transport failure or (if ``check``) an error status.

        The whole exchange (connect, headers and, unless ``stream``, the body) must finish
        within ``deadline`` seconds (default: the client's), and stops within a moment of
        ``cancel``. ``billable``: the call creates a paid task or output; any failure after
        the request may have left this machine raises ``maybe_billed=True`` and is never
        retryable (the job queue asks the vendor instead of paying twice).
        """
        if cancel is not None:
            cancel.raise_if_cancelled()
        headers = dict(self._headers()) if auth else {}
        headers.update(kwargs.pop("headers", None) or {})
        url = self.url(path)
        limit = self.deadline if deadline is None else deadline
        with watch(cancel, limit) as w:
            try:
                response = self.session.request(method, url, headers=headers, stream=stream,
                                                timeout=timeout or self.timeout, **kwargs)
            except requests.RequestException as exc:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                raise self._transport_error(exc, url, billable=billable, expired=w.expired) from None
        if cancel is not None and cancel.cancelled:
            response.close()
            cancel.raise_if_cancelled()
        if check and response.status_code >= 400:
            raise self.error_for(response)
        return response

    def _transport_error(self, exc: requests.RequestException, url: str, *, billable: bool,
                         expired: bool) -> ProviderError:
        sent = not nothing_sent(exc)
        if billable and sent:
            what = ("no complete answer within the time limit" if expired or isinstance(exc, requests.Timeout)
                    else f"the connection broke before the full answer arrived ({_short(exc)})")
            return self.error(f"{what}. The request may have reached the vendor and been billed; "
                              "it is not sent again automatically", retryable=False, kind=E.INVALID_RESPONSE,
                              maybe_billed=True)
        if expired:
            return self.error(f"no complete answer within {self.deadline:.0f} s; will retry",
                              retryable=True, kind=E.TIMEOUT)
        if isinstance(exc, requests.Timeout):
            return self.error(f"the server did not answer in time ({type(exc).__name__}); "
                              "it may be busy, will retry", retryable=True, kind=E.TIMEOUT)
        if isinstance(exc, requests.ConnectionError):
            host = urlparse(url).hostname or ""
            hint = " Is the server running?" if host in ("localhost", "127.0.0.1", "::1") else ""
            return self.error(f"cannot reach {self.base_url or url}: {_short(exc)}.{hint}",
                              retryable=True, kind=E.CONNECTION)
        return self.error(f"request failed: {_short(exc)}", retryable=True, kind=E.CONNECTION)

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send and decode a JSON answer (malformed JSON becomes a ProviderError)."""
        billable = bool(kwargs.get("billable"))
        response = self.request(method, path, **kwargs)
        return self.decode(response, retry_safe=method.upper() in ("GET", "HEAD") and not billable,
                           maybe_billed=billable)

    def decode(self, response: requests.Response, *, retry_safe: bool = True, maybe_billed: bool = False) -> Any:
        try:
            return response.json()
        except (ValueError, jsonlib.JSONDecodeError):
            snippet = response.text[:200].strip().replace("\n", " ")
            # A garbled answer to a GET can be asked again; to a POST it may have been billed already.
            billed = maybe_billed and response.status_code < 400
            raise self.error(
                f"the server sent an answer that is not valid JSON (HTTP {response.status_code}): {snippet!r}"
                + ("; the request may have been billed, it is not sent again automatically" if billed else ""),
                retryable=retry_safe, kind=E.INVALID_RESPONSE, http_status=response.status_code,
                maybe_billed=billed,
            ) from None

    def error_for(self, response: requests.Response) -> ProviderError:
        """The classified error for an HTTP error answer (vendor mapper first, then the generic shapes)."""
        try:
            body: Any = response.json()
        except ValueError:
            body = response.text
        retry_after = E.parse_retry_after(response.headers.get("Retry-After"))
        if self._mapper is not None:
            mapped = self._mapper(response, body)
            if mapped is not None:
                if mapped.retry_after is None and mapped.retryable:
                    mapped.retry_after = retry_after
                mapped.message = E.scrub(mapped.message, self.secrets())
                mapped.provider = mapped.provider or self.provider
                return mapped
        message, code = generic_error_message(body)
        return E.for_status(response.status_code, message or f"HTTP {response.status_code} {response.reason}",
                            provider=self.provider, vendor_code=code, retry_after=retry_after,
                            secrets=self.secrets())

    def close(self) -> None:
        self.session.close()


def iter_live_lines(response: requests.Response) -> Iterator[bytes]:
    """Lines of a streamed body as soon as each arrives (for Server-Sent Events).

    ``requests.iter_lines`` waits for a full buffer (or the end) when the server does not
    use chunked encoding; reading with ``read1`` hands over whatever has arrived.
    """
    raw = response.raw
    if getattr(raw, "chunked", False):
        source: Iterator[bytes] = raw.stream(None, decode_content=True)
    else:
        source = iter(lambda: raw.read1(65536), b"")
    buffer = b""
    while True:
        # The same translation requests applies in iter_content: callers see requests' exceptions.
        try:
            chunk = next(source, None)
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(str(exc)) from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.SSLError) as exc:
            raise requests.exceptions.ChunkedEncodingError(str(exc)) from None
        if chunk is None:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.rstrip(b"\r")
    if buffer:
        yield buffer.rstrip(b"\r")


def abort(response: requests.Response) -> None:
    """Stop a response from any thread: shut the socket so a blocked read returns at once."""
    try:
        response.raw.shutdown()
    except Exception:  # already released, closed or not supported by this urllib3
        pass
    try:
        response.close()
    except Exception:
        pass


def nothing_sent(exc: BaseException) -> bool:
    """True when the request surely never left this machine (refused, unresolvable, connect timeout)."""
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError,
                             urllib3.exceptions.NameResolutionError, requests.exceptions.ConnectTimeout,
                             ConnectionRefusedError)):
            return True
        if isinstance(item, BaseException):
            stack.extend(item.args)
            stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None)])
    return False


def _short(exc: BaseException) -> str:
    text = str(exc)
    # urllib3 wraps the cause in long reprs; keep the tail which names the real problem.
    return text if len(text) < 300 else text[:120] + " ... " + text[-150:]
