"""The shared provider framework: errors, cancel tokens, JSON-safe requests and handles, registry, pricing."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from providers import pricing, registry
from providers.base import (
    CAPABILITIES,
    CancelToken,
    ChatMessage,
    GenerationProvider,
    ImageRequest,
    MusicRequest,
    OutputRef,
    SpeechRequest,
    TaskHandle,
    TaskStatus,
    TextProvider,
    TextRequest,
    VideoRequest,
    provenance_fields,
    request_from_dict,
)
from providers.errors import ProviderCancelled, ProviderError, for_status, parse_retry_after, scrub


def test_scrub_removes_known_secrets_and_key_shapes():
    text = ("bad key sk-abcdefghijklmnop1234 and r8_ABCDEFGHIJKLMNOP and mysecret99 in "
            "https://x/y?key=abc123&b=1 Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.sig")
    out = scrub(text, ["mysecret99"])
    for secret in ("sk-abcdefghijklmnop1234", "r8_ABCDEFGHIJKLMNOP", "mysecret99", "abc123", "eyJhbGciOiJIUzI1NiJ9"):
        assert secret not in out
    assert "bad key" in out and "b=1" in out


def test_provider_error_scrubs_its_message_and_serialises():
    err = ProviderError("kling: token for ak-SECRETKEY1 rejected", retryable=False, vendor_code=1002,
                        http_status=401, secrets=["ak-SECRETKEY1"])
    assert "ak-SECRETKEY1" not in str(err) and "***" in str(err)
    assert json.loads(json.dumps(err.to_dict()))["vendor_code"] == 1002


@pytest.mark.parametrize("status,retryable", [(429, True), (500, True), (502, True), (503, True), (400, False),
                                              (401, False), (402, False), (403, False), (404, False)])
def test_http_status_defaults(status, retryable):
    assert for_status(status, "x", provider="p").retryable is retryable


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("") is None and parse_retry_after("soon") is None
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= parse_retry_after(when) <= 31


def test_cancel_token_wakes_waiters_and_runs_callbacks():
    token = CancelToken()
    called = []
    token.on_cancel(lambda: called.append(1))
    threading.Timer(0.1, token.cancel).start()
    start = time.monotonic()
    assert token.wait(5) is True
    assert time.monotonic() - start < 2
    assert called == [1]
    with pytest.raises(ProviderCancelled):
        token.raise_if_cancelled()
    late = []
    token.on_cancel(lambda: late.append(1))  # already cancelled: runs at once
    assert late == [1]


@pytest.mark.parametrize("request_", [
    ImageRequest(model="m", prompt="p", negative_prompt="n", seed=7, n=2, reference_images=["/a.png"]),
    VideoRequest(prompt="p", first_frame="/f.png", last_frame="/l.png", duration=10, parameters={"mode": "pro"}),
    MusicRequest(prompt="rain", style="lofi", duration=30, instrumental=False),
    SpeechRequest(text="你好", voice="nova"),
    TextRequest(messages=[ChatMessage("user", "hi")], temperature=0.2),
])
def test_requests_round_trip_through_json(request_):
    data = json.loads(json.dumps(request_.to_dict()))
    assert request_from_dict(data) == request_


def test_handle_and_status_round_trip_and_ignore_unknown_keys():
    handle = TaskHandle(provider="kling", capability="video", task_id="t1", endpoint={"kind": "image2video"})
    data = json.loads(json.dumps(handle.to_dict()))
    data["future_field"] = 1
    assert TaskHandle.from_dict(data) == handle
    status = TaskStatus(state="succeeded", outputs=[OutputRef(url="http://x/a.mp4", media_type="video")])
    assert TaskStatus.from_dict(json.loads(json.dumps(status.to_dict()))) == status
    assert status.done


def test_provenance_record_carries_what_made_the_asset():
    req = VideoRequest(model="kling-v1-6", prompt="rain", negative_prompt="blur", seed=3, first_frame="/s.png",
                       duration=5, parameters={"mode": "pro"})
    handle = TaskHandle(provider="kling", capability="video", task_id="T9", model="kling-v1-6")
    prov = provenance_fields(req, handle, cost=0.28)
    assert prov["provider"] == "kling" and prov["task_id"] == "T9" and prov["seed"] == 3
    assert prov["reference_inputs"] == ["/s.png"] and prov["parameters"]["mode"] == "pro"
    assert prov["parameters"]["duration"] == 5 and prov["cost"] == 0.28
    from app.model.media import Provenance
    Provenance(**prov)  # every key is a Provenance field


def test_registry_lists_every_provider_with_capabilities_and_secret_fields():
    names = set(registry.names())
    assert names >= {"openai", "qwen", "deepseek", "ollama", "lmstudio", "llamacpp", "kling", "comfyui",
                     "replicate", "fal", "minimax", "music_endpoint", "motion", "import", "ark", "dashscope",
                     "espeak", "minimax_speech", "elevenlabs", "dashscope_speech"}
    for info in registry.providers():
        assert info.capabilities and set(info.capabilities) <= set(CAPABILITIES)
        for f in info.fields:
            assert f.secret == (f.kind == "secret"), (info.name, f.key)
    kling = registry.get("kling")
    assert {f.key for f in kling.secret_fields()} == {"access_key", "secret_key"}
    assert [p.name for p in registry.for_capability("video")][0] in ("kling", "minimax")
    assert "import" not in [p.name for p in registry.for_capability("image")]
    assert registry.env_var("kling", "access_key") == "MICRODRAMA_KLING_ACCESS_KEY"
    with pytest.raises(KeyError):
        registry.get("midjourney")


def test_every_registered_factory_builds_a_client(tmp_path):
    for info in registry.providers():
        client = info.create({}, staging_dir=tmp_path)
        assert client.name == info.name and client.label == info.label
        assert callable(getattr(client, "check_connection", None))
        if info.name != "import":
            for cap in info.capabilities:
                if cap == "text":
                    assert isinstance(client, TextProvider)
                else:
                    assert isinstance(client, GenerationProvider)


def test_pricing_estimates_from_the_table_and_honours_edits():
    est = pricing.estimate("kling", VideoRequest(model="kling-v2-master", duration=10))
    assert est.known and est.unit == "second" and est.amount == pytest.approx(2.8)
    edited = [registry.PriceRule("video", "*", "clip", 1.5, "credits")]
    est = pricing.estimate("kling", VideoRequest(duration=10), table=edited)
    assert (est.amount, est.currency) == (1.5, "credits")
    table = pricing.rules_from_json(json.loads(json.dumps(pricing.rules_to_json(edited))))
    assert table == edited
    assert pricing.estimate("openai", ImageRequest(model="gpt-image-1", n=3)).amount == pytest.approx(0.189)
    assert not pricing.estimate("ollama", MusicRequest()).known


def test_websocket_client_reassembles_fragments_answers_pings_and_survives_timeouts():
    import socket
    import struct

    from providers.ws import PONG, TEXT, WebSocket

    ours, theirs = socket.socketpair()
    ws = WebSocket(ours)
    ours.settimeout(0.2)
    big = b"x" * 300
    theirs.sendall(bytes([0x89, 2]) + b"hi")                      # ping
    theirs.sendall(bytes([0x01, 3]) + b"abc")                    # first fragment of a text message
    with pytest.raises(TimeoutError):                            # the rest has not arrived yet
        ws.recv()
    theirs.sendall(bytes([0x80, 3]) + b"def")                    # continuation, FIN
    assert ws.recv() == (TEXT, b"abcdef")                        # fragments joined across the timeout
    theirs.sendall(bytes([0x81, 126]) + struct.pack(">H", 300) + big[:100])
    with pytest.raises(TimeoutError):
        ws.recv()
    theirs.sendall(big[100:])
    assert ws.recv() == (TEXT, big)                              # a half frame is never lost
    pong = theirs.recv(64)
    assert pong[0] == 0x80 | PONG and pong[1] & 0x80             # client frames are masked
    mask, body = pong[2:6], pong[6:8]
    assert bytes(b ^ mask[i % 4] for i, b in enumerate(body)) == b"hi"
    ours.close()
    theirs.close()


def test_html_error_pages_are_reduced_to_their_title():
    from providers.http import generic_error_message

    page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502</h1></center></body></html>"
    assert generic_error_message(page) == ("502 Bad Gateway", None)
    assert generic_error_message({"error": {"message": "m", "code": "c"}}) == ("m", "c")
    assert generic_error_message({"detail": [{"msg": "field required"}]})[0] == "field required"
