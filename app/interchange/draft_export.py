"""Export an episode as a Jianying / CapCut draft folder the desktop app opens as a project.

pyJianYingDraft (Apache-2.0) writes the draft format: tracks, segments,
materials, keyframes, fades, text. We map our timeline onto it: picture and
overlay clips become video segments (stills with Ken Burns keyframes), dialogue
takes, music and effects become audio segments with volume and fades, subtitles
and title cards become text segments. Times are exact per frame
(``app.interchange.draft_time``). What the format cannot hold is listed in the
report written next to the draft (``app.interchange.draft_report``).

Nothing is half-written: the draft is built in a hidden ``.<name>.part-*`` folder
beside the destination and renamed into place as the last step; a failure or a
cancel removes the temporary folder.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bundle import BundleError, ProjectBundle
from app.errors import UserError
from app.interchange.draft_ducking import duck_envelope, segment_keyframes
from app.interchange.draft_layout import Placement, fit_placement, ken_burns_keyframes
from app.interchange.draft_media import DraftMedia, collect_sources, safe_name
from app.interchange.draft_report import write_report
from app.interchange.draft_targets import TARGETS, DraftApp
from app.interchange.draft_time import US_PER_SECOND, frame_to_us, span_to_us
from app.media.mixer import DuckSettings
from app.model import Clip, Episode, MediaKind, Series, Track, TrackKind, TransitionKind

REPORT_NAME = "microdrama-report.md"

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], None]


translate = QCoreApplication.translate


@dataclass
class DraftOptions:
    app: DraftApp = DraftApp.JIANYING
    collect: bool = True  # copy media into the draft (opens on another computer)
    name: str = ""  # draft (folder) name; empty: "<series> E<NN> <title>"


@dataclass
class DraftResult:
    folder: Path
    app: DraftApp
    segments: int
    tracks: int
    copied_files: int
    problems: list[str] = field(default_factory=list)
    report: Path | None = None


def default_draft_name(series: Series, episode: Episode) -> str:
    return safe_name(f"{series.title or 'Microdrama'} E{episode.number:02d} {episode.title}".strip())


def _lanes(clips: list[Clip]) -> list[list[Clip]]:
    """Split clips into non-overlapping runs (first fit): a draft track holds no overlaps."""
    lanes: list[list[Clip]] = []
    for clip in sorted(clips, key=lambda c: (c.start, c.id)):
        for lane in lanes:
            if lane[-1].end <= clip.start:
                lane.append(clip)
                break
        else:
            lanes.append([clip])
    return lanes


def _timecode(frame: int, fps: int) -> str:
    seconds, f = divmod(frame, fps)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}:{f:02d}"


class _DraftBuilder:
    """Turns one episode timeline into pyJianYingDraft tracks and segments."""

    def __init__(self, series: Series, episode: Episode, media: DraftMedia, script: Any) -> None:
        import pyJianYingDraft as jy

        self.jy = jy
        self.series = series
        self.episode = episode
        self.media = media
        self.script = script
        self.fps = series.settings.fps
        self.canvas = (series.settings.width, series.settings.height)
        self.problems: list[str] = []
        self.segments = 0
        self.tracks = 0
        self._names: set[str] = set()
        self._ducking: list[tuple[int, float]] | None = None

    # ------------------------------------------------------------------ tracks
    def build(self) -> None:
        tracks = self.episode.timeline.tracks
        audio = [t for t in reversed(tracks) if t.kind.is_audio]
        visual = [t for t in reversed(tracks) if t.kind.is_visual]
        subtitles = [t for t in reversed(tracks) if t.kind is TrackKind.SUBTITLES]
        # Draft tracks stack bottom to top in the order they are added; the first video
        # track is the app's main track, so the picture goes in before overlays and
        # subtitles go last (we burn them in over everything).
        for track in audio:
            self._audio_track(track)
        for track in visual:
            self._visual_track(track)
        for track in subtitles:
            self._text_track(track, [c for c in track.clips if c.enabled], subtitle=True)
        self._skipped_clips()
        for marker in self.episode.timeline.markers:
            self.problems.append(
                translate(
                    "DraftExport",
                    "Marker “{name}” at {tc} (frame {frame}): drafts have no markers; add it "
                    "again in the app if you need it.",
                ).format(name=marker.name or "—", tc=_timecode(marker.frame, self.fps), frame=marker.frame)
            )

    def _track_name(self, base: str) -> str:
        name, n = base or "Track", 2
        while name in self._names:
            name, n = f"{base} {n}", n + 1
        self._names.add(name)
        return name

    def _new_track(self, kind: Any, base: str, mute: bool = False) -> Any:
        self.tracks += 1
        return self.script.append_track(self.jy.TrackSpec(kind, self._track_name(base), mute))

    def _add(self, segment: Any, track_ref: Any) -> None:
        self.script.add_segment(segment, track_ref)
        self.segments += 1

    def _skipped_clips(self) -> None:
        for track in self.episode.timeline.tracks:
            for clip in track.clips:
                if not clip.enabled:
                    self.problems.append(
                        translate(
                            "DraftExport", "Clip “{clip}” on {track} is disabled and was left out."
                        ).format(clip=clip.name or clip.text[:20] or clip.id, track=track.name)
                    )

    def _duck_points(self) -> list[tuple[int, float]]:
        """Our mix's music ducking under the dialogue clips, as gain points (computed once)."""
        if self._ducking is None:
            spans = [
                span_to_us(c.start, c.duration, self.fps)
                for t in self.episode.timeline.tracks_of(TrackKind.DIALOGUE)
                if not t.muted
                for c in t.clips
                if c.enabled and c.id in self.media.sources
            ]
            self._ducking = duck_envelope([(s, s + d) for s, d in spans], DuckSettings())
        return self._ducking

    def _wrong_kind(self, clip: Clip, track: Track) -> None:
        self.problems.append(
            translate(
                "DraftExport",
                "Clip “{clip}” on {track}: this kind of media cannot go on this kind of draft "
                "track and was left out.",
            ).format(clip=clip.name or clip.id, track=track.name)
        )

    # ------------------------------------------------------------------ visual
    def _visual_track(self, track: Track) -> None:
        clips = [c for c in track.clips if c.enabled]
        media = [c for c in clips if c.asset_id is not None]
        texts = [c for c in clips if c.asset_id is None and c.text.strip()]
        for lane in _lanes(media):
            ref = self._new_track(self.jy.TrackType.video, track.name)
            segments: list[Any] = []  # pyJianYingDraft's segments (the library has no type hints)
            for clip in lane:
                segment = self._video_segment(clip, track)
                if segment is None:
                    continue
                if clip.transition_in.kind is not TransitionKind.CUT:
                    self._transition(segments[-1] if segments else None, clip, track)
                segments.append((clip, segment))
            for _, segment in segments:
                self._add(segment, ref)
        if texts:
            self._text_track(track, texts, subtitle=False)

    def _video_segment(self, clip: Clip, track: Track) -> Any | None:
        jy = self.jy
        source = self.media.source_for(clip)
        if source is None:
            return None
        if source.kind is MediaKind.AUDIO:
            self._wrong_kind(clip, track)
            return None
        material = self.media.video_material(source)
        start, duration = span_to_us(clip.start, clip.duration, self.fps)
        still = material.material_type == "photo"
        src_start = 0 if still else frame_to_us(clip.source_in, self.fps)
        if not still and src_start + duration > material.duration:
            slack = frame_to_us(1, self.fps) + 1
            if src_start + duration <= material.duration + slack:
                material.duration = (
                    src_start + duration
                )  # rounding: the probe and the container disagree by < 1 frame
            else:
                duration = max(0, material.duration - src_start)
                self.problems.append(
                    translate(
                        "DraftExport",
                        "Clip “{clip}” runs past the end of {file}; it was shortened to the media's length.",
                    ).format(clip=clip.name or clip.id, file=source.name)
                )
                if duration <= 0:
                    return None
        size = (material.width or self.canvas[0], material.height or self.canvas[1])
        kb = ken_burns_keyframes(clip.ken_burns, size, self.canvas) if still and clip.ken_burns else None
        place = kb[0][1] if kb else fit_placement(clip.fit, size, self.canvas)
        settings = jy.ClipSettings(
            scale_x=place.scale_x, scale_y=place.scale_y, transform_x=place.x, transform_y=place.y
        )
        # Picture clips play silently in our mix (sound lives on the audio tracks): volume 0.
        segment = jy.VideoSegment(
            material,
            jy.Timerange(start, duration),
            source_timerange=jy.Timerange(src_start, duration),
            volume=0.0,
            clip_settings=settings,
        )
        if kb:
            self._ken_burns(segment, kb, duration)
        if clip.ken_burns and not still:
            self.problems.append(
                translate(
                    "DraftExport", "Clip “{clip}”: Ken Burns applies to stills only and was left out."
                ).format(clip=clip.name or clip.id)
            )
        self._visual_fades(segment, clip, duration)
        return segment

    def _ken_burns(self, segment: Any, keys: list[tuple[float, Placement]], duration: int) -> None:
        prop = self.jy.KeyframeProperty
        for fraction, place in keys:
            offset = round(fraction * duration)
            segment.add_keyframe(prop.uniform_scale, offset, place.scale_x)
            segment.add_keyframe(prop.position_x, offset, place.x)
            segment.add_keyframe(prop.position_y, offset, place.y)

    def _visual_fades(self, segment: Any, clip: Clip, duration: int) -> None:
        alpha = self.jy.KeyframeProperty.alpha
        if clip.fade_in > 0:
            segment.add_keyframe(alpha, 0, 0.0)
            segment.add_keyframe(alpha, min(duration, frame_to_us(clip.fade_in, self.fps)), 1.0)
        if clip.fade_out > 0:
            segment.add_keyframe(alpha, max(0, duration - frame_to_us(clip.fade_out, self.fps)), 1.0)
            segment.add_keyframe(alpha, duration, 0.0)

    def _transition(self, previous: tuple[Clip, Any] | None, clip: Clip, track: Track) -> None:
        kind = clip.transition_in.kind
        if previous is None or previous[0].end != clip.start:
            self.problems.append(
                translate(
                    "DraftExport",
                    "Clip “{clip}” on {track}: a {kind} with no clip right before it cannot be "
                    "a draft transition and was left out.",
                ).format(
                    clip=clip.name or clip.id,
                    track=track.name,
                    kind=translate("DraftExport", "crossfade")
                    if kind is TransitionKind.CROSSFADE
                    else translate("DraftExport", "dip to black"),
                )
            )
            return
        meta = (
            self.jy.TransitionType.叠化 if kind is TransitionKind.CROSSFADE else self.jy.TransitionType.闪黑
        )
        duration = max(frame_to_us(1, self.fps), frame_to_us(clip.transition_in.duration, self.fps))
        # A draft transition belongs to the clip *before* the cut and straddles it.
        previous[1].add_transition(meta, duration=duration)

    # ------------------------------------------------------------------ text
    def _text_track(self, track: Track, clips: list[Clip], subtitle: bool) -> None:
        jy = self.jy
        for lane in _lanes(clips):
            ref = self._new_track(jy.TrackType.text, track.name)
            for clip in lane:
                start, duration = span_to_us(clip.start, clip.duration, self.fps)
                if subtitle:
                    # White on a black outline near the bottom, centred: our burned-in subtitle look.
                    style = jy.TextStyle(
                        size=7.0, color=(1.0, 1.0, 1.0), align=1, auto_wrapping=True, max_line_width=0.82
                    )
                    segment = jy.TextSegment(
                        clip.text,
                        jy.Timerange(start, duration),
                        style=style,
                        border=jy.TextBorder(color=(0.0, 0.0, 0.0), width=40.0),
                        shadow=jy.TextShadow(alpha=0.6),
                        clip_settings=jy.ClipSettings(transform_y=-0.72),
                    )
                else:
                    style = jy.TextStyle(
                        size=12.0,
                        bold=True,
                        color=(1.0, 1.0, 1.0),
                        align=1,
                        auto_wrapping=True,
                        max_line_width=0.8,
                    )
                    segment = jy.TextSegment(
                        clip.text,
                        jy.Timerange(start, duration),
                        style=style,
                        border=jy.TextBorder(color=(0.0, 0.0, 0.0), width=30.0),
                        shadow=jy.TextShadow(alpha=0.8),
                    )
                    if clip.fade_in > 0:
                        segment.add_animation(jy.TextIntro.渐显, frame_to_us(clip.fade_in, self.fps))
                    if clip.fade_out > 0:
                        segment.add_animation(jy.TextOutro.渐隐, frame_to_us(clip.fade_out, self.fps))
                self._add(segment, ref)

    # ------------------------------------------------------------------ audio
    def _audio_track(self, track: Track) -> None:
        jy = self.jy
        clips = [c for c in track.clips if c.enabled]
        for lane in _lanes(clips):
            ref = self._new_track(jy.TrackType.audio, track.name, mute=track.muted)
            for clip in lane:
                source = self.media.source_for(clip)
                if source is None:
                    continue
                if source.kind is not MediaKind.AUDIO:
                    self._wrong_kind(clip, track)
                    continue
                material = self.media.audio_material(source)
                start, duration = span_to_us(clip.start, clip.duration, self.fps)
                src_start = frame_to_us(clip.source_in, self.fps)
                if clip.audio_offset_samples:
                    # A latency-compensated take starts ``offset`` samples after its frame. Keep the segment on
                    # the frame grid and start the source that much earlier; at the very start of the file,
                    # move the segment instead. Either way the sound lands where our mix plays it.
                    offset = round(
                        clip.audio_offset_samples * US_PER_SECOND / self.series.settings.sample_rate
                    )
                    if src_start >= offset:
                        src_start -= offset
                    else:
                        start += offset
                if src_start + duration > material.duration:
                    slack = frame_to_us(1, self.fps) + 1
                    if src_start + duration <= material.duration + slack:
                        material.duration = src_start + duration
                    else:
                        duration = max(0, material.duration - src_start)
                        self.problems.append(
                            translate(
                                "DraftExport",
                                "Clip “{clip}” runs past the end of {file}; it was shortened "
                                "to the media's length.",
                            ).format(clip=clip.name or clip.id, file=source.name)
                        )
                        if duration <= 0:
                            continue
                volume = 10 ** ((clip.gain_db + track.gain_db) / 20)
                segment = jy.AudioSegment(
                    material,
                    jy.Timerange(start, duration),
                    source_timerange=jy.Timerange(src_start, duration),
                    volume=volume,
                )
                if track.kind is TrackKind.MUSIC:
                    for offset, value in segment_keyframes(self._duck_points(), start, duration, volume):
                        segment.add_keyframe(offset, value)
                if clip.fade_in > 0 or clip.fade_out > 0:
                    segment.add_fade(
                        frame_to_us(clip.fade_in, self.fps), frame_to_us(clip.fade_out, self.fps)
                    )
                self._add(segment, ref)
        if track.solo:
            self.problems.append(
                translate(
                    "DraftExport", "Track {track} is soloed; drafts have no solo, so every track plays."
                ).format(track=track.name)
            )


