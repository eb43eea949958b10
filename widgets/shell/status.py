"""Status-bar read-outs: current episode, its duration as timecode, the delivery format."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from app.session import Session
from widgets.shell.episodes import episode_title

translate = QCoreApplication.translate


def timecode(frames: int, fps: int) -> str:
    """HH:MM:SS:FF for a frame count (non-drop-frame; project rates are integers)."""
    fps = max(1, fps)
    seconds, ff = divmod(max(0, frames), fps)
    minutes, ss = divmod(seconds, 60)
    hh, mm = divmod(minutes, 60)
    return f"{hh:02d}:{mm:02d}:{ss:02d}:{ff:02d}"


class StatusInfo(QObject):
    def __init__(self, session: Session, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.session = session
        self.episode = QLabel(objectName="StatusEpisode")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.duration = QLabel(objectName="StatusDuration")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.format = QLabel(objectName="StatusFormat")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        for label in (self.episode, self.duration, self.format):
            bar.addPermanentWidget(label)
        self._pending = False
        doc = session.document
        for signal in (session.projectOpened, session.projectClosed, doc.reset):
            signal.connect(self.schedule)
        session.projectOpened.connect(self._fit_episode_titles)
        doc.reset.connect(self._fit_episode_titles)
        session.currentEpisodeChanged.connect(self.schedule)
        doc.objectChanged.connect(self.schedule)
        doc.listChanged.connect(self.schedule)
        bar.installEventFilter(self)
        self.refresh()

    def _fit_episode_titles(self, *_args: object) -> None:
        """Give the episode label the room of the season's longest and tallest title at once (titles come
        from the manifest: no episode is read), so that not even the first switch to another one lays out
        the main window again.

        The height matters as much as the width: a title with Chinese characters is drawn with a
        fallback font whose lines are taller (18 px against 14 px for Latin-only text here). A season
        that mixes both made the status bar one pixel taller or shorter on a switch, which resized every
        dock and repainted the whole window (30-50 ms at season size)."""
        titles = [episode_title(e) for e in self.session.series.episodes]
        metrics = self.episode.fontMetrics()
        widest = max((metrics.horizontalAdvance(title) for title in titles), default=0)
        margins = self.episode.contentsMargins()
        self.episode.setMinimumWidth(widest + margins.left() + margins.right() + 2)
        probe = QLabel(" ".join(titles))  # one line with every title: as tall as the tallest font they use
        probe.setFont(self.episode.font())
        self.episode.setMinimumHeight(probe.sizeHint().height())

    def schedule(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        session = self.session
        episode = session.current_episode
        settings = session.series.settings
        visible = session.is_open
        for label in (self.episode, self.duration, self.format):
            label.setVisible(visible)
        if not visible:
            self.episode.setMinimumSize(0, 0)  # the next project's titles decide its room
            return
        self.episode.setText(episode_title(episode) if episode else translate("Status", "No episode"))
        # the label only grows: a narrower or shorter title leaves its room, so switching episodes does
        # not lay out the whole main window again (its docks, toolbars and status bar: 6-14 ms a switch)
        hint = self.episode.sizeHint()
        self.episode.setMinimumSize(max(self.episode.minimumWidth(), hint.width()),
                                    max(self.episode.minimumHeight(), hint.height()))
        frames = episode.timeline.duration if episode else 0
        self.duration.setText(translate("Status", "Duration %1").replace("%1", timecode(frames, settings.fps)))
        self.format.setText(QCoreApplication.translate("ShellStatus", "{width}×{height} · {fps} fps").format(width=settings.width, height=settings.height, fps=settings.fps))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule()
        return False
