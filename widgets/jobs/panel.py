"""``JobsPanel``: running, queued, failed and finished jobs, with Cancel / Retry / Clear finished.

A view of ``app.jobs.manager.JobManager``: it only reads jobs and calls the
manager's control methods; every row updates from the manager's signals. The
header shows the current episode's spending against its budget, and a banner
says why the queue is paused when the budget stopped it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.jobs.costs import format_money
from app.jobs.job import Job, JobState
from app.session import Session
from widgets.jobs.commands import JobsCommands
from widgets.settings.provider_texts import provider_text

COL_JOB, COL_PROVIDER, COL_TARGET, COL_PROGRESS, COL_COST, COL_STATUS = range(6)
GROUPS = ("running", "queued", "failed", "finished")
JOB_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2

DANGER = QColor("#f0605a")
WARNING = QColor("#f0b34a")
SUCCESS = QColor("#4cc38a")
DIM = QColor("#8c9099")


def _group_of(job: Job) -> str:
    if job.state.active:
        return "running"
    if job.state in (JobState.QUEUED, JobState.WAITING):
        return "queued"
    if job.state is JobState.FAILED:
        return "failed"
    return "finished"


class _ProgressDelegate(QStyledItemDelegate):
    """Draws a slim progress bar in the progress column (busy stripes when the vendor gives none)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None or index.column() != COL_PROGRESS:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(4, 5, -4, -5))
        bar.minimum, bar.maximum = 0, 100
        bar.progress = max(0, min(100, int(value)))
        bar.text = f"{bar.progress}%" if value >= 0 else ""
        bar.textVisible = value >= 0
        if value < 0:  # unknown: an empty bar, the status column says what it is waiting for
            bar.progress = 0
        bar.palette = option.palette
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 120), max(hint.height(), 26))


class JobsPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 commands: JobsCommands | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JobsPanel")
        self.session = session
        self.manager = session.services.jobs
        # the menus' commands: the editor makes them at start-up and hands them over (see commands.py)
        self.commands = commands if commands is not None else JobsCommands(session, self)
        self._items: dict[str, QTreeWidgetItem] = {}

        self.budget_label = QLabel()
        self.budget_label.setObjectName("JobsBudget")
        self.budget_bar = QProgressBar()
        self.budget_bar.setMaximumWidth(160)
        self.budget_bar.setMaximumHeight(8)
        self.budget_bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.clear_button = QPushButton(self.tr("Clear finished"))
        self.budget_button = QPushButton(self.tr("Budget…"))
        for button in (self.budget_button, self.cancel_button, self.retry_button, self.clear_button):
            button.setProperty("flat", True)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 2)
        header.addWidget(self.budget_label)
        header.addWidget(self.budget_bar)
        header.addWidget(self.budget_button)
        header.addStretch(1)
        header.addWidget(self.cancel_button)
        header.addWidget(self.retry_button)
        header.addWidget(self.clear_button)

        self.banner = QWidget()
        self.banner.setObjectName("JobsPausedBanner")
        self.banner.setStyleSheet("#JobsPausedBanner { background: #3a3020; border: 1px solid #6b5420; "
                                  "border-radius: 4px; } QLabel { color: #f0d9a8; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 6, 8, 6)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tree = QTreeWidget()
        self.tree.setObjectName("JobsTree")
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([self.tr("Job"), self.tr("Provider"), self.tr("For"), self.tr("Progress"),
                                   self.tr("Cost"), self.tr("Status")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setItemDelegateForColumn(COL_PROGRESS, _ProgressDelegate(self.tree))
        head = self.tree.header()
        head.setStretchLastSection(True)
        for col, width in ((COL_JOB, 190), (COL_PROVIDER, 110), (COL_TARGET, 100), (COL_PROGRESS, 110),
                           (COL_COST, 64)):
            head.resizeSection(col, width)
        head.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        self._groups: dict[str, QTreeWidgetItem] = {}
        for key in GROUPS:
            item = QTreeWidgetItem(self.tree)
            item.setFirstColumnSpanned(True)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setExpanded(True)
            self._groups[key] = item

        self.detail = QLabel()
        self.detail.setObjectName("JobsDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(8, 4, 8, 6)
        from widgets.jobs.original_text import OriginalText

        self.original = OriginalText(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.original)

        self.cancel_button.clicked.connect(self._cancel_selected)
        self.retry_button.clicked.connect(self._retry_selected)
        self.clear_button.clicked.connect(self.manager.clear_finished)
        self.budget_button.clicked.connect(self.edit_budget)
        self.resume_button.clicked.connect(self.manager.resume)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.commands.note.connect(self._show_note)
        self.manager.jobAdded.connect(self._refresh_job)
        self.manager.jobsAdded.connect(self._refresh_jobs)
        self.manager.jobChanged.connect(self._refresh_job)
        self.manager.jobRemoved.connect(self._remove_job)
        self.manager.pausedChanged.connect(self._refresh_banner)
        self.manager.costsChanged.connect(self._refresh_budget)
        session.currentEpisodeChanged.connect(self._refresh_budget)
        session.document.objectChanged.connect(self._on_object_changed)
        session.projectOpened.connect(self._refresh_budget)
        self._refresh_jobs([job.id for job in self.manager.jobs()])
        self._refresh_banner(self.manager.paused_reason)
        self._refresh_budget()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Texts composed from the model (cards, rows) are rebuilt in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh_jobs([job.id for job in self.manager.jobs()])
            self._refresh_banner(self.manager.paused_reason)
        super().changeEvent(event)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return self.commands.menu_actions()

    def generate_missing(self, slot: str) -> int:
        """Queue what the current episode lacks in ``slot``; returns how many jobs were queued."""
        return self.commands.generate_missing(slot)

    def edit_budget(self) -> None:
        self.commands.edit_budget()

    def _show_note(self, text: str) -> None:
        self.detail.setText(text)
        self.detail.show()

    def selected_jobs(self) -> list[Job]:
        jobs = []
        for item in self.tree.selectedItems():
            job = self.manager.job(item.data(0, JOB_ROLE) or "")
            if job is not None:
                jobs.append(job)
        return jobs

    def _cancel_selected(self) -> None:
        for job in self.selected_jobs():
            self.manager.cancel(job.id)

    def _retry_selected(self) -> None:
        jobs = self.selected_jobs()
        billed = [j for j in jobs if getattr(j, "billed_unknown", False)]
        if billed and not self._confirm_paid_again(billed):
            return
        lost = [j for j in jobs if getattr(j, "task_lost", False)]
        if lost and not self._confirm_generate_again(lost):
            return
        for job in jobs:
            self.manager.retry(job.id)

    def _confirm_paid_again(self, jobs: list[Job]) -> bool:
        """A create whose answer never arrived may already be paid for: a Retry pays again, so ask."""
        if len(jobs) == 1:
            text = self.tr("“{title}” may already have been created and billed at the vendor, but the answer "
                           "never arrived, so its result cannot be collected. Retry creates a new, paid task. "
                           "Check your account on the vendor's site first.").format(title=jobs[0].title)
        else:
            text = self.tr("{n} jobs may already have been created and billed at the vendor, but the answers "
                           "never arrived, so their results cannot be collected. Retry creates a new, paid task "
                           "for each. Check your account on the vendor's site first.").format(n=len(jobs))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Pay again?"), text,
                          QMessageBox.StandardButton.Cancel, self)
        pay = box.addButton(self.tr("Retry and pay again"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirmPayAgain")
        box.exec()
        return box.clickedButton() is pay

    def _confirm_generate_again(self, jobs: list[Job]) -> bool:
        """The vendor no longer has these tasks: a new, paid task each, asked with the cost."""
        currency = self.session.series.settings.currency
        cost = format_money(sum(j.estimated_cost for j in jobs), currency)
        if len(jobs) == 1:
            text = self.tr("The vendor no longer has the task for “{title}” (it expired or was removed there), "
                           "so its result cannot be collected. Generate again as a new, paid task?").format(
                title=jobs[0].title)
        else:
            text = self.tr("The vendor no longer has {n} of these tasks (they expired or were removed there), "
                           "so their results cannot be collected. Generate them again as new, paid tasks?").format(
                n=len(jobs))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Generate again?"), text,
                          QMessageBox.StandardButton.Cancel, self)
        again = box.addButton(self.tr("Generate Again (≈{cost})").format(cost=cost), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("generateAgain")
        box.setDefaultButton(again)
        box.setObjectName("confirmGenerateAgain")
        box.exec()
        return box.clickedButton() is again

    def _update_buttons(self) -> None:
        jobs = self.selected_jobs()
        self.cancel_button.setEnabled(any(not j.state.finished for j in jobs))
        self.retry_button.setEnabled(any(j.state in (JobState.FAILED, JobState.CANCELLED) for j in jobs))
        lost = bool(jobs) and all(getattr(j, "task_lost", False) for j in jobs)
        self.retry_button.setText(self.tr("Generate Again…") if lost else self.tr("Retry"))
        self.clear_button.setEnabled(any(j.state in (JobState.SUCCEEDED, JobState.CANCELLED)
                                         for j in self.manager.jobs()))
        job = jobs[0] if len(jobs) == 1 else None
        if job is not None and job.error:
            self.detail.setText(self.tr("{title}: {error}").format(title=job.title, error=job.error))
        elif job is not None:
            self.detail.setText(f"{job.title}: {self._status_text(job)}")
        else:
            self.detail.setText("")
        self.detail.setVisible(bool(self.detail.text()))
        original = job.error_original if job is not None and job.error else ""
        self.original.set_original(original if original != (job.error if job else "") else "")

    # -------------------------------------------------------------- rendering
    def _provider_label(self, job: Job) -> str:
        if job.resource == "local":
            return self.tr("This computer")
        try:
            from providers import registry

            label = provider_text(registry.get(job.resource).label)
        except (ImportError, KeyError):
            return job.resource
        endpoint = getattr(getattr(job, "handle", None), "endpoint", None)
        server = endpoint.get("server") if isinstance(endpoint, dict) else None
        return f"{label} · {str(server).split('://')[-1]}" if server else label  # a ComfyUI farm's server

    def _target_text(self, job: Job) -> str:
        target = job.target
        slot = {"still": self.tr("still"), "clip": self.tr("clip"), "music": self.tr("music")}.get(
            target.get("slot", ""), target.get("slot", ""))
        shot = self.session.document.find(target.get("shot_id"))
        if shot is not None:
            return f"{shot.code or shot.number} · {slot}"
        episode = self.session.document.find(target.get("episode_id"))
        if episode is not None:
            return self.tr("Episode {n}").format(n=episode.number) + (f" · {slot}" if slot else "")
        return slot

    def _status_text(self, job: Job) -> str:
        names = {
            JobState.QUEUED: self.tr("Queued"), JobState.WAITING: self.tr("Waiting to retry"),
            JobState.RUNNING: self.tr("Running"), JobState.REMOTE: self.tr("Generating at the vendor"),
            JobState.DOWNLOADING: self.tr("Downloading"), JobState.SUCCEEDED: self.tr("Done"),
            JobState.FAILED: self.tr("Failed"), JobState.CANCELLED: self.tr("Cancelled"),
        }
        if job.state is JobState.FAILED and job.error:
            return job.error
        return job.detail or names[job.state]

    def _refresh_jobs(self, job_ids: list) -> None:
        """A batch queued at once: its rows, then the group titles and buttons once."""
        for job_id in job_ids:
            self._refresh_row(job_id)
        self._refresh_groups()
        self._update_buttons()

    def _refresh_job(self, job_id: str) -> None:
        if self._refresh_row(job_id):
            self._refresh_groups()
            self._update_buttons()

    def _refresh_row(self, job_id: str) -> bool:
        job = self.manager.job(job_id)
        if job is None:
            return False
        item = self._items.get(job_id)
        group = self._groups[_group_of(job)]
        if item is None:
            item = QTreeWidgetItem()
            item.setData(0, JOB_ROLE, job_id)
            self._items[job_id] = item
        if (parent := item.parent()) is not group:
            if parent is not None:
                parent.removeChild(item)
            group.addChild(item)
        currency = self.session.series.settings.currency
        item.setText(COL_JOB, job.title)
        item.setText(COL_PROVIDER, self._provider_label(job))
        item.setText(COL_TARGET, self._target_text(job))
        if job.state.active or job.state is JobState.WAITING:
            item.setData(COL_PROGRESS, PROGRESS_ROLE, -1 if job.progress is None else job.progress * 100)
        elif job.state is JobState.SUCCEEDED:
            item.setData(COL_PROGRESS, PROGRESS_ROLE, 100)
        else:
            item.setData(COL_PROGRESS, PROGRESS_ROLE, None)
        cost = job.cost if job.state is JobState.SUCCEEDED else job.estimated_cost
        item.setText(COL_COST, "" if not cost else (format_money(cost, currency) if job.cost
                                                   else "≈" + format_money(cost, currency)))
        status = self._status_text(job)
        item.setText(COL_STATUS, status)
        item.setToolTip(COL_STATUS, status)
        colour = DANGER if job.state is JobState.FAILED else WARNING if job.state is JobState.WAITING \
            else SUCCESS if job.state is JobState.SUCCEEDED else DIM if job.state is JobState.CANCELLED else None
        if colour is not None:
            item.setForeground(COL_STATUS, colour)
        else:
            item.setData(COL_STATUS, Qt.ItemDataRole.ForegroundRole, None)
        return True

    def _remove_job(self, job_id: str) -> None:
        item = self._items.pop(job_id, None)
        if item is not None and (parent := item.parent()) is not None:
            parent.removeChild(item)
        self._refresh_groups()
        self._update_buttons()

    def _refresh_groups(self) -> None:
        titles = {"running": self.tr("Running"), "queued": self.tr("Queued"), "failed": self.tr("Failed"),
                  "finished": self.tr("Finished")}
        for key, item in self._groups.items():
            item.setText(0, f"{titles[key]} ({item.childCount()})")
            item.setHidden(item.childCount() == 0)
            item.setForeground(0, DANGER if key == "failed" else DIM)

    def _refresh_banner(self, reason: str) -> None:
        self.banner_text.setText(reason)
        self.banner.setVisible(bool(reason))

    def _on_object_changed(self, obj_id: str, fields: list) -> None:
        if "budget" in fields:
            self._refresh_budget()

    def _refresh_budget(self, *_: object) -> None:
        episode = self.session.current_episode
        if episode is None:
            self.budget_label.setText(self.tr("No episode open"))
            self.budget_bar.hide()
            return
        costs = self.manager.costs(episode.id)
        currency = self.session.series.settings.currency
        text = self.tr("Episode {n}: spent {spent}").format(n=episode.number,
                                                             spent=format_money(costs.spent, currency))
        if costs.pending:
            text += self.tr(", running ≈{pending}").format(pending=format_money(costs.pending, currency))
        if costs.budget is not None:
            text += self.tr(" of {budget} budget").format(budget=format_money(costs.budget, currency))
            used = (costs.spent + costs.pending) / costs.budget if costs.budget > 0 else 1.0
            self.budget_bar.setValue(int(min(1.0, used) * 100))
            self.budget_bar.show()
        else:
            text += self.tr(" (no budget set)")
            self.budget_bar.hide()
        self.budget_label.setText(text)
