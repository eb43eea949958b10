"""A MiniMax T2A v2 server: hex or url audio, base_resp errors with HTTP 200, the documented limits."""

from __future__ import annotations

import io
import uuid
from functools import cache

import av
import numpy as np

from .base import Reply, Request, VendorServer, json_reply

API_KEY = "mm-test-key-0123456789abcdef"
EMOTIONS = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "neutral")


@cache
def mp3_bytes(seconds: float = 0.6, rate: int = 32000, freq: float = 330.0) -> bytes:
    """A real mono MP3 (what MiniMax's default audio_setting returns)."""
    t = np.arange(int(seconds * rate)) / rate
    audio = (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32).reshape(1, -1)
    out = io.BytesIO()
    with av.open(out, "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(audio, format="flt", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def base_resp(code: int, message: str, status: int = 200) -> Reply:
    return json_reply({"data": None, "trace_id": uuid.uuid4().hex,
                       "base_resp": {"status_code": code, "status_msg": message}}, status)


def multipart(req: Request) -> dict[str, tuple[str, bytes]]:
    """Form fields of a multipart body: name -> (filename, bytes)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    head = f"Content-Type: {req.headers.get('Content-Type', '')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + req.body)
    out = {}
    for part in message.iter_parts():
        out[part.get_param("name", header="content-disposition")] = (
            part.get_filename() or "", part.get_payload(decode=True) or b"")
    return out


def wav_seconds(data: bytes) -> float:
    import soundfile as sf

    info = sf.info(io.BytesIO(data))
    return info.frames / info.samplerate


class MiniMaxSpeechServer(VendorServer):
    label = "minimax_speech"

    def __init__(self) -> None:
        super().__init__()
        self.audio = mp3_bytes()
        self.files: dict[str, float] = {}  # file_id -> seconds of audio
        self.cloned: set[str] = set()

    def handle(self, req: Request) -> Reply:
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return base_resp(1004, "authorized error, please check your api key")
        if req.route == "POST /v1/files/upload":
            form = multipart(req)
            if form.get("purpose", ("", b""))[1] != b"voice_clone" or "file" not in form:
                return base_resp(2013, "invalid params, purpose or file")
            file_id = int(uuid.uuid4().int % 10**15)
            self.files[str(file_id)] = wav_seconds(form["file"][1])
            return json_reply({"file": {"file_id": file_id, "bytes": len(form["file"][1]), "created_at": 1700469398,
                                        "filename": form["file"][0], "purpose": "voice_clone"},
                               "base_resp": {"status_code": 0, "status_msg": "success"}})
        if req.route == "POST /v1/voice_clone":
            body = req.json()
            seconds = self.files.get(str(body.get("file_id")))
            if seconds is None:
                return base_resp(2013, "invalid params, file_id")
            if not 10 <= seconds <= 300:
                return base_resp(2037, "voice clone audio duration is too short or too long")
            voice_id = str(body.get("voice_id") or "")
            if len(voice_id) < 8 or not voice_id[0].isalpha():
                return base_resp(2013, "invalid params, voice_id")
            if voice_id in self.cloned:
                return base_resp(2039, "voice clone voice id duplicate")
            self.cloned.add(voice_id)
            return json_reply({"input_sensitive": False, "base_resp": {"status_code": 0, "status_msg": "success"}})
        if req.route != "POST /v1/t2a_v2":
            return super().handle(req)
        body = req.json()
        text = body.get("text") or ""
        voice = body.get("voice_setting") or {}
        if not text:
            return base_resp(2013, "invalid params, text is empty")
        if len(text) >= 10000:
            return base_resp(2013, "invalid params, text too long")
        if not 0.5 <= float(voice.get("speed", 1)) <= 2 or not -12 <= int(voice.get("pitch", 0)) <= 12:
            return base_resp(2013, "invalid params, voice_setting")
        if voice.get("emotion") and voice["emotion"] not in EMOTIONS:
            return base_resp(2013, "invalid params, emotion")
        if "炸弹" in text:
            return base_resp(1026, "input new_sensitive")
        audio = self.audio
        if body.get("output_format") == "url":
            payload = self.add_file(f"{uuid.uuid4().hex}.mp3", audio, "audio/mpeg")
        else:
            payload = audio.hex()
        return json_reply({
            "data": {"audio": payload, "status": 2},
            "extra_info": {"audio_length": 600, "audio_sample_rate": 32000, "audio_size": len(audio),
                           "bitrate": 128000, "word_count": len(text), "invisible_character_ratio": 0,
                           "usage_characters": len(text), "audio_format": "mp3", "audio_channel": 1},
            "trace_id": uuid.uuid4().hex,
            "base_resp": {"status_code": 0, "status_msg": "success"},
        }, headers={"Trace-Id": uuid.uuid4().hex})
