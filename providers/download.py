"""Checked downloads: a result file only counts once it is complete, within the size cap,
of a media content type, and actually decodes (cv2 for stills, PyAV for video and audio).

A paid result is fetched into ``<name>.part`` and renamed only after every check passed,
so a half-written or bogus file never reaches the project bundle.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlparse

import requests

from providers import errors as E
from providers.base import CancelToken, OutputRef, ProgressFn
from providers.deadline import watch
from providers.errors import ProviderError
from providers.http import abort
from providers.media_kinds import media_kind_of_extension

MAX_BYTES = {"image": 64 * 1024 * 1024, "video": 2 * 1024 * 1024 * 1024, "audio": 512 * 1024 * 1024}
DEFAULT_MAX = 2 * 1024 * 1024 * 1024
CHUNK = 256 * 1024
DEADLINE_ENV = "MICRODRAMA_DOWNLOAD_DEADLINE"  # seconds; overrides the computed limit (tests, bench)
BASE_DEADLINE = 300.0  # every download gets this long, plus 1 s per 256 KB it declares


def download_deadline(declared_bytes: int | None = None) -> float:
    """The overall limit of one download: a trickling file server must not hold a job forever."""
    try:
        return float(os.environ[DEADLINE_ENV])
    except (KeyError, ValueError):
        return BASE_DEADLINE + (declared_bytes or 0) / CHUNK

_MEDIA_MIME_PREFIXES = ("image/", "video/", "audio/")
_GENERIC_MIMES = ("application/octet-stream", "binary/octet-stream", "application/mp4", "application/ogg", "")

_EXT_BY_MIME = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp", "image/gif": ".gif",
    "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm",
    "audio/mpeg": ".mp3", "audio/wav": ".wav", "audio/x-wav": ".wav", "audio/wave": ".wav",
    "audio/flac": ".flac", "audio/ogg": ".ogg", "audio/opus": ".opus", "audio/aac": ".aac",
    "audio/mp4": ".m4a",
}


def sniff_extension(head: bytes) -> str:
    """A file extension from the first bytes of a media file, or "" if unknown."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return ".wav"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return ".gif"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return ".m4a"
        return ".mov" if brand == b"qt  " else ".mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return ".webm"
    if head.startswith(b"fLaC"):
        return ".flac"
    if head.startswith(b"OggS"):
        return ".ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return ".aac" if head[1] & 0xF6 == 0xF0 else ".mp3"
    return ""


def verify_media(path: Path, media_type: str = "") -> str:
    """Decode ``path`` enough to prove it is media; return its kind ("image", "video", "audio").

    Raises ValueError with a reason when it does not decode (or is not the expected kind).
    """
    ext = path.suffix.lower()
    expected = media_type or media_kind_of_extension(ext)
    if expected == "image" or (not expected and ext in (".png", ".jpg", ".jpeg", ".webp")):
        import cv2
        import numpy as np

        data = np.fromfile(str(path), dtype=np.uint8)
        image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
        if image is not None and image.size > 0:
            return "image"
        if expected == "image":
            raise ValueError("it does not decode as an image")
    import av

    try:
        with av.open(str(path)) as container:
            video = container.streams.video[0] if container.streams.video else None
            audio = container.streams.audio[0] if container.streams.audio else None
            if expected == "video" and video is None:
                raise ValueError("it has no video stream")
            if expected == "audio" and audio is None:
                raise ValueError("it has no audio stream")
            stream = video if (video is not None and expected != "audio") else audio
            if stream is None:
                raise ValueError("it has neither video nor audio")
            for _frame in container.decode(stream):
                break
            else:
                raise ValueError("no frame decodes")
            if stream is video:
                return "image" if expected == "image" else "video"
            return "audio"
    except av.error.FFmpegError as exc:
        raise ValueError(f"it does not decode as media ({exc.__class__.__name__})") from None


def _unique(dest_dir: Path, name: str) -> Path:
    target = dest_dir / name
    stem, suffix = target.stem, target.suffix
    n = 1
    while target.exists():
        target = dest_dir / f"{stem}-{n}{suffix}"
        n += 1
    return target


_SAFE = re.compile(r"[^A-Za-z0-9._\-]+")


def safe_filename(name: str, fallback: str = "result") -> str:
    name = _SAFE.sub("_", Path(unquote(name)).name).strip("._") or fallback
    return name[:120]


def accept_local(output: OutputRef, dest_dir: Path, *, provider: str, move: bool = True) -> Path:
    """Check a file a synchronous call already wrote and move it into ``dest_dir``."""
    src = Path(output.path)
    if not src.is_file():
        raise ProviderError(f"{provider}: the result file {src.name} is missing", retryable=False,
                            kind=E.DOWNLOAD, provider=provider)
    try:
        verify_media(src, output.media_type)
    except ValueError as exc:
        raise ProviderError(f"{provider}: the result is not usable media: {exc}", retryable=False,
                            kind=E.DOWNLOAD, provider=provider) from None
    dest_dir.mkdir(parents=True, exist_ok=True)
    if src.resolve().parent == dest_dir.resolve():
        return src  # already where the caller wants it (staging dir == destination): keep it, retries work
    target = _unique(dest_dir, safe_filename(output.filename or src.name))
    if move:
        shutil.move(str(src), target)
    else:
        shutil.copy2(src, target)
    return target


