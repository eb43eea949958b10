"""A media host: puts a local file where a vendor that only takes links can fetch it.

Kling's identify-face and lip sync take a clip only as a Kling video id or a link
(``video_url``); a creator's own clip has neither, so it is first uploaded to a file host
the user already has an account with. The one host here is fal.ai's file storage (the
same key as the fal provider): the fal clients' storage upload is two calls:

- ``POST {rest}/storage/upload/initiate?storage_type=fal-cdn-v3`` with ``Authorization: Key
  <key>`` and ``{"file_name", "content_type"}`` -> ``{"upload_url", "file_url"}``;
- ``PUT <upload_url>`` with the bytes and the same ``Content-Type``; ``file_url`` is then a
  public link (fal keeps such files for a limited time; the link is used at once).

An upload is free and may be repeated, so a retried submit simply uploads again. The
file goes to a third party: the app tells the user where before anything is sent.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from providers import errors as E
from providers.base import CancelToken
from providers.errors import ProviderError
from providers.http import HttpClient

FAL_REST_URL = "https://rest.alpha.fal.ai"  # fal_client REST_URL (fal-ai/fal client.py)
INITIATE_PATH = "/storage/upload/initiate"
STORAGE_TYPE = "fal-cdn-v3"
MAX_UPLOAD_BYTES = 100 * 1024 * 1024  # Kling's own limit for a clip link


class MediaHostKind(Enum):
    """Where a local clip is put so a vendor can fetch it by link."""

    NONE = "none"  # never upload: only clips the vendor made (or links) can be sent
    FAL = "fal"  # fal.ai file storage, with the fal key


@dataclass(frozen=True)
class HostedFile:
    """A local file's public link and the host's name (for provenance and the user's note)."""

    url: str
    host: str
    bytes: int


class FalMediaHost:
    """fal.ai file storage (initiate, then PUT)."""

    label = "fal.ai file storage"

    def __init__(self, api_key: str, *, rest_url: str = "", timeout: float = 120.0) -> None:
        rest_url = rest_url or FAL_REST_URL
        if not api_key:
            raise ProviderError("a local clip must be hosted for this vendor, and fal.ai's key (Edit → Providers → "
                                "fal.ai) is not entered", retryable=False, kind=E.CONFIG, provider="fal")
        self.http = HttpClient("fal", rest_url, headers=lambda: {"Authorization": f"Key {api_key}"},
                               secrets=lambda: [api_key], timeout=(10.0, timeout))

    def upload(self, path: str | Path, cancel: CancelToken | None = None) -> HostedFile:
        """Upload ``path``; its public link. ProviderError (BAD_REQUEST) when the file cannot be read."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProviderError(f"{path.name} cannot be read: {exc}", retryable=False, kind=E.BAD_REQUEST,
                                provider="fal") from None
        if len(data) > MAX_UPLOAD_BYTES:
            raise ProviderError(f"{path.name} is larger than 100 MB", retryable=False, kind=E.BAD_REQUEST,
                                provider="fal")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        answer = self.http.json("POST", f"{INITIATE_PATH}?storage_type={STORAGE_TYPE}", cancel=cancel,
                                json={"file_name": path.name, "content_type": mime})
        fields = answer if isinstance(answer, dict) else {}
        upload_url, file_url = str(fields.get("upload_url") or ""), str(fields.get("file_url") or "")
        if not (upload_url.startswith(("http://", "https://")) and file_url.startswith(("http://", "https://"))):
            raise ProviderError(f"fal's storage answered without upload_url/file_url: {str(answer)[:200]}",
                                retryable=True, kind=E.INVALID_RESPONSE, provider="fal")
        # The upload link is signed: the key is not sent to the storage host.
        self.http.request("PUT", upload_url, cancel=cancel, auth=False, data=data, headers={"Content-Type": mime})
        return HostedFile(url=file_url, host=self.label, bytes=len(data))
