"""Takes in the project: choose onto the dialogue track, swap, clean up, delete and undo, missing files."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import soundfile as sf

from app.audio import takes as take_ops
from app.audio.cleanup import DIALOGUE_LUFS
from app.fsutil import sha256_file
from app.model import Take, TakeCleanup, TrackKind
from tests.audio.conftest import RATE, silence, tone


def add_recorded(session, line, audio: np.ndarray, picture_offset: int) -> Take:
    """A take as the recorder leaves it: a 24-bit WAV under takes/ plus its Take."""
    take = Take(performer="王小明", picture_offset_samples=picture_offset, samples=len(audio))
    take.path = take_ops.take_path(line, take.id)
    path = session.bundle.root / take.path
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, audio, RATE, subtype="PCM_24")
    return take_ops.add_take(session, line, take)


def lines(session):
    episode = session.series.episodes[0]
    return episode, list(episode.dialogue_lines())


def dialogue_clips(episode):
    return [c for t in episode.timeline.tracks_of(TrackKind.DIALOGUE) for c in t.clips]


def test_chosen_take_lands_at_its_shot_aligned_and_swaps_in_place(session):
    episode, pairs = lines(session)
    shot_b, line = pairs[2]  # the second shot starts at frame 90 (after the 90-frame first shot)
    speech = np.concatenate([silence(0.5), tone(300, 1.0), silence(0.3)])
    first = add_recorded(session, line, speech, picture_offset=RATE // 2 + 123)
    second = add_recorded(session, line, speech, picture_offset=RATE // 4)
    assert [t.name for t in line.takes] == ["Take 1", "Take 2"]
    asset = session.series.media[take_ops.asset_id_for(first)]
    assert asset.provenance.source == "recorded" and asset.provenance.author == "王小明"
    assert asset.probe["audio_rate"] == RATE and asset.path == first.path

    take_ops.choose_take(session, line, first)
    (clip,) = dialogue_clips(episode)
    assert line.chosen_take_id == first.id and clip.take_id == first.id and clip.line_id == line.id
    spf = RATE // 30
    # the take's picture sample plays at the shot's first frame
    assert clip.source_in * spf + clip.audio_offset_samples == first.picture_offset_samples
    assert clip.start == take_ops.shot_start(episode, shot_b) == 90
    assert clip.asset_id == take_ops.asset_id_for(first)

    session.document.edit(clip, "Nudge", start=clip.start + 3)  # the user nudges it by 3 frames
    take_ops.choose_take(session, line, second)
    (swapped,) = dialogue_clips(episode)
    assert swapped.id == clip.id and swapped.take_id == second.id and swapped.start == 93
    assert swapped.source_in * spf + swapped.audio_offset_samples == second.picture_offset_samples
    session.document.undo_stack.undo()  # one step back: the first take, nudged
    (back,) = dialogue_clips(episode)
    assert back.take_id == first.id and back.start == 93 and line.chosen_take_id == first.id


def test_delete_moves_to_trash_and_undo_restores_file_choice_and_clip(session):
    episode, pairs = lines(session)
    _, line = pairs[0]
    take = add_recorded(session, line, tone(200, 0.5), picture_offset=0)
    take_ops.choose_take(session, line, take)
    original = session.bundle.root / take.path
    digest = sha256_file(original)
    take_ops.delete_take(session, line, take)
    assert take.deleted and line.chosen_take_id is None and dialogue_clips(episode) == []
    trashed = session.bundle.root / take_ops.trash_path(take)
    assert not original.exists() and trashed.is_file() and "takes/trash/" in trashed.as_posix()
    assert take_ops.visible_takes(line) == []
    session.document.undo_stack.undo()
    assert not take.deleted and original.is_file() and sha256_file(original) == digest
    assert line.chosen_take_id == take.id and len(dialogue_clips(episode)) == 1
    assert session.series.media[take_ops.asset_id_for(take)].path == take.path
    session.document.undo_stack.redo()
    assert take.deleted and trashed.is_file()


def test_take_file_deleted_outside_the_app_is_missing_not_a_crash(session):
    _, pairs = lines(session)
    _, line = pairs[1]
    take = add_recorded(session, line, tone(200, 0.5), picture_offset=0)
    (session.bundle.root / take.path).unlink()
    assert take_ops.is_missing(session, take)
    take_ops.set_cleanup(session, line, take, TakeCleanup(normalize=True))  # nothing to process: no crash
    take_ops.choose_take(session, line, take)
    assert line.chosen_take_id == take.id


def test_cleanup_is_non_destructive_and_makes_dialogue_ready_audio(session):
    episode, pairs = lines(session)
    _, line = pairs[0]
    rumble = 0.2 * np.sin(2 * np.pi * 30 * np.arange(int(2.1 * RATE)) / RATE).astype(np.float32)
    voice = np.concatenate([silence(0.5), tone(400, 1.0, amp=0.05), silence(0.6)])
    take = add_recorded(session, line, voice, 0)
    # the recording: quiet speech between pauses, with 30 Hz rumble all along
    noisy = voice + rumble[:len(voice)] * (np.abs(voice) > 0)
    path = session.bundle.root / take.path
    sf.write(path, noisy, RATE, subtype="PCM_24")
    before = sha256_file(path)
    take_ops.choose_take(session, line, take)
    take_ops.set_cleanup(session, line, take, TakeCleanup(trim_silence=True, highpass_hz=80.0, normalize=True))
    assert sha256_file(path) == before  # the original is never changed
    (clip,) = dialogue_clips(episode)
    processed = session.series.media[clip.asset_id]
    assert clip.asset_id != take_ops.asset_id_for(take) and processed.path.startswith("takes/processed/")
    out, rate = sf.read(session.bundle.root / processed.path, dtype="float32")
    assert len(out) == len(noisy)  # same length: still aligned to picture
    assert np.max(np.abs(out[: int(0.35 * RATE)])) == 0  # leading silence trimmed
    assert np.max(np.abs(out[-int(0.4 * RATE):])) == 0  # trailing silence trimmed
    speech = out[int(0.6 * RATE):int(1.4 * RATE)]
    spectrum = np.abs(np.fft.rfft(speech))
    freqs = np.fft.rfftfreq(len(speech), 1 / RATE)
    assert spectrum[np.argmin(np.abs(freqs - 30))] < 0.05 * spectrum[np.argmin(np.abs(freqs - 400))]
    loudness = pyloudnorm.Meter(RATE).integrated_loudness(out.astype(np.float64))
    assert abs(loudness - DIALOGUE_LUFS) < 1.0
    session.document.undo_stack.undo()  # clean-up off again: back to the original audio
    assert dialogue_clips(episode)[0].asset_id == take_ops.asset_id_for(take)
    assert take.cleanup == TakeCleanup()
