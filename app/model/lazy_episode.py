"""An episode of a season whose part file is read on first use.

Why: parsing and building 100 episodes (and indexing their ~200,000 objects) took
about 3 s before a season's first paint, while the window shows one episode. A
split project's manifest names each episode's part with its number, title and a
small ``EpisodeSummary`` (what the navigator, the switcher and ``microdrama info``
show), so opening builds a ``LazyEpisode`` per episode from the manifest alone.

A ``LazyEpisode`` *is* an ``Episode`` (same dataclass fields, same ``to_data``):
``id``, ``number`` and ``title`` are plain attributes; reading or writing any other
field (``scenes``, ``timeline``, ``script``, ``logline``, ``budget``) reads the part
first (``materialise``), so every walk over ``series.episodes`` keeps working and
simply loads what it touches. Until then the episode is unchanged by definition,
so a save names its original part again instead of rewriting it.

Threads: loading is guarded by one lock, so a worker and the GUI thread never load
the same episode twice. The ``on_load`` hook (the document indexing the new objects)
is called on the thread that loaded; the document defers indexing to the GUI thread.
A part that cannot be read (missing, damaged, invalid) loads as an empty episode
marked ``damaged`` with the reason; saves keep the damaged file as it is.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from app.model.script import TakeOrigin
from app.model.series import Episode
from app.model.timeline import Timeline, default_tracks

# the fields only the part file holds (id, number and title are in the manifest)
HEAVY_FIELDS = ("logline", "script", "scenes", "timeline", "budget")
_load_lock = threading.RLock()


@dataclass(frozen=True)
class EpisodeSummary:
    """Counts of one episode kept in the manifest: the navigator's state and ``info`` without the part."""

    scenes: int = 0
    shots: int = 0
    pictured: int = 0  # shots with a chosen still or clip
    lines: int = 0
    voiced: int = 0  # lines with a chosen take
    takes: int = 0  # takes not deleted
    chosen_recorded: int = 0
    chosen_ai: int = 0
    chosen_converted: int = 0
    has_script: bool = False
    duration_frames: int = 0
    tracks: int = 0
    clips: int = 0

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Any) -> EpisodeSummary | None:
        """The summary in a manifest entry; None when absent or not of this shape (then the part is read)."""
        if not isinstance(data, dict):
            return None
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name)
            wanted = bool if f.type in ("bool", bool) else int
            if value is None or type(value) is not wanted:
                return None
            values[f.name] = value
        return cls(**values)


def summarize(episode: Episode) -> EpisodeSummary:
    """The summary of a loaded episode (one walk of its shots and tracks: well under a millisecond)."""
    scenes = shots = pictured = lines = voiced = takes = 0
    chosen = {TakeOrigin.RECORDED: 0, TakeOrigin.AI: 0, TakeOrigin.CONVERTED: 0}
    for scene in episode.scenes:
        scenes += 1
        for shot in scene.shots:
            shots += 1
            pictured += bool(shot.chosen_still or shot.chosen_clip)
            for line in shot.dialogue:
                lines += 1
                takes += sum(1 for t in line.takes if not t.deleted)
                take = line.chosen_take()
                if take is not None:
                    voiced += 1
                    chosen[take.origin] += 1
    tl = episode.timeline
    return EpisodeSummary(
        scenes=scenes, shots=shots, pictured=pictured, lines=lines, voiced=voiced, takes=takes,
        chosen_recorded=chosen[TakeOrigin.RECORDED], chosen_ai=chosen[TakeOrigin.AI],
        chosen_converted=chosen[TakeOrigin.CONVERTED], has_script=bool(episode.script.strip()),
        duration_frames=tl.duration, tracks=len(tl.tracks), clips=sum(len(t.clips) for t in tl.tracks))


Loader = Callable[[], Episode]  # reads, decodes and validates the part; raises ProjectFormatError


@dataclass
class LazyState:
    """Where a lazy episode comes from and whether it was read."""

    loader: Loader
    part: Any  # app.project_files.PartRef of the part it was named by
    root: str  # the bundle the part lives in (a save elsewhere must write the episode)
    summary: EpisodeSummary
    loaded: bool = False
    damaged: str = ""  # why the part could not be read ("" when it could)
    on_load: list[Callable[[LazyEpisode], None]] = field(default_factory=list)
    # the loader of the same episode from another part of its bundle (a save rewrote the part
    # of an episode renamed without being read); None: the part is never rewritten unread
    repoint: Callable[[Any], Loader] | None = None


