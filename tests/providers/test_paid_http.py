"""Never resend a create that may have been billed; every request has an overall deadline and stops on cancel.

Real servers on 127.0.0.1 that misbehave: a 200 whose body is cut off, a connection reset after
the request arrived, an answer trickling a byte at a time, an answer that never comes.
"""

from __future__ import annotations

import socket
import threading
import time
from itertools import repeat

import pytest

from providers.base import CancelToken, ImageRequest
from providers.errors import ProviderCancelled, ProviderError
from providers.http import HttpClient
from providers.kling import KlingProvider
from tests.providers.servers.base import Reply, VendorServer
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY


@pytest.fixture
def server():
    with VendorServer() as s:
        yield s


def test_a_cut_off_answer_to_a_billable_create_is_maybe_billed_and_not_retryable(server) -> None:
    server.fail_next("POST /create", Reply(body=b'{"id": "task-1", "sta', declared_length=400))
    client = HttpClient("vendor", server.url)
    with pytest.raises(ProviderError) as info:
        client.json("POST", "/create", json={"prompt": "a cat"}, billable=True)
    assert info.value.maybe_billed and not info.value.retryable
    assert info.value.to_dict()["maybe_billed"] is True
    assert "may have reached the vendor" in info.value.message
    assert len(server.received("POST /create")) == 1


def test_a_connection_reset_after_the_request_is_maybe_billed_but_a_refused_one_is_retryable(server) -> None:
    server.fail_next("POST /create", Reply(close=True))
    client = HttpClient("vendor", server.url)
    with pytest.raises(ProviderError) as info:
        client.json("POST", "/create", json={}, billable=True)
    assert info.value.maybe_billed and not info.value.retryable
    with socket.socket() as s:  # a port nobody listens on: nothing can have been sent
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    refused = HttpClient("vendor", f"http://127.0.0.1:{port}")
    with pytest.raises(ProviderError) as info:
        refused.json("POST", "/create", json={}, billable=True)
    assert info.value.retryable and not info.value.maybe_billed


def test_a_trickling_answer_is_cut_off_at_the_overall_deadline(server) -> None:
    server.fail_next("GET /slow", Reply(chunks=repeat(b" "), chunk_delay=0.2))  # one byte every 0.2 s, forever
    client = HttpClient("vendor", server.url, timeout=(2.0, 2.0), deadline=1.0)
    start = time.monotonic()
    with pytest.raises(ProviderError) as info:
        client.json("GET", "/slow")
    assert time.monotonic() - start < 3.0
    assert info.value.retryable and "within 1 s" in info.value.message


def test_cancel_wakes_a_request_blocked_waiting_for_the_answer(server) -> None:
    server.fail_next("POST /create", Reply(delay=20, json_body={}))
    client = HttpClient("vendor", server.url, timeout=(5.0, 60.0))
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    start = time.monotonic()
    with pytest.raises(ProviderCancelled):
        client.json("POST", "/create", json={}, cancel=token, billable=True)
    assert time.monotonic() - start < 1.5


def test_kling_does_not_resend_a_create_whose_answer_was_cut_off(kling_server) -> None:
    kling_server.fail_next("POST /v1/images/generations", Reply(body=b'{"code": 0, "data": {"task_', declared_length=300))
    client = KlingProvider({"base_url": kling_server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY},
                           name="kling")
    with pytest.raises(ProviderError) as info:
        client.submit(ImageRequest(prompt="a cat", client_ref="job-1-ref"))
    assert info.value.maybe_billed and not info.value.retryable
    assert len(kling_server.received("POST /v1/images/generations")) == 1


def test_kling_finds_a_task_by_our_client_ref_after_a_cut_off_answer(kling_server) -> None:
    kling_server.fail_next("POST /v1/images/generations", Reply(close=True))
    client = KlingProvider({"base_url": kling_server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY},
                           name="kling")
    request = ImageRequest(prompt="a cat", client_ref="job-2-ref")
    assert client.find_task(request, "job-2-ref", time.time()) is None  # nothing created yet: surely none
    # the vendor created the task, but its answer never arrived
    kling_server.handle(_post("/v1/images/generations", request))
    handle = client.find_task(request, "job-2-ref", time.time())
    assert handle is not None and handle.task_id in kling_server.tasks
    assert kling_server.tasks[handle.task_id].body["external_task_id"] == "job-2-ref"
    status = client.poll(handle)
    assert status.state in ("queued", "running", "succeeded")


def _post(path, request):
    import json

    from tests.providers.servers.base import Request

    token = KlingProvider({"access_key": ACCESS_KEY, "secret_key": SECRET_KEY}, name="kling").token()
    body = {"model_name": "kling-v2", "prompt": request.prompt, "n": 1, "external_task_id": request.client_ref}
    return Request("POST", path, {}, {"Authorization": f"Bearer {token}"}, json.dumps(body).encode())