def _patch_platform(content_file: Path, app: DraftApp) -> None:
    """Name the target app in the draft's platform blocks (the one field Jianying and CapCut drafts differ in)."""
    target = TARGETS[app]
    data = json.loads(content_file.read_text(encoding="utf-8"))
    for key in ("platform", "last_modified_platform"):
        block = data.get(key)
        if isinstance(block, dict):
            block.update(app_source=target.app_source, app_id=target.app_id, app_version=target.app_version)
    content_file.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _patch_meta(meta_file: Path, name: str, final: Path, duration_us: int) -> None:
    """Give the draft its own id, name and location (the library's template has fixed ones)."""
    data = json.loads(meta_file.read_text(encoding="utf-8"))
    data.update(
        draft_id=str(uuid.uuid4()).upper(),
        draft_name=name,
        draft_fold_path=str(final),
        draft_root_path=str(final.parent),
        tm_duration=duration_us,
    )
    meta_file.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _prepare_destination(out: Path, name: str) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            translate("DraftExport", "Cannot create the folder {out}: {why}.").format(
                out=out, why=exc.strerror or exc
            )
        ) from exc
    if not out.is_dir():
        raise UserError(translate("DraftExport", "{out} is not a folder.").format(out=out))
    final = out / name
    if final.exists():
        raise UserError(
            translate(
                "DraftExport",
                "A draft named “{name}” already exists in {out}. Choose another name, or delete or "
                "rename the old draft first.",
            ).format(name=name, out=out)
        )
    try:
        return Path(tempfile.mkdtemp(prefix=f".{name}.part-", dir=out))
    except OSError as exc:
        raise UserError(
            translate(
                "DraftExport", "Cannot write in {out}: {why}. Choose a folder you can write to."
            ).format(out=out, why=exc.strerror or exc)
        ) from exc


