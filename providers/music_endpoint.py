"""A music generation service the USER runs or rents: a small documented JSON contract.

This is not a Suno product and does not talk to Suno: Suno has no public API, and the
unofficial proxies drive its web app against its terms. Point this at your own service
(for example a server wrapping an open music model) that follows this contract:

    POST {base_url}
        Authorization: Bearer <token>          (only if a token is set)
        {"prompt": str, "style": str, "duration": float (seconds), "instrumental": bool,
         "model": str (optional), "seed": int (optional)}
      -> 200/201/202 {"id": str}

    GET {base_url}/{id}
      -> {"status": "queued" | "running" | "succeeded" | "failed" | "cancelled",
          "progress": float 0..1 (optional),
          "audio_url": str (when succeeded; absolute, or relative to base_url),
          "error": str (when failed)}

    POST {base_url}/{id}/cancel                (optional; 404/405 are ignored)

Errors: any 4xx/5xx with ``{"error": "text"}`` or ``{"detail": "text"}``; 429 and 503 may
carry ``Retry-After``. The audio file must be WAV, FLAC, MP3, OGG or M4A.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlparse

from providers import errors as E
from providers.base import (
    CANCELLED,
    FAILED,
    MUSIC,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    CancelToken,
    GenerationRequest,
    MusicRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
)
from providers.common import ProviderClient

_STATES = {"queued": QUEUED, "pending": QUEUED, "running": RUNNING, "processing": RUNNING,
           "succeeded": SUCCEEDED, "success": SUCCEEDED, "completed": SUCCEEDED, "complete": SUCCEEDED,
           "failed": FAILED, "error": FAILED, "cancelled": CANCELLED, "canceled": CANCELLED}


class MusicEndpointProvider(ProviderClient):
    default_poll_interval = 3.0

    def download_headers(self, output: OutputRef) -> dict[str, str]:
        if urlparse(output.url).netloc == urlparse(self.http.base_url).netloc:
            return self.auth_headers()
        return {}

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, MusicRequest):
            raise self.error(f"{request.capability} generation is not offered by a music service", kind=E.CONFIG)
        self.require("base_url")
        body: dict[str, Any] = {"prompt": request.prompt, "style": request.style, "duration": float(request.duration),
                                "instrumental": bool(request.instrumental)}
        model = self.model_for(request)
        if model:
            body["model"] = model
        if request.seed is not None:
            body["seed"] = request.seed
        body.update(request.parameters)
        data = self.http.json("POST", "", json=body, cancel=cancel, billable=True)
        if not isinstance(data, dict) or not data.get("id"):
            raise self.error(f"the service did not answer with an id (see the contract in Settings): "
                             f"{str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=MUSIC, task_id=str(data["id"]), model=model,
                          cost_units=1.0)

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        data = self.http.json("GET", f"/{handle.task_id}", cancel=cancel)
        if not isinstance(data, dict):
            raise self.error(f"unexpected status answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE, retryable=True)
        vendor = str(data.get("status") or "").lower()
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown status {vendor!r} (expected queued, running, succeeded, failed)",
                             kind=E.INVALID_RESPONSE, retryable=True)
        progress = data.get("progress")
        status = TaskStatus(state=state, vendor_status=vendor,
                            progress=float(progress) if isinstance(progress, int | float) else None)
        if state == SUCCEEDED:
            url = str(data.get("audio_url") or "")
            if not url:
                status.state, status.error = FAILED, "the music service reported success without an audio_url"
                return status
            status.outputs = [OutputRef(url=urljoin(self.http.base_url + "/", url), media_type="audio")]
            status.progress = 1.0
        elif state == FAILED:
            status.vendor_message = str(data.get("error") or "")
            status.error = f"the music service could not make it: {status.vendor_message or 'no reason given'}"
        return status

    def cancel(self, handle: TaskHandle) -> None:
        response = self.http.request("POST", f"/{handle.task_id}/cancel", check=False)
        if response.status_code >= 400 and response.status_code not in (404, 405):
            raise self.http.error_for(response)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # An unknown id must answer 404 (the service is there and accepted the token).
        response = self.http.request("GET", "/connection-check", cancel=cancel, check=False)
        if response.status_code in (401, 403) or response.status_code >= 500:
            raise self.http.error_for(response)
        return "Connected to your music service"
