"""A farm of ComfyUI servers: one provider that spreads jobs over several servers the user lists.

ComfyUI is the engine; the farm only chooses where each prompt goes and follows it there:

- **Placement.** Before a job is queued, every listed server is asked for its load
  (``GET /queue``: running + pending) and what it can run (``GET /object_info``: node
  classes, and the model files each loader accepts). The job goes to the least loaded
  server that has every node class and model the filled workflow names; servers that
  do not answer are skipped. Jobs queued from this process in the last seconds count as
  load too (their prompts may not show in ``/queue`` yet).
- **The handle names the server** (``endpoint["server"]``), so after a restart each task
  is polled, cancelled and downloaded on the server that holds it.
- **Fail-over.** When a server stops answering for ``failover_seconds`` (or comes back
  without the job: ComfyUI keeps its queue in memory), a job that had not started is
  queued on another server and ``poll`` returns the new handle (``TaskStatus.moved_to``),
  which the job queue persists. A job that had started is run again elsewhere only if
  its server is free (a local or LAN machine, or marked ``free``) or the user allowed
  paying twice (``rerun_paid``); otherwise it fails with a message saying why, and Retry
  runs it anew. A server that comes back after its job moved gets that prompt deleted.

Servers are listed in the ``servers`` setting, one per line or comma: ``URL [free|paid]``;
without a flag, loopback and private (LAN) addresses are free and others paid.
"""

from __future__ import annotations

import ipaddress
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from providers import errors as E
from providers.base import (
    FAILED,
    QUEUED,
    RUNNING,
    CancelToken,
    GenerationRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
    request_from_dict,
)
from providers.comfyui import ComfyUIProvider
from providers.errors import ProviderError

_CONNECTION_KINDS = (E.CONNECTION, E.TIMEOUT)
_RECENT_SECONDS = 10.0
_recent: dict[str, dict[str, float]] = {}  # server -> {prompt id: when this process queued it there}
_recent_lock = threading.Lock()
_placing = threading.Lock()  # one placement at a time in this process, so parallel jobs do not pile up
_object_info: dict[str, tuple[float, dict[str, Any]]] = {}  # server -> (fetched at, object_info)
OBJECT_INFO_TTL = 120.0


@dataclass(frozen=True)
class FarmServer:
    url: str
    free: bool

    @property
    def label(self) -> str:
        return urlparse(self.url).netloc or self.url


