"""The job journal: what happened to paid jobs since the last save, crash-safe and off the GUI thread.

Layout: ``<bundle>/jobs/journal.jsonl``, one JSON object per line (UTF-8), appended
by ONE writer thread; every line is flushed and fsynced before the writer reports
it written. Entries (all carry ``v`` (format, 1), ``type``, ``job`` (the job id)
and ``at`` (unix seconds)):

- ``record``: ``{"record": <JobRecord as in project.json>}`` -- the job's record as the
  queue sees it (added, waiting, remote, finished, retried...), written from the GUI
  thread's copy;
- ``submitting``: ``{"client_ref", "provider", "model", "prompt", "request"}`` -- written
  by the worker and fsynced BEFORE the create request leaves this machine;
- ``submitted``: ``{"client_ref", "handle"}`` -- written by the worker the moment
  ``submit`` returns, before anything else;
- ``unsent``: ``{"client_ref"}`` -- the create announced by "submitting" surely made no task
  (the vendor answered with an error, or it was stopped before sending);
- ``landed``: ``{"target", "assets": [<MediaAsset>], "fps"}`` -- a result stored in the
  bundle and attached to its shot or episode (replayed with ``app.jobs.landing``).

Why a journal and not the old write-through of project.json: appending one line is
O(1) whatever the project's size (re-encoding project.json was 14-44 ms on the demo and
seconds on a season, on the GUI thread, three times per shot), and the lines a worker
writes before and after the create request are what lets a job killed in the submit
window find its task at the vendor instead of paying for it again. A JSON-lines file
(not sqlite) keeps the bundle inspectable with any text editor and needs no schema.

Crash safety: a line is complete or it is the torn last line of a killed process;
readers ignore a last line that does not parse, and the writer cuts it off before
appending. Everything already fsynced survives a SIGKILL or a power cut.

Folding: :func:`replay` applies the journal to a loaded project (``Session.open`` does
so, and the CLI's readers via :func:`load_with_journal`); after an ordinary save the
journal is compacted (:meth:`JobJournal.compact`): entries the saved project now holds
are dropped; worker entries of jobs still unfinished are kept (they are few, and
harmless to apply twice). :func:`fold_into_project_file` writes the journal into
project.json without the user's unsaved edits (the CLI at the end of a batch).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.model import JobRecord, MediaAsset, Series
from app.model.job_state import JobState
from app.model.serial import from_data, to_data

if TYPE_CHECKING:
    from app.bundle import ProjectBundle

log = logging.getLogger(__name__)

FORMAT = 1
FOLDER = "jobs"
FILE = "journal.jsonl"
WORKER_TYPES = ("submitting", "submitted", "unsent")


def journal_path(root: Path) -> Path:
    return Path(root) / FOLDER / FILE


# ------------------------------------------------------------------ reading
def read_entries(path: Path) -> list[dict[str, Any]]:
    """Every complete entry in ``path`` (a torn or damaged line is skipped, never fatal)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("cannot read the job journal %s: %s", path, exc)
        return []
    entries = []
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            log.warning("job journal %s: line %d is torn or damaged; skipped", path, number)
            continue
        if isinstance(entry, dict) and entry.get("v") == FORMAT and isinstance(entry.get("type"), str):
            entries.append(entry)
    return entries


