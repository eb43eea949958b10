"""A farm of three loopback ComfyUI servers: placement by load and models, fail-over, consent to pay twice."""

from __future__ import annotations

import json

import pytest

from providers import registry
from providers.base import FAILED, QUEUED, SUCCEEDED, ImageRequest, TaskHandle
from providers.comfyui_farm import FarmServer, missing_on, parse_servers
from providers.errors import ProviderError
from tests.providers.servers.base import Reply
from tests.providers.servers.comfyui import ComfyUIServer
from tests.providers.servers.drive import poll_until_done


@pytest.fixture
def farm():
    servers = [ComfyUIServer().start() for _ in range(3)]
    yield servers
    for server in servers:
        server.stop()


def farm_client(servers, tmp_path, flags=("", "", ""), **kw):
    extra = ", ".join(f"{s.url} {f}".strip() for s, f in zip(servers[1:], flags[1:], strict=True))
    main = servers[0].url
    settings = {"base_url": main, "servers": extra, "timeout": 5, "failover_seconds": 0, **kw}
    provider = registry.create("comfyui", settings, staging_dir=tmp_path)
    if flags[0]:
        provider.servers[0] = FarmServer(main, flags[0] == "free")
    return provider


def test_server_list_and_free_flags():
    servers = parse_servers("http://127.0.0.1:8188", "192.168.1.7:8188, https://gpu.example.com paid\n"
                                                      "https://rented.example.com:8188 free, http://127.0.0.1:8188/")
    assert [(s.url, s.free) for s in servers] == [
        ("http://127.0.0.1:8188", True), ("http://192.168.1.7:8188", True),
        ("https://gpu.example.com", False), ("https://rented.example.com:8188", True)]
    assert not parse_servers("http://example.com", "")[0].free
    assert not parse_servers("http://127.0.0.1:8188", "127.0.0.1:8188 paid")[0].free


def test_jobs_spread_by_free_capacity(farm, tmp_path):
    for server in farm:
        server.polls_to_finish = 100
    provider = farm_client(farm, tmp_path)
    busy = registry.create("comfyui", {"base_url": farm[0].url}, staging_dir=tmp_path)  # one server, no farm
    for _ in range(2):  # someone else's client filled server 0 already
        busy.submit(ImageRequest(prompt="theirs"))
    handles = [provider.submit(ImageRequest(prompt=f"shot {i}")) for i in range(4)]
    per_server = {s.url: sum(h.endpoint["server"] == s.url for h in handles) for s in farm}
    assert per_server[farm[0].url] == 0 and per_server[farm[1].url] == 2 and per_server[farm[2].url] == 2
    assert all(h.endpoint["request"]["prompt"].startswith("shot") for h in handles)


def test_a_server_without_the_model_or_node_never_gets_the_job(tmp_path):
    with ComfyUIServer(models={"checkpoints": []}) as a, ComfyUIServer(nodes={"SaveImage"}) as b, \
            ComfyUIServer() as c:
        provider = farm_client([a, b, c], tmp_path)
        handles = [provider.submit(ImageRequest(prompt="x")) for _ in range(3)]
        assert {h.endpoint["server"] for h in handles} == {c.url}
        assert not a.received("POST /prompt") and not b.received("POST /prompt")
    with ComfyUIServer(models={"checkpoints": []}) as a, ComfyUIServer(models={"checkpoints": []}) as b:
        with pytest.raises(ProviderError) as err:
            farm_client([a, b, b], tmp_path).submit(ImageRequest(prompt="x"))
        assert "lacks ckpt_name sd_xl_base_1.0.safetensors" in err.value.message and not err.value.retryable


def test_missing_on_reads_object_info_choices():
    info = {"CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": [["a.safetensors"]]}}},
            "LoadImage": {"input": {"required": {"image": [["old.png"]]}}}}
    wf = {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "b.safetensors"}},
          "2": {"class_type": "LoadImage", "inputs": {"image": "microdrama/new.png"}},
          "3": {"class_type": "VHS_VideoCombine", "inputs": {}}}
    assert missing_on(info, wf) == ["ckpt_name b.safetensors", "node VHS_VideoCombine"]
    v3 = {"CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": ["COMBO", {"options": ["b.safetensors"]}]}}},
          "LoadImage": {"input": {}}, "VHS_VideoCombine": {"input": {}}}
    assert missing_on(v3, wf) == []


def test_a_queued_job_moves_when_its_server_dies(farm, tmp_path):
    for server in farm:
        server.polls_to_finish = 50
    provider = farm_client(farm, tmp_path, flags=("paid", "paid", "paid"))
    first = provider.submit(ImageRequest(prompt="running"))
    second = provider.submit(ImageRequest(prompt="r2"))
    third = provider.submit(ImageRequest(prompt="r3"))
    queued_behind = provider.submit(ImageRequest(prompt="waiting"))  # 4th: behind a running one
    server = next(s for s in farm if s.url == queued_behind.endpoint["server"])
    url = server.url
    for h in (first, second, third, queued_behind):
        provider.poll(h)
    assert provider.poll(queued_behind).state == QUEUED
    server.kill()
    status = provider.poll(queued_behind)
    assert status.vendor_status == "moved" and status.moved_to.endpoint["server"] != url
    assert status.moved_to.endpoint["abandoned"] == [[url, queued_behind.task_id]]
    assert queued_behind.task_id not in server.executed
    # The one that was running on the dead (paid) server is not run again without consent.
    running = next(h for h in (first, second, third) if h.endpoint["server"] == url)
    lost = provider.poll(running)
    assert lost.state == FAILED and "may have been billed" in lost.error and lost.moved_to is None


