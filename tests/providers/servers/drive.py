"""Drive a provider's task to its end in a test (the job queue does this in the app)."""

from __future__ import annotations

import time

from providers.base import TaskHandle, TaskStatus


def poll_until_done(provider, handle: TaskHandle, *, timeout: float = 10.0, interval: float = 0.01) -> TaskStatus:
    deadline = time.monotonic() + timeout
    while True:
        status = provider.poll(handle)
        if status.done:
            return status
        if time.monotonic() > deadline:
            raise AssertionError(f"task {handle.task_id} still {status.state} after {timeout}s")
        time.sleep(interval)
