"""The one compositor: the picture of any timeline frame, for preview and export alike.

``Compositor.render(episode, frame, size, preview=...)`` stacks the visual
tracks bottom to top (the timeline lists tracks top first), honouring
mute (hidden), solo and disabled clips, each clip's fit mode, in point, fades,
Ken Burns move and incoming transition; then burns in subtitles, title cards
and label layers. Preview and export call the same code with the same size
arithmetic, so what the user sees is what is exported; the only difference is
the frame provider (proxies and random access for preview, forward decoding
for export) and that a missing file is a "MEDIA OFFLINE" frame in preview but
an error in export.

Sources are requested already scaled to the size they occupy on the canvas, so
a 540x960 preview never touches a 1080x1920 frame.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from app.bundle import BundleError, ProjectBundle
from app.errors import UserError
from app.media import kenburns, transitions
from app.media.ailabel import ai_label_layers
from app.media.overlays import LabelLayer, SafeArea, draw_label, draw_subtitle, draw_title, offline_frame
from app.model import Clip, Episode, FitMode, MediaAsset, MediaKind, Series, Track, TrackKind, TransitionKind
from app.timeline.hold import asset_frames, source_frame


class FrameProvider(Protocol):
    def frame_at(self, path: Path, t: Fraction, size: tuple[int, int] | None = None,
                 use_proxy: bool = False) -> np.ndarray: ...


class MissingMediaError(UserError):
    """Export refused: the listed media files are not in the project any more."""

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        self.missing = missing
        lines = "\n".join(f"  - {name}: {path}" for name, path in missing)
        super().__init__(
            f"{len(missing)} media file(s) used by this episode are missing:\n{lines}\n"
            "Re-import or relink them, or disable the clips that use them, then export again."
        )


def active_clip(track: Track, frame: int) -> Clip | None:
    """The clip showing on ``frame`` (the latest-starting one if clips overlap)."""
    best = None
    for clip in track.clips:
        if (clip.enabled and clip.start <= frame < clip.start + clip.duration
                and (best is None or clip.start >= best.start)):
            best = clip
    return best


def previous_clip(track: Track, clip: Clip) -> Clip | None:
    """The enabled clip that ends exactly where ``clip`` starts (the outgoing side of a transition)."""
    found = [c for c in track.clips if c.enabled and c is not clip and c.start + c.duration == clip.start]
    return max(found, key=lambda c: c.start) if found else None


def fade_opacity(clip: Clip, frame: int) -> float:
    i = frame - clip.start
    op = 1.0
    if clip.fade_in > 0 and i < clip.fade_in:
        op = min(op, (i + 0.5) / clip.fade_in)
    if clip.fade_out > 0 and clip.duration - i <= clip.fade_out:
        op = min(op, (clip.duration - i - 0.5) / clip.fade_out)
    return max(0.0, min(1.0, op))


def visible_tracks(episode: Episode, kinds: tuple[TrackKind, ...]) -> list[Track]:
    """Tracks of ``kinds`` that contribute (not muted; solo'd ones only when any is solo)."""
    tracks = [t for t in episode.timeline.tracks if t.kind in kinds]
    solo = any(t.solo for t in tracks)
    return [t for t in tracks if not t.muted and (t.solo or not solo)]


def media_path(bundle: ProjectBundle, asset: MediaAsset | None) -> Path | None:
    """Absolute path of an asset's file, or None when it is unknown, outside the bundle or missing."""
    if asset is None:
        return None
    try:
        path = bundle.resolve(asset.path)
    except BundleError:
        return None
    return path if path.is_file() else None


def missing_media(series: Series, bundle: ProjectBundle, episode: Episode,
                  kinds: tuple[TrackKind, ...] | None = None) -> list[tuple[str, str]]:
    """(clip or asset name, expected path) of every missing file the episode's enabled clips use."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for track in episode.timeline.tracks:
        if kinds is not None and track.kind not in kinds:
            continue
        for clip in track.clips_sorted():
            if not clip.enabled or clip.asset_id is None or clip.asset_id in seen:
                continue
            asset = series.media.get(clip.asset_id)
            if media_path(bundle, asset) is None:
                seen.add(clip.asset_id)
                name = (asset.original_name if asset else "") or clip.name or clip.asset_id
                out.append((name, asset.path if asset else f"(unknown asset {clip.asset_id})"))
    return out


class Compositor:
    """Composes timeline frames. Thread-safe if the frame provider is; holds only caches.

    ``labels`` is the visible-label hook (AI-content label, watermark): a list of
    ``LabelLayer`` drawn last, above subtitles. None (the default) means "the AI
    label the project settings ask for", so preview shows what export will burn in;
    ``[]`` draws none.
    """

    VISUAL = (TrackKind.PICTURE, TrackKind.OVERLAY)

    def __init__(self, series: Series, bundle: ProjectBundle, fetcher: FrameProvider, *,
                 safe_area: SafeArea | None = None, labels: list[LabelLayer] | None = None) -> None:
        self.series = series
        self.bundle = bundle
        self.fetcher = fetcher
        self.safe_area = safe_area or SafeArea()
        self.labels: list[LabelLayer] | None = None if labels is None else list(labels)
        self._stills = kenburns.StillScaler()
        self._sizes: dict[Path, tuple[int, int]] = {}

    @property
    def fps(self) -> int:
        return self.series.settings.fps

    # ------------------------------------------------------------------ render
    def render(self, episode: Episode, frame: int, size: tuple[int, int], *, preview: bool) -> np.ndarray:
        """The composed (h, w, 3) uint8 RGB frame; ``size`` is (width, height)."""
        w, h = int(size[0]), int(size[1])
        canvas: np.ndarray | None = None
        for track in reversed(visible_tracks(episode, self.VISUAL)):
            clip = active_clip(track, frame)
            if clip is not None:
                canvas = self._draw_clip(canvas, track, clip, frame, (w, h), preview)
        if canvas is None:
            canvas = np.zeros((h, w, 3), np.uint8)
        stack = 0
        for track in visible_tracks(episode, (TrackKind.SUBTITLES,)):
            clip = active_clip(track, frame)
            if clip is not None and clip.text.strip():
                draw_subtitle(canvas, clip.text, self.safe_area, stack)
                stack += 1
        labels = self.labels
        if labels is None:
            labels = ai_label_layers(self.series.settings, episode.timeline.duration)
        for label in labels:
            if label.active(frame):
                draw_label(canvas, label)
        return canvas

    def _draw_clip(self, canvas: np.ndarray | None, track: Track, clip: Clip, frame: int,
                   size: tuple[int, int], preview: bool) -> np.ndarray | None:
        w, h = size
        opacity = fade_opacity(clip, frame)
        tr = clip.transition_in
        i = frame - clip.start
        in_transition = tr.kind is not TransitionKind.CUT and 0 <= i < tr.duration
        w_out, w_in = transitions.weights(tr.kind, i, tr.duration) if in_transition else (0.0, 1.0)
        if clip.asset_id is None and track.kind is TrackKind.OVERLAY:
            # A title card over the picture: transitions and fades act on its opacity.
            if clip.text.strip():
                if canvas is None:
                    canvas = np.zeros((h, w, 3), np.uint8)
                draw_title(canvas, clip.text, self.safe_area, opacity * w_in)
            return canvas
        picture = self._picture(clip, frame, size, preview)
        if picture is None:
            return canvas
        if in_transition:
            prev = previous_clip(track, clip)
            outgoing = self._picture(prev, frame, size, preview) if prev is not None and w_out > 0 else None
            picture = transitions.mix(outgoing, picture, w_out, w_in, (h, w, 3))
        if opacity >= 1.0:
            return picture
        if canvas is None:
            return cv2.convertScaleAbs(picture, alpha=opacity)
        return cv2.addWeighted(canvas, 1.0 - opacity, picture, opacity, 0.0)

    def _picture(self, clip: Clip, frame: int, size: tuple[int, int], preview: bool) -> np.ndarray | None:
        """The clip's own opaque picture at canvas size (a fresh array), or None for audio."""
        w, h = size
        if clip.asset_id is None:
            picture = np.zeros((h, w, 3), np.uint8)
            if clip.text.strip():
                draw_title(picture, clip.text, self.safe_area)
            return picture
        asset = self.series.media.get(clip.asset_id)
        path = media_path(self.bundle, asset)
        if path is None:
            if not preview:
                raise MissingMediaError([((asset.original_name if asset else "") or clip.name or clip.asset_id,
                                          asset.path if asset else clip.asset_id)])
            return offline_frame(w, h, (asset.original_name if asset else "") or clip.name or "unknown media")
        assert asset is not None
        if asset.kind is MediaKind.AUDIO:
            return None
        if asset.kind is MediaKind.IMAGE:
            image = self.fetcher.frame_at(path, Fraction(0), None, use_proxy=False)
            if clip.ken_burns is not None:
                return kenburns.render_ken_burns(image, clip.ken_burns, frame - clip.start, clip.duration,
                                                 (w, h), self._stills, str(path))
            sh, sw = image.shape[:2]
            return self._place(clip.fit, sw, sh, size,
                               lambda tw, th: self._stills.scaled(str(path), image, min(tw / sw, th / sh))
                               if (tw, th) != (sw, sh) else image)
        t = Fraction(source_frame(clip, frame, asset_frames(asset, self.fps)), self.fps)
        sw, sh = self._source_size(asset, path)
        return self._place(clip.fit, sw, sh, size,
                           lambda tw, th: self.fetcher.frame_at(path, t, (tw, th), use_proxy=preview))

    def _source_size(self, asset: MediaAsset, path: Path) -> tuple[int, int]:
        probe = asset.probe or {}
        sw, sh = int(probe.get("width") or 0), int(probe.get("height") or 0)
        if sw <= 0 or sh <= 0:  # not probed yet: measure once, without touching the model
            if path not in self._sizes:
                first = self.fetcher.frame_at(path, Fraction(0), None)
                self._sizes[path] = (first.shape[1], first.shape[0])
            sw, sh = self._sizes[path]
        return sw, sh  # the probe's size is as displayed (after rotation), like the fetched frames

    @staticmethod
    def _place(fit: FitMode, sw: int, sh: int, size: tuple[int, int],
               fetch: Callable[[int, int], np.ndarray]) -> np.ndarray:
        """Scale a (sw, sh) source into the canvas per ``fit``; ``fetch(tw, th)`` returns it at that size."""
        w, h = size
        if fit is FitMode.STRETCH:
            tw, th = w, h
        elif fit is FitMode.FILL:
            scale = max(w / sw, h / sh)
            tw, th = max(w, round(sw * scale)), max(h, round(sh * scale))
        else:
            scale = min(w / sw, h / sh)
            tw, th = min(w, max(1, round(sw * scale))), min(h, max(1, round(sh * scale)))
        image = fetch(tw, th)
        if image.shape[0] != th or image.shape[1] != tw:
            image = cv2.resize(image, (tw, th), interpolation=cv2.INTER_AREA)
        if (tw, th) == (w, h):
            return np.array(image, copy=True)
        if fit is FitMode.FILL:
            x, y = (tw - w) // 2, (th - h) // 2
            return np.ascontiguousarray(image[y:y + h, x:x + w])
        out = np.zeros((h, w, 3), np.uint8)
        x, y = (w - tw) // 2, (h - th) // 2
        out[y:y + th, x:x + tw] = image
        return out
