"""Find which of our episodes a suspect copies, where, how fast, and how it was disguised.

Picture: each informative suspect sample (hashed in several windows, as is and
mirrored) is compared with every reference sample of the nominated episodes. Close
pairs vote for a line ``t_ref = speed * t_suspect + offset`` with |speed| in
0.72..1.38 (negative: a reversed segment); the best-supported line is a match, its
inliers give the time ranges and the score. Requiring many consistent pairs along
one line is what keeps unrelated clips, which share an occasional similar frame,
from matching. Sound: landmark hashes (``audio``) vote the same way in the index;
a sound-only match (our soundtrack over other pictures) is reported on its own, and
a picture match says whether our sound is there too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.fingerprint.index import AudioHit, SeasonIndex
from app.fingerprint.layout import Rect
from app.fingerprint.phash import popcount
from app.fingerprint.sampler import SAMPLE_FPS
from app.fingerprint.store import Fingerprint
from app.fingerprint.suspect import SuspectPrint, fingerprint_suspect
from app.fingerprint.transforms import Transformation, describe_region

MAX_DISTANCE = 12  # of 64 bits; unrelated frames sit near 32
COARSE_SPEEDS = np.round(np.arange(0.72, 1.3801, 0.02), 3)
OFFSET_BIN = 0.4  # seconds
INLIER_TOLERANCE = 0.45  # seconds
MIN_INLIERS = 8  # 1.6 s of agreeing samples at 5 per second
MIN_COVERAGE = 0.3
# mean similarity of a real copy's frames (measured: >= 0.76 even under a logo and a text bar);
# chance alignments of unrelated footage stay near 0.63-0.71
MIN_SIMILARITY = 0.74
AUDIO_AGREES = 6  # landmarks on the picture's alignment: our sound is in the copy
# an off-speed line through a short stretch of still shots is the typical chance alignment of
# lookalike footage (measured: 0.70x and 0.74x over 2-4 s); a short copy is taken at 1x +-5 %
SHORT_MATCH = 5.0  # seconds
SHORT_MAX_SPEED_CHANGE = 0.05
SHORT_MIN_SIMILARITY = 0.85  # true excerpts of 3-4 s measured 0.98-1.0; lookalike alignments 0.75-0.77


@dataclass
class Match:
    episode_id: str
    episode_number: int
    title: str
    suspect_start: float
    suspect_end: float
    reference_start: float
    reference_end: float
    speed: float  # reference seconds per suspect second (> 1: the copy is faster)
    mirrored: bool
    score: float  # 0..1: coverage of the suspect range times frame similarity (sound-only: landmark density)
    similarity: float  # 1 - mean bit distance / 32 over the inliers
    matched_samples: int
    pairs: list[tuple[float, float]]  # (suspect s, reference s) of a few inliers, for side-by-side frames
    reversed: bool = False
    audio_landmarks: int = 0  # suspect landmarks on this alignment
    transformations: list[Transformation] = field(default_factory=list)
    region: str = ""  # where our picture sits in the suspect's frame
    # sound only: other starts in our episode that the sound fits almost as well (the music loops)
    sound_alternatives: list[float] = field(default_factory=list)
    pitch_shifted: bool = False  # the sound was sped up by resampling (its pitch moved too)

    @property
    def sound_is_ambiguous(self) -> bool:
        return bool(self.sound_alternatives)

    def placement_note(self) -> str:
        """"sound matches at 0:10, 0:20 or 0:30 - the music repeats" when the sound cannot tell where."""
        if not self.sound_alternatives:
            return ""
        starts = sorted([self.reference_start, *self.sound_alternatives])
        clocks = [f"{int(t // 60)}:{int(round(t % 60)):02d}" for t in starts]
        joined = QCoreApplication.translate("TheftCheck", "%1 or %2").replace("%1", ", ".join(clocks[:-1])).replace(
            "%2", clocks[-1])
        return QCoreApplication.translate("TheftCheck", "sound matches at %1 - the music repeats").replace("%1", joined)

    @property
    def alignment(self) -> float:
        """Where in our episode the suspect's second 0 falls on the matched line (for a reversed
        segment: where its playback starts, the latest of our times it shows)."""
        if self.reversed:
            return self.reference_end + self.speed * self.suspect_start
        return self.reference_start - self.speed * self.suspect_start

    @property
    def has_picture(self) -> bool:
        return self.matched_samples > 0

    @property
    def has_sound(self) -> bool:
        return self.audio_landmarks >= AUDIO_AGREES

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("suspect_start", "suspect_end", "reference_start", "reference_end", "score", "similarity", "speed"):
            data[key] = round(float(data[key]), 3)
        data["pairs"] = [[round(a, 3), round(b, 3)] for a, b in self.pairs]
        data["transformations"] = [t.value for t in self.transformations]
        data["sound_alternatives"] = [round(t, 3) for t in self.sound_alternatives]
        return data


def _best_line(ts: np.ndarray, tr: np.ndarray, speeds: np.ndarray) -> tuple[float, float, int]:
    best = (1.0, 0.0, 0)
    for speed in speeds:
        offsets = tr - speed * ts
        bins = np.round(offsets / OFFSET_BIN).astype(np.int64)
        bins -= bins.min()
        # count each suspect sample once per bin (a static shot matches many reference samples)
        key = np.unique(bins * 100_000 + np.round(ts * SAMPLE_FPS).astype(np.int64))
        counts = np.bincount(key // 100_000)
        k = int(np.argmax(counts))
        if counts[k] > best[2]:
            in_bin = bins == k
            best = (float(speed), float(np.median(offsets[in_bin])), int(counts[k]))
    return best


def _line_search(ts: np.ndarray, tr: np.ndarray) -> tuple[float, float, int]:
    coarse = np.concatenate([COARSE_SPEEDS, -COARSE_SPEEDS])
    speed, _, _ = _best_line(ts, tr, coarse)
    fine = np.round(speed + np.arange(-0.02, 0.0201, 0.005), 4)
    return _best_line(ts, tr, fine)


def _support(ts: np.ndarray, tr: np.ndarray, speed: float, offset: float) -> int:
    inlier = np.abs(tr - (speed * ts + offset)) <= INLIER_TOLERANCE
    return len(np.unique(ts[inlier]))


def _refine(ts: np.ndarray, tr: np.ndarray, si: np.ndarray, ri: np.ndarray, speed: float,
            offset: float) -> tuple[float, float]:
    """The grid line, its least-squares fit, or the same line at exactly 1x: whichever more samples
    agree with (ties go to 1x, then to the grid). Still shots make a fit drift; most copies are 1x."""
    candidates = [(speed, offset)]
    inlier = np.abs(tr - (speed * ts + offset)) <= INLIER_TOLERANCE
    if inlier.sum() >= 2 and np.ptp(ts[inlier]) > 1.5:
        fit_speed, fit_offset = np.polyfit(ts[inlier], tr[inlier], 1)
        if COARSE_SPEEDS[0] <= abs(fit_speed) <= COARSE_SPEEDS[-1] and np.sign(fit_speed) == np.sign(speed):
            candidates.append((float(fit_speed), float(fit_offset)))
    unit = 1.0 if speed > 0 else -1.0
    if inlier.any():
        candidates.insert(0, (unit, float(np.median(tr[inlier] - unit * ts[inlier]))))
    scored = [(_support(ts, tr, sp, off), -k, sp, off) for k, (sp, off) in enumerate(candidates)]
    _, _, best_speed, best_offset = max(scored)
    return best_speed, best_offset


def match_against(suspect: SuspectPrint, reference: Fingerprint, max_matches: int = 4) -> list[Match]:
    use = suspect.informative
    if use.sum() < MIN_INLIERS or not len(reference.times):
        return []
    s_idx = np.nonzero(use)[0]
    r_idx = np.nonzero(reference.informative)[0]
    q = suspect.hashes[s_idx]  # (n, 2, slots)
    ref = reference.hashes[r_idx]  # (m, crops)
    dist = np.full((len(s_idx), 2, len(r_idx)), 64, np.uint8)
    for slot in range(q.shape[2]):
        for crop in range(ref.shape[1]):
            d = popcount(np.bitwise_xor(q[:, :, slot, None], ref[None, None, :, crop]))
            np.minimum(dist, d, out=dist)
    matches: list[Match] = []
    for mirrored in (False, True):
        d = dist[:, 1 if mirrored else 0, :]
        remaining = np.ones(len(s_idx), dtype=bool)
        for _ in range(max_matches):
            si, ri = np.nonzero((d <= MAX_DISTANCE) & remaining[:, None])
            if len(si) < MIN_INLIERS:
                break
            ts, tr = suspect.times[s_idx[si]], reference.times[r_idx[ri]]
            speed, offset, support = _line_search(ts, tr)
            if support < MIN_INLIERS:
                break
            speed, offset = _refine(ts, tr, si, ri, speed, offset)
            residual = np.abs(tr - (speed * ts + offset))
            inlier = residual <= INLIER_TOLERANCE
            # per suspect sample: the closest reference sample, ties broken by closeness to the line
            # (a still shot matches a run of reference samples equally well)
            rank = d[si, ri].astype(np.float64) + residual / (2 * INLIER_TOLERANCE)
            best_for_sample: dict[int, int] = {}
            best_rank: dict[int, float] = {}
            for a, b, r in zip(si[inlier], ri[inlier], rank[inlier], strict=True):
                if a not in best_rank or r < best_rank[a]:
                    best_for_sample[a], best_rank[a] = b, r
            samples = sorted(best_for_sample)
            if len(samples) < MIN_INLIERS:
                break
            s_times = suspect.times[s_idx[samples]]
            start, end = float(s_times.min()), float(s_times.max()) + 1.0 / SAMPLE_FPS
            span = (suspect.times >= start) & (suspect.times < end) & use
            coverage = len(samples) / max(1, int(span.sum()))
            mean_d = float(np.mean([d[a, b] for a, b in best_for_sample.items()]))
            similarity = 1.0 - mean_d / 32.0
            remaining[samples] = False
            distinct_refs = len(set(best_for_sample.values()))
            if coverage < MIN_COVERAGE or similarity < MIN_SIMILARITY or distinct_refs < len(samples) / 2:
                continue
            if end - start < SHORT_MATCH and (similarity < SHORT_MIN_SIMILARITY
                                              or abs(abs(speed) - 1.0) > SHORT_MAX_SPEED_CHANGE):
                continue
            picks = np.linspace(0, len(samples) - 1, num=min(6, len(samples))).astype(int)
            pairs = [(float(suspect.times[s_idx[samples[p]]]), float(reference.times[r_idx[best_for_sample[samples[p]]]]))
                     for p in picks]
            ref_a, ref_b = speed * start + offset, speed * end + offset
            matches.append(Match(
                reference.episode_id, reference.episode_number, reference.title, start, end,
                max(0.0, min(ref_a, ref_b)), max(ref_a, ref_b), abs(speed), mirrored,
                score=min(1.0, coverage) * similarity, similarity=similarity,
                matched_samples=len(samples), pairs=pairs, reversed=speed < 0))
    return _drop_weaker_duplicates(matches)


def _drop_weaker_duplicates(matches: list[Match]) -> list[Match]:
    """A mirrored and a plain match of the same range: keep the stronger."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: -m.score):
        overlaps = any(k.episode_id == m.episode_id and m.suspect_start < k.suspect_end
                       and k.suspect_start < m.suspect_end and k.reversed == m.reversed for k in kept)
        if not overlaps:
            kept.append(m)
    return kept


