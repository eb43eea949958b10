"""The ComfyUI client against the quirks a real ComfyUI 0.3.64 server shows (model-free workflows)."""

from __future__ import annotations

import json
import time

import av
import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, ImageRequest, VideoRequest
from providers.comfyui_progress import PromptProgress
from providers.errors import ProviderError
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import jpeg_bytes, png_bytes

# LoadImage -> RepeatImageBatch -> SaveAnimatedWEBP, the model-free video workflow that ran on the real server.
WEBP_VIDEO = {
    "1": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
    "2": {"class_type": "RepeatImageBatch", "inputs": {"image": ["1", 0], "amount": "{{frames}}"}},
    "3": {"class_type": "SaveAnimatedWEBP", "inputs": {"images": ["2", 0], "filename_prefix": "{{filename_prefix}}",
                                                       "fps": "{{fps}}", "lossless": False, "quality": 80,
                                                       "method": "default"}},
}
# Two output branches, one invalid (bad upscale method): ComfyUI answers 200 and runs the valid one.
HALF_VALID = {
    "1": {"class_type": "EmptyImage", "inputs": {"width": "{{width}}", "height": "{{height}}", "batch_size": 1,
                                                 "color": 0}},
    "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "{{filename_prefix}}"}},
    "4": {"class_type": "ImageScale", "inputs": {"image": ["1", 0], "upscale_method": "sharpest", "width": 64,
                                                 "height": 64, "crop": "disabled"}},
    "5": {"class_type": "SaveImage", "inputs": {"images": ["4", 0], "filename_prefix": "scaled"}},
}


def client(server, tmp_path, **kw):
    return registry.create("comfyui", {"base_url": server.url, "timeout": 10, **kw}, staging_dir=tmp_path)


def workflow_file(tmp_path, workflow, name="wf.json"):
    path = tmp_path / name
    path.write_text(json.dumps(workflow))
    return str(path)


def test_200_with_node_errors_keeps_the_handle_and_shows_the_errors(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path, image_workflow=workflow_file(tmp_path, HALF_VALID))
    handle = provider.submit(ImageRequest(prompt="x"))
    answer = json.loads(comfyui_server.received("POST /prompt")[0].body)
    assert answer["prompt"]["4"]["inputs"]["upscale_method"] == "sharpest"
    assert handle.task_id and "node 4 (ImageScale): Value not in list" in handle.endpoint["node_errors"][0]
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 1  # only the valid branch ran
    assert status.vendor_message.startswith("skipped: node 4 (ImageScale)")


def test_number_starts_at_zero_and_a_prompt_that_is_not_an_object_is_a_500(comfyui_server, tmp_path):
    handle = client(comfyui_server, tmp_path).submit(ImageRequest(prompt="x"))
    assert handle.endpoint["number"] == 0
    import requests

    reply = requests.post(f"{comfyui_server.url}/prompt", json={"prompt": [1, 2]}, timeout=5)
    assert reply.status_code == 500 and reply.headers["Content-Type"].startswith("text/plain")


def test_animated_webp_is_the_clip_and_arrives_as_mp4(comfyui_server, tmp_path):
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    provider = client(comfyui_server, tmp_path, video_workflow=workflow_file(tmp_path, WEBP_VIDEO))
    handle = provider.submit(VideoRequest(prompt="x", first_frame=str(frame), duration=1, fps=8))
    sent = json.loads(comfyui_server.received("POST /prompt")[0].body)["prompt"]
    assert sent["3"]["inputs"]["fps"] == 8 and sent["2"]["inputs"]["amount"] == 5
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.outputs[0].media_type == "video"
    assert status.outputs[0].filename.endswith(".webp") and status.outputs[0].extra["animated"]
    clip = provider.download(status.outputs[0], tmp_path / "out")
    assert clip.suffix == ".mp4" and not list((tmp_path / "out").glob("*.webp"))
    with av.open(str(clip)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 6


def test_a_repeated_still_saved_as_a_plain_webp_becomes_a_clip_of_the_asked_length(comfyui_server, tmp_path):
    comfyui_server.still_animations = True  # libwebp turned five identical frames into one still picture
    frame = tmp_path / "frame.png"
    frame.write_bytes(png_bytes())
    provider = client(comfyui_server, tmp_path, video_workflow=workflow_file(tmp_path, WEBP_VIDEO))
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x", first_frame=str(frame), duration=1,
                                                                    fps=8)))
    clip = provider.download(status.outputs[0], tmp_path / "out")
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        assert sum(1 for _ in container.decode(video=0)) == 5 and float(stream.average_rate) == pytest.approx(8)


def test_two_different_frames_with_one_name_never_overwrite(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "frame.png").write_bytes(png_bytes())
    (tmp_path / "b" / "frame.png").write_bytes(png_bytes(64, 64))
    first = provider.upload(str(tmp_path / "a" / "frame.png"))
    second = provider.upload(str(tmp_path / "b" / "frame.png"))
    again = provider.upload(str(tmp_path / "a" / "frame.png"))
    assert first != second and first == again
    assert comfyui_server.uploads[first] == png_bytes() and comfyui_server.uploads[second] == png_bytes(64, 64)
    assert all("overwrite" not in r.body.decode("latin-1") for r in comfyui_server.received("POST /upload/image"))


