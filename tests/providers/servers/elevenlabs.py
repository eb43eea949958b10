"""An ElevenLabs text-to-speech server: xi-api-key, output_format, raw audio answers, ``detail`` errors."""

from __future__ import annotations

import io

import numpy as np

from .base import Reply, Request, VendorServer, json_reply
from .minimax_speech import mp3_bytes

API_KEY = "el-test-key-0123456789abcdef"
VOICES = {"21m00Tcm4TlvDq8ikWAM": "Rachel", "cloned-voice-0001": "Lin Xia (clone)"}
MODELS = {"eleven_multilingual_v2": 10000, "eleven_v3": 5000, "eleven_flash_v2_5": 40000,
          "eleven_turbo_v2_5": 40000}


def detail(status: int, code: str, message: str) -> Reply:
    return json_reply({"detail": {"status": code, "message": message}}, status)


def pcm_bytes(seconds: float, rate: int) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * 300 * t) * 9000).astype("<i2").tobytes()


class ElevenLabsServer(VendorServer):
    label = "elevenlabs"

    def __init__(self) -> None:
        super().__init__()
        self.quota_left = 1_000_000
        self.voices = dict(VOICES)

    def handle(self, req: Request) -> Reply:
        if req.headers.get("xi-api-key") != API_KEY:
            return detail(401, "invalid_api_key", "Invalid API key")
        if req.route == "GET /v2/voices":
            voices = [{"voice_id": k, "name": v} for k, v in self.voices.items()]
            return json_reply({"voices": voices, "has_more": False, "total_count": len(voices),
                               "next_page_token": None})
        if req.method == "POST" and req.path.startswith("/v1/text-to-speech/"):
            voice = req.path.rsplit("/", 1)[-1]
            if voice not in self.voices:
                return detail(400, "voice_not_found", f"A voice with voice_id {voice} was not found.")
            body = req.json()
            if not isinstance(body.get("text"), str):
                return json_reply({"detail": [{"loc": ["body", "text"], "msg": "field required",
                                               "type": "value_error.missing"}]}, 422)
            limit = MODELS.get(body.get("model_id", "eleven_multilingual_v2"))
            if limit is None:
                return detail(400, "model_not_found", "Model not found")
            if len(body["text"]) > limit:
                return detail(400, "max_character_limit_exceeded", f"Text is longer than {limit} characters.")
            if len(body["text"]) > self.quota_left:
                return detail(401, "quota_exceeded", "This request exceeds your quota.")
            self.quota_left -= len(body["text"])
            fmt = req.query.get("output_format", "mp3_44100_128")
            if fmt.startswith("pcm_"):
                data, ctype = pcm_bytes(0.5, int(fmt.split("_")[1])), "audio/pcm"
            else:
                data, ctype = mp3_bytes(0.5, 44100), "audio/mpeg"
            return Reply(body=io.BytesIO(data).getvalue(), content_type=ctype,
                         headers={"request-id": f"req-{len(self.received('POST /v1/text-to-speech'))}"})
        if req.method == "POST" and req.path.startswith("/v1/speech-to-speech/"):
            from .minimax_speech import multipart, wav_seconds

            voice = req.path.rsplit("/", 1)[-1]
            if voice not in self.voices:
                return detail(400, "voice_not_found", f"A voice with voice_id {voice} was not found.")
            form = multipart(req)
            if "audio" not in form:
                return json_reply({"detail": [{"loc": ["body", "audio"], "msg": "field required",
                                               "type": "value_error.missing"}]}, 422)
            seconds = round(wav_seconds(form["audio"][1]), 2)  # the same timing, another voice
            return Reply(body=mp3_bytes(seconds, 44100, 250.0), content_type="audio/mpeg",
                         headers={"request-id": "sts-1"})
        if req.route == "POST /v1/voices/add":
            from .minimax_speech import multipart, wav_seconds

            form = multipart(req)
            if "name" not in form or "files" not in form:
                return json_reply({"detail": [{"loc": ["body", "files"], "msg": "field required",
                                               "type": "value_error.missing"}]}, 422)
            if wav_seconds(form["files"][1]) < 1.0:
                return detail(400, "invalid_audio", "The audio sample is too short.")
            voice_id = f"ivc{len(self.voices):05d}xyz"
            self.voices[voice_id] = form["name"][1].decode()
            return json_reply({"voice_id": voice_id, "requires_verification": False})
        return super().handle(req)
