"""An overall deadline and a prompt cancel for every HTTP request, however the server answers.

``requests`` only knows a per-read timeout: a server that sends one byte every 2 s
never trips a 60 s read timeout, and a thread blocked in ``recv`` cannot be told to
stop. Both are fixed at the socket: :class:`WatchedAdapter` (mounted on the
``requests.Session`` of every :class:`providers.http.HttpClient`) builds urllib3
connections that register themselves with the *watch* active on the calling thread
when a request goes out on them. A watch (``with watch(cancel, deadline) as w``)
shuts those sockets down when its deadline passes or its cancel token fires, from
any thread, so the blocked read returns at once and the request fails with a clear
reason (``w.expired`` / ``w.cancelled``) instead of hanging.

Why a socket shutdown and not a thread interrupt: Python cannot interrupt a thread
in a system call; closing the file descriptor under it is racy, while
``shutdown(SHUT_RDWR)`` wakes the reader and keeps the descriptor valid until urllib3
closes it itself.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from providers.base import CancelToken

_local = threading.local()


class Watch:
    """The sockets of one request (or one download) and why they were shut, if they were."""

    def __init__(self, deadline: float | None) -> None:
        self.deadline = deadline  # seconds, None: no overall limit
        self.started = time.monotonic()
        self.expired = False
        self.cancelled = False
        self._lock = threading.Lock()
        self._connections: list[HTTPConnection] = []

    @property
    def fired(self) -> bool:
        return self.expired or self.cancelled

    def add(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)
            fired = self.fired
        if fired:
            _shut(connection)

    def expire(self) -> None:
        self._fire("expired")

    def cancel(self) -> None:
        self._fire("cancelled")

    def _fire(self, reason: str) -> None:
        with self._lock:
            if self.fired:
                return
            setattr(self, reason, True)
            connections = list(self._connections)
        for connection in connections:
            _shut(connection)


def _shut(connection: HTTPConnection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # already closed
        pass


def current() -> Watch | None:
    return getattr(_local, "watch", None)


@contextmanager
def watch(cancel: CancelToken | None, deadline: float | None) -> Iterator[Watch]:
    """Requests made on this thread inside the block are cut off at ``deadline`` seconds or on cancel."""
    w = Watch(deadline)
    previous = current()
    _local.watch = w
    timer = None
    if deadline is not None and deadline > 0:
        timer = threading.Timer(deadline, w.expire)
        timer.daemon = True
        timer.start()
    unregister = cancel.on_cancel(w.cancel) if cancel is not None else (lambda: None)
    try:
        yield w
    finally:
        _local.watch = previous
        unregister()
        if timer is not None:
            timer.cancel()


class _Watched:
    """Mixin: a connection that joins the calling thread's watch each time a request goes out on it."""

    def request(self, *args: Any, **kwargs: Any) -> Any:
        w = current()
        if w is not None:
            w.add(self)  # type: ignore[arg-type]
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        w = current()
        if w is not None and w.fired:  # stopped while connecting: do not start the exchange
            _shut(self)  # type: ignore[arg-type]


class WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


class WatchedAdapter(HTTPAdapter):
    """The ``requests`` adapter whose connections obey :func:`watch`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}