def is_local_address(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host in ("localhost", ""):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host.endswith((".local", ".lan"))
    return address.is_loopback or address.is_private or address.is_link_local


def parse_servers(main_url: str, text: str) -> list[FarmServer]:
    """The main server plus the ``servers`` setting (``URL [free|paid]`` per line or comma)."""
    servers: list[FarmServer] = []
    entries = [main_url] + [e for line in str(text or "").splitlines() for e in line.split(",")]
    for entry in entries:
        words = entry.split()
        if not words:
            continue
        url = words[0].rstrip("/")
        if "://" not in url:
            url = f"http://{url}"
        flag = words[1].lower() if len(words) > 1 else ""
        free = True if flag == "free" else False if flag == "paid" else is_local_address(url)
        known = next((i for i, s in enumerate(servers) if s.url == url), None)
        if known is None:
            servers.append(FarmServer(url, free))
        elif flag in ("free", "paid"):  # the main server listed again with a flag
            servers[known] = FarmServer(url, free)
    return servers


def _noted(server: str, prompt_id: str, replaces: str = "") -> None:
    with _recent_lock:
        taken = _recent.setdefault(server, {})
        taken.pop(replaces, None)
        taken[prompt_id] = time.monotonic()


def _recent_ids(server: str) -> set[str]:
    now = time.monotonic()
    with _recent_lock:
        kept = {pid: t for pid, t in _recent.get(server, {}).items() if now - t < _RECENT_SECONDS}
        _recent[server] = kept
        return set(kept)


def missing_on(info: dict[str, Any], workflow: dict[str, Any]) -> list[str]:
    """What ``workflow`` needs that a server's ``/object_info`` lacks: node classes and listed values."""
    missing = []
    for node in workflow.values():
        cls = node.get("class_type")
        if cls not in info:
            missing.append(f"node {cls}")
            continue
        spec = {**(info[cls].get("input", {}).get("required") or {}), **(info[cls].get("input", {}).get("optional") or {})}
        for name, value in (node.get("inputs") or {}).items():
            choices = _choices(spec.get(name))
            # Model loaders list the files they accept; LoadImage's list is the input folder (uploaded later).
            if isinstance(choices, list) and isinstance(value, str) and cls != "LoadImage" and value not in choices:
                missing.append(f"{name} {value}")
    return missing


def _choices(spec: Any) -> list[Any] | None:
    """The allowed values of a combo input: ``[[...], {...}]`` (classic) or ``["COMBO", {"options": [...]}]``."""
    if not isinstance(spec, list) or not spec:
        return None
    if isinstance(spec[0], list):
        return spec[0]
    options = spec[1].get("options") if spec[0] == "COMBO" and len(spec) > 1 and isinstance(spec[1], dict) else None
    if isinstance(options, list):
        return options
    return None


class ComfyUIFarmProvider(ComfyUIProvider):
    """ComfyUI on one server (no ``servers`` set) or on a farm of them."""

    def __init__(self, settings: Any, *, name: str, staging_dir: Any = None) -> None:
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self.servers = parse_servers(self.http.base_url, str(settings.get("servers") or ""))
        self.rerun_paid = bool(settings.get("rerun_paid"))
        wait = settings.get("failover_seconds")
        self.failover_seconds = float(30 if wait is None or wait == "" else wait)
        self._clients: dict[str, ComfyUIProvider] = {self.http.base_url.rstrip("/"): self}
        self._down_since: dict[str, float] = {}  # task id -> when its server first failed to answer
        self._seen: dict[str, str] = {}  # task id -> last state seen ("queued" / "running")

    @property
    def is_farm(self) -> bool:
        return len(self.servers) > 1

    def client(self, url: str) -> ComfyUIProvider:
        url = url.rstrip("/")
        if url not in self._clients:
            settings = {**self.settings, "base_url": url}
            self._clients[url] = ComfyUIProvider(settings, name=self.name, staging_dir=self.staging_dir)
        return self._clients[url]

    def server(self, url: str) -> FarmServer:
        url = url.rstrip("/")
        return next((s for s in self.servers if s.url == url), FarmServer(url, is_local_address(url)))

    def close(self) -> None:
        for client in list(self._clients.values()):
            if client is not self:
                client.close()
        super().close()

    # --- placement ----------------------------------------------------------------------------
    def object_info(self, url: str, cancel: CancelToken | None = None) -> dict[str, Any]:
        cached = _object_info.get(url)
        if cached and time.monotonic() - cached[0] < OBJECT_INFO_TTL:
            return cached[1]
        info = self.client(url).http.json("GET", "/object_info", cancel=cancel)
        info = info if isinstance(info, dict) else {}
        _object_info[url] = (time.monotonic(), info)
        return info

    def load(self, url: str, cancel: CancelToken | None = None) -> int:
        queue = self.client(url).http.json("GET", "/queue", cancel=cancel)
        queue = queue if isinstance(queue, dict) else {}
        listed = {str(q[1]) for key in ("queue_running", "queue_pending") for q in queue.get(key) or []
                  if isinstance(q, list) and len(q) > 1}
        return len(listed | _recent_ids(url))

    def rank(self, request: GenerationRequest, cancel: CancelToken | None = None,
             exclude: tuple[str, ...] = ()) -> tuple[list[FarmServer], list[str]]:
        """Servers able to run ``request``, least loaded first, and why the others cannot."""
        workflow, _meta = self.build(request, lambda path: "microdrama/placeholder.png")
        able: list[tuple[int, int, FarmServer]] = []
        reasons: list[str] = []
        for order, server in enumerate(self.servers):
            if server.url in exclude:
                continue
            try:
                load = self.load(server.url, cancel)
                missing = missing_on(self.object_info(server.url, cancel), workflow)
            except ProviderError as exc:
                reasons.append(f"{server.label}: {'not answering' if exc.kind in _CONNECTION_KINDS else exc.message}")
                continue
            if missing:
                reasons.append(f"{server.label}: lacks {', '.join(missing[:4])}")
                continue
            able.append((load, order, server))
        return [s for _load, _order, s in sorted(able, key=lambda t: (t[0], t[1]))], reasons

    # --- the generation protocol ---------------------------------------------------------------
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None,
               exclude: tuple[str, ...] = ()) -> TaskHandle:
        if not self.is_farm:
            return super().submit(request, cancel)
        reservation = f"reserved-{uuid.uuid4().hex}"
        with _placing:  # rank and reserve together: the next job sees this one's load
            ranked, reasons = self.rank(request, cancel, exclude)
            if ranked:
                _noted(ranked[0].url, reservation)
        if not ranked:
            raise self.error("no ComfyUI server of the farm can run this workflow now: " + "; ".join(reasons),
                             retryable=all("not answering" in r for r in reasons), kind=E.CONNECTION
                             if all("not answering" in r for r in reasons) else E.CONFIG)
        last: ProviderError | None = None
        for server in ranked:
            client = self.client(server.url)
            try:
                workflow, meta = client.build(request, lambda path, c=client: c.upload(path, cancel))
                handle = client.queue_prompt(request, workflow, meta, cancel)
            except ProviderError as exc:
                if exc.kind in _CONNECTION_KINDS and exc.retryable:  # refused: nothing was queued, try the next
                    last = exc
                    continue
                raise
            _noted(server.url, handle.task_id, replaces=reservation)
            handle.endpoint["server"] = server.url
            handle.endpoint["request"] = request.to_dict()
            return handle
        assert last is not None
        raise last

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        """Look on every server; None only when all of them answered and none has it."""
        if not self.is_farm:
            return super().find_task(request, client_ref, submitted_after, cancel)
        unsure: ProviderError | None = None
        for server in self.servers:
            try:
                found = ComfyUIProvider.find_task(self.client(server.url), request, client_ref, submitted_after,
                                                  cancel)
            except ProviderError as exc:
                unsure = exc
                continue
            if found is not None:
                found.endpoint["server"] = server.url
                found.endpoint["request"] = request.to_dict()
                return found
        if unsure is not None:
            raise unsure
        return None

    def _client_for(self, handle: TaskHandle) -> ComfyUIProvider:
        url = str(handle.endpoint.get("server") or "")
        # Only a server the user listed gets our requests (a project file could name any address).
        if url and any(s.url == url for s in self.servers):
            return self.client(url)
        return self

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        held_by = str(handle.endpoint.get("server") or "")
        if held_by and held_by.rstrip("/") != self.http.base_url.rstrip("/") \
                and all(s.url != held_by for s in self.servers):
            return TaskStatus(state=FAILED, vendor_status="server not listed",
                              error=f"the ComfyUI server {self.server(held_by).label} that holds this job is no "
                                    "longer in the server list; add it back to follow the job, or Retry to run "
                                    "it again")
        client = self._client_for(handle)
        if client is self and not handle.endpoint.get("server"):
            return super().poll(handle, cancel)
        self._clean_abandoned(handle)
        label = self.server(client.http.base_url).label
        try:
            status = client.poll(handle, cancel) if client is not self else super().poll(handle, cancel)
        except ProviderError as exc:
            if exc.kind not in _CONNECTION_KINDS:
                raise
            first = self._down_since.setdefault(handle.task_id, time.monotonic())
            if time.monotonic() - first < self.failover_seconds:
                return TaskStatus(state=RUNNING if self._seen.get(handle.task_id) == RUNNING else QUEUED,
                                  vendor_status="server not answering",
                                  vendor_message=f"{label} is not answering")
            return self._fail_over(handle, label, gone=False, cancel=cancel)
        self._down_since.pop(handle.task_id, None)
        if status.state == FAILED and status.vendor_status == "unknown":  # restarted: the job is gone
            return self._fail_over(handle, label, gone=True, cancel=cancel)
        if status.state in (QUEUED, RUNNING):
            self._seen[handle.task_id] = status.state
        return status

    def _fail_over(self, handle: TaskHandle, label: str, *, gone: bool, cancel: CancelToken | None) -> TaskStatus:
        server = self.server(str(handle.endpoint.get("server") or self.http.base_url))
        started = self._seen.get(handle.task_id) != QUEUED  # unknown counts as started: never guess cheap
        what = "was restarted and no longer has" if gone else "stopped answering while it held"
        if started and not (server.free or self.rerun_paid):
            return TaskStatus(state=FAILED, vendor_status="server lost",
                              error=f"the ComfyUI server {label} {what} this job, which had started; it may have "
                                    "been billed, so it was not run again elsewhere. Retry to run it on another "
                                    "server, or allow re-running paid jobs in the ComfyUI settings.")
        data = handle.endpoint.get("request")
        if not isinstance(data, dict):
            return TaskStatus(state=FAILED, vendor_status="server lost",
                              error=f"the ComfyUI server {label} {what} this job; Retry to run it again")
        request = request_from_dict(data)
        if not isinstance(request, GenerationRequest):
            return TaskStatus(state=FAILED, vendor_status="server lost",
                              error=f"the ComfyUI server {label} {what} this job, whose stored request is unreadable")
        try:
            moved = self.submit(request, cancel, exclude=(server.url,))
        except ProviderError as exc:
            if exc.retryable:  # no other server answers either: keep waiting for one
                return TaskStatus(state=QUEUED, vendor_status="server not answering",
                                  vendor_message=f"{label} is not answering and no other server can take the job")
            raise
        abandoned = list(handle.endpoint.get("abandoned") or [])
        if not gone:  # it may come back with the prompt still queued: delete it then
            abandoned.append([server.url, handle.task_id])
        moved.endpoint["abandoned"] = abandoned
        moved.endpoint["moved_from"] = server.url
        self._down_since.pop(handle.task_id, None)
        new_label = self.server(moved.endpoint["server"]).label
        return TaskStatus(state=QUEUED, vendor_status="moved", moved_to=moved,
                          vendor_message=f"moved from {label} to {new_label}")

    def _clean_abandoned(self, handle: TaskHandle) -> None:
        """Delete a moved job's old prompt from a server that has come back (so it never runs twice)."""
        left = []
        for url, task_id in handle.endpoint.get("abandoned") or []:
            try:
                old = TaskHandle(provider=self.name, capability=handle.capability, task_id=task_id)
                self.client(url).cancel(old)
            except ProviderError:
                left.append([url, task_id])
        if handle.endpoint.get("abandoned"):
            handle.endpoint["abandoned"] = left

    def cancel(self, handle: TaskHandle) -> None:
        client = self._client_for(handle)
        if client is self:
            super().cancel(handle)
        else:
            client.cancel(handle)

    def download(self, output: OutputRef, dest_dir: Any, cancel: CancelToken | None = None,
                 progress: Any = None) -> Any:
        netloc = urlparse(output.url).netloc
        client = next((self.client(s.url) for s in self.servers if urlparse(s.url).netloc == netloc), self)
        if client is self:
            return super().download(output, dest_dir, cancel, progress)
        return client.download(output, dest_dir, cancel, progress)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        if not self.is_farm:
            return super().check_connection(cancel)
        lines, answering = [], 0
        for server in self.servers:
            try:
                text = ComfyUIProvider.check_connection(self.client(server.url), cancel)
                answering += 1
            except ProviderError as exc:
                text = f"not answering ({exc.kind})"
            lines.append(f"{server.label} ({'free' if server.free else 'paid'}): {text}")
        if not answering:
            raise self.error("no server of the farm answers: " + "; ".join(lines), retryable=True, kind=E.CONNECTION)
        return f"{answering} of {len(self.servers)} servers answer\n" + "\n".join(lines)