def replay(series: Series, entries: Iterable[dict[str, Any]]) -> bool:
    """Apply journal ``entries`` to ``series`` (records, submissions, landed results); True if any applied.

    Idempotent: applying an entry the project already holds changes nothing.
    """
    from app.jobs.landing import SeriesIndex, apply_to_series, attach_changes

    find = SeriesIndex(series).find  # one walk of the season for every landed entry
    changed = False
    for entry in entries:
        kind, job_id = entry["type"], str(entry.get("job") or "")
        try:
            record: JobRecord | None
            if kind == "record":
                record = from_data(JobRecord, entry["record"], "journal.record")
                index = next((i for i, r in enumerate(series.jobs) if r.id == record.id), None)
                if index is None:
                    series.jobs.append(record)
                else:
                    series.jobs[index] = record
                changed = True
            elif kind == "removed":
                series.jobs[:] = [r for r in series.jobs if r.id != job_id]
                changed = True
            elif kind == "submitting":
                record = _record(series, job_id)
                if record is not None and not record.request.get("handle"):
                    record.request["submitting"] = {"client_ref": entry.get("client_ref", ""),
                                                    "at": float(entry.get("at") or 0)}
                    if record.state in ("queued", "failed", "cancelled"):
                        record.state = JobState.RUNNING
                    changed = True
            elif kind == "unsent":
                record = _record(series, job_id)
                pending = (record.request.get("submitting") or {}) if record is not None else {}
                if record is not None and pending.get("client_ref") == entry.get("client_ref"):
                    record.request.pop("submitting", None)
                    if record.state == "running":
                        record.state = JobState.QUEUED
                    changed = True
            elif kind == "submitted":
                record = _record(series, job_id)
                if record is None or not isinstance(entry.get("handle"), dict):
                    continue
                pending = (record.request.get("submitting") or {}).get("client_ref", "")
                if pending and pending != entry.get("client_ref"):
                    continue  # the handle of an earlier create of this job (resubmitted since)
                if record.request.get("handle") and record.request["handle"] != entry["handle"]:
                    continue
                record.request["handle"] = entry["handle"]
                record.request.pop("submitting", None)
                record.task_id = str(entry["handle"].get("task_id") or "")
                if record.state in ("queued", "running"):
                    record.state = JobState.REMOTE
                changed = True
            elif kind == "landed":
                fps = int(entry.get("fps") or series.settings.fps)
                for data in entry.get("assets") or []:
                    asset = from_data(MediaAsset, data, "journal.asset")
                    asset = series.media.setdefault(asset.id, asset)
                    target = dict(entry.get("target") or {})
                    apply_to_series(series, attach_changes(series, target, asset, fps, find=find), find=find)
                record = _record(series, job_id)
                if record is not None:
                    record.result_assets = [str(a.get("id")) for a in entry.get("assets") or []]
                changed = True
        except Exception as exc:  # one bad entry must not hide the others
            log.warning("job journal: entry %s of job %s not applied: %s", kind, job_id, exc)
    return changed


def _record(series: Series, job_id: str) -> JobRecord | None:
    return next((r for r in series.jobs if r.id == job_id), None)


def load_with_journal(bundle: ProjectBundle) -> Series:
    """The project as it really is on disk: project.json plus the journal."""
    series = bundle.load()
    replay(series, read_entries(journal_path(bundle.root)))
    return series


def fold_into_project_file(bundle: Any, journal: JobJournal | None = None) -> None:
    """Write the journal into project.json (without any unsaved edit of an open project), then empty it."""
    from app.project_files import full_snapshot

    if journal is not None:
        journal.flush()
    path = journal_path(bundle.root)
    entries = read_entries(path)
    if not entries:
        return
    disk = bundle.load()
    replay(disk, entries)
    bundle.save_snapshot(full_snapshot(disk, bundle.root), rotate=False)  # unchanged parts are reused, not rewritten
    if journal is not None:
        journal.compact(set(), drop_all=True)
        journal.flush()
    else:
        path.unlink(missing_ok=True)


