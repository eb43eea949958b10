"""Find which of our episodes a suspect video copies, and where.

Each informative suspect sample is compared with every reference sample (all
crops, suspect as-is and mirrored). Close pairs vote for a line
``t_ref = speed * t_suspect + offset`` with speed within ±10 %; the best-supported
line is a match, its inliers give the time ranges and the score. Requiring many
consistent pairs along one line is what keeps unrelated clips, which share an
occasional similar frame, from matching.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from app.fingerprint.phash import SUSPECT_CROPS, hamming, is_informative, suspect_hashes
from app.fingerprint.sampler import SAMPLE_FPS, sample_gray_frames
from app.fingerprint.store import Fingerprint

MAX_DISTANCE = 12  # of 64 bits; unrelated frames sit near 32
SPEEDS = np.round(np.arange(0.88, 1.1201, 0.01), 3)
OFFSET_BIN = 0.4  # seconds
INLIER_TOLERANCE = 0.45  # seconds
MIN_INLIERS = 8  # 1.6 s of agreeing samples at 5 per second
MIN_COVERAGE = 0.3
# mean similarity of a real copy's frames (measured: >= 0.76 even under a logo and a text bar);
# chance alignments of unrelated footage stay near 0.63-0.71
MIN_SIMILARITY = 0.74


@dataclass
class Match:
    episode_id: str
    episode_number: int
    title: str
    suspect_start: float
    suspect_end: float
    reference_start: float
    reference_end: float
    speed: float
    mirrored: bool
    score: float  # 0..1: coverage of the suspect range times frame similarity
    similarity: float  # 1 - mean bit distance / 32 over the inliers
    matched_samples: int
    pairs: list[tuple[float, float]]  # (suspect s, reference s) of a few inliers, for side-by-side frames

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("suspect_start", "suspect_end", "reference_start", "reference_end", "score", "similarity", "speed"):
            data[key] = round(float(data[key]), 3)
        data["pairs"] = [[round(a, 3), round(b, 3)] for a, b in self.pairs]
        return data


@dataclass
class SuspectPrint:
    times: np.ndarray
    hashes: np.ndarray  # (n, 2, crops): as-is / mirrored, each at SUSPECT_CROPS
    informative: np.ndarray
    duration: float


def fingerprint_suspect(path: Path, cancelled: Callable[[], bool] | None = None) -> SuspectPrint:
    times, hashes, informative = [], [], []
    for t, gray in sample_gray_frames(path, cancelled=cancelled):
        times.append(t)
        hashes.append(suspect_hashes(gray))
        informative.append(is_informative(gray))
    duration = times[-1] + 1.0 / SAMPLE_FPS if times else 0.0
    return SuspectPrint(np.array(times), np.array(hashes, dtype=np.uint64).reshape(-1, 2, len(SUSPECT_CROPS)),
                        np.array(informative, dtype=bool), duration)


def _best_line(ts: np.ndarray, tr: np.ndarray) -> tuple[float, float, int]:
    best = (1.0, 0.0, 0)
    for speed in SPEEDS:
        offsets = tr - speed * ts
        bins = np.round(offsets / OFFSET_BIN).astype(np.int64)
        values, counts = np.unique(bins, return_counts=True)
        # count each suspect sample once per bin (a static shot matches many reference samples)
        k = int(np.argmax(counts))
        in_bin = bins == values[k]
        support = len(np.unique(ts[in_bin]))
        if support > best[2]:
            best = (float(speed), float(np.median(offsets[in_bin])), support)
    return best


def match_against(suspect: SuspectPrint, reference: Fingerprint, max_matches: int = 3) -> list[Match]:
    use = suspect.informative
    if use.sum() < MIN_INLIERS or not len(reference.times):
        return []
    s_idx = np.nonzero(use)[0]
    r_idx = np.nonzero(reference.informative)[0]
    # suspect (n, mirror, crops) x reference (m, crops) -> min over all crop pairs, per mirror flag
    dist = hamming(suspect.hashes[s_idx], reference.hashes[r_idx])  # (n, 2, sc, m, rc)
    dist = dist.min(axis=(2, 4))  # (n, 2, m)
    matches: list[Match] = []
    for mirrored in (False, True):
        d = dist[:, 1 if mirrored else 0, :]
        remaining = np.ones(len(s_idx), dtype=bool)
        for _ in range(max_matches):
            si, ri = np.nonzero((d <= MAX_DISTANCE) & remaining[:, None])
            if len(si) < MIN_INLIERS:
                break
            ts, tr = suspect.times[s_idx[si]], reference.times[r_idx[ri]]
            speed, offset, support = _best_line(ts, tr)
            if support < MIN_INLIERS:
                break
            residual = np.abs(tr - (speed * ts + offset))
            inlier = residual <= INLIER_TOLERANCE
            # keep the closest reference sample for each suspect sample on the line
            best_for_sample: dict[int, tuple[int, int]] = {}
            for a, b, ok in zip(si, ri, inlier, strict=True):
                if ok and (a not in best_for_sample or d[a, b] < d[a, best_for_sample[a][1]]):
                    best_for_sample[a] = (a, b)
            samples = sorted(best_for_sample)
            if len(samples) < MIN_INLIERS:
                break
            s_times = suspect.times[s_idx[samples]]
            r_times = reference.times[r_idx[[best_for_sample[a][1] for a in samples]]]
            if np.ptp(s_times) > 1.0:  # refine the coarse line by least squares on its inliers
                fit_speed, fit_offset = np.polyfit(s_times, r_times, 1)
                if SPEEDS[0] <= fit_speed <= SPEEDS[-1]:
                    speed, offset = float(fit_speed), float(fit_offset)
            start, end = float(s_times.min()), float(s_times.max()) + 1.0 / SAMPLE_FPS
            span = (suspect.times >= start) & (suspect.times < end) & use
            coverage = len(samples) / max(1, int(span.sum()))
            mean_d = float(np.mean([d[a, b] for a, b in best_for_sample.values()]))
            similarity = 1.0 - mean_d / 32.0
            remaining[samples] = False
            distinct_refs = len({b for _, b in best_for_sample.values()})
            if coverage < MIN_COVERAGE or similarity < MIN_SIMILARITY or distinct_refs < len(samples) / 2:
                continue
            picks = np.linspace(0, len(samples) - 1, num=min(4, len(samples))).astype(int)
            pairs = [(float(suspect.times[s_idx[samples[p]]]), float(reference.times[r_idx[best_for_sample[samples[p]][1]]]))
                     for p in picks]
            matches.append(Match(
                reference.episode_id, reference.episode_number, reference.title, start, end,
                max(0.0, speed * start + offset), speed * end + offset, speed, mirrored,
                score=min(1.0, coverage) * similarity, similarity=similarity,
                matched_samples=len(samples), pairs=pairs))
    return _drop_weaker_duplicates(matches)


def _drop_weaker_duplicates(matches: list[Match]) -> list[Match]:
    """A mirrored and a plain match of the same range: keep the stronger."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: -m.score):
        overlaps = any(k.episode_id == m.episode_id and m.suspect_start < k.suspect_end
                       and k.suspect_start < m.suspect_end for k in kept)
        if not overlaps:
            kept.append(m)
    return kept


def find_matches(suspect_path: Path, references: list[Fingerprint],
                 cancelled: Callable[[], bool] | None = None) -> tuple[SuspectPrint, list[Match]]:
    suspect = fingerprint_suspect(suspect_path, cancelled)
    found: list[Match] = []
    for reference in references:
        found.extend(match_against(suspect, reference))
    found.sort(key=lambda m: (-m.score, m.suspect_start))
    return suspect, found
