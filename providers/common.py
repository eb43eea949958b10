"""Shared plumbing for the clients: settings, the HTTP wrapper, staging files, checked downloads."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import requests

from providers import errors as E
from providers.base import CancelToken, GenerationRequest, OutputRef, ProgressFn, TaskHandle, TextRequest
from providers.download import download_checked
from providers.errors import ProviderError
from providers.http import HttpClient


class ProviderClient:
    """Base of every HTTP client. Subclasses set ``secret_keys`` and override the hooks.

    ``settings`` are the registry defaults overlaid with the user's values (secrets
    resolved); ``staging_dir`` receives results that synchronous APIs return inline,
    until :meth:`download` moves them into the caller's folder.
    """

    secret_keys: tuple[str, ...] = ("api_key",)
    default_poll_interval = 5.0
    connect_timeout = 10.0

    def __init__(self, settings: Mapping[str, Any], *, name: str, staging_dir: Path | None = None) -> None:
        self.name = name
        self.settings = dict(settings)
        self.staging_dir = Path(staging_dir) if staging_dir else Path(tempfile.gettempdir()) / "microdrama-staging"
        read_timeout = float(self.settings.get("timeout") or 60.0)
        self.http = HttpClient(name, str(self.settings.get("base_url") or ""), headers=self.auth_headers,
                               secrets=self.secret_values, error_mapper=self.map_error,
                               timeout=(self.connect_timeout, read_timeout))

    # --- hooks ------------------------------------------------------------------------------------
    def auth_headers(self) -> dict[str, str]:
        key = str(self.settings.get("api_key") or "")
        return {"Authorization": f"Bearer {key}"} if key else {}

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        """Vendor-specific error mapping; None = use the generic shapes."""
        return None

    def download_headers(self, output: OutputRef) -> dict[str, str]:
        """Headers for fetching a result (auth only when the file lives on the vendor's own host)."""
        return {}

    # --- helpers ----------------------------------------------------------------------------------
    def secret_values(self) -> list[str]:
        return [str(self.settings.get(k) or "") for k in self.secret_keys if self.settings.get(k)]

    def require(self, *keys: str) -> None:
        missing = [k for k in keys if not str(self.settings.get(k) or "").strip()]
        if missing:
            names = ", ".join(k.replace("_", " ") for k in missing)
            raise ProviderError(f"{self.name}: {names} not set. Open Settings > Providers > {self.name} and enter it.",
                                retryable=False, kind=E.CONFIG, provider=self.name)

    def trusted_url(self, url: str, fallback: str) -> str:
        """``url`` if it is on the configured API host, else ``fallback``.

        Task handles come back from project files; credentials must only ever travel to
        the host the user configured, never to a URL a file could have been edited to name.
        """
        if url and urlparse(self.http.url(url)).netloc == urlparse(self.http.base_url).netloc:
            return url
        return fallback

    def model_for(self, request: GenerationRequest | TextRequest) -> str:
        return request.model or str(self.settings.get(f"{request.capability}_model") or "")

    def stage_bytes(self, data: bytes, suffix: str) -> Path:
        """Write an inline result where it survives until downloaded (atomic rename)."""
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        target = self.staging_dir / f"{self.name}-{uuid.uuid4().hex}{suffix}"
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        return target

    def error(self, message: str, *, retryable: bool = False, kind: str = E.BAD_REQUEST, **kw: Any) -> ProviderError:
        return self.http.error(message, retryable=retryable, kind=kind, **kw)

    # --- the generation protocol defaults ------------------------------------------------------------
    def poll_interval(self, handle: TaskHandle) -> float:
        return self.default_poll_interval

    def download(self, output: OutputRef, dest_dir: Path, cancel: CancelToken | None = None,
                 progress: ProgressFn | None = None) -> Path:
        return download_checked(self.http.session, output, Path(dest_dir), provider=self.name, cancel=cancel,
                                progress=progress, headers=self.download_headers(output),
                                timeout=self.http.timeout, secrets=self.secret_values())

    def cancel(self, handle: TaskHandle) -> None:
        """Vendors without a cancel call: nothing to do (the job stops polling)."""

    def close(self) -> None:
        self.http.close()
