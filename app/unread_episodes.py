"""A season's episodes not read at open: read them on a worker after the first paint, and say
which part could not be read.

Opening reads only the episode shown (``app.lazy_season``); any other is read the first
time something touches it (switching to it, find in season, export). So that a later
find or switch does not pay for it on the GUI thread, the editor reads the rest in the
background a few seconds after the window is painted:

* on a worker: read the part, check its checksum, decode the JSON and build the
  ``Episode`` objects and validate them (new objects nobody else can see yet);
* on the GUI thread, one episode per event-loop turn: hand them over
  (``LazyEpisode.adopt``) and index them in the document (a few ms each).

The worker never touches live model objects: it gets each episode's loader, which reads
only its file and a copy of the project settings made at open. An episode the GUI
thread read meanwhile drops the worker's copy. A part the worker cannot read is left
unread: the user hears about it when the episode is opened, not from a background task.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.background import BackgroundTask, TaskContext, run_cancellable
from app.document import ProjectDocument
from app.model import Episode
from app.model.lazy_episode import LazyEpisode
from app.model.schema import ProjectFormatError
from app.textfill import fill


def unreadable_message(episode: Episode, reason: str) -> str:
    """What the user reads when an episode's part cannot be read (shown when it is opened)."""
    return fill(QCoreApplication.translate(
        "UnreadEpisodes", "Episode %1 (%2) could not be read: %3 It is shown empty. Its file is kept as it "
        "is: saving does not overwrite it, and edits made to this episode are not saved. Close the project "
        "and restore the file from a copy, or open project.json.bak."), episode.number, episode.title, reason)


class EpisodeWarmer(QObject):
    """Reads a document's unread episodes in the background, after ``delay_ms``; ``finished`` when done."""

    finished = Signal()

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.delay_ms: int | None = None  # None: do not read ahead (the command line, tests)
        self._generation = 0
        self._task: BackgroundTask[None] | None = None
        self._waiting: dict[str, LazyEpisode] = {}
        self.running = False

    def start(self) -> None:
        """Schedule reading every unread episode (replaces an earlier run)."""
        self.cancel()
        if self.delay_ms is None or not self._doc.unread_episodes():
            return
        generation = self._generation
        self.running = True
        QTimer.singleShot(self.delay_ms, lambda: self._begin(generation))

    def cancel(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._waiting = {}
        self.running = False

    def _begin(self, generation: int) -> None:
        if generation != self._generation:
            return
        episodes = self._doc.unread_episodes()
        self._waiting = {e.id: e for e in episodes}
        loaders = [(e.id, e.lazy.loader) for e in episodes if e.lazy is not None]

        def read_all(ctx: TaskContext) -> None:
            for episode_id, loader in loaders:
                if ctx.cancelled:
                    return
                try:
                    built: Episode | None = loader()
                except ProjectFormatError:
                    built = None  # reported when the user opens it (read again then)
                ctx.post((generation, episode_id, built))

        self._task = run_cancellable(read_all, on_done=lambda _r: self._done(generation),
                                     on_error=lambda _e: self._done(generation),
                                     on_partial=self._adopt, owner=self, name="read-episodes")

    def _adopt(self, value: Any) -> None:
        generation, episode_id, built = value
        episode = self._waiting.pop(episode_id, None)
        if generation != self._generation or episode is None or built is None:
            return
        episode.adopt(built)  # the document indexes it (GUI thread) and emits episodeRead

    def _done(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.running = False
        self.finished.emit()
