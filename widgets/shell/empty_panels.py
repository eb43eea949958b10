"""What each dock shows before its feature panel lands, or when it has nothing to show.

Every state is a fact about the open project (no project, no episode, no shots,
no clips, ...) with the action that moves the user forward, never "coming
soon". Each class is a dock panel ``(session, parent=None)`` listed in
``widgets/docks.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from app.session import Session
from widgets.shell.empty_state import EmptyState, find_action

translate = QCoreApplication.translate

# (title, text, names of main-window actions offered as buttons)
Content = tuple[str, str, tuple[str, ...]]


class ShellEmptyPanel(QWidget):
    """Shows an ``EmptyState`` that follows the session; subclasses say what to show."""

    ICON = "script"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.empty = EmptyState(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        self._pending = False
        self._stale = False  # the model changed while the panel was hidden: refresh when shown
        doc = session.document
        for signal in (session.projectOpened, session.projectClosed, doc.reset, doc.jobsChanged):
            signal.connect(self.schedule_refresh)
        session.currentEpisodeChanged.connect(self.schedule_refresh)
        doc.listChanged.connect(self.schedule_refresh)
        doc.objectChanged.connect(self.schedule_refresh)
        self.refresh()

    def schedule_refresh(self, *_args: object) -> None:
        """Coalesce bursts of model signals (a macro, an open) into one refresh."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        if not self.isVisible():
            # Feature panels keep their empty state hidden behind their content most of the time
            # (and before the window is shown): it is filled when it is shown, not on every change.
            self._stale = True
            return
        self._stale = False
        if not self.session.is_open:
            content: Content = (
                translate("EmptyPanels", "No project open"),
                self.purpose(),
                ("action_new_series", "action_open", "action_open_demo"),
            )
        elif self.session.current_episode is None:
            content = (
                translate("EmptyPanels", "This series has no episodes"),
                translate("EmptyPanels", "Add an episode to start writing, boarding and cutting it."),
                ("action_add_episode",),
            )
        else:
            content = self.describe()
        title, text, names = content
        actions = [a for a in (find_action(self, n) for n in names) if a is not None]
        self.empty.set_content(self.ICON, title, text, actions)

    def purpose(self) -> str:
        """One sentence on what the panel is for (shown when no project is open)."""
        raise NotImplementedError

    def describe(self) -> Content:
        """The state of the current episode from this panel's point of view."""
        raise NotImplementedError

    def episode_label(self) -> str:
        episode = self.session.current_episode
        assert episode is not None
        return translate("EmptyPanels", "Episode %1").replace("%1", str(episode.number))

    # Actions of the main window exist only once the panel is docked: refresh then too.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()  # before it is painted
        self.schedule_refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_refresh()
        super().changeEvent(event)


class ScriptEmptyPanel(ShellEmptyPanel):
    ICON = "script"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Write each episode's screenplay in Fountain and break it down "
                                        "into scenes, shots and dialogue lines.")

    def describe(self) -> Content:
        episode = self.session.current_episode
        assert episode is not None
        if not episode.script.strip():
            return (translate("EmptyPanels", "%1 has no script yet").replace("%1", self.episode_label()),
                    translate("EmptyPanels", "The screenplay of this episode, in Fountain, is written here; "
                                             "its breakdown fills the storyboard."), ())
        lines = episode.script.count("\n") + 1
        return (translate("EmptyPanels", "%1 · %2 script lines").replace("%1", self.episode_label())
                .replace("%2", str(lines)),
                translate("EmptyPanels", "%1 scenes, %2 shots in the breakdown.")
                .replace("%1", str(len(episode.scenes))).replace("%2", str(sum(1 for _ in episode.shots()))), ())


class StoryboardEmptyPanel(ShellEmptyPanel):
    ICON = "storyboard"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Lay out every shot of an episode as a card with its still, "
                                        "clip, camera notes and dialogue.")

    def describe(self) -> Content:
        episode = self.session.current_episode
        assert episode is not None
        shots = sum(1 for _ in episode.shots())
        if shots == 0:
            return (translate("EmptyPanels", "No shots in %1 yet").replace("%1", self.episode_label()),
                    translate("EmptyPanels", "Break the script down into shots; each shot becomes a card "
                                             "here with its image and motion prompts."), ())
        return (translate("EmptyPanels", "%1 shots in %2").replace("%1", str(shots))
                .replace("%2", self.episode_label()),
                translate("EmptyPanels", "%1 of them have a chosen still, %2 a chosen clip.")
                .replace("%1", str(sum(1 for s in episode.shots() if s.chosen_still)))
                .replace("%2", str(sum(1 for s in episode.shots() if s.chosen_clip))), ())