def write_draft(
    series: Series,
    episode: Episode,
    bundle: ProjectBundle,
    out: Path,
    options: DraftOptions | None = None,
    progress: Progress | None = None,
    check_cancel: CancelCheck | None = None,
) -> DraftResult:
    """Write ``out/<name>/`` as a draft of ``episode``; raises ``UserError`` on anything the user can fix."""
    options = options or DraftOptions()
    progress = progress or (lambda fraction, text: None)
    check_cancel = check_cancel or (lambda: None)
    name = safe_name(options.name) if options.name.strip() else default_draft_name(series, episode)
    if not name:
        raise UserError(translate("DraftExport", "The draft name is empty; give it a name."))
    out = Path(out).expanduser().absolute()
    if not any(c.enabled for t in episode.timeline.tracks for c in t.clips):
        raise UserError(
            translate("DraftExport", "Episode {n} has nothing on its timeline yet; there is no draft to write.").format(
                n=episode.number
            )
        )
    sources = collect_sources(series, episode, bundle)  # raises UserError listing offline media
    tmp = _prepare_destination(out, name)
    final = out / name
    try:
        import pyJianYingDraft as jy

        progress(0.02, translate("DraftExport", "Creating the draft"))
        settings = series.settings
        script = jy.DraftFolder(str(tmp)).create_draft(name, settings.width, settings.height, settings.fps)
        media = DraftMedia(sources, tmp / name, final, options.collect)
        media.prepare(lambda f, text: progress(0.05 + 0.75 * f, text), check_cancel)
        check_cancel()
        progress(0.85, translate("DraftExport", "Placing clips"))
        builder = _DraftBuilder(series, episode, media, script)
        builder.build()
        check_cancel()
        script.save()
        _patch_platform(tmp / name / "draft_content.json", options.app)
        _patch_meta(tmp / name / "draft_meta_info.json", name, final, script.duration)
        problems = media.problems + builder.problems
        report = write_report(tmp / name / REPORT_NAME, series, episode, options, final, problems)
        progress(0.97, translate("DraftExport", "Moving the draft into place"))
        check_cancel()
        if final.exists():
            raise UserError(
                translate(
                    "DraftExport",
                    "A draft named “{name}” appeared in {out} while exporting; nothing was overwritten.",
                ).format(name=name, out=out)
            )
        (tmp / name).rename(final)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(
            translate("DraftExport", "Could not write the draft in {out}: {why}.").format(
                out=out, why=exc.strerror or exc
            )
        ) from exc
    except BundleError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(str(exc)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    progress(1.0, translate("DraftExport", "Draft written"))
    return DraftResult(
        folder=final,
        app=options.app,
        segments=builder.segments,
        tracks=builder.tracks,
        copied_files=media.copied_files,
        problems=problems,
        report=final / report.name,
    )
