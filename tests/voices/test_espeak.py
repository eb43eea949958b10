"""The offline scratch voice for real: espeak-ng speaking Mandarin and English."""

from __future__ import annotations

import shutil
import threading

import numpy as np
import pytest
import soundfile as sf

from providers import registry
from providers.base import SpeechRequest
from providers.errors import ProviderCancelled, ProviderError

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is in packaging/apt-packages.txt")


@pytest.fixture
def espeak(tmp_path):
    return registry.create("espeak", {}, staging_dir=tmp_path / "staging")


def _speak(provider, tmp_path, **kw):
    handle = provider.submit(SpeechRequest(**kw))
    status = provider.poll(handle)
    assert status.state == "succeeded"
    path = provider.download(status.outputs[0], tmp_path / "out")
    audio, rate = sf.read(str(path))
    return handle, audio, rate


def _pitch(audio: np.ndarray, rate: int) -> float:
    """Median fundamental over voiced 40 ms windows (autocorrelation), enough to tell voices apart."""
    found = []
    win = int(0.04 * rate)
    for i in range(0, len(audio) - win, win):
        x = audio[i:i + win]
        if np.sqrt(np.mean(x ** 2)) < 0.02:
            continue
        ac = np.correlate(x, x, "full")[win - 1:]
        lo, hi = rate // 400, rate // 70
        lag = lo + int(np.argmax(ac[lo:hi]))
        found.append(rate / lag)
    return float(np.median(found))


def test_mandarin_and_english_lines_become_48k_takes(espeak, tmp_path) -> None:
    info = registry.get("espeak")
    assert info.offline and "speech" in info.capabilities
    handle, audio, rate = _speak(espeak, tmp_path, text="你好，我叫林夏。今天我自己做决定！")
    assert rate == 48000 and handle.endpoint["voice"] == "cmn" and handle.model == "espeak-ng"
    assert 1.5 < len(audio) / rate < 8 and np.max(np.abs(audio)) > 0.1
    _h, english, _r = _speak(espeak, tmp_path, text="Everyone has a price.", voice="en-us+m3")
    assert 0.8 < len(english) / 48000 < 4


def test_pitch_and_variant_make_distinct_voices(espeak, tmp_path) -> None:
    text = "This is a line spoken by two different characters."
    _h, low, rate = _speak(espeak, tmp_path, text=text, voice="en-us+m3", parameters={"pitch": 20})
    _h, high, _ = _speak(espeak, tmp_path, text=text, voice="en-us+f3", parameters={"pitch": 80})
    assert _pitch(high, rate) > 1.4 * _pitch(low, rate)
    _h, fast, _ = _speak(espeak, tmp_path, text=text, voice="en-us+m3", speed=1.6, parameters={"pitch": 20})
    assert len(fast) < 0.8 * len(low)


def test_bad_input_gets_a_clear_error(espeak) -> None:
    with pytest.raises(ProviderError, match="no text"):
        espeak.submit(SpeechRequest(text="  "))
    with pytest.raises(ProviderError, match="not an espeak-ng voice"):
        espeak.submit(SpeechRequest(text="hi", voice="; rm -rf /"))
    broken = registry.create("espeak", {"binary": "espeak-ng-missing"})
    with pytest.raises(ProviderError, match="not installed"):
        broken.submit(SpeechRequest(text="hi"))


def test_cancel_stops_a_long_line_promptly(espeak) -> None:
    from providers.base import CancelToken

    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    long_text = "这是一个很长的句子，需要说很久很久。" * 400
    with pytest.raises(ProviderCancelled):
        espeak.submit(SpeechRequest(text=long_text), token)
