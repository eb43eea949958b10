"""Range and uniqueness checks of a loaded project, run on every load.

The schema converter (``app.model.serial``) checks *types*; a hand-edited or
damaged project.json can still hold values of the right type that no code is
ready for: ``fps`` 0 (division by zero, endless loops in the editor), a clip
starting at 10^12 frames (export allocates petabytes), NaN gains (NaN audio
makes the AAC encoder fail), or two shots with one id (editing one changes the
other). Such a file is refused on load with one line naming the field by its
path in project.json, e.g.
``series.episodes[2].timeline.tracks[1].clips[4].start: 1000000000000 frames is
beyond any episode (at most 2592000)``, which the bundle turns into a
``ProjectFileError`` (so the editor offers the backup).

Bounds (generous: every real project is far inside them)

* ``settings.fps``: whole frames per second in 1..240.
* ``settings.width``/``height``: 16..8192 pixels; ``sample_rate`` 8000..192000 Hz.
* Loudness target -70..0 LUFS, true peak -30..0 dBTP, finite.
* Every time in frames (clip start, duration, source_in, fades, transitions,
  markers, in/out points, shot durations): 0 .. 24 h at the project's frame
  rate (``max_frames``); durations of clips and shots at least 1; a clip's end
  also within 24 h.
* Sample counts of takes: 0 .. 24 h at the take's rate (8000..384000 Hz);
  offsets within ±24 h.
* Gains: finite and at most +48 dB (``-inf`` is allowed: it means silence).
* Money (costs, prices, budgets) finite and not negative.
* Repaired rather than refused: a job's ``progress`` (display-only, partly
  reported by vendors, some in percent) is clamped into 0..1, NaN to 0.
* Normalised rectangles (Ken Burns) finite, within -10..10, width and height > 0.
* Cached media probe numbers (width, height, fps, duration, frames, sample
  rate) numbers when present, finite, not negative, and below ceilings no
  real file reaches (the probe is ours: an odd but real file must never make
  its project unopenable).
* Episode numbers unique; every id unique within its kind across the whole
  series (characters, locations, episodes, scenes, shots, dialogue lines,
  takes, tracks, clips, markers, jobs, media); a media entry's key is its id.

The walk is linear and builds a path string only when a value is wrong, so
it adds a few milliseconds to opening a season-sized project.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.model.lazy_episode import is_unread
from app.model.script import Scene, Shot, Take
from app.model.series import Episode, ProjectSettings, Series
from app.model.timeline import Clip, Rect, Timeline
from app.textfill import fill

MAX_FPS = 240
MAX_HOURS = 24
MIN_SIZE, MAX_SIZE = 16, 8192
MIN_RATE, MAX_RATE = 8000, 192000
MAX_TAKE_RATE = 384000
MAX_GAIN_DB = 48.0
MAX_NUMBER = 1_000_000  # episode, scene and shot numbers
MAX_TRACK_HEIGHT = 2000
MAX_OFFSET_SAMPLES = MAX_HOURS * 3600 * MAX_RATE
# The probe is written by our own media engine: only values no arithmetic survives are refused
# (NaN, infinities, negatives, absurd sizes), never anything a real but odd file could report.
MAX_PROBE = {"width": 10**6, "height": 10**6, "fps": 10**6, "duration": 10**8,
             "frames": 10**12, "sample_rate": 10**7, "channels": 10**4}


class ValidationError(ValueError):
    """A value out of range or a duplicate id; ``path`` is where in project.json, ``detail`` what is wrong."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


def _at(parent: Any, suffix: str) -> tuple[Any, str]:
    """A path rendered only if a check fails: ``parent`` (text or such a pair) followed by ``suffix``.

    A pair costs far less than formatting the path of every object of a large project.
    """
    return (parent, suffix)


def _render(where: Any) -> str:
    parts = []
    while isinstance(where, tuple):
        where, suffix = where
        parts.append(suffix)
    return str(where) + "".join(reversed(parts))


def _repaired_progress(value: float) -> float:
    """A job's progress is display-only and partly reported by vendors (some send percents):
    it is clamped into 0..1 (NaN counts as 0) rather than making the whole project unopenable."""
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


