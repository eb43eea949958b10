"""A paid generation: submit to a provider, poll, download, check, store, attach.

The job's record in ``Series.jobs`` holds everything needed to pick it up after a
restart: ``request`` = {"request": the request's JSON, "handle": the provider's
TaskHandle JSON (once submitted), "title", "cost": the estimate}, ``task_id``,
``provider``, ``capability`` and ``target``. A retry after a network error resumes
at the step that failed (polling an accepted task never resubmits it, so nothing is
paid twice); a manual Retry after the vendor reported the task failed submits anew.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.jobs.backoff import RetryPolicy
from app.jobs.cancel import JobStopped
from app.jobs.comfy_status import comfy_detail
from app.jobs.job import Job, JobContext, JobEvent, JobState
from app.jobs.journal import landed_entry
from app.jobs.landing import ResultRejected, apply_to_document, attach_changes, store_result
from app.model import JobRecord, MediaAsset, Provenance

if TYPE_CHECKING:
    from app.jobs.manager import JobManager

log = logging.getLogger(__name__)

_preload_lock = threading.Lock()
_preloaded = False


def _preload_media_modules() -> None:
    """Import the media checkers once, one worker at a time: several workers importing them at
    once (the first downloads of a batch) crashed the interpreter inside the import machinery.
    Not at module import: that would slow the editor's start-up."""
    global _preloaded
    with _preload_lock:
        if _preloaded:
            return
        import av  # noqa: F401
        import cv2  # noqa: F401

        try:
            import app.media.probe  # noqa: F401
        except ImportError:
            pass
        _preloaded = True

DEFAULT_POLL_INTERVAL = 5.0
MAX_POLL_SECONDS = 3 * 3600.0  # a vendor task still unfinished after this is given up (Retry keeps polling)


