"""Speech answers to takes: text splitting, every answer format decoded, bad answers refused, seamless joins."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest
import soundfile as sf

from providers import speech_audio as sa


def tone(seconds: float, rate: int, freq: float = 220.0, amp: float = 0.4) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def encode(audio: np.ndarray, rate: int, fmt: str) -> bytes:
    """Real mp3/wav bytes, made with PyAV / soundfile as a vendor's encoder would."""
    if fmt == "wav":
        out = io.BytesIO()
        sf.write(out, audio, rate, format="WAV", subtype="PCM_16")
        return out.getvalue()
    out = io.BytesIO()
    with av.open(out, "w", format=fmt) as container:
        stream = container.add_stream({"mp3": "libmp3lame"}.get(fmt, fmt), rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(audio.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def test_long_text_is_split_at_sentence_ends_and_nothing_is_lost() -> None:
    text = "第一句话很短。第二句话稍微长一点，对吧？" * 20 + " Then English. And more English!"
    pieces = sa.split_text(text, 50)
    assert all(len(p) <= 50 for p in pieces) and len(pieces) > 10
    assert all(p.endswith(("。", "？", "!", ".", "吧？")) for p in pieces[:-1])
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert sa.split_text("short", 50) == ["short"] and sa.split_text("   ", 50) == []


@pytest.mark.parametrize("fmt,rate", [("wav", 24000), ("mp3", 44100), ("wav", 48000)])
def test_each_answer_format_decodes_to_48k_mono(fmt: str, rate: int) -> None:
    audio = sa.decode(encode(tone(1.0, rate), rate, fmt), fmt)
    assert abs(len(audio) / sa.TAKE_RATE - 1.0) < 0.08  # mp3 adds encoder padding
    spectrum = np.abs(np.fft.rfft(audio[4800:43200]))
    assert abs(np.argmax(spectrum) * sa.TAKE_RATE / 38400 - 220) < 3  # same pitch after resampling


def test_raw_pcm_and_hex_answers_decode() -> None:
    samples = (tone(0.5, 24000) * 32767).astype("<i2").tobytes()
    audio = sa.decode(samples, "pcm")
    assert len(audio) == 24000 and 0.35 < float(np.max(np.abs(audio))) < 0.45
    mp3 = encode(tone(0.5, 32000), 32000, "mp3")
    assert len(sa.decode_hex(mp3.hex(), "mp3")) > 20000
    with pytest.raises(sa.AudioRejected, match="hex"):
        sa.decode_hex("zz" + mp3.hex(), "mp3")


def test_html_empty_truncated_and_silent_answers_are_refused() -> None:
    with pytest.raises(sa.AudioRejected, match="text page"):
        sa.decode(b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")
    with pytest.raises(sa.AudioRejected, match="text page"):
        sa.decode(b'{"error": {"message": "quota"}}')
    with pytest.raises(sa.AudioRejected, match="empty"):
        sa.decode(b"")
    with pytest.raises(sa.AudioRejected):
        sa.decode(b"\x00\x01garbage that is no container" * 10)
    with pytest.raises(sa.AudioRejected, match="silent"):
        sa.check_speech(np.zeros(48000, dtype=np.float32))
    with pytest.raises(sa.AudioRejected, match="long"):
        sa.check_speech(tone(0.02, 48000))
    mp3 = encode(tone(2.0, 44100), 44100, "mp3")
    try:  # a cut-off mp3 either fails to decode or decodes to a fragment; never the whole line
        cut = sa.decode(mp3[: len(mp3) // 3], "mp3")
        assert len(cut) < 0.8 * sa.TAKE_RATE
    except sa.AudioRejected:
        pass


def test_pieces_join_without_a_click_or_gap() -> None:
    t = np.arange(24000) / 48000
    a = (0.4 * np.cos(2 * np.pi * 200 * t)).astype(np.float32)[::-1].copy()  # ends on a peak (+0.4)
    b = (-0.4 * np.cos(2 * np.pi * 200 * t)).astype(np.float32)  # starts on a trough: the worst seam
    joined = sa.join([a, b])
    n = int(48000 * sa.CROSSFADE_SECONDS)
    assert len(joined) == len(a) + len(b) - n
    step = np.max(np.abs(np.diff(joined)))
    assert step < 0.05  # a butt splice would jump by ~0.8 at the seam
    assert np.max(np.abs(np.diff(np.concatenate([a, b])))) > 0.5


def test_takes_are_written_as_24_bit_48k_wav(tmp_path) -> None:
    path = sa.finish([tone(0.6, 48000), tone(0.4, 48000)], tmp_path / "t.wav")
    info = sf.info(str(path))
    assert info.samplerate == 48000 and info.channels == 1 and info.subtype == "PCM_24"
    audio, _ = sf.read(str(path))
    assert abs(audio[0]) < 1e-3 and abs(audio[-1]) < 1e-3  # faded edges: no click at start or end
    with pytest.raises(sa.AudioRejected):
        sa.finish([np.zeros(48000, dtype=np.float32)], tmp_path / "silent.wav")
    assert not (tmp_path / "silent.wav").exists()