def _sound_only(hits: list[AudioHit], index: SeasonIndex, pictures: list[Match]) -> list[Match]:
    found = []
    for hit in hits:
        ref = index.references[hit.episode]
        if any(m.episode_id == ref.episode_id and hit.suspect_start < m.suspect_end and m.suspect_start < hit.suspect_end
               for m in pictures):
            continue
        start, end = hit.suspect_start, hit.suspect_end
        density = hit.hits / max(1.0, (end - start) * 8.0)
        pairs = [(float(t), float(hit.speed * t + hit.offset)) for t in np.linspace(start, end, 4)]
        found.append(Match(ref.episode_id, ref.episode_number, ref.title, start, end,
                           max(0.0, hit.speed * start + hit.offset), hit.speed * end + hit.offset, hit.speed, False,
                           score=min(1.0, 0.4 + density), similarity=0.0, matched_samples=0, pairs=pairs,
                           audio_landmarks=hit.hits,
                           sound_alternatives=[max(0.0, hit.speed * start + a) for a in hit.alternatives],
                           pitch_shifted=hit.pitch_shifted))
    return found


def _confirm_by_sound(m: Match, episode: int, offset: float, hits: list[AudioHit]) -> None:
    """A sound hit on the picture's alignment: our sound is there (even resampled, which the picture's
    coarser speed misses by a few per cent of pitch), and its finer time grid refines the speed."""
    for hit in hits:
        lo, hi = max(m.suspect_start, hit.suspect_start), min(m.suspect_end, hit.suspect_end)
        if hit.episode != episode or hi <= lo or abs(hit.speed - m.speed) > 0.06:
            continue
        mid = (lo + hi) / 2
        if abs(hit.speed * mid + hit.offset - (m.speed * mid + offset)) > 1.0:
            continue
        m.audio_landmarks = max(m.audio_landmarks, hit.hits)
        m.pitch_shifted = hit.pitch_shifted
        if abs(hit.speed - m.speed) > 0.005:
            m.speed = hit.speed
            m.reference_start = max(0.0, hit.speed * m.suspect_start + hit.offset)
            m.reference_end = hit.speed * m.suspect_end + hit.offset
        return


