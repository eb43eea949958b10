"""MiniMax's synchronous music endpoint: base_resp errors with HTTP 200, hex or URL audio."""

from __future__ import annotations

import binascii
import uuid

from .base import Reply, Request, json_reply
from .media import wav_bytes
from .minimax import API_KEY, MiniMaxServer, base_resp_error


class MiniMaxMusicServer(MiniMaxServer):
    label = "minimax-music"

    def __init__(self) -> None:
        super().__init__()
        self.audio = wav_bytes(1.0)  # real audio (the vendor sends mp3; any decodable audio proves the path)

    def handle(self, req: Request) -> Reply:
        if req.route != "POST /v1/music_generation":
            return super().handle(req)
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return base_resp_error(1004, "authorized error, please check your api key")
        body = req.json()
        if not body.get("model", "").startswith("music-"):
            return base_resp_error(2013, "invalid params, model")
        if len(body.get("prompt", "")) > 2000 or len(body.get("lyrics", "")) > 3500:
            return base_resp_error(2013, "invalid params, prompt or lyrics too long")
        if body["model"] == "music-1.5" and not body.get("lyrics"):
            return base_resp_error(2013, "invalid params, lyrics is required")
        if body.get("output_format") == "url":
            audio = self.add_file(f"{uuid.uuid4().hex}.wav", self.audio, "audio/wav")
        else:
            audio = binascii.hexlify(self.audio).decode()
        return json_reply({"data": {"audio": audio, "status": 2}, "trace_id": uuid.uuid4().hex,
                           "extra_info": {"music_duration": 1000, "music_sample_rate": 44100, "music_channel": 2,
                                          "bitrate": 256000, "music_size": len(self.audio)},
                           "base_resp": {"status_code": 0, "status_msg": "success"}})