class TimelineEmptyPanel(ShellEmptyPanel):
    ICON = "timeline"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Cut an episode frame by frame on picture, dialogue, music, "
                                        "effects and subtitle tracks.")

    def describe(self) -> Content:
        episode = self.session.current_episode
        assert episode is not None
        clips = sum(len(t.clips) for t in episode.timeline.tracks)
        if clips == 0:
            return (translate("EmptyPanels", "The timeline of %1 is empty").replace("%1", self.episode_label()),
                    translate("EmptyPanels", "Shots with a chosen still or clip are placed here in story "
                                             "order; voice takes and music go on their own tracks."), ())
        return (translate("EmptyPanels", "%1 clips on %2 tracks").replace("%1", str(clips))
                .replace("%2", str(len(episode.timeline.tracks))), "", ())


class PreviewEmptyPanel(ShellEmptyPanel):
    ICON = "preview"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Play an episode in 9:16 with its sound, exactly as it will "
                                        "be exported.")

    def describe(self) -> Content:
        episode = self.session.current_episode
        assert episode is not None
        if episode.timeline.duration == 0:
            return (translate("EmptyPanels", "Nothing to play yet"),
                    translate("EmptyPanels", "Place shots on the timeline of %1 to preview it here.")
                    .replace("%1", self.episode_label()), ())
        return (self.episode_label(), "", ())


class BoothEmptyPanel(ShellEmptyPanel):
    ICON = "booth"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Record every line of dialogue take by take, against picture, "
                                        "and choose the best take.")

    def describe(self) -> Content:
        episode = self.session.current_episode
        assert episode is not None
        lines = list(episode.dialogue_lines())
        if not lines:
            return (translate("EmptyPanels", "No dialogue to record in %1").replace("%1", self.episode_label()),
                    translate("EmptyPanels", "Dialogue lines come from the script breakdown; each one can "
                                             "be recorded here."), ())
        recorded = sum(1 for _, line in lines if line.chosen_take() is not None)
        return (translate("EmptyPanels", "%1 of %2 lines recorded").replace("%1", str(recorded))
                .replace("%2", str(len(lines))), "", ())


class JobsEmptyPanel(ShellEmptyPanel):
    ICON = "jobs"

    def purpose(self) -> str:
        return translate("EmptyPanels", "Follow generations, renders and other long work, with progress "
                                        "and a way to cancel each one.")

    def describe(self) -> Content:
        jobs = self.session.series.jobs
        if not jobs:
            return (translate("EmptyPanels", "No jobs"),
                    translate("EmptyPanels", "Image, video and voice generations and exports of this "
                                             "series will be listed here while they run."), ())
        return (translate("EmptyPanels", "%1 jobs in this series").replace("%1", str(len(jobs))), "", ())


def content_page(owner: QWidget, top: QWidget | QLayout, body: QWidget, status: QWidget, summary: QWidget) -> QWidget:
    """A feature dock's working page: a tool row, the body, and a footer (status left, summary right)."""
    content = QWidget(owner)
    inner = QVBoxLayout(content)
    inner.setContentsMargins(4, 4, 4, 4)
    if isinstance(top, QLayout):
        inner.addLayout(top)
    else:
        inner.addWidget(top)
    inner.addWidget(body, 1)
    footer = QHBoxLayout()
    footer.addWidget(status, 1)
    footer.addWidget(summary, 1)
    if isinstance(summary, QLabel):  # a long summary wraps instead of widening the dock or being cut
        summary.setWordWrap(True)
        summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    inner.addLayout(footer)
    return content


class CurrentPageStack(QStackedWidget):
    """A stack as wide as the page it shows: a hidden empty state's buttons must not force a
    horizontal scroll bar on the working page (the Script dock at 1366x768). QStackedLayout
    takes the largest minimum of all pages unless a hidden page's size policy is Ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._size_by_current)

    def _size_by_current(self, _index: int = -1) -> None:
        for k in range(self.count()):
            page = self.widget(k)
            if page is None:  # k < count(): always a page; the stub says Optional
                continue
            policy = QSizePolicy.Policy.Preferred if page is self.currentWidget() else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.updateGeometry()


def stack_with_empty_state(owner: QWidget, empty_panel: ShellEmptyPanel, content: QWidget) -> QStackedWidget:
    """Lay ``owner`` out as a stack: page 0 the shell's empty state, page 1 the feature's content.

    Feature docks show the empty state while there is nothing to work on (no project,
    no episode, no shots) and switch to page 1 themselves.
    """
    stack = CurrentPageStack(owner)
    stack.addWidget(empty_panel)
    stack.addWidget(content)
    stack._size_by_current()
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(stack)
    return stack
