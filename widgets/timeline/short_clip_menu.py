"""The choice of what Assemble does with a clip shorter than its shot (a project setting).

Generated clips come in fixed lengths (5 s, 10 s) while shots last as long as their
lines: the gap would be black. Like CapCut's "freeze frame" or Premiere's frame hold,
the default holds the last frame; slow motion, a loop or a shorter shot are the
alternatives. The choice is an undoable edit of the project settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.model import ShortClipPolicy
from app.session import Session


def policy_label(policy: ShortClipPolicy) -> str:
    labels = {
        ShortClipPolicy.FREEZE: QCoreApplication.translate("ShortClipMenu", "Freeze the Last Frame"),
        ShortClipPolicy.SLOW: QCoreApplication.translate("ShortClipMenu", "Slow the Clip Down"),
        ShortClipPolicy.LOOP: QCoreApplication.translate("ShortClipMenu", "Loop the Clip"),
        ShortClipPolicy.SHORTEN_SHOT: QCoreApplication.translate("ShortClipMenu", "Shorten the Shot"),
    }
    return labels[policy]


class ShortClipMenu(QMenu):
    """Checkable choices bound to ``series.settings.short_clip`` of the open project."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.group = QActionGroup(self)
        self.actions_by_policy: dict[ShortClipPolicy, QAction] = {}
        for policy in ShortClipPolicy:
            act = QAction(self)
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, p=policy: self.choose(p))
            self.group.addAction(act)
            self.addAction(act)
            self.actions_by_policy[policy] = act
        self.aboutToShow.connect(self.sync)
        self.retranslate()
        self.sync()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ShortClipMenu", "Clips Shorter Than Their Shot"))
        for policy, act in self.actions_by_policy.items():
            act.setText(policy_label(policy))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sync(self) -> None:
        current = self.session.series.settings.short_clip
        self.actions_by_policy[current].setChecked(True)

    def choose(self, policy: ShortClipPolicy) -> None:
        settings = self.session.series.settings
        if settings.short_clip is not policy:
            self.session.document.edit(settings, QCoreApplication.translate(
                "ShortClipMenu", "Change how short clips are assembled"), short_clip=policy)
