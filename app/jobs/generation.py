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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.jobs.backoff import RetryPolicy
from app.jobs.cancel import JobStopped
from app.jobs.comfy_status import comfy_detail
from app.jobs.job import Job, JobContext, JobState
from app.jobs.landing import apply_to_document, apply_to_series, attach_changes, store_result
from app.model import JobRecord, MediaAsset, Provenance, Series

if TYPE_CHECKING:
    from app.jobs.manager import JobManager

log = logging.getLogger(__name__)

DEFAULT_POLL_INTERVAL = 5.0


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

    # ------------------------------------------------------------- records
    def record_fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "provider": self.resource, "capability": self.capability,
            "task_id": self.handle.task_id if self.handle is not None else "",
            "target": dict(self.target),
            "request": {"request": self.request.to_dict(), "title": self.title,
                        "handle": self.handle.to_dict() if self.handle is not None else None,
                        "units": self.units, "unit": self.unit, "price_known": self.price_known},
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
        job.state = JobState.QUEUED
        return job

    def reset_for_retry(self) -> None:
        if self.vendor_failed:
            self.handle = None
            self.vendor_failed = False

    # --------------------------------------------------------------- worker
    def run(self, ctx: JobContext) -> list[MediaAsset]:
        from app.jobs.provider_config import make_provider, provider_info
        from providers.base import CANCELLED, FAILED, SUCCEEDED
        from providers.errors import TASK_FAILED, ProviderError

        bundle = self.bundle  # type: ignore[attr-defined]
        staging = bundle.folder("cache") / "jobs" / self.id
        staging.mkdir(parents=True, exist_ok=True)
        provider = make_provider(self.resource, staging_dir=staging)
        label = provider_info(self.resource).label
        handle = self.handle
        try:
            if handle is None:
                ctx.progress(None, QCoreApplication.translate("Jobs", "Submitting to {provider}…").format(provider=label))
                handle = provider.submit(self.request, self.token)
                ctx.event("submitted", handle)
            status = None
            while True:
                self.token.raise_if_cancelled()
                status = provider.poll(handle, self.token)
                ctx.step_done()
                if getattr(status, "moved_to", None) is not None:  # a ComfyUI farm moved the task
                    handle = status.moved_to
                    ctx.event("submitted", handle)
                if status.state == SUCCEEDED:
                    break
                if status.state == FAILED:
                    message = status.error or status.vendor_message or QCoreApplication.translate("Jobs", "the task failed")
                    raise ProviderError(f"{label}: {message}", retryable=False, kind=TASK_FAILED,
                                        provider=self.resource)
                if status.state == CANCELLED:
                    raise ProviderError(QCoreApplication.translate("Jobs", "{provider}: the task was cancelled on the vendor's side.").format(
                        provider=label), retryable=False, kind=TASK_FAILED, provider=self.resource)
                text = QCoreApplication.translate("Jobs", "Waiting for {provider}").format(provider=label)
                if status.queue_position:
                    text += QCoreApplication.translate("Jobs", " (position {n} in queue)").format(n=status.queue_position)
                text += comfy_detail(handle, status)  # ComfyUI: which server; a lost or moved server
                ctx.progress(status.progress, text)
                interval = self.poll_interval or provider.poll_interval(handle)  # type: ignore[attr-defined]
                self.token.sleep(interval)
            outputs = list(status.outputs) or handle.output_refs()
            if not outputs:
                raise ProviderError(QCoreApplication.translate("Jobs", "{provider} finished but returned no file.").format(provider=label),
                                    retryable=False, kind=TASK_FAILED, provider=self.resource)
            ctx.event("downloading")
            assets = []
            for i, output in enumerate(outputs):
                def report(fraction: float | None, text: str, i: int = i) -> None:
                    if fraction is not None:
                        ctx.progress((i + fraction) / len(outputs), QCoreApplication.translate("Jobs", "Downloading"))

                ctx.progress(i / len(outputs), QCoreApplication.translate("Jobs", "Downloading"))
                path = provider.download(output, staging, self.token, report)
                assets.append(self.store_output(bundle, path, handle, output))
            shutil.rmtree(staging, ignore_errors=True)
            return assets
        except JobStopped as stop:
            if not stop.detached:
                self._cancel_at_vendor(provider, handle)
            raise
        except Exception as exc:
            prefix = f"{self.resource}: "
            if isinstance(getattr(exc, "message", None), str) and exc.message.startswith(prefix):
                exc.message = f"{label}: {exc.message[len(prefix):]}"  # "Kling AI: ..." reads better than "kling: ..."
            if self.token.cancelled and not self.token.detached:
                self._cancel_at_vendor(provider, handle)
            elif getattr(exc, "kind", "") == TASK_FAILED:
                self.vendor_failed = True
            raise

    def store_output(self, bundle: Any, path: Path, handle: Any, output: Any) -> MediaAsset:
        """Check and store one downloaded result (worker thread); a voice take becomes a 48 kHz WAV take."""
        if self.target.get("slot") == "take":
            from app.voices.store import store_take

            return store_take(bundle, path, self._provenance(handle), self.target)
        return store_result(bundle, path, self._provenance(handle), output.media_type)

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

        units = handle.cost_units or self.units
        cost = round(units * self.unit_price, 6)
        fields = provenance_fields(self.request, handle, cost=cost)
        prov = Provenance(**{k: v for k, v in fields.items() if k in Provenance.__dataclass_fields__})
        prov.job_id = self.id
        prov.reference_inputs = [self._portable(ref) for ref in prov.reference_inputs]
        return prov

    def _portable(self, ref: str) -> str:
        """A reference inside the bundle as a bundle-relative path (bundles move between machines)."""
        try:
            return self.bundle.relative(Path(ref))
        except (ValueError, OSError):
            return ref

    # -------------------------------------------------------------- GUI side
    def on_event(self, manager: JobManager, name: str, payload: Any) -> None:
        if name == "submitted":
            self.handle = payload
            self.state = JobState.REMOTE
            self.detail = ""
        elif name == "downloading":
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
            apply_to_document(doc, attach_changes(manager.series, self.target, asset, fps))
        if self.record is not None:
            self.record.result_assets = [a.id for a in result]

        def apply(disk: Series) -> None:  # the same arrival, computed against the file on disk
            for asset in result:
                disk.media.setdefault(asset.id, asset)
                apply_to_series(disk, attach_changes(disk, self.target, asset, fps))

        return apply
