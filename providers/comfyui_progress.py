"""ComfyUI progress over its WebSocket: the only place ComfyUI reports sampling steps.

ComfyUI sends a prompt's events to the client id that queued it, so one listener per
client id: ``progress`` (``{value, max, prompt_id, node}``), ``executing`` (``node: null``
= finished), ``execution_start``, ``execution_cached``, ``execution_success``. Binary
frames (preview images) are ignored. The listener is a daemon thread that stops by
itself when nobody has asked for progress for a while, or when the server goes away
(polling over HTTP carries on regardless: progress is a nicety, never a dependency).
"""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import urlencode, urlparse

from providers.ws import TEXT, WebSocket, WebSocketError


class ProgressListener:
    idle_timeout = 120.0

    def __init__(self, base_url: str, client_id: str, headers: dict[str, str] | None = None) -> None:
        parts = urlparse(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/ws?{urlencode({'clientId': client_id})}"
        self.headers = headers or {}
        self._progress: dict[str, float] = {}
        self._lock = threading.Lock()
        self._last_asked = time.monotonic()
        self._stop = threading.Event()
        self._ws: WebSocket | None = None
        self.connected = threading.Event()
        self.thread = threading.Thread(target=self._run, name="comfyui-progress", daemon=True)
        self.thread.start()

    def progress(self, prompt_id: str) -> float | None:
        """The latest fraction 0..1 for ``prompt_id``, or None if nothing was heard yet."""
        self._last_asked = time.monotonic()
        with self._lock:
            return self._progress.get(prompt_id)

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()

    def stop(self) -> None:
        self._stop.set()
        ws = self._ws
        if ws is not None:
            ws.close()

    def _run(self) -> None:
        try:
            ws = WebSocket.connect(self.url, self.headers, timeout=5.0)
        except (OSError, WebSocketError):
            return
        self._ws = ws
        ws.sock.settimeout(1.0)
        self.connected.set()
        try:
            while not self._stop.is_set() and time.monotonic() - self._last_asked < self.idle_timeout:
                try:
                    opcode, payload = ws.recv()
                except TimeoutError:
                    continue
                if opcode == TEXT:
                    self._handle(payload)
        except (OSError, WebSocketError):
            pass
        finally:
            ws.close()

    def _handle(self, payload: bytes) -> None:
        try:
            message = json.loads(payload)
        except ValueError:
            return
        data = message.get("data") or {}
        prompt_id = data.get("prompt_id")
        if not prompt_id:
            return
        kind = message.get("type")
        with self._lock:
            if kind == "execution_start":
                self._progress[prompt_id] = 0.0
            elif kind == "progress" and data.get("max"):
                self._progress[prompt_id] = max(0.0, min(1.0, float(data["value"]) / float(data["max"])))
            elif kind in ("execution_success",) or (kind == "executing" and data.get("node") is None):
                self._progress[prompt_id] = 1.0