def download_checked(
    session: requests.Session,
    output: OutputRef,
    dest_dir: Path,
    *,
    provider: str,
    cancel: CancelToken | None = None,
    progress: ProgressFn | None = None,
    headers: dict[str, str] | None = None,
    max_bytes: int | None = None,
    timeout: tuple[float, float] = (10.0, 60.0),
    default_name: str = "result",
    secrets: list[str] | None = None,
) -> Path:
    """Fetch ``output.url`` into ``dest_dir`` and return the checked file's path.

    Errors: truncated transfers and transport failures are retryable; a wrong content type,
    an oversize file or a file that does not decode are not.
    """
    if output.path and not output.url:
        return accept_local(output, dest_dir, provider=provider)
    secrets = secrets or []

    def fail(message: str, *, retryable: bool, kind: str = E.DOWNLOAD, status: int | None = None) -> ProviderError:
        return ProviderError(f"{provider}: download failed: {message}", retryable=retryable, kind=kind,
                             http_status=status, provider=provider, secrets=secrets)

    cap = max_bytes or MAX_BYTES.get(output.media_type, DEFAULT_MAX)
    if cancel is not None:
        cancel.raise_if_cancelled()
    with watch(cancel, download_deadline()) as w:
        try:
            return _fetch(session, output, dest_dir, provider=provider, cancel=cancel, progress=progress,
                          headers=headers, cap=cap, timeout=timeout, default_name=default_name, fail=fail)
        except ProviderError as exc:
            if w.expired and not (cancel is not None and cancel.cancelled):
                raise fail(f"the file did not arrive within {w.deadline:.0f} s ({exc.message.split(': ')[-1]})",
                           retryable=True, kind=E.TIMEOUT) from None
            raise


class _Fail(Protocol):
    """Builds the ProviderError a failed download raises (prefixed with the provider's name)."""

    def __call__(self, message: str, *, retryable: bool, kind: str = ..., status: int | None = ...
                 ) -> ProviderError: ...


def _fetch(session: requests.Session, output: OutputRef, dest_dir: Path, *, provider: str,
           cancel: CancelToken | None, progress: ProgressFn | None, headers: dict[str, str] | None,
           cap: int, timeout: tuple[float, float], default_name: str, fail: _Fail) -> Path:
    try:
        response = session.get(output.url, headers=headers or {}, stream=True, timeout=timeout)
    except requests.Timeout:
        raise fail("the file server did not answer in time", retryable=True, kind=E.TIMEOUT) from None
    except requests.RequestException as exc:
        raise fail(f"cannot reach the file server ({type(exc).__name__})", retryable=True,
                   kind=E.CONNECTION) from None
    unregister = cancel.on_cancel(lambda: abort(response)) if cancel is not None else (lambda: None)
    part: Path | None = None
    try:
        if response.status_code >= 400:
            kind = E.kind_for_status(response.status_code)
            if response.status_code in (403, 404, 410):
                # Result URLs expire (Kling deletes after 30 days; signed URLs time out).
                raise fail(f"HTTP {response.status_code}: the result file is gone or its link expired",
                           retryable=False, kind=E.NOT_FOUND, status=response.status_code)
            raise fail(f"HTTP {response.status_code}", retryable=kind in E.RETRYABLE_KINDS, kind=kind,
                       status=response.status_code)
        mime = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if not (mime.startswith(_MEDIA_MIME_PREFIXES) or mime in _GENERIC_MIMES):
            snippet = ""
            if mime.startswith("text/") or "json" in mime or "html" in mime:
                snippet = ": " + response.text[:120].strip().replace("\n", " ")
            raise fail(f"the server sent {mime or 'unknown content'} instead of media{snippet}", retryable=False)
        length_header = response.headers.get("Content-Length")
        expected = int(length_header) if length_header and length_header.isdigit() else None
        if expected is not None and expected > cap:
            raise fail(f"the file is {expected // (1024 * 1024)} MB, over the {cap // (1024 * 1024)} MB limit",
                       retryable=False)
        dest_dir.mkdir(parents=True, exist_ok=True)
        url_name = Path(urlparse(output.url).path).name
        base = safe_filename(output.filename or url_name or default_name, default_name)
        part = _unique(dest_dir, base + ".part")
        received = 0
        head = b""
        try:
            with open(part, "wb") as fh:
                for chunk in response.iter_content(CHUNK):
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    if not chunk:
                        continue
                    if len(head) < 32:
                        head += chunk[:32]
                    received += len(chunk)
                    if received > cap:
                        raise fail(f"the file exceeds the {cap // (1024 * 1024)} MB limit", retryable=False)
                    fh.write(chunk)
                    if progress is not None:
                        progress(received / expected if expected else None, "downloading")
                fh.flush()
                os.fsync(fh.fileno())
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError,
                requests.exceptions.ContentDecodingError) as exc:
            if cancel is not None:
                cancel.raise_if_cancelled()
            raise fail(f"the transfer broke off after {received} bytes ({type(exc).__name__})",
                       retryable=True, kind=E.CONNECTION) from None
        except requests.Timeout:
            raise fail(f"the transfer stalled after {received} bytes", retryable=True, kind=E.TIMEOUT) from None
        if cancel is not None:
            cancel.raise_if_cancelled()
        if expected is not None and received < expected:
            raise fail(f"the transfer is truncated ({received} of {expected} bytes)", retryable=True,
                       kind=E.CONNECTION)
        if received == 0:
            raise fail("the file is empty", retryable=False)
        ext = sniff_extension(head) or _EXT_BY_MIME.get(mime, "") or Path(base).suffix
        final_name = base if Path(base).suffix.lower() == ext.lower() else Path(base).stem + ext
        # Verify under the media extension (some demuxers rely on it), still under a hidden name.
        checking = part.with_name(f".{part.stem}.checking{ext}")
        os.replace(part, checking)
        part = checking
        try:
            verify_media(part, output.media_type)
        except ValueError as exc:
            raise fail(f"the file is not usable media: {exc}", retryable=False) from None
        target = _unique(dest_dir, final_name)
        os.replace(part, target)
        part = None
        return target
    finally:
        unregister()
        response.close()
        if part is not None and part.exists():
            part.unlink()