def _excerpt(request: Any, limit: int = 60) -> str:
    text = " ".join(str(getattr(request, "text", "") or getattr(request, "prompt", "") or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class GenerationJob(Job):
    kind = "generate"
    persistent = True

    def __init__(self, provider: str, request: Any, *, title: str, target: dict[str, Any] | None = None,
                 estimated_cost: float | None = None, handle: Any = None, job_id: str | None = None,
                 policy: RetryPolicy | None = None) -> None:
        from app.jobs.costs import estimate

        cost = estimate(provider, request)
        super().__init__(title, resource=provider, target=target, job_id=job_id, policy=policy,
                         estimated_cost=cost.amount if estimated_cost is None else estimated_cost)
        self.request = request
        self.capability = request.capability
        self.handle = handle
        self.units, self.unit, self.price_known = cost.units, cost.unit, cost.known
        self.unit_price = (cost.amount / cost.units) if cost.units else 0.0
        self.vendor_failed = False  # the vendor reported the task failed: a retry must resubmit
        self.record: JobRecord | None = None
        self.journal: Any = None  # the bundle's JobJournal, set by the manager
        # The create in flight: our client_ref for it (stable across restarts of this create) and when
        # it was sent (0: none in flight). ``creates`` counts the creates this job has sent.
        self.client_ref = ""
        self.submitting_at = 0.0
        self.creates = 0
        self.billed_unknown = False  # failed telling the user a create may have been billed
        # The vendor no longer has the task we were polling (404 / task not found): nothing left to
        # collect, so Retry cannot resume it; "Generate Again" (a new, paid task, confirmed with its
        # cost) retires the old handle into ``retired_handles``, kept in the record and the journal.
        self.task_lost = False
        self.retired_handles: list[dict[str, Any]] = []
        self.max_poll_seconds = MAX_POLL_SECONDS

    # ------------------------------------------------------------- records
    def record_fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "provider": self.resource, "capability": self.capability,
            "task_id": self.handle.task_id if self.handle is not None else "",
            "target": dict(self.target),
            "request": {"request": self.request.to_dict(), "title": self.title,
                        "handle": self.handle.to_dict() if self.handle is not None else None,
                        "units": self.units, "unit": self.unit, "price_known": self.price_known,
                        "client_ref": self.client_ref, "creates": self.creates,
                        "billed_unknown": self.billed_unknown,
                        "task_lost": self.task_lost, "retired_handles": list(self.retired_handles),
                        **({"submitting": {"client_ref": self.client_ref, "at": self.submitting_at}}
                           if self.submitting_at and self.handle is None else {})},
        }

    @classmethod
    def from_record(cls, record: JobRecord) -> GenerationJob:
        from providers.base import TaskHandle, request_from_dict

        if cls is GenerationJob and (record.target or {}).get("slot") == "multishot":
            from app.jobs.multishot import MultiShotJob

            cls = MultiShotJob  # a scene clip is still split and placed after a restart
        data = record.request
        request = request_from_dict(data["request"])
        handle = TaskHandle.from_dict(data["handle"]) if data.get("handle") else None
        job = cls(record.provider, request, title=data.get("title") or record.provider,
                  target=record.target, estimated_cost=record.estimated_cost, handle=handle, job_id=record.id)
        job.record = record
        job.attempts = record.attempts
        job.creates = int(data.get("creates") or 0)
        job.billed_unknown = bool(data.get("billed_unknown"))
        job.task_lost = bool(data.get("task_lost"))
        job.retired_handles = [h for h in data.get("retired_handles") or [] if isinstance(h, dict)]
        job.client_ref = str(data.get("client_ref") or "")
        submitting = data.get("submitting") if handle is None else None
        if isinstance(submitting, dict) and submitting.get("client_ref"):
            job.client_ref = str(submitting["client_ref"])
            job.submitting_at = float(submitting.get("at") or 0) or 1.0
            suffix = job.client_ref.rsplit("-", 1)[-1]
            job.creates = max(job.creates, int(suffix) if suffix.isdigit() else 0)
        job.request.client_ref = job.client_ref
        job.state = JobState.QUEUED
        return job

    def reset_for_retry(self) -> None:
        """A manual Retry: after a vendor failure, or after the user saw "may have been billed"
        (their Retry is the confirmation), a new create is sent; otherwise the job resumes."""
        if self.vendor_failed:
            self.handle = None
            self.vendor_failed = False
        if self.task_lost:  # the user confirmed "Generate Again" with its cost: a new task, the old one retired
            if self.handle is not None:
                self.retired_handles.append({**self.handle.to_dict(), "retired": "not_found"})
            self.handle = None
            self.task_lost = False
        if self.handle is None and self.billed_unknown:
            self.submitting_at = 0.0
            self.billed_unknown = False

    # --------------------------------------------------------------- worker
    def run(self, ctx: JobContext) -> list[MediaAsset]:
        from app.jobs.provider_config import make_provider, provider_info
        from providers.errors import ProviderError

        _preload_media_modules()
        bundle = self.bundle
        staging = bundle.folder("cache") / "jobs" / self.id
        staging.mkdir(parents=True, exist_ok=True)
        provider = make_provider(self.resource, staging_dir=staging)
        label = provider_info(self.resource).label
        handle = self.handle
        try:
            if handle is None:
                self.phase = "submit"
                handle = self._submit(ctx, provider, label)
            self.phase = "poll"
            status = self._poll(ctx, provider, handle, label)
            handle = self.handle or handle  # a ComfyUI farm may have moved the task while it was polled
            self.phase = "download"
            return self._download(ctx, provider, handle, status, staging, label)
        except JobStopped as stop:
            if not stop.detached:
                self._cancel_at_vendor(provider, handle)
            raise
        except Exception as exc:
            from providers.errors import NOT_FOUND, TASK_FAILED

            prefix = f"{self.resource}: "
            message = getattr(exc, "message", None)  # ProviderError, ProviderNotConfigured
            if isinstance(message, str) and message.startswith(prefix):
                setattr(exc, "message", f"{label}: {message[len(prefix):]}")  # noqa: B010 - "Kling AI: ..." reads better than "kling: ..."
            if self.token.cancelled and not self.token.detached:
                self._cancel_at_vendor(provider, handle)
            elif getattr(exc, "kind", "") == TASK_FAILED:
                self.vendor_failed = True
            elif getattr(exc, "kind", "") == NOT_FOUND and self.phase == "poll" and self.handle is not None:
                self.task_lost = True  # polling it again cannot help: say so and offer to generate again
            if isinstance(exc, (ProviderError, ResultRejected)) and not getattr(exc, "retryable", False):
                shutil.rmtree(staging, ignore_errors=True)  # nothing rejected stays in cache/jobs
            raise

    # -- submit: the intent on disk before the request leaves, the handle the moment it returns
    def _submit(self, ctx: JobContext, provider: Any, label: str, depth: int = 0) -> Any:
        from providers.errors import CONNECTION, ProviderError

        if depth >= 2:  # answers keep breaking and the vendor has no task: let the queue's backoff decide
            raise ProviderError(QCoreApplication.translate("Jobs", "{provider} keeps breaking off its answers; "
                                                           "nothing was created. Will retry.").format(provider=label),
                                retryable=True, kind=CONNECTION, provider=self.resource)
        if self.submitting_at:  # an earlier run sent a create whose answer never reached our disk
            handle = self._recover(ctx, provider, label)
            if handle is not None:
                return handle
        self.creates += 1
        self.client_ref = f"{self.id}-{self.creates}"
        self.request.client_ref = self.client_ref
        self.submitting_at = time.time()
        ctx.progress(None, QCoreApplication.translate("Jobs", "Submitting to {provider}…").format(provider=label))
        if not self._journal({"type": "submitting", "job": self.id, "client_ref": self.client_ref,
                              "provider": self.resource, "model": self.request.model,
                              "prompt": _excerpt(self.request), "request": self.request.to_dict()}):
            self.submitting_at = 0.0
            raise ProviderError(QCoreApplication.translate(
                "Jobs", "Could not record the job on disk before sending it, so nothing was sent: {reason}").format(
                reason=getattr(self.journal, "error", "")), retryable=False, provider=self.resource)
        if self.token.cancelled:
            self._unsent()
            self.token.raise_if_cancelled()
        try:
            handle = provider.submit(self.request, self.token)
        except ProviderError as exc:
            if not getattr(exc, "maybe_billed", False):
                self._unsent()  # the vendor answered with an error (or nothing left): no task was created
                raise
            if self.token.cancelled:
                raise JobStopped(self.token.detached) from None
            handle = self._recover(ctx, provider, label, cause=exc.message)
            if handle is None:  # surely none at the vendor: nothing was billed, send it again
                return self._submit(ctx, provider, label, depth + 1)
            return handle
        except JobStopped:
            raise
        except Exception:
            if self.token.cancelled:  # stopped mid-request: the create may have left; resume will look
                raise JobStopped(self.token.detached) from None
            self._unsent()  # a local failure (a file, a bug) before anything was sent
            raise
        self._submitted(ctx, handle)
        return handle

    def _unsent(self) -> None:
        """The create announced by the last "submitting" line surely never made a task."""
        self._journal({"type": "unsent", "job": self.id, "client_ref": self.client_ref})
        self.submitting_at = 0.0

    def _submitted(self, ctx: JobContext, handle: Any) -> None:
        self._journal({"type": "submitted", "job": self.id, "client_ref": self.client_ref,
                       "handle": handle.to_dict()})
        self.handle = handle
        self.submitting_at = 0.0
        ctx.event(JobEvent.SUBMITTED, handle)

    def _recover(self, ctx: JobContext, provider: Any, label: str, cause: str = "") -> Any:
        """Find the task an interrupted create may have made; None when the vendor surely has none."""
        from providers.errors import ProviderError

        finder = getattr(provider, "find_task", None)
        if finder is None:
            self.billed_unknown = True
            raise ProviderError(self.maybe_billed_message(label, cause), retryable=False, provider=self.resource,
                                maybe_billed=True)
        ctx.progress(None, QCoreApplication.translate("Jobs", "Looking for the task at {provider}…").format(
            provider=label))
        try:
            handle = finder(self.request, self.client_ref, self.submitting_at, self.token)
        except ProviderError as exc:
            if exc.retryable:  # a lookup is free: trying again later is safe
                raise
            self.billed_unknown = True
            raise ProviderError(self.maybe_billed_message(label, exc.message), retryable=False,
                                provider=self.resource, maybe_billed=True) from None
        if handle is None:
            self.submitting_at = 0.0
            return None
        self._submitted(ctx, handle)
        return handle

    def maybe_billed_message(self, label: str, cause: str = "") -> str:
        when = datetime.fromtimestamp(self.submitting_at or time.time()).strftime("%Y-%m-%d %H:%M:%S")
        text = QCoreApplication.translate(
            "Jobs", "{provider} may have created and billed this task, but its answer never reached us "
            "(sent {time}, model {model}, prompt “{prompt}”). It cannot be looked up automatically. "
            "Check your account on {provider}'s site; Retry creates a new, paid task.").format(
            provider=label, time=when, model=self.request.model or self.resource, prompt=_excerpt(self.request))
        return f"{text} ({cause})" if cause else text

    # -- poll: bounded in time on its own (a vendor that never finishes does not hold the job forever)
    def _poll(self, ctx: JobContext, provider: Any, handle: Any, label: str) -> Any:
        from providers.base import CANCELLED, FAILED, SUCCEEDED
        from providers.errors import TASK_FAILED, TIMEOUT, ProviderError

        began = time.monotonic()
        while True:
            self.token.raise_if_cancelled()
            status = provider.poll(handle, self.token)
            ctx.step_done("poll")
            if getattr(status, "moved_to", None) is not None:  # a ComfyUI farm moved the task to another server
                handle = status.moved_to
                self._submitted(ctx, handle)
            if status.state == SUCCEEDED:
                return status
            if status.state == FAILED:
                message = status.error or status.vendor_message or QCoreApplication.translate("Jobs", "the task failed")
                raise ProviderError(f"{label}: {message}", retryable=False, kind=TASK_FAILED,
                                    provider=self.resource)
            if status.state == CANCELLED:
                raise ProviderError(QCoreApplication.translate("Jobs", "{provider}: the task was cancelled on the vendor's side.").format(
                    provider=label), retryable=False, kind=TASK_FAILED, provider=self.resource)
            if time.monotonic() - began > self.max_poll_seconds:
                raise ProviderError(QCoreApplication.translate(
                    "Jobs", "{provider} has not finished the task after {minutes} minutes. Retry keeps waiting "
                    "for the same task (nothing is paid again).").format(
                    provider=label, minutes=round(self.max_poll_seconds / 60)), retryable=False, kind=TIMEOUT,
                    provider=self.resource)
            text = QCoreApplication.translate("Jobs", "Waiting for {provider}").format(provider=label)
            if status.queue_position:
                text += QCoreApplication.translate("Jobs", " (position {n} in queue)").format(n=status.queue_position)
            text += comfy_detail(handle, status)  # ComfyUI: which server; a lost or moved server
            ctx.progress(status.progress, text)
            interval = self.poll_interval or provider.poll_interval(handle)
            self.token.sleep(interval)

    # -- download: its own failure count (a good poll does not reset it) and deadline
    def _download(self, ctx: JobContext, provider: Any, handle: Any, status: Any, staging: Path,
                  label: str) -> list[MediaAsset]:
        from providers.errors import TASK_FAILED, ProviderError

        outputs = list(status.outputs) or handle.output_refs()
        if not outputs:
            raise ProviderError(QCoreApplication.translate("Jobs", "{provider} finished but returned no file.").format(provider=label),
                                retryable=False, kind=TASK_FAILED, provider=self.resource)
        ctx.event(JobEvent.DOWNLOADING)
        bundle = self.bundle
        assets = []
        for i, output in enumerate(outputs):
            def report(fraction: float | None, text: str, i: int = i) -> None:
                if fraction is not None:
                    ctx.progress((i + fraction) / len(outputs), QCoreApplication.translate("Jobs", "Downloading"))

            ctx.progress(i / len(outputs), QCoreApplication.translate("Jobs", "Downloading"))
            path = provider.download(output, staging, self.token, report)
            try:
                assets.append(self.store_output(bundle, path, handle, output))
            except ResultRejected:
                path.unlink(missing_ok=True)
                raise
        shutil.rmtree(staging, ignore_errors=True)
        return assets

    def failure_note(self, currency: str) -> str:
        """What a manual action can do after a failure that Retry cannot fix by itself."""
        if not self.task_lost:
            return ""
        from app.jobs.costs import format_money

        return QCoreApplication.translate(
            "Jobs", "There is nothing left to collect; “Generate Again” creates a new, paid task "
            "(≈{cost}).").format(cost=format_money(self.estimated_cost, currency))

    def resume_note(self) -> str:
        """What a manual Retry does, for a job that gave up (said in the failure message)."""
        if self.phase == "download" and self.handle is not None:
            return QCoreApplication.translate("Jobs", "Retry downloads the finished result again "
                                              "(nothing is paid again).")
        if self.phase == "poll" and self.handle is not None:
            return QCoreApplication.translate("Jobs", "Retry keeps waiting for the same task "
                                              "(nothing is paid again).")
        return ""

    def _journal(self, entry: dict[str, Any]) -> bool:
        journal = getattr(self, "journal", None)
        if journal is None:
            return True
        return bool(journal.append(entry, wait=True))

    def store_output(self, bundle: Any, path: Path, handle: Any, output: Any) -> MediaAsset:
        """Check and store one downloaded result (worker thread); a voice take becomes a 48 kHz WAV take."""
        if self.target.get("slot") == "take":
            from app.voices.store import store_take

            return store_take(bundle, path, self._provenance(handle), self.target)
        prov = self._provenance(handle)
        vendor_id = str((output.extra or {}).get("id") or "") if str(handle.provider).startswith("kling") else ""
        if vendor_id and output.media_type == "video":  # Kling's lip sync takes a Kling clip by this id
            prov.parameters = {**prov.parameters, "video_id": vendor_id}
        return store_result(bundle, path, prov, output.media_type)

    def _cancel_at_vendor(self, provider: Any, handle: Any) -> None:
        if handle is None:
            return
        try:
            provider.cancel(handle)
        except Exception as exc:  # the vendor may not allow it; the local job is cancelled anyway
            log.info("vendor cancel of %s failed: %s", handle.task_id, exc)

    def cancel_remote(self) -> None:
        if self.handle is None:
            return
        from app.jobs.provider_config import make_provider

        self._cancel_at_vendor(make_provider(self.resource), self.handle)

    def _provenance(self, handle: Any) -> Provenance:
        from providers.base import provenance_fields
        from providers.pricing import charge

        # the same rule as the estimate (providers.pricing): price per unit x the units billed
        cost = charge(self.estimated_cost, self.units, handle.cost_units) if self.units else \
            round((handle.cost_units or 0.0) * self.unit_price, 6)
        fields = provenance_fields(self.request, handle, cost=cost)
        prov = Provenance(**{k: v for k, v in fields.items() if k in Provenance.__dataclass_fields__})
        prov.job_id = self.id
        prov.reference_inputs = [self._portable(ref) for ref in prov.reference_inputs]
        return prov

    def _portable(self, ref: str) -> str:
        """A reference inside the bundle as a bundle-relative path (bundles move between machines)."""
        try:
            return str(self.bundle.relative(Path(ref)))
        except (ValueError, OSError):
            return ref

    # -------------------------------------------------------------- GUI side
    def on_event(self, manager: JobManager, name: JobEvent, payload: Any) -> None:
        if name is JobEvent.SUBMITTED:
            self.handle = payload
            self.state = JobState.REMOTE
            self.detail = ""
        elif name is JobEvent.DOWNLOADING:
            self.state = JobState.DOWNLOADING

    def land(self, manager: JobManager, result: list[MediaAsset]) -> Any:
        if self.target.get("slot") == "take":  # a voice take: onto its line and the dialogue track
            from app.voices.landing import land_take

            return land_take(manager, self, result)
        doc = manager.session.document
        fps = manager.series.settings.fps
        self.cost = round(sum(a.provenance.cost for a in result), 6)
        for i, asset in enumerate(result):
            known = manager.series.media.get(asset.id)
            if known is not None:  # the same bytes are already in the project: keep their first record
                result[i] = asset = known
            else:
                doc.add_media_raw(asset)
            apply_to_document(doc, attach_changes(manager.series, self.target, asset, fps, find=doc.find))
        if self.record is not None:
            self.record.result_assets = [a.id for a in result]
        journal = manager.journal
        if journal is not None:  # replayed on open until the next save folds it into project.json
            journal.append(landed_entry(self.id, self.target, result, fps))
        return None
