"""A minimal WebSocket client (RFC 6455) on the standard library, enough to listen to a server.

Used for ComfyUI's progress events, the only way ComfyUI reports sampling progress. It
reads text and binary messages, answers pings, and masks what it sends, as the RFC requires.
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import ssl
import struct
from urllib.parse import urlparse

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


class WebSocketError(Exception):
    pass


class WebSocket:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = b""
        self._message = b""
        self._opcode = 0

    @classmethod
    def connect(cls, url: str, headers: dict[str, str] | None = None, timeout: float = 10.0) -> WebSocket:
        """Open ``ws://`` or ``wss://`` ``url`` and complete the upgrade handshake."""
        parts = urlparse(url)
        secure = parts.scheme in ("wss", "https")
        port = parts.port or (443 if secure else 80)
        host = parts.hostname or "127.0.0.1"
        sock = socket.create_connection((host, port), timeout=timeout)
        if secure:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        key = base64.b64encode(os.urandom(16)).decode()
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Upgrade: websocket", "Connection: Upgrade",
                 f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        ws = cls(sock)
        head = ws._read_until(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        if " 101 " not in status_line + " ":
            sock.close()
            raise WebSocketError(f"upgrade refused: {status_line}")
        answer = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines if h)}
        expected = base64.b64encode(hashlib.sha1(key.encode() + _GUID).digest()).decode()
        if answer.get("sec-websocket-accept") != expected:
            sock.close()
            raise WebSocketError("bad Sec-WebSocket-Accept")
        return ws

    def _read_until(self, marker: bytes) -> bytes:
        while marker not in self._buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise WebSocketError("connection closed during handshake")
            self._buffer += chunk
        head, _, self._buffer = self._buffer.partition(marker)
        return head

    def send(self, opcode: int, payload: bytes = b"") -> None:
        mask = os.urandom(4)
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    @staticmethod
    def _parse(buf: bytes) -> tuple[int, int, bytes, int] | None:
        """(fin, opcode, payload, bytes used) of the first complete frame in ``buf``, or None."""
        if len(buf) < 2:
            return None
        b0, b1 = buf[0], buf[1]
        n, pos = b1 & 0x7F, 2
        if n == 126:
            if len(buf) < 4:
                return None
            n, pos = struct.unpack(">H", buf[2:4])[0], 4
        elif n == 127:
            if len(buf) < 10:
                return None
            n, pos = struct.unpack(">Q", buf[2:10])[0], 10
        mask = b""
        if b1 & 0x80:
            if len(buf) < pos + 4:
                return None
            mask, pos = buf[pos:pos + 4], pos + 4
        if len(buf) < pos + n:
            return None
        payload = buf[pos:pos + n]
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return b0 & 0x80, b0 & 0x0F, payload, pos + n

    def _frame(self) -> tuple[int, int, bytes]:
        # Frames are taken from the buffer only when complete, so a socket timeout between
        # reads (used to check for a stop request) never loses half a frame.
        while True:
            parsed = self._parse(self._buffer)
            if parsed is not None:
                fin, opcode, payload, used = parsed
                self._buffer = self._buffer[used:]
                return fin, opcode, payload
            chunk = self.sock.recv(65536)
            if not chunk:
                raise WebSocketError("connection closed")
            self._buffer += chunk

    def recv(self) -> tuple[int, bytes]:
        """The next data message (TEXT or BINARY, reassembled); answers pings; raises on close."""
        while True:
            fin, opcode, payload = self._frame()
            if opcode == PING:
                self.send(PONG, payload)
                continue
            if opcode == PONG:
                continue
            if opcode == CLOSE:
                try:
                    self.send(CLOSE, payload[:2])
                except OSError:
                    pass
                raise WebSocketError("closed by the server")
            # Fragments are kept on the instance: a timeout between two of them loses nothing.
            if opcode in (TEXT, BINARY):
                self._opcode = opcode
            self._message += payload
            if fin:
                message, self._message = self._message, b""
                return self._opcode, message

    def close(self) -> None:
        try:
            self.send(CLOSE, struct.pack(">H", 1000))
        except OSError:
            pass
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