def _heavy(name: str) -> property:
    def get(self: LazyEpisode) -> Any:
        d = self.__dict__
        try:
            return d[name]
        except KeyError:
            self.materialise()
            return d[name]

    def set_(self: LazyEpisode, value: Any) -> None:
        if name not in self.__dict__:
            self.materialise()  # the other fields must come from the part, not be left unread
        self.__dict__[name] = value

    return property(get, set_)


class LazyEpisode(Episode):
    """An ``Episode`` whose part is read the first time a field other than id/number/title is used.

    Not a dataclass of its own: it inherits Episode's fields, ``__init__`` (an instance
    made by ``dataclasses.replace`` is simply loaded) and serialisation."""

    logline = _heavy("logline")
    script = _heavy("script")
    scenes = _heavy("scenes")
    timeline = _heavy("timeline")
    budget = _heavy("budget")

    @classmethod
    def unread(cls, episode_id: str, number: int, title: str, state: LazyState) -> LazyEpisode:
        ep = cls.__new__(cls)
        ep.__dict__.update(id=episode_id, number=number, title=title, _lazy=state)
        return ep

    @property
    def lazy(self) -> LazyState | None:
        """How this episode is read (None for one built in memory, which is always loaded)."""
        state: LazyState | None = self.__dict__.get("_lazy")
        return state

    @property
    def loaded(self) -> bool:
        state = self.lazy
        return state is None or state.loaded

    @property
    def damaged(self) -> str:
        state = self.lazy
        return state.damaged if state is not None else ""

    def materialise(self) -> None:
        """Read the part now (no-op when loaded). A part that cannot be read gives an empty episode
        marked ``damaged``; it never raises for that, so no view breaks on a bad file."""
        state = self.lazy
        if state is None or state.loaded:
            return
        from app.model.schema import ProjectFormatError

        with _load_lock:
            if state.loaded:
                return
            built: Episode | None = None
            damaged = ""
            try:
                built = state.loader()
            except ProjectFormatError as exc:
                damaged = str(exc)
            self._take(built, damaged)
        for hook in list(state.on_load):
            hook(self)

    def adopt(self, built: Episode | None, damaged: str = "") -> bool:
        """Take an episode read elsewhere (a worker read and built it; ``built`` must not be shared:
        its objects become this episode's), or ``damaged`` when it could not be read.
        False when this episode was loaded meanwhile (``built`` is then dropped)."""
        state = self.lazy
        with _load_lock:
            if state is None or state.loaded:
                return False
            self._take(built, damaged)
        for hook in list(state.on_load):
            hook(self)
        return True

    def _take(self, built: Episode | None, damaged: str) -> None:
        state = self.lazy
        assert state is not None
        if built is None:
            state.damaged = damaged
            built = Episode(id=self.id, number=self.number, title=self.title,
                            timeline=Timeline(tracks=default_tracks()))
        for name in HEAVY_FIELDS:
            self.__dict__.setdefault(name, getattr(built, name))
        state.loaded = True

    def __eq__(self, other: object) -> bool:
        """As Episode's (all fields equal; a plain ``Episode`` copy compares by content too), but
        episodes with different ids are unequal without reading either part:
        ``series.episodes.index(ep)`` compares every earlier episode."""
        if self is other:
            return True
        if not isinstance(other, Episode):
            return NotImplemented
        if other.id != self.id:
            return False
        # a plain Episode with the same content is equal (a copy of a lazy episode is a plain one)
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Episode))

    __hash__ = None  # type: ignore[assignment]  # mutable, like Episode

    def __copy__(self) -> Episode:
        self.materialise()
        return Episode(**{f.name: getattr(self, f.name) for f in fields(Episode)})

    def __deepcopy__(self, memo: dict[int, Any]) -> Episode:
        self.materialise()
        return Episode(**{f.name: copy.deepcopy(getattr(self, f.name), memo) for f in fields(Episode)})

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the plain ``Episode`` it holds (render workers get pickled copies): the
        loader and load hooks belong to the live document and must not travel."""
        self.materialise()
        return (_plain_episode, ({f.name: getattr(self, f.name) for f in fields(Episode)},))


def _plain_episode(values: dict[str, Any]) -> Episode:
    return Episode(**values)


def is_unread(episode: Any) -> bool:
    """An episode whose part has not been read (its fields other than id/number/title not touched)."""
    return isinstance(episode, LazyEpisode) and not episode.loaded


def summary_of(episode: Episode) -> EpisodeSummary:
    """The summary: from the manifest while unread, else computed from the model."""
    if isinstance(episode, LazyEpisode) and not episode.loaded:
        state = episode.lazy
        assert state is not None
        return state.summary
    return summarize(episode)
