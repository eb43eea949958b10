"""The ComfyUI client with the shipped workflow templates against a server that validates like ComfyUI."""

from __future__ import annotations

import json

import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.comfyui import WORKFLOW_DIR, fill, load_template, placeholders
from providers.errors import ProviderError
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import mp4_bytes, png_bytes


def client(server, tmp_path, **kw):
    return registry.create("comfyui", {"base_url": server.url, "timeout": 10, **kw}, staging_dir=tmp_path)


def test_shipped_templates_have_the_documented_placeholders():
    t2i = load_template("text_to_image")
    assert {"prompt", "negative_prompt", "seed", "width", "height", "model"} <= placeholders(t2i)
    i2v = load_template("image_to_video")
    assert {"prompt", "seed", "width", "height", "image", "frames", "fps"} <= placeholders(i2v)
    filled = fill(t2i, {"prompt": "p", "negative_prompt": "n", "seed": 7, "width": 768, "height": 1344, "n": 1,
                        "model": "m", "steps": 20, "filename_prefix": "x"})
    assert filled["3"]["inputs"]["seed"] == 7 and "{{" not in json.dumps(filled)
    assert (WORKFLOW_DIR / "text_to_image.json").is_file()


def test_text_to_image_queues_polls_and_downloads(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="陈默站在雨中", negative_prompt="blurry", seed=1234, n=2,
                                          aspect_ratio="9:16"))
    sent = comfyui_server.received("POST /prompt")[0].json()
    wf = sent["prompt"]
    assert sent["client_id"] == handle.endpoint["client_id"]
    assert wf["6"]["inputs"]["text"] == "陈默站在雨中" and wf["7"]["inputs"]["text"] == "blurry"
    assert wf["3"]["inputs"]["seed"] == 1234 and wf["5"]["inputs"]["batch_size"] == 2
    assert (wf["5"]["inputs"]["width"], wf["5"]["inputs"]["height"]) == (752, 1344)
    second = provider.submit(ImageRequest(prompt="second", seed=1))
    handle = TaskHandle.from_dict(handle.to_dict())
    assert provider.poll(handle).state == "running"  # ComfyUI's one executor starts the first prompt at once
    queued = provider.poll(second)
    assert queued.state == "queued" and queued.queue_position == 0
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 2
    path = provider.download(status.outputs[0], tmp_path / "out")
    assert path.read_bytes() == png_bytes()


def test_random_seed_is_recorded_in_the_handle(comfyui_server, tmp_path):
    handle = client(comfyui_server, tmp_path).submit(ImageRequest(prompt="x"))
    seed = comfyui_server.received("POST /prompt")[0].json()["prompt"]["3"]["inputs"]["seed"]
    assert handle.endpoint["seed"] == seed


def test_image_to_video_uploads_the_first_frame(comfyui_server, tmp_path):
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="she turns", first_frame=str(frame), duration=5, seed=3, fps=16))
    (name, data), = comfyui_server.uploads.items()
    assert data == png_bytes() and name.startswith("microdrama/frame-") and name.endswith(".png")
    wf = comfyui_server.received("POST /prompt")[0].json()["prompt"]
    assert wf["52"]["inputs"]["image"] == name
    assert wf["50"]["inputs"]["length"] == 77 and wf["60"]["inputs"]["fps"] == 16
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.outputs[0].media_type == "video"
    assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == mp4_bytes()


def test_end_frame_needs_a_workflow_with_last_image(comfyui_server, tmp_path):
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    with pytest.raises(ProviderError, match="last_image"):
        client(comfyui_server, tmp_path).submit(VideoRequest(prompt="x", first_frame=str(frame),
                                                             last_frame=str(frame)))


def test_node_errors_come_back_in_plain_words(comfyui_server, tmp_path):
    with pytest.raises(ProviderError) as err:
        client(comfyui_server, tmp_path, image_model="missing.safetensors").submit(ImageRequest(prompt="x"))
    e = err.value
    assert not e.retryable and e.http_status == 400
    assert "Prompt outputs failed validation" in e.message and "node 4 (CheckpointLoaderSimple)" in e.message
    assert "Value not in list" in e.message
    assert "missing.safetensors" in e.message


def test_execution_error_fails_the_task_with_the_exception(comfyui_server, tmp_path):
    comfyui_server.next_outcome = "error"
    provider = client(comfyui_server, tmp_path)
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    assert status.state == FAILED and status.error.endswith("KSampler: Allocation on device")


def test_cancel_deletes_pending_and_interrupts_running(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    comfyui_server.polls_to_finish = 100
    pending = provider.submit(ImageRequest(prompt="x"))
    provider.cancel(pending)
    assert pending.task_id not in comfyui_server.prompts
    running = provider.submit(ImageRequest(prompt="y"))
    provider.poll(running)
    assert provider.poll(running).state == "running"
    provider.cancel(running)
    status = provider.poll(running)  # ComfyUI stops at the next step, not instantly
    assert comfyui_server.interrupted == [running.task_id]
    assert status.state == FAILED and status.vendor_status == "interrupted" and "interrupted" in status.error


def test_forgotten_prompt_fails_instead_of_polling_forever(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    status = provider.poll(TaskHandle(provider="comfyui", capability="image", task_id="gone"))
    assert status.state == FAILED and "no longer knows" in status.error


def test_server_down_is_retryable(tmp_path):
    provider = registry.create("comfyui", {"base_url": "http://127.0.0.1:9", "timeout": 1})
    with pytest.raises(ProviderError) as err:
        provider.submit(ImageRequest(prompt="x"))
    assert err.value.retryable and err.value.kind == "connection"


def test_ui_format_workflow_is_refused_with_advice(comfyui_server, tmp_path):
    ui = tmp_path / "ui.json"
    ui.write_text(json.dumps({"nodes": [], "links": []}))
    with pytest.raises(ProviderError, match="API Format"):
        client(comfyui_server, tmp_path, image_workflow=str(ui)).submit(ImageRequest(prompt="x"))


def test_check_connection(comfyui_server, tmp_path):
    assert client(comfyui_server, tmp_path).check_connection() == "Connected to ComfyUI 0.3.64 on cpu"


def test_sampling_progress_arrives_over_the_websocket(comfyui_server, tmp_path):
    import time

    comfyui_server.polls_to_finish = 40
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    listener = provider._listeners[handle.endpoint["client_id"]]
    assert listener.connected.wait(5), "the progress WebSocket did not connect"
    deadline = time.monotonic() + 5
    progress = None
    while not progress and time.monotonic() < deadline:
        status = provider.poll(handle)
        progress = status.progress
        time.sleep(0.02)
    assert status.state == "running" and progress is not None and 0 < progress <= 1
    later = provider.poll(handle)
    time.sleep(0.1)
    assert provider.poll(handle).progress >= progress
    assert later.state == "running"
    provider.close()
    listener.thread.join(3)
    assert not listener.alive


def test_progress_listener_stops_when_the_prompt_is_done(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    listener = provider._listeners[handle.endpoint["client_id"]]
    assert poll_until_done(provider, handle).state == SUCCEEDED
    listener.thread.join(3)
    assert not listener.alive and provider._listeners == {}
