"""OpenTimelineIO export and import of an episode timeline.

Exported clips point at the bundle's media files by absolute file URL (what
Resolve, Premiere and Kdenlive relink against), with source ranges in frames at
the project rate. Everything OTIO has no field for (gain, fades, Ken Burns, text,
links to shots and takes) travels in ``metadata["microdrama"]``, so a round trip
through our own importer restores the timeline exactly. Overlapping clips on one
of our tracks become extra OTIO tracks, because OTIO tracks are strictly sequential.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import opentimelineio as otio
from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.errors import UserError
from app.model import Clip, Episode, Marker, Series, Timeline, Track, TrackKind
from app.model.serial import SchemaError, from_data, to_data

META_KEY = "microdrama"
TEXT_GENERATOR = "microdrama.text"


def _rt(frames: int, fps: int) -> otio.opentime.RationalTime:
    return otio.opentime.RationalTime(frames, fps)


def _range(start: int, duration: int, fps: int) -> otio.opentime.TimeRange:
    return otio.opentime.TimeRange(_rt(start, fps), _rt(duration, fps))


def _lanes(track: Track) -> list[list[Clip]]:
    """Split a track's clips into non-overlapping runs (first fit)."""
    lanes: list[list[Clip]] = []
    for clip in track.clips_sorted():
        for lane in lanes:
            if lane[-1].end <= clip.start:
                lane.append(clip)
                break
        else:
            lanes.append([clip])
    return lanes or [[]]


def _media_reference(clip: Clip, series: Series, bundle: ProjectBundle, fps: int) -> otio.core.MediaReference:
    if clip.asset_id is None:
        return otio.schema.GeneratorReference(generator_kind=TEXT_GENERATOR, parameters={"text": clip.text})
    asset = series.media.get(clip.asset_id)
    if asset is None:
        return otio.schema.MissingReference(name=clip.asset_id)
    path = bundle.resolve(asset.path)
    available = None
    frames = asset.probe.get("frames") if asset.probe else None
    duration = asset.probe.get("duration") if asset.probe else None
    if asset.kind.value == "video" and frames:
        available = _range(0, int(round(float(duration or 0) * fps)) or int(frames), fps)
    elif asset.kind.value == "audio" and duration:
        available = _range(0, int(round(float(duration) * fps)), fps)
    ref = otio.schema.ExternalReference(target_url=path.as_uri(), available_range=available)
    ref.metadata[META_KEY] = {"asset_id": asset.id, "sha256": asset.sha256, "path": asset.path,
                              "kind": asset.kind.value}
    return ref


def episode_to_otio(series: Series, episode: Episode, bundle: ProjectBundle) -> otio.schema.Timeline:
    fps = series.settings.fps
    timeline = otio.schema.Timeline(name=f"{series.title} — E{episode.number:02d} {episode.title}".strip())
    timeline.global_start_time = _rt(0, fps)
    timeline.metadata[META_KEY] = {"fps": fps, "width": series.settings.width, "height": series.settings.height,
                                   "episode_id": episode.id, "in_point": episode.timeline.in_point,
                                   "out_point": episode.timeline.out_point}
    # OTIO stacks list the bottom track first; our list is top to bottom.
    for track in reversed(episode.timeline.tracks):
        kind = otio.schema.TrackKind.Audio if track.kind.is_audio else otio.schema.TrackKind.Video
        for lane_index, lane in enumerate(_lanes(track)):
            otio_track = otio.schema.Track(name=track.name if lane_index == 0 else f"{track.name} ({lane_index + 1})",
                                           kind=kind)
            track_meta = to_data(track)
            track_meta.pop("clips")
            otio_track.metadata[META_KEY] = {"track": track_meta, "lane": lane_index}
            otio_track.enabled = not track.muted
            cursor = 0
            for clip in lane:
                if clip.start > cursor:
                    otio_track.append(otio.schema.Gap(source_range=_range(0, clip.start - cursor, fps)))
                item = otio.schema.Clip(
                    name=clip.name or clip.text[:40] or "clip",
                    media_reference=_media_reference(clip, series, bundle, fps),
                    source_range=_range(clip.source_in, clip.duration, fps),
                )
                item.enabled = clip.enabled
                item.metadata[META_KEY] = {"clip": to_data(clip)}
                otio_track.append(item)
                cursor = clip.end
            timeline.tracks.append(otio_track)
    for marker in episode.timeline.markers:
        timeline.tracks.markers.append(otio.schema.Marker(
            name=marker.name, marked_range=_range(marker.frame, 0, fps), color=otio.schema.MarkerColor.ORANGE,
            metadata={META_KEY: to_data(marker)}))
    return timeline


def write_otio(series: Series, episode: Episode, bundle: ProjectBundle, out: Path) -> Path:
    out = Path(out)
    timeline = episode_to_otio(series, episode, bundle)
    tmp = out.with_name(out.name + ".part")
    try:
        otio.adapters.write_to_file(timeline, str(tmp), adapter_name="otio_json")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(QCoreApplication.translate("Errors", "Could not write {path}: {reason}.").format(
            path=out, reason=exc.strerror or exc)) from exc
    return out


