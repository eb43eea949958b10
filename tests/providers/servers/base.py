"""The shared machinery of the vendor test servers: a real ThreadingHTTPServer on 127.0.0.1.

A subclass implements ``handle(req) -> Reply`` for its vendor's routes. Tests script
faults with ``server.fail_next("POST /v1/videos/text2video", Reply(...))``: the next
matching request gets that reply instead (429, 500, a sleep past the client timeout,
malformed JSON...). Every server also serves files under ``/files/<name>`` like a CDN,
with optional truncation (Content-Length larger than the body) or a wrong type.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Reply:
    """What the server answers. ``chunks`` streams (with ``chunk_delay`` between pieces);
    ``declared_length`` sends a Content-Length larger than the body (a truncated transfer)."""

    status: int = 200
    json_body: Any = None
    body: bytes | None = None
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: Iterable[bytes] | None = None
    chunk_delay: float = 0.0
    declared_length: int | None = None
    close: bool = False  # drop the connection without an answer
    chunked: bool = True  # stream ``chunks`` with Transfer-Encoding: chunked (else until close)
    takeover: Callable[[BaseHTTPRequestHandler], None] | None = None  # e.g. a WebSocket upgrade

    def payload(self) -> bytes:
        if self.body is not None:
            return self.body
        if self.json_body is not None:
            return json.dumps(self.json_body).encode()
        return b""


def json_reply(data: Any, status: int = 200, **kw: Any) -> Reply:
    return Reply(status=status, json_body=data, **kw)


@dataclass
class _File:
    data: bytes
    content_type: str
    declared_length: int | None = None


class VendorServer:
    """Base of every vendor server: start/stop, request log, scripted faults, CDN files."""

    label = "vendor"

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._faults: list[tuple[str, Reply, int]] = []
        self._files: dict[str, _File] = {}
        self.lock = threading.RLock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.hooks: list[Callable[[Request], None]] = []

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> VendorServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else each answer waits ~40 ms for a delayed ACK

            def log_message(self, format: str, *args: Any) -> None:  # quiet tests
                pass

            def _dispatch(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parsed = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(parsed.query, keep_blank_values=True).items()}
                req = Request(self.command, parsed.path, query, {k: v for k, v in self.headers.items()}, body)
                with server.lock:
                    server.requests.append(req)
                reply = server._reply_for(req)
                server._send(self, reply)

            do_GET = do_POST = do_PUT = do_DELETE = _dispatch

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name=f"{self.label}-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> VendorServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # --- scripting ---------------------------------------------------------------------------
    def fail_next(self, route_prefix: str, reply: Reply, times: int = 1) -> None:
        """The next ``times`` requests whose "METHOD /path" starts with ``route_prefix`` get ``reply``."""
        with self.lock:
            self._faults.append((route_prefix, reply, times))

    def add_file(self, name: str, data: bytes, content_type: str, *, declared_length: int | None = None) -> str:
        """Serve ``data`` at ``/files/<name>``; returns its absolute URL."""
        with self.lock:
            self._files[name] = _File(data, content_type, declared_length)
        return f"{self.url}/files/{name}"

    def received(self, route_prefix: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.route.startswith(route_prefix)]

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self._faults.clear()

    # --- dispatch ----------------------------------------------------------------------------
    def _reply_for(self, req: Request) -> Reply:
        for hook in list(self.hooks):
            hook(req)
        with self.lock:
            for i, (prefix, reply, times) in enumerate(self._faults):
                if req.route.startswith(prefix):
                    if times <= 1:
                        del self._faults[i]
                    else:
                        self._faults[i] = (prefix, reply, times - 1)
                    return reply
        if req.method == "GET" and req.path.startswith("/files/"):
            with self.lock:
                f = self._files.get(req.path[len("/files/"):])
            if f is None:
                return json_reply({"error": "no such file"}, 404)
            return Reply(body=f.data, content_type=f.content_type, declared_length=f.declared_length)
        try:
            return self.handle(req)
        except Exception as exc:  # a bug in the test server must show, not hang the client
            return json_reply({"error": {"message": f"test server error: {exc!r}"}}, 500)

    def handle(self, req: Request) -> Reply:
        return json_reply({"error": {"message": f"no route {req.route}"}}, 404)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.takeover is not None:
            reply.takeover(handler)
            handler.close_connection = True
            return
        if reply.close:
            handler.close_connection = True
            try:
                handler.connection.shutdown(2)
            except OSError:
                pass
            return
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            for k, v in reply.headers.items():
                handler.send_header(k, v)
            if reply.chunks is not None:
                handler.send_header("Cache-Control", "no-cache")
                if reply.chunked:
                    handler.send_header("Transfer-Encoding", "chunked")
                else:
                    handler.send_header("Connection", "close")
                handler.end_headers()
                for piece in reply.chunks:
                    if not piece:
                        continue
                    if reply.chunked:
                        piece = b"%x\r\n%s\r\n" % (len(piece), piece)
                    handler.wfile.write(piece)
                    handler.wfile.flush()
                    if reply.chunk_delay:
                        time.sleep(reply.chunk_delay)
                if reply.chunked:
                    handler.wfile.write(b"0\r\n\r\n")
                    handler.wfile.flush()
                handler.close_connection = True
                return
            payload = reply.payload()
            handler.send_header("Content-Length", str(reply.declared_length or len(payload)))
            if reply.declared_length:
                handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(payload)
            handler.wfile.flush()
            if reply.declared_length:
                handler.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            pass
