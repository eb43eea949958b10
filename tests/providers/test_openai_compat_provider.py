"""The OpenAI-compatible client against a real local server speaking OpenAI's wire format."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from providers import registry
from providers.base import (
    SUCCEEDED,
    CancelToken,
    ChatMessage,
    ImageRequest,
    SpeechRequest,
    TextRequest,
)
from providers.errors import ProviderCancelled, ProviderError
from tests.providers.servers.base import Reply, json_reply
from tests.providers.servers.media import png_bytes
from tests.providers.servers.openai import API_KEY, openai_error


def client(server, tmp_path: Path, name: str = "openai", **overrides):
    settings = {"base_url": server.url + "/v1", "api_key": API_KEY, "timeout": 10.0, **overrides}
    return registry.create(name, settings, staging_dir=tmp_path / "staging")


def ask(text: str = "Say hello") -> TextRequest:
    return TextRequest(messages=[ChatMessage("user", text)])


def test_stream_yields_deltas_skips_keepalives_and_reports_usage(openai_server, tmp_path):
    stream = client(openai_server, tmp_path).stream_chat(ask())
    deltas = list(stream)
    assert deltas == ["Hello", ", ", "world", "!"]
    assert stream.result.text == "Hello, world!"
    assert stream.result.finish_reason == "stop"
    assert stream.usage.total_tokens == 16 and stream.usage.prompt_tokens == 12
    sent = openai_server.received("POST /v1/chat/completions")[0].json()
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert sent["model"] == "gpt-4o-mini"
    assert sent["messages"] == [{"role": "user", "content": "Say hello"}]


def test_every_preset_speaks_the_same_format(openai_server, tmp_path):
    for name in ("qwen", "deepseek", "ollama", "lmstudio", "llamacpp"):
        result = client(openai_server, tmp_path, name).chat(ask())
        assert result.text == "Hello, world!", name
    models = [r.json().get("model") for r in openai_server.received("POST /v1/chat/completions")]
    assert models == ["qwen-plus", "deepseek-chat", "llama3.2", None, None]  # LM Studio/llama.cpp: loaded model


def test_cancel_stops_a_stream_midway(openai_server, tmp_path):
    openai_server.reply_pieces = [f"w{i} " for i in range(40)]
    openai_server.chunk_delay = 0.05
    cancel = CancelToken()
    stream = client(openai_server, tmp_path).stream_chat(ask(), cancel)
    got = []
    with pytest.raises(ProviderCancelled):
        for delta in stream:
            got.append(delta)
            if len(got) == 3:
                cancel.cancel()
    assert 3 <= len(got) < 40


def test_cancel_from_another_thread_unblocks_a_waiting_stream(openai_server, tmp_path):
    openai_server.reply_pieces = ["a", "b"]
    openai_server.chunk_delay = 1.5
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    with pytest.raises(ProviderCancelled):
        list(client(openai_server, tmp_path, timeout=10).stream_chat(ask(), cancel))


@pytest.mark.parametrize("chunked", [True, False])
def test_deltas_arrive_as_they_are_sent(openai_server, tmp_path, chunked):
    """A slow stream shows its first words at once, with or without chunked encoding."""
    import time

    openai_server.chunked = chunked
    openai_server.keepalive = False
    openai_server.reply_pieces = ["first", "second", "third"]
    openai_server.chunk_delay = 0.6
    stream = client(openai_server, tmp_path).stream_chat(ask())
    start = time.monotonic()
    first = next(iter(stream))
    assert first == "first"
    assert time.monotonic() - start < 2.5  # first piece after ~0.6 s; the whole answer takes > 4 s
    stream.close()


def test_rate_limit_is_retryable_with_retry_after(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", openai_error(
        429, "Rate limit reached for gpt-4o-mini", "requests", "rate_limit_exceeded", headers={"Retry-After": "7"}))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).chat(ask())
    assert err.value.retryable and err.value.retry_after == 7.0
    assert err.value.http_status == 429 and err.value.vendor_code == "rate_limit_exceeded"
    assert "Rate limit reached" in str(err.value)


def test_insufficient_quota_is_not_retried(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", openai_error(
        429, "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota", "insufficient_quota"))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).chat(ask())
    assert not err.value.retryable and err.value.kind == "quota"
    assert "exceeded your current quota" in err.value.message


def test_deepseek_402_insufficient_balance_is_not_retried(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", json_reply(
        {"error": {"message": "Insufficient Balance", "type": "unknown_error", "param": None,
                   "code": "invalid_request_error"}}, 402))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path, "deepseek").chat(ask())
    assert not err.value.retryable and err.value.http_status == 402 and "Insufficient Balance" in str(err.value)


def test_bad_key_message_never_contains_the_key(openai_server, tmp_path):
    wrong = "sk-wrong-key-abcdefghijklmnop"
    openai_server.fail_next("POST /v1/chat/completions", openai_error(
        401, f"Incorrect API key provided: {wrong}.", "invalid_request_error", "invalid_api_key"))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path, api_key=wrong).chat(ask())
    assert not err.value.retryable and err.value.kind == "auth"
    assert wrong not in str(err.value) and wrong not in repr(err.value)
    assert "Incorrect API key" in str(err.value)


def test_server_error_is_retryable(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", openai_error(500, "The server had an error", "server_error"))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).chat(ask())
    assert err.value.retryable and err.value.http_status == 500 and err.value.kind == "server"


def test_timeout_is_retryable(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", Reply(delay=1.5, json_body={}))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path, timeout=0.4).chat(ask())
    assert err.value.retryable and err.value.kind == "timeout"


def test_connection_refused_is_retryable(tmp_path):
    provider = registry.create("ollama", {"base_url": "http://127.0.0.1:9/v1", "timeout": 1})
    with pytest.raises(ProviderError) as err:
        provider.chat(ask())
    assert err.value.retryable and err.value.kind == "connection"
    assert "Is the server running?" in str(err.value)


def test_malformed_stream_chunk_is_an_error(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", Reply(
        content_type="text/event-stream", chunks=[b'data: {"choices": [{"delta": {"content": "Hi"}}]}\n\n',
                                                  b"data: {not json\n\n"]))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).chat(ask())
    assert err.value.kind == "invalid_response"


def test_stream_cut_before_done_is_retryable(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", Reply(
        content_type="text/event-stream", chunks=[b'data: {"choices": [{"index": 0, "delta": {"content": "Hi"}}]}\n\n']))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).chat(ask())
    assert err.value.retryable


def test_mid_stream_error_object_surfaces_the_vendor_text(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", Reply(
        content_type="text/event-stream",
        chunks=[b'data: {"error": {"message": "model overloaded", "type": "server_error"}}\n\n']))
    with pytest.raises(ProviderError, match="model overloaded"):
        client(openai_server, tmp_path).chat(ask())


def test_non_streamed_json_answer_is_accepted(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", json_reply({
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "whole"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}}))
    result = client(openai_server, tmp_path).chat(ask())
    assert result.text == "whole" and result.usage.total_tokens == 4


def test_image_b64_answer_is_staged_then_downloaded_and_checked(openai_server, tmp_path):
    provider = client(openai_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="a lighthouse", negative_prompt="text", n=2, aspect_ratio="9:16"))
    sent = openai_server.received("POST /v1/images/generations")[0].json()
    assert sent["size"] == "1024x1536" and sent["model"] == "gpt-image-1" and sent["n"] == 2
    assert "response_format" not in sent and "Avoid: text" in sent["prompt"]
    status = provider.poll(handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 2
    path = provider.download(status.outputs[0], tmp_path / "out")
    assert path.read_bytes() == png_bytes() and path.suffix == ".png"
    # the handle is JSON-safe and survives a round trip
    from providers.base import TaskHandle
    assert TaskHandle.from_dict(handle.to_dict()) == handle


def test_image_url_answer_downloads_from_the_link(openai_server, tmp_path):
    openai_server.image_mode = "url"
    provider = client(openai_server, tmp_path, image_model="dall-e-3")
    handle = provider.submit(ImageRequest(prompt="x", aspect_ratio="9:16"))
    sent = openai_server.received("POST /v1/images/generations")[0].json()
    assert sent["size"] == "1024x1792" and sent["response_format"] == "url"
    out = provider.poll(handle).outputs[0]
    assert out.url.endswith("/files/img-0.png")
    assert provider.download(out, tmp_path / "out").read_bytes() == png_bytes()


def test_reference_images_go_to_the_edits_endpoint(openai_server, tmp_path):
    ref = tmp_path / "ref.png"
    ref.write_bytes(png_bytes())
    provider = client(openai_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="same hero", reference_images=[str(ref)]))
    assert openai_server.received("POST /v1/images/edits")
    assert provider.poll(handle).state == SUCCEEDED


def test_speech_returns_raw_audio_that_decodes(openai_server, tmp_path):
    provider = client(openai_server, tmp_path)
    handle = provider.submit(SpeechRequest(text="你好，世界", voice="nova", audio_format="wav"))
    sent = openai_server.received("POST /v1/audio/speech")[0].json()
    assert sent == {"model": "gpt-4o-mini-tts", "input": "你好，世界", "voice": "nova",
                    "response_format": "wav", "speed": 1.0}
    path = provider.download(provider.poll(handle).outputs[0], tmp_path / "out")
    assert path.suffix == ".wav" and path.stat().st_size > 1000


def test_speech_answer_that_is_json_is_rejected(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/audio/speech", json_reply({"note": "not audio"}))
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).submit(SpeechRequest(text="hi"))
    assert err.value.kind == "invalid_response"


def test_check_connection_lists_models(openai_server, tmp_path):
    assert "2 model(s)" in client(openai_server, tmp_path).check_connection()


def test_reasoning_models_get_max_completion_tokens(openai_server, tmp_path):
    provider = client(openai_server, tmp_path)
    provider.chat(TextRequest(messages=[ChatMessage("user", "x")], model="o3-mini", max_tokens=50, temperature=0.3))
    provider.chat(TextRequest(messages=[ChatMessage("user", "x")], max_tokens=50, temperature=0.3))
    reasoning, normal = (r.json() for r in openai_server.received("POST /v1/chat/completions"))
    assert reasoning["max_completion_tokens"] == 50 and "max_tokens" not in reasoning
    assert "temperature" not in reasoning
    assert normal["max_tokens"] == 50 and normal["temperature"] == 0.3


def test_staged_result_downloaded_into_its_own_folder_stays_put(openai_server, tmp_path):
    """The job queue stages and downloads in one folder; a retried download must still find the file."""
    provider = client(openai_server, tmp_path)
    handle = provider.submit(SpeechRequest(text="hi"))
    out = handle.output_refs()[0]
    first = provider.download(out, tmp_path / "staging")
    again = provider.download(out, tmp_path / "staging")
    assert first == again and first.is_file()


def test_json_mode_falls_back_when_a_local_server_refuses_response_format(openai_server, tmp_path):
    openai_server.fail_next("POST /v1/chat/completions", openai_error(
        400, "'response_format.type' must be 'json_schema'", "invalid_request_error"))
    result = client(openai_server, tmp_path, "lmstudio").chat(
        TextRequest(messages=[ChatMessage("user", "give JSON")], json_mode=True))
    first, second = (r.json() for r in openai_server.received("POST /v1/chat/completions"))
    assert first["response_format"] == {"type": "json_object"} and "response_format" not in second
    assert result.text == "Hello, world!"


def test_expired_result_link_is_a_final_download_error(openai_server, tmp_path):
    from providers.base import OutputRef
    provider = client(openai_server, tmp_path)
    with pytest.raises(ProviderError) as err:
        provider.download(OutputRef(url=openai_server.url + "/files/gone.png", media_type="image"), tmp_path / "o")
    assert not err.value.retryable and err.value.kind == "not_found" and "expired" in str(err.value)


def test_json_body_instead_of_media_is_refused(openai_server, tmp_path):
    from providers.base import OutputRef
    url = openai_server.add_file("err.png", b'{"error": "signature expired"}', "application/json")
    with pytest.raises(ProviderError) as err:
        client(openai_server, tmp_path).download(OutputRef(url=url, media_type="image"), tmp_path / "o")
    assert not err.value.retryable and "signature expired" in str(err.value)


def test_dall_e_3_asks_once_per_image(openai_server, tmp_path):
    openai_server.image_mode = "url"
    provider = client(openai_server, tmp_path, image_model="dall-e-3")
    handle = provider.submit(ImageRequest(prompt="x", n=3))
    sent = [r.json()["n"] for r in openai_server.received("POST /v1/images/generations")]
    assert sent == [1, 1, 1] and len(provider.poll(handle).outputs) == 3
