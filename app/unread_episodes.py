"""A season's episodes not read at open: read them on a worker after the first paint, and say
which part could not be read.

Opening reads only the episode shown (``app.lazy_season``); any other is read the first
time something touches it (switching to it, find in season, export). So that a later
find or switch does not pay for it on the GUI thread, the editor reads the rest in the
background a few seconds after the window is painted:

* on a worker: read the part, check its checksum, decode the JSON and build the
  ``Episode`` objects and validate them (new objects nobody else can see yet);
* on the GUI thread, one episode per event-loop turn: hand them over
  (``LazyEpisode.adopt``) and index them in the document (a few ms each); then the
  next episode is asked for, so a busy GUI thread never finds a backlog to index;
* at a third of the time at most: after each episode it waits twice as long as that
  episode took from the request to its handover. Building an episode's objects is
  Python code that holds the interpreter lock; read back to back for the ~10 s a
  season takes, it was the window's steadiest rival for the lock (stalls of the
  save, the autosave, the batch). On a busy machine an episode takes longer, so the
  read-ahead slows down by itself; an episode the user asks for is read at once, and
  once something needs the whole season (Find in Season), ``hurry`` drops the rests.

The worker never touches live model objects: it gets each episode's loader, which reads
only its file and a copy of the project settings made at open. An episode the GUI
thread read meanwhile drops the worker's copy. A part the worker cannot read is left
unread: the user hears about it when the episode is opened, not from a background task.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.background import BackgroundTask, run_in_background
from app.document import ProjectDocument
from app.model import Episode
from app.model.lazy_episode import LazyEpisode
from app.model.schema import ProjectFormatError
from app.textfill import fill
from app.thread_priority import rest_after


def unreadable_message(episode: Episode, reason: str) -> str:
    """What the user reads when an episode's part cannot be read (shown when it is opened)."""
    return fill(QCoreApplication.translate(
        "UnreadEpisodes", "Episode %1 (%2) could not be read: %3 It is shown empty. Its file is kept as it "
        "is: saving does not overwrite it, and edits made to this episode are not saved. Close the project "
        "and restore the file from a copy, or open project.json.bak."), episode.number, episode.title, reason)


def _reader(loader: Callable[[], Episode]) -> Callable[[], Episode | None]:
    """The worker's read of one part: None when it cannot be read. The episode is then left
    unread, and the GUI thread's own read of it reports the damage when the user opens it."""
    def read() -> Episode | None:
        try:
            return loader()
        except ProjectFormatError:
            return None
    return read


MAKE_WAY_S = 0.5  # how long the read-ahead pauses after a user's action


class EpisodeWarmer(QObject):
    """Reads a document's unread episodes in the background, after ``delay_ms``; ``finished`` when done.

    One background task per episode, the next asked for when the GUI thread has taken the
    last: the shared pool stays free for thumbnails and the like in between, and the GUI
    thread never finds a backlog of episodes to index in one turn."""

    finished = Signal()

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._quiet_until = 0.0  # monotonic time before which the next read waits (the user is busy)
        self.delay_ms: int | None = None  # None: do not read ahead (the command line, tests)
        self._generation = 0
        self._task: BackgroundTask[Episode | None] | None = None
        self._skipped: set[str] = set()  # parts the worker could not read this run
        self._asked_at = 0.0  # monotonic time the episode being read was asked for
        self.last_read_s = 0.0  # how long the last episode took from its request to its handover
        self.hurried = False  # the whole season is wanted: read back to back, no rests
        self.running = False

    def start(self) -> None:
        """Schedule reading every unread episode (replaces an earlier run)."""
        self.cancel()
        if self.delay_ms is None or not self._doc.unread_episodes():
            return
        generation = self._generation
        self._skipped = set()
        self.hurried = False
        self.running = True
        QTimer.singleShot(self.delay_ms, lambda: self._next(generation))

    @property
    def enabled(self) -> bool:
        """Whether this document's episodes may be read on workers (the editor; not the command line)."""
        return self.delay_ms is not None

    def read_first(self, episode: LazyEpisode, then: Callable[[], None]) -> None:
        """Read ``episode`` on a worker now (ahead of the read-ahead's order), hand it to the
        document on the GUI thread, then call ``then`` there. Reading a part at season size takes
        ~0.1 s: done on the GUI thread at an episode switch it would freeze the window that long.
        A part the worker cannot read is left for ``then`` to find (the GUI thread reads it again and
        shows the episode as damaged, with the message), so no error is lost."""
        state = episode.lazy
        if state is None or state.loaded:
            then()
            return
        read = _reader(state.loader)

        def adopt(built: Episode | None) -> None:
            if built is not None:
                episode.adopt(built)  # False when it was read meanwhile: this copy is dropped
            # the switch itself in the next event-loop pass: indexing the episode and every panel
            # taking it in one go held the GUI thread twice as long
            QTimer.singleShot(0, self, then)

        run_in_background(read, on_done=adopt, on_error=lambda _exc: then(), owner=self, name="read-episode-now")

    def make_way(self, seconds: float = MAKE_WAY_S) -> None:
        """The user just did something (switched episodes, edited): the read-ahead waits ``seconds``
        before its next episode, so its worker and its indexing on the GUI thread do not compete with
        what the user's action set off (the panels' refresh and repaint). An episode the user asked
        for (``read_first``) is read at once all the same."""
        self._quiet_until = max(self._quiet_until, time.monotonic() + seconds)

    def hurry(self) -> None:
        """Something needs every episode soon (the Find in Season dialog is open): read the rest back
        to back from now on, without the rests that keep the read-ahead to a third of the time."""
        self.hurried = True
        self._quiet_until = 0.0

    def cancel(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.running = False

    def _next(self, generation: int) -> None:
        if generation != self._generation:
            return
        wait = self._quiet_until - time.monotonic()
        if wait > 0:
            QTimer.singleShot(int(wait * 1000) + 1, self, lambda: self._next(generation))
            return
        episode = next((e for e in self._doc.unread_episodes() if e.id not in self._skipped), None)
        state = episode.lazy if episode is not None else None
        if episode is None or state is None:
            self._task = None
            self.running = False
            self.finished.emit()
            return
        read = _reader(state.loader)
        self._asked_at = time.monotonic()
        self._task = run_in_background(read, on_done=lambda built: self._adopt(generation, episode, built),
                                       on_error=lambda _exc: self._skip(generation, episode),
                                       owner=self, name="read-episode")

    def _adopt(self, generation: int, episode: LazyEpisode, built: Episode | None) -> None:
        if generation != self._generation:
            return
        if built is None:
            self._skip(generation, episode)
            return
        self.last_read_s = time.monotonic() - self._asked_at
        episode.adopt(built)  # the document indexes it (GUI thread) and emits episodeRead
        if not self.hurried:
            self.make_way(rest_after(self._asked_at))  # from the request: its indexing counts too
        QTimer.singleShot(0, lambda: self._next(generation))

    def _skip(self, generation: int, episode: LazyEpisode) -> None:
        """A part the worker could not read stays unread; go on with the episodes after it."""
        if generation != self._generation:
            return
        self._skipped.add(episode.id)
        QTimer.singleShot(0, lambda: self._next(generation))