# ------------------------------------------------------------------ writing
class JobJournal:
    """The append-only journal of one bundle, written by one background thread.

    ``append`` never blocks on the disk unless asked to (``wait=True``, for the worker
    that must have its "submitting" line on disk before it sends the create request).
    """

    def __init__(self, root: Path) -> None:
        self.path = journal_path(root)
        self._queue: queue.Queue[tuple[str, Any, threading.Event | None]] = queue.Queue()
        self._file: Any = None
        self.error = ""  # the last write failure in plain words ("" when fine)
        self._thread = threading.Thread(target=self._run, name="job-journal", daemon=True)
        self._thread.start()

    # -- API (any thread)
    def append(self, entry: dict[str, Any], *, wait: bool = False, timeout: float = 10.0) -> bool:
        """Queue ``entry``; with ``wait``, return only once it is fsynced (False: it is not)."""
        entry = {"v": FORMAT, "at": round(time.time(), 3), **entry}
        done = threading.Event() if wait else None
        self._queue.put(("append", entry, done))
        if done is None:
            return True
        return done.wait(timeout) and not self.error

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every entry queued so far is on disk."""
        done = threading.Event()
        self._queue.put(("flush", None, done))
        return done.wait(timeout)

    def compact(self, finished_jobs: set[str], *, drop_all: bool = False) -> None:
        """After a save: drop every entry queued so far except worker entries of unfinished jobs."""
        self._queue.put(("compact", (set(finished_jobs), drop_all), None))

    def close(self, timeout: float = 5.0) -> None:
        done = threading.Event()
        self._queue.put(("close", None, done))
        done.wait(timeout)

    # -- the writer thread
    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            while True:  # group commit: everything already queued goes in one fsync
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            lines: list[bytes] = []
            waiters: list[threading.Event] = []
            closing = False
            for op, payload, done in batch:
                if op == "append":
                    lines.append(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
                elif op == "compact":
                    self._write(lines)
                    lines = []
                    self._compact(*payload)
                elif op == "close":
                    closing = True
                if done is not None:
                    waiters.append(done)
            self._write(lines)
            for done in waiters:
                done.set()
            if closing:
                if self._file is not None:
                    self._file.close()
                    self._file = None
                return

    def _open(self) -> Any:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            created = not self.path.exists()
            handle = open(self.path, "ab+")  # noqa: SIM115 - held open by the writer thread
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            if size:
                handle.seek(max(0, size - 1))
                if handle.read(1) != b"\n":  # a torn last line from a killed process: cut it off
                    handle.seek(0)
                    data = handle.read()
                    handle.truncate(data.rfind(b"\n") + 1)
                    handle.seek(0, os.SEEK_END)
            self._file = handle
            if created:
                _fsync_dir(self.path.parent)
        return self._file

    def _write(self, lines: list[bytes]) -> None:
        if not lines:
            return
        try:
            handle = self._open()
            handle.write(b"".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
            self.error = ""
        except OSError as exc:
            self.error = f"Could not record the job in {self.path}: {exc.strerror or exc}"
            log.error("%s", self.error)

    def _compact(self, finished: set[str], drop_all: bool) -> None:
        keep = [] if drop_all else [e for e in read_entries(self.path)
                                    if e["type"] in WORKER_TYPES and e.get("job") not in finished]
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            if self._file is not None:
                self._file.close()
                self._file = None
            if not keep:
                self.path.unlink(missing_ok=True)
                return
            with open(tmp, "wb") as out:
                out.write(b"".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
                                   for e in keep))
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except OSError as exc:
            log.error("cannot compact the job journal %s: %s", self.path, exc)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_journals: dict[str, JobJournal] = {}
_resolved: dict[str, str] = {}  # root as given -> its resolved path
_guard = threading.Lock()


def _key(root: Path) -> str:
    """``root`` resolved, remembered: the manager asks for the journal on every job event, and a
    ``resolve()`` (an lstat per path part) each time cost the GUI thread ~3 ms per queued job."""
    given = str(root)
    key = _resolved.get(given)
    if key is None:
        key = _resolved[given] = str(Path(root).resolve())
    return key


def journal_for(root: Path) -> JobJournal:
    """The one writer of ``root``'s journal in this process."""
    key = _key(root)
    with _guard:
        journal = _journals.get(key)
        if journal is None:
            journal = _journals[key] = JobJournal(Path(root))
        return journal


def close_journal(root: Path) -> None:
    key = _key(root)
    with _guard:
        journal = _journals.pop(key, None)
    if journal is not None:
        journal.close()


def record_entry(record: JobRecord) -> dict[str, Any]:
    return {"type": "record", "job": record.id, "record": to_data(record)}


def landed_entry(job_id: str, target: dict[str, Any], assets: list[MediaAsset], fps: int) -> dict[str, Any]:
    return {"type": "landed", "job": job_id, "target": dict(target), "assets": [to_data(a) for a in assets],
            "fps": fps}