def max_frames(fps: int) -> int:
    """The longest time a project may hold, in frames: 24 hours at ``fps``."""
    return MAX_HOURS * 3600 * fps


def validate(series: Series, root: str = "series") -> None:
    """Raise ``ValidationError`` for the first value out of range or duplicate id.

    An episode whose part was not read yet (``LazyEpisode``) is checked for its id and
    number only; ``validate_episode`` checks the rest when the part is read."""
    _Checker(root).series(series)


def validate_episode(episode: Episode, settings: ProjectSettings, where: str) -> None:
    """Raise ``ValidationError`` for the first bad value inside one episode (ids unique within it)."""
    checker = _Checker("series")
    checker.settings(settings)
    checker.episode(episode, where)


class _Checker:
    def __init__(self, root: str) -> None:
        self.root = root
        self.seen: dict[str, dict[str, Any]] = {}  # kind -> id -> path (or its maker) of the first holder

    # ------------------------------------------------------------ primitives
    def fail(self, where: Any, detail: str) -> None:
        raise ValidationError(_render(where), detail)

    def whole(self, value: int, low: int, high: int, where: Any, unit: str = "") -> None:
        if not low <= value <= high:
            self.fail(where, fill(QCoreApplication.translate(
                "ProjectValidation", "%1%2 is out of range (allowed %3 to %4)"),
                value, f" {unit}" if unit else "", low, high))

    def frames(self, value: int, where: Any, minimum: int = 0) -> None:
        if value > self.max_frames:
            self.fail(where, fill(QCoreApplication.translate(
                "ProjectValidation", "%1 frames is beyond any episode (at most %2, 24 hours at %3 fps)"),
                value, self.max_frames, self.fps))
        if value < minimum:
            if minimum > 0:
                self.fail(where, fill(QCoreApplication.translate(
                    "ProjectValidation", "%1 frames is too short (at least %2)"), value, minimum))
            self.fail(where, fill(QCoreApplication.translate("ProjectValidation", "%1 frames is negative"), value))

    def number(self, value: float, low: float, high: float, where: Any, allow_minus_inf: bool = False) -> None:
        if math.isnan(value):
            self.fail(where, QCoreApplication.translate("ProjectValidation", "NaN is not a number"))
        if value == -math.inf and allow_minus_inf:
            return
        if math.isinf(value):
            self.fail(where, fill(QCoreApplication.translate("ProjectValidation", "%1 is not a finite number"), value))
        if not low <= value <= high:
            self.fail(where, fill(QCoreApplication.translate(
                "ProjectValidation", "%1 is out of range (allowed %2 to %3)"),
                f"{value:g}", f"{low:g}", f"{high:g}"))

    def money(self, value: float, where: Any) -> None:
        self.number(value, 0.0, 1e12, where)

    def unique(self, kind: str, obj_id: str, where: Any) -> None:
        seen = self.seen.setdefault(kind, {})
        if not obj_id:
            self.fail(where, QCoreApplication.translate("ProjectValidation", "the id is empty"))
        first = seen.get(obj_id)
        if first is not None:
            self.fail(where, fill(QCoreApplication.translate(
                "ProjectValidation", "the id %1 is used twice (also at %2); each must be unique"),
                repr(obj_id), _render(first)))
        seen[obj_id] = where

    # ---------------------------------------------------------------- series
    def settings(self, st: ProjectSettings) -> None:
        self.fps = st.fps
        self.max_frames = max_frames(st.fps)

    def episode(self, ep: Episode, where: str) -> None:
        if ep.budget is not None:
            self.money(ep.budget, f"{where}.budget")
        self.scenes(ep.scenes, where)
        self.timeline(ep.timeline, f"{where}.timeline")

    def series(self, s: Series) -> None:
        root = self.root
        st = s.settings
        self.whole(st.fps, 1, MAX_FPS, f"{root}.settings.fps", "fps")
        self.settings(st)
        self.whole(st.width, MIN_SIZE, MAX_SIZE, f"{root}.settings.width")
        self.whole(st.height, MIN_SIZE, MAX_SIZE, f"{root}.settings.height")
        self.whole(st.sample_rate, MIN_RATE, MAX_RATE, f"{root}.settings.sample_rate", "Hz")
        self.number(st.loudness_target_lufs, -70.0, 0.0, f"{root}.settings.loudness_target_lufs")
        self.number(st.true_peak_dbtp, -30.0, 0.0, f"{root}.settings.true_peak_dbtp")
        for name, price in s.pricing.items():
            self.money(price, f"{root}.pricing.{name}")
        self.ids("character", s.characters, f"{root}.characters")
        self.ids("location", s.locations, f"{root}.locations")
        numbers: dict[int, int] = {}
        for i, ep in enumerate(s.episodes):
            where = f"{root}.episodes[{i}]"
            self.unique("episode", ep.id, f"{where}.id")
            self.whole(ep.number, 0, MAX_NUMBER, f"{where}.number")
            if ep.number in numbers:
                self.fail(f"{where}.number", fill(QCoreApplication.translate(
                    "ProjectValidation", "episode %1 appears twice (also episodes[%2])"),
                    ep.number, numbers[ep.number]))
            numbers[ep.number] = i
            if is_unread(ep):
                continue  # its part is checked when it is read (validate_episode)
            self.episode(ep, where)
        for key, asset in s.media.items():
            where = f"{root}.media.{key}"
            self.unique("media", asset.id, f"{where}.id")
            if asset.id != key:
                self.fail(f"{where}.id", fill(QCoreApplication.translate(
                    "ProjectValidation", "the id %1 differs from its key %2"), repr(asset.id), repr(key)))
            self.whole(asset.size_bytes, 0, 2**62, f"{where}.size_bytes")
            self.money(asset.provenance.cost, f"{where}.provenance.cost")
            self.probe(asset.probe, f"{where}.probe")
        for i, job in enumerate(s.jobs):
            where = f"{root}.jobs[{i}]"
            self.unique("job", job.id, f"{where}.id")
            self.whole(job.attempts, 0, 10**6, f"{where}.attempts")
            job.progress = _repaired_progress(job.progress)
            self.money(job.cost, f"{where}.cost")
            self.money(job.estimated_cost, f"{where}.estimated_cost")

    def ids(self, kind: str, items: Iterable[Any], where: str) -> None:
        for i, item in enumerate(items):
            self.unique(kind, item.id, f"{where}[{i}].id")

    def scenes(self, scenes: list[Scene], where: str) -> None:
        for i, scene in enumerate(scenes):
            sw = f"{where}.scenes[{i}]"
            self.unique("scene", scene.id, f"{sw}.id")
            self.whole(scene.number, -MAX_NUMBER, MAX_NUMBER, f"{sw}.number")
            for j, shot in enumerate(scene.shots):
                self.shot(shot, _at(sw, f".shots[{j}]"))

    def shot(self, shot: Shot, where: Any) -> None:
        self.unique("shot", shot.id, _at(where, ".id"))
        if not (-MAX_NUMBER <= shot.number <= MAX_NUMBER and 1 <= shot.duration <= self.max_frames):
            self.whole(shot.number, -MAX_NUMBER, MAX_NUMBER, _at(where, ".number"))
            self.frames(shot.duration, _at(where, ".duration"), 1)
        for k, line in enumerate(shot.dialogue):
            line_at = _at(where, f".dialogue[{k}]")
            self.unique("dialogue line", line.id, _at(line_at, ".id"))
            for m, take in enumerate(line.takes):
                self.take(take, _at(line_at, f".takes[{m}]"))

    def take(self, take: Take, where: Any) -> None:
        self.unique("take", take.id, _at(where, ".id"))
        limit = MAX_HOURS * 3600 * take.sample_rate
        highpass = take.cleanup.highpass_hz
        if (MIN_RATE <= take.sample_rate <= MAX_TAKE_RATE and 0 <= take.samples <= limit
                and abs(take.latency_samples) <= limit and abs(take.picture_offset_samples) <= limit
                and 0 <= take.dropped_samples <= limit and (highpass is None or 0.0 <= highpass <= 20000.0)):
            return
        self.whole(take.sample_rate, MIN_RATE, MAX_TAKE_RATE, _at(where, ".sample_rate"), "Hz")
        self.whole(take.samples, 0, limit, _at(where, ".samples"))
        self.whole(take.latency_samples, -limit, limit, _at(where, ".latency_samples"))
        self.whole(take.picture_offset_samples, -limit, limit, _at(where, ".picture_offset_samples"))
        self.whole(take.dropped_samples, 0, limit, _at(where, ".dropped_samples"))
        if highpass is not None:
            self.number(highpass, 0.0, 20000.0, _at(where, ".cleanup.highpass_hz"))

    def timeline(self, tl: Timeline, where: str) -> None:
        for name in ("in_point", "out_point"):
            value = getattr(tl, name)
            if value is not None:
                self.frames(value, f"{where}.{name}")
        for i, marker in enumerate(tl.markers):
            self.unique("marker", marker.id, f"{where}.markers[{i}].id")
            self.frames(marker.frame, f"{where}.markers[{i}].frame")
        for i, track in enumerate(tl.tracks):
            tw = f"{where}.tracks[{i}]"
            self.unique("track", track.id, f"{tw}.id")
            self.whole(track.height, 0, MAX_TRACK_HEIGHT, f"{tw}.height")
            self.number(track.gain_db, -math.inf, MAX_GAIN_DB, f"{tw}.gain_db", allow_minus_inf=True)
            for j, clip in enumerate(track.clips):
                self.clip(clip, _at(tw, f".clips[{j}]"))

    def clip(self, clip: Clip, where: Any) -> None:
        def at(name: str) -> Any:
            return _at(where, f".{name}")

        self.unique("clip", clip.id, at("id"))
        mf, gain = self.max_frames, clip.gain_db
        if (0 <= clip.start <= mf and clip.duration >= 1 and clip.start + clip.duration <= mf
                and 0 <= clip.source_in <= mf and 0 <= clip.fade_in <= mf and 0 <= clip.fade_out <= mf
                and 0 <= clip.transition_in.duration <= mf and (gain == -math.inf or -math.inf < gain <= MAX_GAIN_DB)
                and abs(clip.audio_offset_samples) <= MAX_OFFSET_SAMPLES and clip.ken_burns is None):
            return  # the common case: nothing to report, no per-field calls
        self.frames(clip.start, at("start"))
        self.frames(clip.duration, at("duration"), 1)
        if clip.start + clip.duration > self.max_frames:
            self.fail(at("duration"), fill(QCoreApplication.translate(
                "ProjectValidation", "the clip ends at frame %1, beyond any episode (at most %2)"),
                clip.start + clip.duration, self.max_frames))
        self.frames(clip.source_in, at("source_in"))
        self.frames(clip.fade_in, at("fade_in"))
        self.frames(clip.fade_out, at("fade_out"))
        self.frames(clip.transition_in.duration, at("transition_in.duration"))
        self.number(clip.gain_db, -math.inf, MAX_GAIN_DB, at("gain_db"), allow_minus_inf=True)
        self.whole(clip.audio_offset_samples, -MAX_OFFSET_SAMPLES, MAX_OFFSET_SAMPLES, at("audio_offset_samples"))
        if clip.ken_burns is not None:
            self.rect(clip.ken_burns.start, at("ken_burns.start"))
            self.rect(clip.ken_burns.end, at("ken_burns.end"))

    def rect(self, rect: Rect, where: Any) -> None:
        for name in ("x", "y", "w", "h"):
            self.number(getattr(rect, name), -10.0, 10.0, _at(where, f".{name}"))
        for name in ("w", "h"):
            if getattr(rect, name) <= 0:
                self.fail(_at(where, f".{name}"), fill(QCoreApplication.translate(
                    "ProjectValidation", "%1 must be greater than 0"), f"{getattr(rect, name):g}"))

    def probe(self, probe: dict[str, Any], where: str) -> None:
        for key, ceiling in MAX_PROBE.items():
            value = probe.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.fail(f"{where}.{key}", fill(QCoreApplication.translate(
                    "ProjectValidation", "expected a number, found %1"), repr(value)[:40]))
            self.number(float(value), 0.0, float(ceiling), f"{where}.{key}")