def test_interrupted_from_comfyuis_own_window_is_not_a_crash(comfyui_server, tmp_path):
    comfyui_server.polls_to_finish = 50
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    assert provider.poll(handle).state == "running"
    comfyui_server.interrupt()  # the Cancel button in ComfyUI's UI: no prompt id
    status = poll_until_done(provider, handle)
    assert status.state == FAILED and status.vendor_status == "interrupted"
    assert "interrupted" in status.error and "error" not in status.error


def test_execution_error_message_is_trimmed(comfyui_server, tmp_path):
    comfyui_server.next_outcome = "error"
    provider = client(comfyui_server, tmp_path)
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    assert status.vendor_message == "KSampler: Allocation on device"


def test_missing_custom_node_and_missing_model_are_clear(tmp_path):
    from tests.providers.servers.comfyui import ComfyUIServer

    with ComfyUIServer(nodes={"LoadImage", "SaveImage"}) as server:
        with pytest.raises(ProviderError) as err:
            client(server, tmp_path).submit(ImageRequest(prompt="x"))
        assert "not found" in err.value.message and "custom node" in err.value.message
    with ComfyUIServer(models={"checkpoints": []}) as server:
        with pytest.raises(ProviderError) as err:
            client(server, tmp_path).submit(ImageRequest(prompt="x"))
        assert "ckpt_name: 'sd_xl_base_1.0.safetensors' not in []" in err.value.message


def test_restarted_server_without_history_fails_clearly(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    comfyui_server.restart()
    status = provider.poll(handle)
    assert status.state == FAILED and "no longer knows" in status.error


def test_view_404_with_empty_body_stores_nothing(comfyui_server, tmp_path):
    provider = client(comfyui_server, tmp_path)
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    comfyui_server.outputs.clear()
    with pytest.raises(ProviderError):
        provider.download(status.outputs[0], tmp_path / "out")
    assert not [p for p in (tmp_path / "out").glob("*") if p.is_file()]


def test_progress_of_two_samplers_is_one_rising_figure():
    progress = PromptProgress({"3": 20, "13": 20, "8": 1})
    figures = []
    for node in ("3", "13"):
        progress.update("executing", {"node": node})
        for value in (0, 10, 20):
            progress.update("progress", {"value": value, "max": 20, "node": node})
            figures.append(progress.figure)
    progress.update("executing", {"node": "8"})
    figures.append(progress.figure)
    assert figures == sorted(figures) and figures[2] == pytest.approx(20 / 41, abs=0.01)
    assert figures[-1] < 1.0
    progress.update("executing", {"node": None})
    assert progress.figure == 1.0


def test_progress_state_and_binary_previews_over_the_websocket(comfyui_server, tmp_path):
    comfyui_server.polls_to_finish = 6
    provider = client(comfyui_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    listener = provider._listeners[handle.endpoint["client_id"]]
    assert listener.connected.wait(5)
    seen = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status = provider.poll(handle)
        if status.state != "running" and status.state != "queued":
            break
        seen.append(status.progress or 0.0)
        time.sleep(0.05)
    assert status.state == SUCCEEDED and seen == sorted(seen) and max(seen) > 0
    assert listener.binary_frames >= 1  # a >64 KiB preview came through a 64-bit length frame


def test_jpeg_reference_upload_keeps_its_type(comfyui_server, tmp_path):
    ref = tmp_path / "ref.jpg"
    ref.write_bytes(jpeg_bytes())
    name = client(comfyui_server, tmp_path).upload(str(ref))
    assert name.endswith(".jpg") and comfyui_server.uploads[name] == jpeg_bytes()


def test_two_sampler_workflow_progress_rises_through_both_samplers(comfyui_server, tmp_path):
    from providers.comfyui import load_template

    wf = load_template("text_to_image")
    wf["13"] = {"class_type": "KSampler", "inputs": {**wf["3"]["inputs"], "latent_image": ["3", 0], "denoise": 0.3}}
    wf["8"]["inputs"]["samples"] = ["13", 0]
    comfyui_server.polls_to_finish = 21
    provider = client(comfyui_server, tmp_path, image_workflow=workflow_file(tmp_path, wf))
    handle = provider.submit(ImageRequest(prompt="x"))
    listener = provider._listeners[handle.endpoint["client_id"]]
    assert listener.connected.wait(5)
    seen = []
    while True:
        status = provider.poll(handle)
        if status.state not in ("queued", "running"):
            break
        seen.append(status.progress or 0.0)
        time.sleep(0.03)
    sampler_steps = [m for m in comfyui_server.received("GET /history")]
    assert status.state == SUCCEEDED and len(sampler_steps) > 10
    assert seen == sorted(seen) and any(0.3 < f < 0.7 for f in seen)  # halfway = first sampler done