# --------------------------------------------------------------------- import
def _plain(value: Any) -> Any:
    """OTIO metadata comes back as AnyDictionary/AnyVector: turn it into dicts and lists."""
    if hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, bytes)):
        return value
    if hasattr(value, "__iter__"):
        return [_plain(v) for v in value]
    return value


def _meta(obj: Any) -> dict[str, Any]:
    return _plain(obj.metadata.get(META_KEY, {})) if obj.metadata else {}


def _frames(rt: otio.opentime.RationalTime, fps: int) -> int:
    return int(round(rt.rescaled_to(fps).value))


def _asset_for_reference(ref: otio.core.MediaReference, series: Series) -> tuple[str | None, str | None]:
    """Our asset id for an OTIO media reference, or the file path still to import."""
    meta = _meta(ref)
    sha = meta.get("sha256")
    if sha:
        for asset in series.media.values():
            if asset.sha256 == sha:
                return asset.id, None
    if isinstance(ref, otio.schema.ExternalReference):
        url = ref.target_url
        path = otio.url_utils.filepath_from_url(url) if url.startswith("file:") else url
        return None, path
    return None, None


def otio_to_timeline(timeline: otio.schema.Timeline, series: Series,
                     import_file: Any = None) -> tuple[Timeline, list[str]]:
    """Build our Timeline from an OTIO timeline. ``import_file(path) -> asset id`` brings in
    media that the bundle lacks; returns the timeline and a list of problems (missing media)."""
    fps = series.settings.fps
    problems: list[str] = []
    tracks_by_id: dict[str, Track] = {}
    ordered: list[Track] = []
    for otio_track in reversed(list(timeline.tracks)):
        meta = _meta(otio_track)
        track_data = meta.get("track")
        if track_data and track_data.get("id") in tracks_by_id:
            track = tracks_by_id[track_data["id"]]
        else:
            if track_data:
                try:
                    track = from_data(Track, {**track_data, "clips": []}, "track")
                except SchemaError:
                    track_data = None
            if not track_data:
                kind = TrackKind.MUSIC if otio_track.kind == otio.schema.TrackKind.Audio else TrackKind.PICTURE
                track = Track(kind=kind, name=otio_track.name or kind.value.title(), muted=not otio_track.enabled)
            tracks_by_id[track.id] = track
            ordered.append(track)
        for item in otio_track:
            if not isinstance(item, otio.schema.Clip):
                continue
            start = _frames(otio_track.range_of_child(item).start_time, fps)
            source = item.source_range or item.available_range()
            clip_meta = _meta(item).get("clip")
            clip = None
            if clip_meta:
                try:
                    clip = from_data(Clip, clip_meta, "clip")
                except SchemaError:
                    clip = None
            if clip is None:
                clip = Clip(name=item.name)
            clip.start = start
            clip.duration = max(1, _frames(source.duration, fps))
            clip.source_in = _frames(source.start_time, fps)
            clip.enabled = item.enabled
            ref = item.media_reference
            if isinstance(ref, otio.schema.GeneratorReference) and ref.generator_kind == TEXT_GENERATOR:
                clip.asset_id = None
                clip.text = str(ref.parameters.get("text", clip.text))
            else:
                asset_id, path = _asset_for_reference(ref, series)
                if asset_id is None and path and import_file is not None and Path(path).is_file():
                    asset_id = import_file(Path(path))
                if asset_id is None:
                    problems.append(f"{item.name}: media not found ({path or 'no reference'})")
                    clip.asset_id = clip_meta.get("asset_id") if clip_meta else None
                else:
                    clip.asset_id = asset_id
            track.clips.append(clip)
    markers = []
    for m in timeline.tracks.markers:
        data = _meta(m) or None
        marker = None
        if data:
            try:
                marker = from_data(Marker, data, "marker")
            except SchemaError:
                marker = None
        marker = marker or Marker(name=m.name)
        marker.frame = _frames(m.marked_range.start_time, fps)
        markers.append(marker)
    tl_meta = _meta(timeline)
    result = Timeline(tracks=ordered, markers=markers, in_point=tl_meta.get("in_point"),
                      out_point=tl_meta.get("out_point"))
    return result, problems


def read_otio(path: Path) -> otio.schema.Timeline:
    try:
        timeline = otio.adapters.read_from_file(str(path))
    except Exception as exc:  # OTIO raises many types for bad files
        raise UserError(QCoreApplication.translate("Errors", "{path} is not a readable OpenTimelineIO file: {reason}").format(
            path=path, reason=exc)) from exc
    if not isinstance(timeline, otio.schema.Timeline):
        raise UserError(QCoreApplication.translate("Errors", "{path} holds no timeline.").format(path=path))
    return timeline