def test_a_started_job_reruns_elsewhere_when_the_server_is_free_or_the_user_allows(farm, tmp_path):
    for consent, flags in ((False, ("free", "free", "free")), (True, ("paid", "paid", "paid"))):
        provider = farm_client(farm, tmp_path, flags=flags, rerun_paid=consent)
        handle = provider.submit(ImageRequest(prompt="x"))
        assert provider.poll(handle).state == "running"
        server = next(s for s in farm if s.url == handle.endpoint["server"])
        server.restart()  # comes back with no history: the job is gone
        status = provider.poll(handle)
        assert status.vendor_status == "moved" and status.moved_to.endpoint["server"] != server.url
        assert status.moved_to.endpoint["abandoned"] == []  # nothing left to delete on a restarted server
        assert poll_until_done(provider, status.moved_to).state == SUCCEEDED


def test_a_server_back_from_the_dead_has_the_moved_prompt_deleted(farm, tmp_path):
    for server in farm:
        server.polls_to_finish = 50
    provider = farm_client(farm, tmp_path)
    handles = [provider.submit(ImageRequest(prompt=str(i))) for i in range(6)]
    waiting = handles[-1]
    server = next(s for s in farm if s.url == waiting.endpoint["server"])
    for h in handles:
        provider.poll(h)
    provider._seen[waiting.task_id] = QUEUED
    server.fail_next("", Reply(close=True), times=100)  # a network cut: connections close unanswered
    status = provider.poll(waiting)
    assert status.vendor_status == "moved"
    server.reset()  # the network is back, with the old prompt still queued there
    assert waiting.task_id in server.prompts
    provider.poll(status.moved_to)  # the next poll deletes the abandoned prompt from the server that came back
    assert waiting.task_id not in server.prompts and status.moved_to.endpoint["abandoned"] == []


def test_check_connection_lists_every_server(farm, tmp_path):
    provider = farm_client(farm, tmp_path)
    farm[2].kill()
    text = provider.check_connection()
    assert text.startswith("2 of 3 servers answer") and "not answering" in text.splitlines()[3]


def test_after_a_restart_each_task_is_followed_on_its_own_server(farm, tmp_path):
    provider = farm_client(farm, tmp_path)
    handles = [provider.submit(ImageRequest(prompt=str(i))) for i in range(3)]
    provider.close()
    fresh = farm_client(farm, tmp_path)  # a new process: only the saved handles survive
    for saved in handles:
        handle = TaskHandle.from_dict(saved.to_dict())
        status = poll_until_done(fresh, handle)
        assert status.state == SUCCEEDED and status.outputs[0].url.startswith(handle.endpoint["server"])
    for server in farm:  # every prompt was polled on the server that held it, and nowhere else
        assert {r.path.split("/")[-1] for r in server.received("GET /history/")} <= set(server.prompts)


def test_find_task_finds_a_prompt_whose_answer_was_lost(farm, tmp_path):
    provider = farm_client(farm, tmp_path)
    request = ImageRequest(prompt="lost answer")
    request.client_ref = "job-42-attempt-1"  # set by the job queue before submit (contract)
    handle = provider.submit(request)
    assert json.loads(next(s for s in farm if s.url == handle.endpoint["server"])
                      .received("POST /prompt")[0].body)["client_id"] == "job-42-attempt-1"
    found = provider.find_task(request, "job-42-attempt-1", 0)
    assert found.task_id == handle.task_id and found.endpoint["server"] == handle.endpoint["server"]
    poll_until_done(provider, found)
    assert provider.find_task(request, "job-42-attempt-1", 0).task_id == handle.task_id  # from the history
    assert provider.find_task(request, "never-sent", 0) is None
    farm[2].kill()
    with pytest.raises(ProviderError):  # a server that does not answer might hold it: not "surely none"
        provider.find_task(request, "never-sent", 0)


def test_a_job_on_a_server_removed_from_the_list_is_not_polled_elsewhere(farm, tmp_path):
    handle = farm_client(farm, tmp_path).submit(ImageRequest(prompt="x"))
    others = [s for s in farm if s.url != handle.endpoint["server"]]
    shrunk = registry.create("comfyui", {"base_url": others[0].url, "servers": others[1].url}, staging_dir=tmp_path)
    before = [len(s.received("GET /history/")) for s in others]
    status = shrunk.poll(handle)
    assert status.state == FAILED and "no longer in the server list" in status.error
    assert [len(s.received("GET /history/")) for s in others] == before
