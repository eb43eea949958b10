"""Audio decoding: every format to float32 48 kHz stereo, right pitch, right length."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from app.media.audio_io import AudioReader, load_audio
from app.media.errors import MediaError


def _peak_hz(x: np.ndarray, rate: int) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spec) * rate / len(x))


@pytest.mark.parametrize("ext", [".wav", ".flac", ".mp3", ".aac", ".ogg"])
def test_formats_resampled_to_48k_stereo(audio_files, ext):
    data = load_audio(audio_files[ext])
    assert data.dtype == np.float32 and data.ndim == 2 and data.shape[1] == 2
    # 1.5 s at 44.1 kHz becomes 72000 samples at 48 kHz (lossy codecs may pad a frame)
    assert abs(len(data) - 72000) <= 2048
    assert _peak_hz(data[4800:52800, 0], 48000) == pytest.approx(440, abs=2)
    assert 0.45 < np.abs(data[4800:52800]).max() < 0.56


def test_wav_matches_soundfile_exactly_at_native_rate(audio_files):
    ours = load_audio(audio_files[".wav"], rate=44100)
    ref, rate = soundfile.read(str(audio_files[".wav"]), dtype="float32")
    assert rate == 44100
    assert ours.shape == ref.shape
    assert np.abs(ours - ref).max() < 1e-6


def test_mono_and_video_sources(audio_files, hd_clip, variants):
    mono = load_audio(audio_files[".flac"], channels=1)
    assert mono.shape[1] == 1
    from_video = load_audio(hd_clip)
    assert abs(len(from_video) - 96000) <= 1024  # 2 s of AAC
    assert _peak_hz(from_video[4800:52800, 1], 48000) == pytest.approx(440, abs=2)
    silent = load_audio(variants["h264.mp4"])
    assert silent.shape == (0, 2)


def test_result_is_cached_and_read_only(audio_files):
    a = load_audio(audio_files[".mp3"])
    b = load_audio(audio_files[".mp3"])
    assert a is b
    with pytest.raises(ValueError):
        a[0, 0] = 1.0


def test_streaming_reader_matches_load(audio_files):
    whole = load_audio(audio_files[".ogg"])
    reader = AudioReader(audio_files[".ogg"])
    parts = []
    while len(block := reader.read(4000)):
        parts.append(block)
    reader.close()
    assert all(len(p) == 4000 for p in parts[:-1])
    assert np.array_equal(np.concatenate(parts), whole)


def test_bad_audio(bad_files, tmp_path):
    with pytest.raises(MediaError, match="missing"):
        load_audio(tmp_path / "nothing.wav")
    with pytest.raises(MediaError):
        load_audio(bad_files["garbage"])
    assert load_audio(bad_files["zero_wav"]).shape == (0, 2)
