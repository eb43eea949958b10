"""The base of the speech clients whose vendor answers with the audio itself (no task to poll).

``submit`` speaks the line and stages the checked WAV in the handle's outputs; ``poll`` and
``download`` then only hand that file over, so speech fits the job queue's submit → poll →
download shape like every other generation (and a restart finds the staged file or says it is gone).
"""

from __future__ import annotations

from pathlib import Path

from providers.base import SUCCEEDED, CancelToken, OutputRef, ProgressFn, TaskHandle, TaskStatus
from providers.common import ProviderClient
from providers.download import accept_local


class SpokenResultClient(ProviderClient):
    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        outputs = handle.output_refs()
        if not all(Path(o.path).is_file() for o in outputs):
            return TaskStatus(state="failed", error="the spoken line is gone from the cache; generate it again")
        return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=outputs, vendor_status="spoken")

    def download(self, output: OutputRef, dest_dir: Path, cancel: CancelToken | None = None,
                 progress: ProgressFn | None = None) -> Path:
        return accept_local(output, Path(dest_dir), provider=self.name)