def match_print(suspect: SuspectPrint, index: SeasonIndex) -> list[Match]:
    nominated: list[int] = []
    if suspect.has_video and suspect.informative.any():
        q = suspect.hashes[suspect.informative][::2].reshape(-1, 2 * suspect.hashes.shape[2])
        nominated = index.nominate_by_picture(q)
    hits = index.audio_hits(suspect.audio)
    pictures: list[Match] = []
    for i in nominated:
        for m in match_against(suspect, index.references[i]):
            offset = m.reference_start - (m.speed * m.suspect_start if not m.reversed else 0.0)
            if not m.reversed:
                m.audio_landmarks = index.audio_support(suspect.audio, i, m.speed, offset)
                _confirm_by_sound(m, i, offset, hits)
            pictures.append(m)
    found = pictures + _sound_only(hits, index, pictures)
    for m in found:
        region = suspect.region_at(m.suspect_start) if m.has_picture else None
        m.region = describe_region(region)
        m.transformations = _transformations(m, suspect, region, index)
    found.sort(key=lambda m: (-m.score, m.suspect_start))
    return found


def _transformations(m: Match, suspect: SuspectPrint, region: Rect | None, index: SeasonIndex) -> list[Transformation]:
    from app.fingerprint.transforms import layout_transformation

    out: list[Transformation] = []
    if not m.has_picture:
        out.append(Transformation.SOUND_ONLY)
    if m.mirrored:
        out.append(Transformation.MIRRORED)
    if m.reversed:
        out.append(Transformation.REVERSED)
    if m.speed >= 1.03:
        out.append(Transformation.FASTER)
    elif m.speed <= 0.97:
        out.append(Transformation.SLOWER)
    if m.pitch_shifted:
        out.append(Transformation.PITCH_SHIFTED)
    if m.has_picture:
        layout = layout_transformation(region)
        if layout:
            out.append(layout)
        if m.reference_end - m.reference_start < 0.8 * _duration_of(index, m.episode_id):
            out.append(Transformation.EXCERPT)
        if not m.has_sound and not m.reversed:
            ref = next((r for r in index.references if r.episode_id == m.episode_id), None)
            if ref is not None and not ref.audio.empty:
                out.append(Transformation.NEW_SOUND)
    return out


def _duration_of(index: SeasonIndex, episode_id: str) -> float:
    return next((r.duration for r in index.references if r.episode_id == episode_id), 0.0)


def find_matches(suspect_path: Path, references: list[Fingerprint] | SeasonIndex,
                 cancelled: Callable[[], bool] | None = None) -> tuple[SuspectPrint, list[Match]]:
    index = references if isinstance(references, SeasonIndex) else SeasonIndex(references)
    suspect = fingerprint_suspect(suspect_path, index, cancelled)
    return suspect, match_print(suspect, index)
