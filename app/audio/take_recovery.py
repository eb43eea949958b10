"""Bring back takes a crash interrupted, when their project is opened.

The recorder leaves ``<take>.wav.recording.json`` next to a take until the take
is complete. Finding one means the app (or machine) died mid-take: the WAV is
repaired from its length (everything up to the last write survives; fsync runs
every second), resampled if the device ran at another rate, and the take is
put back on its line flagged ``recovered``. The project is then saved, so the
recovery is not lost if the user quits without saving.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from app.audio import takes as take_ops
from app.audio.capture import PROJECT_RATE
from app.audio.recorder import SIDECAR_SUFFIX
from app.audio.resample import resample_wav_file
from app.audio.wavfile import repair
from app.bundle import now_iso
from app.model import Take
from app.session import Session

log = logging.getLogger(__name__)

ORPHAN_SUFFIX = ".orphan.json"


@dataclass
class RecoveredTake:
    take_id: str
    line_id: str
    seconds: float
    path: str
    attached: bool  # False: its line no longer exists; the file was kept


def pending(bundle_root: Path) -> list[Path]:
    """Sidecars of unfinished takes in a bundle."""
    takes = Path(bundle_root) / take_ops.TAKES
    if not takes.is_dir():
        return []
    return sorted(p for p in takes.rglob(f"*{SIDECAR_SUFFIX}") if "trash" not in p.parts)


def recover_takes(session: Session) -> list[RecoveredTake]:
    """Recover every unfinished take of the open project; returns what was recovered."""
    if session.bundle is None:
        return []
    recovered = []
    for sidecar in pending(session.bundle.root):
        try:
            item = _recover_one(session, sidecar)
        except (OSError, ValueError) as exc:
            log.warning("could not recover the take of %s: %s", sidecar, exc)
            continue
        if item is not None:
            recovered.append(item)
    if recovered:
        session.save()
    return recovered


def _recover_one(session: Session, sidecar: Path) -> RecoveredTake | None:
    assert session.bundle is not None
    wav = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if not wav.is_file():
        sidecar.unlink(missing_ok=True)
        return None
    rate = int(meta.get("device_rate") or PROJECT_RATE)
    frames = repair(wav, rate, int(meta.get("channels") or 1))
    offset = meta.get("picture_offset_device_samples")
    if rate != PROJECT_RATE and frames:
        frames = resample_wav_file(wav, rate, PROJECT_RATE)
        if offset is not None:
            offset = int(round(offset * PROJECT_RATE / rate))
    take_id = str(meta.get("take_id") or wav.stem)
    line_id = str(meta.get("line_id") or wav.parent.name)
    rel = session.bundle.relative(wav)
    found = take_ops.find_line(session, line_id)
    if found is None:
        sidecar.rename(sidecar.with_name(wav.name + ORPHAN_SUFFIX))
        return RecoveredTake(take_id, line_id, frames / PROJECT_RATE, rel, attached=False)
    _, _, line = found
    doc = session.document
    existing = next((t for t in line.takes if t.id == take_id), None)
    if existing is not None:
        doc.set_fields_raw(existing.id, {"samples": frames, "sample_rate": PROJECT_RATE, "recovered": True})
        take = existing
    else:
        take = Take(
            id=take_id, path=rel, name=str(meta.get("name") or f"Take {len(line.takes) + 1}"),
            created_at=str(meta.get("created_at") or now_iso()), sample_rate=PROJECT_RATE, samples=frames,
            latency_samples=int(round((float(meta.get("input_latency") or 0)
                                       + float(meta.get("output_latency") or 0)) * PROJECT_RATE)),
            picture_offset_samples=int(offset or 0), recovered=True, device=str(meta.get("device") or ""),
            performer=str(meta.get("performer") or ""),
            note="Recovered after the app stopped during recording; the last second may be missing.",
        )
        doc.insert_raw(line.id, "takes", len(line.takes), take)
    take_ops.register_asset(session, take_ops.asset_id_for(take), take.path, take)
    sidecar.unlink(missing_ok=True)
    return RecoveredTake(take_id, line_id, frames / PROJECT_RATE, rel, attached=True)
