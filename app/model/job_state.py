"""Where a job is in its life: the ``state`` of a job in the queue and of its saved ``JobRecord``.

A ``StrEnum`` so project.json and the job journal keep the plain words they always
had ("queued", "remote", ...): old projects load unchanged and files written now
read the same in older versions. Lives with the model because ``JobRecord`` is saved.
"""

from __future__ import annotations

import enum


class JobState(enum.StrEnum):
    QUEUED = "queued"
    WAITING = "waiting"  # waiting to retry after a retryable failure
    RUNNING = "running"
    REMOTE = "remote"  # submitted to a vendor, being polled
    DOWNLOADING = "downloading"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)

    @property
    def active(self) -> bool:
        return self in (JobState.RUNNING, JobState.REMOTE, JobState.DOWNLOADING)
