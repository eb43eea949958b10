"""The editing session: one open project and what the views share about it.

Views get a ``Session`` instead of talking to each other: it holds the bundle,
the document (model + undo), the current episode, the selected shot and the
playhead, and announces changes through signals. Qt-free apart from QtCore, so
the CLI and tests drive the same object the GUI does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.bundle import ProjectBundle
from app.document import ProjectDocument
from app.model import Episode, Series


class Session(QObject):
    projectOpened = Signal()
    projectClosed = Signal()
    currentEpisodeChanged = Signal(str)  # episode id ("" when none)
    selectedShotChanged = Signal(str)  # shot id ("" when none)
    playheadChanged = Signal(int)  # frame on the current episode's timeline
    saved = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bundle: ProjectBundle | None = None
        self.document = ProjectDocument(Series(), self)
        self._episode_id = ""
        self._shot_id = ""
        self._playhead = 0

    # ------------------------------------------------------------- lifecycle
    @property
    def is_open(self) -> bool:
        return self.bundle is not None

    def open(self, path: Path) -> None:
        """Open a bundle; raises BundleError (a UserError) with a clear message."""
        bundle = ProjectBundle(Path(path))
        series = bundle.load()
        self.close()
        self.bundle = bundle
        self.document.replace_series(series)
        self.document.undo_stack.setClean()
        first = series.episodes[0].id if series.episodes else ""
        self.set_current_episode(first)
        self.projectOpened.emit()

    def create(self, path: Path, series: Series) -> None:
        bundle = ProjectBundle.create(Path(path), series)
        self.open(bundle.root)

    def save(self) -> None:
        if self.bundle is None:
            return
        self.bundle.save(self.document.series)
        self.document.undo_stack.setClean()
        self.saved.emit()

    def close(self) -> None:
        if self.bundle is None:
            return
        self.bundle = None
        self._episode_id = ""
        self._shot_id = ""
        self.document.replace_series(Series())
        self.projectClosed.emit()

    # ------------------------------------------------------------- selection
    @property
    def series(self) -> Series:
        return self.document.series

    @property
    def current_episode(self) -> Episode | None:
        return self.document.find(self._episode_id) if self._episode_id else None

    def set_current_episode(self, episode_id: str) -> None:
        if episode_id != self._episode_id:
            self._episode_id = episode_id
            self._playhead = 0
            self.currentEpisodeChanged.emit(episode_id)

    @property
    def selected_shot_id(self) -> str:
        return self._shot_id

    def select_shot(self, shot_id: str) -> None:
        if shot_id != self._shot_id:
            self._shot_id = shot_id
            self.selectedShotChanged.emit(shot_id)

    @property
    def playhead(self) -> int:
        return self._playhead

    def set_playhead(self, frame: int) -> None:
        frame = max(0, int(frame))
        if frame != self._playhead:
            self._playhead = frame
            self.playheadChanged.emit(frame)
