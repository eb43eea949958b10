"""The export's soundtrack, rendered on its own thread while the first video frames are composed.

Mixing the episode and normalising its loudness (two passes over the whole
mix, a 4x oversampled true-peak check) takes a few seconds on one core. Done
before the video starts, the second core sits idle all that time; done beside
it, the video pipeline fills both cores from the first second. The encoder
holds its first video packets until the soundtrack is ready, then interleaves
as usual, so the file is laid out the same either way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from app.media.loudness import LoudnessReport
from app.media.mixer import Mixer
from app.model import Episode, Series

Soundtrack = tuple[np.ndarray, LoudnessReport | None]  # planar (2, n) float32, and its loudness report


def render_soundtrack(series: Series, mixer: Mixer, episode: Episode, samples: int,
                      target_lufs: float | None, ceiling_dbtp: float | None) -> Soundtrack:
    """The episode's normalised mix, exactly ``samples`` long (padded with silence), planar for AAC."""
    audio, report = mixer.render_export(episode, target_lufs, ceiling_dbtp)
    if audio.shape[0] < samples:
        audio = np.concatenate([audio, np.zeros((samples - audio.shape[0], 2), np.float32)])
    return np.ascontiguousarray(audio[:samples].T), report


def _import_loudness_libraries() -> None:
    """Import SciPy's pieces here, on the calling thread, before the soundtrack thread starts.

    SciPy's lazily loaded submodules are not safe to import from two threads at
    once (seen: "Module 'scipy' has no attribute '_lib'" when the exporting thread
    imported the fingerprinter while this thread imported the loudness meter).
    """
    import pyloudnorm  # noqa: F401
    import scipy.ndimage  # noqa: F401
    import scipy.signal  # noqa: F401


class BackgroundSoundtrack:
    """Runs ``render`` on a daemon thread; the exporter polls it per frame and waits for it at the end.

    A failure is raised where the result is asked for (on the exporting thread),
    so it ends the export like any other error. A cancelled export simply stops
    asking; the thread finishes its few seconds of work and is dropped.
    """

    def __init__(self, render: Callable[[], Soundtrack]) -> None:
        _import_loudness_libraries()
        self._render = render
        self._done = threading.Event()
        self._result: Soundtrack | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-audio", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = self._render()
        except BaseException as exc:  # handed to the exporting thread by poll()/wait()
            self._error = exc
        finally:
            self._done.set()

    def poll(self) -> Soundtrack | None:
        """The soundtrack if it is ready, else None (never blocks)."""
        if not self._done.is_set():
            return None
        if self._error is not None:
            raise self._error
        return self._result

    def wait(self, check_cancel: Callable[[], None]) -> Soundtrack:
        """Block until ready, calling ``check_cancel`` every 0.1 s (it raises to stop waiting)."""
        while not self._done.wait(0.1):
            check_cancel()
        result = self.poll()
        assert result is not None
        return result
