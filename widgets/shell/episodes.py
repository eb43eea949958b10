"""Episode list edits (add, rename, delete) as undo steps, and the episode switcher.

Episodes are numbered 1..n in list order; deleting one renumbers the rest in
the same undo step. The session's current episode follows the list: a new
episode becomes current, and when the current one disappears (delete, or undo
of its creation) the nearest remaining episode takes over.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from app.model import Episode
from app.session import Session

translate = QCoreApplication.translate


def episode_title(episode: Episode) -> str:
    """"Ep 3 · The Wedding" (or "Ep 3" for an untitled episode)."""
    head = translate("Episodes", "Ep %1").replace("%1", str(episode.number))
    return f"{head} · {episode.title}" if episode.title else head


def add_episode(session: Session, title: str = "") -> Episode:
    series = session.series
    number = max((e.number for e in series.episodes), default=0) + 1
    episode = Episode(number=number, title=title)
    session.document.append(series, "episodes", episode,
                            translate("Episodes", "Add Episode %1").replace("%1", str(number)))
    session.set_current_episode(episode.id)
    return episode


def rename_episode(session: Session, episode: Episode, title: str) -> None:
    title = title.strip()
    if title != episode.title:
        session.document.edit(episode, translate("Episodes", "Rename Episode %1").replace("%1", str(episode.number)),
                              title=title)


def delete_episode(session: Session, episode: Episode) -> None:
    doc = session.document
    series = session.series
    index = series.episodes.index(episode)
    with doc.macro(translate("Episodes", "Delete Episode %1").replace("%1", str(episode.number))):
        doc.remove(episode, translate("Episodes", "Delete Episode"))
        for later in series.episodes[index:]:
            doc.edit(later, translate("Episodes", "Renumber Episode"), number=later.number - 1)


class EpisodeTracker(QObject):
    """Keeps the session's current episode valid while the episode list changes."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._last_index = 0
        session.document.listChanged.connect(self._on_list_changed)
        session.currentEpisodeChanged.connect(self._remember_index)

    def _remember_index(self, episode_id: str) -> None:
        ids = [e.id for e in self.session.series.episodes]
        if episode_id in ids:
            self._last_index = ids.index(episode_id)

    def _on_list_changed(self, owner_id: str, field: str) -> None:
        series = self.session.series
        if owner_id != series.id or field != "episodes":
            return
        if self.session.current_episode is not None:  # still indexed, so still in the series
            return
        if series.episodes:
            index = min(self._last_index, len(series.episodes) - 1)
            self.session.set_current_episode(series.episodes[index].id)
        else:
            self.session.set_current_episode("")


class EpisodeSwitcher(QComboBox):
    """Tool-bar combo box listing the series' episodes; choosing one makes it current."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EpisodeSwitcher")
        self.session = session
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(18)
        doc = session.document
        doc.reset.connect(self.rebuild)
        doc.listChanged.connect(lambda owner, field: self.rebuild() if field == "episodes" else None)
        doc.objectChanged.connect(self._on_object_changed)
        session.currentEpisodeChanged.connect(self._select_current)
        session.projectOpened.connect(self.rebuild)
        session.projectClosed.connect(self.rebuild)
        self.activated.connect(self._on_activated)
        self.rebuild()

    def rebuild(self) -> None:
        with QSignalBlocker(self):
            self.clear()
            for episode in self.session.series.episodes:
                self.addItem(episode_title(episode), episode.id)
        self.setEnabled(self.count() > 0)
        self._select_current(self.session.current_episode.id if self.session.current_episode else "")

    def _on_object_changed(self, obj_id: str, fields: list) -> None:
        if self.findData(obj_id) >= 0 and ("title" in fields or "number" in fields):
            self.rebuild()

    def _select_current(self, episode_id: str) -> None:
        with QSignalBlocker(self):
            self.setCurrentIndex(self.findData(episode_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.rebuild()  # "Ep 3" is translated text
        super().changeEvent(event)

    def _on_activated(self, index: int) -> None:
        episode_id = self.itemData(index)
        if episode_id:
            self.session.switch_episode(episode_id)
