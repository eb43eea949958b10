"""Job states and events are enums in code and the same plain words on disk.

``project_written_before_typed_states.json`` was written by the version before
``JobRecord.state`` became a ``JobState``: it must load into enum members and save
back to exactly the same JSON, so old projects and old editors keep working.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.jobs.job import JobEvent, JobState
from app.model import JobRecord
from app.model.schema import decode, encode
from app.model.serial import from_data, to_data

OLD_PROJECT = Path(__file__).parent / "data" / "project_written_before_typed_states.json"


def test_old_project_loads_states_as_enums_and_saves_identical_json() -> None:
    raw = OLD_PROJECT.read_bytes()
    series = decode(raw)
    states = [job.state for job in series.jobs]
    assert all(type(state) is JobState for state in states)
    assert states == [JobState.QUEUED, JobState.RUNNING, JobState.REMOTE, JobState.DOWNLOADING,
                      JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED]
    saved = encode(series)
    assert _holds(json.loads(saved), json.loads(raw))  # every value, not only the states
    assert [job["state"] for job in json.loads(saved)["series"]["jobs"]] == [
        "queued", "running", "remote", "downloading", "succeeded", "failed", "cancelled"]


def _holds(saved: object, old: object) -> bool:
    """``saved`` keeps every value of ``old`` (fields added since, with their defaults, may join)."""
    if isinstance(old, dict):
        return isinstance(saved, dict) and all(k in saved and _holds(saved[k], v) for k, v in old.items())
    if isinstance(old, list):
        return isinstance(saved, list) and len(saved) == len(old) and all(map(_holds, saved, old))
    return type(saved) is type(old) and saved == old


def test_a_job_record_round_trips_through_the_journal_form() -> None:
    record = JobRecord(id="j1", kind="generation", state=JobState.REMOTE, task_id="abc")
    data = to_data(record)
    assert json.loads(json.dumps(data))["state"] == "remote"  # the journal line holds the plain word
    again = from_data(JobRecord, data)
    assert again.state is JobState.REMOTE and again == record


def test_job_words_stay_what_the_files_and_old_code_use() -> None:
    assert [s.value for s in JobState] == ["queued", "waiting", "running", "remote", "downloading",
                                          "succeeded", "failed", "cancelled"]
    assert JobState.REMOTE == "remote"  # comparisons written against the words keep working
    assert {e.value for e in JobEvent} == {"submitted", "downloading", "step", "delta"}
    assert JobState.SUCCEEDED.finished and JobState.RUNNING.active and not JobState.QUEUED.active
