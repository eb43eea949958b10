"""An OpenAI-compatible server: streamed chat (with keep-alive comments and a usage chunk),
images (url or b64_json answers), speech (raw audio bytes), models; OpenAI error bodies."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator

from .base import Reply, Request, VendorServer, json_reply
from .media import png_bytes, wav_bytes

API_KEY = "sk-test-openai-0123456789abcdef"


def openai_error(status: int, message: str, type_: str, code: str | None = None, **kw) -> Reply:
    return json_reply({"error": {"message": message, "type": type_, "param": None, "code": code}}, status, **kw)


def sse(obj: object) -> bytes:
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


class OpenAIServer(VendorServer):
    label = "openai"
    prefix = "/v1"

    def __init__(self, api_key: str = API_KEY) -> None:
        super().__init__()
        self.api_key = api_key
        self.reply_pieces = ["Hello", ", ", "world", "!"]
        self.image_mode = "b64_json"  # or "url"
        self.chunk_delay = 0.0
        self.keepalive = True
        self.chunked = True  # False: an HTTP/1.0-style stream delimited by closing the connection

    def handle(self, req: Request) -> Reply:
        if not req.path.startswith(self.prefix):
            return super().handle(req)
        path = req.path[len(self.prefix):]
        if self.api_key and req.headers.get("Authorization") != f"Bearer {self.api_key}":
            return openai_error(401, "Incorrect API key provided: sk-te****cdef. You can find your API key at "
                                "https://platform.openai.com/account/api-keys.", "invalid_request_error",
                                "invalid_api_key")
        if req.route == f"GET {self.prefix}/models":
            return json_reply({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model"},
                                                          {"id": "gpt-image-1", "object": "model"}]})
        if req.method == "POST" and path == "/chat/completions":
            return self.chat(req)
        if req.method == "POST" and path == "/images/generations":
            return self.images(req.json().get("n", 1))
        if req.method == "POST" and path == "/images/edits":
            if b'name="image[]"' not in req.body:
                return openai_error(400, "No image provided", "invalid_request_error")
            return self.images(1)
        if req.method == "POST" and path == "/audio/speech":
            body = req.json()
            if not body.get("input"):
                return openai_error(400, "input is required", "invalid_request_error")
            return Reply(body=wav_bytes(), content_type="audio/wav")
        return super().handle(req)

    def chat(self, req: Request) -> Reply:
        body = req.json()
        created = int(time.time())
        base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": created,
                "model": body.get("model") or "served-model", "system_fingerprint": "fp_test"}
        usage = {"prompt_tokens": 12, "completion_tokens": len(self.reply_pieces),
                 "total_tokens": 12 + len(self.reply_pieces)}
        if not body.get("stream"):
            return json_reply({"id": "chatcmpl-test", "object": "chat.completion", "created": created,
                               "model": base["model"],
                               "choices": [{"index": 0, "message": {"role": "assistant",
                                                                    "content": "".join(self.reply_pieces)},
                                            "finish_reason": "stop"}], "usage": usage})
        include_usage = (body.get("stream_options") or {}).get("include_usage")

        def events() -> Iterator[bytes]:
            yield b": keep-alive\n\n" if self.keepalive else b""
            yield sse({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                            "logprobs": None, "finish_reason": None}]})
            for piece in self.reply_pieces:
                if self.keepalive:
                    yield b"\n: keep-alive\n\n"
                yield sse({**base, "choices": [{"index": 0, "delta": {"content": piece}, "logprobs": None,
                                                "finish_reason": None}]})
            yield sse({**base, "choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]})
            if include_usage:
                yield sse({**base, "choices": [], "usage": usage})
            yield b"data: [DONE]\n\n"

        return Reply(content_type="text/event-stream; charset=utf-8", chunks=events(), chunk_delay=self.chunk_delay,
                     chunked=self.chunked)

    def images(self, n: int) -> Reply:
        data = []
        for i in range(n):
            if self.image_mode == "url":
                data.append({"url": self.add_file(f"img-{i}.png", png_bytes(), "image/png"),
                             "revised_prompt": "a revised prompt"})
            else:
                data.append({"b64_json": base64.b64encode(png_bytes()).decode()})
        return json_reply({"created": int(time.time()), "data": data})
