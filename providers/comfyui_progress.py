"""ComfyUI progress over its WebSocket: the only place ComfyUI reports sampling steps.

ComfyUI sends a prompt's events to the client id that queued it, so one listener per
client id. Progress is reported per node: ``progress`` (``{value, max, prompt_id, node}``)
restarts at 0 for every sampler, so a two-sampler workflow goes 0 -> 1 -> 0 -> 1; newer
servers also send ``progress_state`` (``{prompt_id, nodes: {id: {value, max, state}}}``).
``PromptProgress`` folds them into one figure that only ever rises: each node weighs its
step count (a 25-step sampler outweighs a VAE decode), cached and finished nodes count as
done. Unprompted messages (``status`` broadcasts, ``execution_cached``...) and binary
preview frames are read and dropped. The listener is a daemon thread that stops by itself
when nobody has asked for progress for a while, or when the server goes away (polling over
HTTP carries on regardless: progress is a nicety, never a dependency).
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any
from urllib.parse import urlencode, urlparse

from providers.ws import TEXT, WebSocket, WebSocketError


def step_weights(workflow: dict[str, Any]) -> dict[str, int]:
    """Each node's expected weight: its ``steps`` input when it has one (samplers), else 1."""
    weights: dict[str, int] = {}
    for node_id, node in workflow.items():
        steps = (node.get("inputs") or {}).get("steps") if isinstance(node, dict) else None
        weights[str(node_id)] = int(steps) if isinstance(steps, int | float) and steps > 1 else 1
    return weights


class PromptProgress:
    """One prompt's combined progress over all its nodes (monotonic)."""

    def __init__(self, weights: dict[str, int] | None = None) -> None:
        self.weights: dict[str, float] = {k: float(v) for k, v in (weights or {}).items()}
        self.done: dict[str, float] = {}  # node -> fraction 0..1
        self.current: str | None = None
        self.figure = 0.0

    def _node(self, node: str, fraction: float, steps: float | None = None) -> None:
        if steps and steps > 1:
            self.weights[node] = max(self.weights.get(node, 1.0), float(steps))
        self.weights.setdefault(node, 1.0)
        self.done[node] = max(self.done.get(node, 0.0), max(0.0, min(1.0, fraction)))

    def update(self, kind: str, data: dict[str, Any]) -> None:
        if kind == "execution_cached":
            for node in data.get("nodes") or []:
                self._node(str(node), 1.0)
        elif kind == "executing":
            node = data.get("node")
            if self.current is not None and (node is None or str(node) != self.current):
                self._node(self.current, 1.0)  # the executor moved on: the previous node is done
            self.current = str(node) if node is not None else None
            if node is None:
                self.figure = 1.0
                return
            self._node(str(node), 0.0)
        elif kind == "progress" and data.get("max"):
            node = str(data.get("node") or self.current or "?")
            self._node(node, float(data.get("value") or 0) / float(data["max"]), float(data["max"]))
        elif kind == "progress_state":
            for node, info in (data.get("nodes") or {}).items():
                if not isinstance(info, dict):
                    continue
                total = float(info.get("max") or 1)
                fraction = 1.0 if info.get("state") == "finished" else float(info.get("value") or 0) / total
                self._node(str(node), fraction, total)
        elif kind == "execution_success":
            self.figure = 1.0
            return
        total = sum(self.weights.values())
        if total > 0:
            reached = sum(w * self.done.get(n, 0.0) for n, w in self.weights.items()) / total
            self.figure = max(self.figure, min(reached, 0.999))


class ProgressListener:
    idle_timeout = 120.0

    def __init__(self, base_url: str, client_id: str, headers: dict[str, str] | None = None) -> None:
        parts = urlparse(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/ws?{urlencode({'clientId': client_id})}"
        self.headers = headers or {}
        self._prompts: dict[str, PromptProgress] = {}
        self._weights: dict[str, dict[str, int]] = {}
        self._lock = threading.Lock()
        self._last_asked = time.monotonic()
        self._stop = threading.Event()
        self._ws: WebSocket | None = None
        self.binary_frames = 0  # preview images received (and dropped)
        self.connected = threading.Event()
        self.thread = threading.Thread(target=self._run, name="comfyui-progress", daemon=True)
        self.thread.start()

    def expect(self, prompt_id: str, weights: dict[str, int]) -> None:
        """Tell the listener the node weights of ``prompt_id`` (from its workflow) before events arrive."""
        with self._lock:
            self._weights[prompt_id] = dict(weights)
            if prompt_id in self._prompts:
                for node, w in weights.items():
                    self._prompts[prompt_id].weights.setdefault(node, float(w))

    def progress(self, prompt_id: str) -> float | None:
        """The latest fraction 0..1 for ``prompt_id``, or None if nothing was heard yet."""
        self._last_asked = time.monotonic()
        with self._lock:
            state = self._prompts.get(prompt_id)
            return state.figure if state is not None else None

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
                else:
                    self.binary_frames += 1
        except (OSError, WebSocketError):
            pass
        finally:
            ws.close()

    def _handle(self, payload: bytes) -> None:
        try:
            message = json.loads(payload)
        except ValueError:
            return
        data = message.get("data") if isinstance(message, dict) else None
        prompt_id = data.get("prompt_id") if isinstance(data, dict) else None
        if not prompt_id or not isinstance(data, dict):
            return  # status broadcasts and other unprompted messages
        with self._lock:
            state = self._prompts.get(prompt_id)
            if state is None:
                state = self._prompts[prompt_id] = PromptProgress(self._weights.get(prompt_id))
            state.update(str(message.get("type")), data)
