"""The Provenance dock: every asset the current episode uses, and what made it.

A creator answers "where did this picture come from?" here: provider, model,
prompt, seed, task id, cost, or the file and author it was imported from. The
dock also carries the episode's interchange and provenance actions (credits
report, OTIO, subtitles, theft check) for the File and Episode menus.

Out of sight (its dock tabbed behind another or closed) the panel only notes that
it is stale and rebuilds when it is next shown or painted: an episode switch or a
batch's events cost a hidden ledger nothing.
"""

from __future__ import annotations

import html
import json

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.jobs.costs import format_money
from app.model.serial import to_data
from app.provenance.ledger import Ledger, build_ledger
from app.session import Session
from widgets.provenance.actions import InterchangeActions

ASSET_ROLE = Qt.ItemDataRole.UserRole + 1


class ProvenancePanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 commands: InterchangeActions | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ledger: Ledger | None = None
        # the File and Episode menu commands: the editor makes them at start-up and hands them over
        self.actions_ = commands if commands is not None else InterchangeActions(session, self)

        self.summary = QLabel(self)
        self.summary.setObjectName("provenanceSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Asset"), self.tr("Source"), self.tr("Provider · model"),
                                   self.tr("Cost"), self.tr("Used as")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)

        credits = QPushButton(self.tr("Export Credits…"), self)
        credits.clicked.connect(self.actions_.export_credits_dialog)
        theft = QPushButton(self.tr("Check Suspect Video…"), self)
        theft.clicked.connect(self.actions_.theft_check_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(credits)
        buttons.addWidget(theft)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

        self._pending = False
        self._stale = False  # a refresh was skipped while out of sight: done when next seen
        doc = session.document
        for signal in (session.projectOpened, session.projectClosed, doc.reset):
            signal.connect(self.schedule_refresh)
        for signal in (session.currentEpisodeChanged, doc.listChanged, doc.objectChanged, doc.mediaChanged):
            signal.connect(self.schedule_refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Texts composed from the model (cards, rows) are rebuilt in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_refresh()
        super().changeEvent(event)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return self.actions_.menu_actions()

    def schedule_refresh(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_when_seen)

    def _out_of_sight(self) -> bool:
        """In a shown window but not on screen: the dock is tabbed behind another or closed."""
        return self.window().isVisible() and (not self.isVisible() or self.visibleRegion().isEmpty())

    def _refresh_when_seen(self) -> None:
        if self._out_of_sight():
            self._pending = False
            self._stale = True
            return
        self.refresh()

    def _catch_up(self) -> None:
        if self._stale and not self._out_of_sight():
            self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._stale:  # brought on screen (its dock's tab chosen): catch up right after this paint
            QTimer.singleShot(0, self._catch_up)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._catch_up)

    def refresh(self) -> None:
        self._pending = False
        self._stale = False
        episode = self.session.current_episode
        selected = current.data(0, ASSET_ROLE) if (current := self.tree.currentItem()) else None
        # Clearing a tree moves its current item through every row: with signals on, each move
        # rendered the details (200 HTML renders per episode switch on a season). Rebuild quietly,
        # then show the details once.
        blocker = QSignalBlocker(self.tree)
        try:
            self._rebuild(episode, selected)
        finally:
            blocker.unblock()
        self._show_details(self.tree.currentItem())

    def _rebuild(self, episode, selected: str | None) -> None:
        self.tree.clear()
        if episode is None:
            self.ledger = None
            self.summary.setText(self.tr("Open a project to see where each picture and sound came from."))
            return
        self.ledger = build_ledger(self.session.series, episode)
        currency = self.session.series.settings.currency
        source_names = {"generated": self.tr("AI-generated"), "imported": self.tr("Imported"),
                        "recorded": self.tr("Recorded"), "rendered": self.tr("Rendered")}
        items: list[QTreeWidgetItem] = []
        for entry in self.ledger.entries:
            p = entry.asset.provenance
            tool = " · ".join(x for x in (p.provider, p.model) if x)
            cost = format_money(p.cost, currency) if p.source == "generated" else ""
            item = QTreeWidgetItem([entry.asset.original_name, source_names.get(p.source, p.source),
                                    tool or (p.author if p.source != "generated" else ""), cost,
                                    "; ".join(entry.uses)])
            item.setData(0, ASSET_ROLE, entry.asset.id)
            item.setToolTip(0, p.prompt or p.original_filename)
            items.append(item)
        self.tree.addTopLevelItems(items)
        current = next((i for i in items if i.data(0, ASSET_ROLE) == selected), None)
        if current is not None:
            self.tree.setCurrentItem(current)
        ai = self.ledger.ai_entries()
        self.summary.setText(self.tr("Episode %1: %2 assets, %3 AI-generated by %4 tools, %5 spent.")
                             .replace("%1", str(episode.number)).replace("%2", str(len(self.ledger.entries)))
                             .replace("%3", str(len(ai))).replace("%4", str(len(self.ledger.ai_tools())))
                             .replace("%5", format_money(self.ledger.total_cost(), currency)))
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)
        if self.tree.currentItem() is None and (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)

    def _show_details(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            self.details.clear()
            return
        asset = self.session.series.media.get(current.data(0, ASSET_ROLE))
        if asset is None:
            return
        p = to_data(asset.provenance)
        labels = [("source", self.tr("Source")), ("provider", self.tr("Provider")), ("model", self.tr("Model")),
                  ("prompt", self.tr("Prompt")), ("negative_prompt", self.tr("Negative prompt")),
                  ("seed", self.tr("Seed")), ("task_id", self.tr("Task")), ("job_id", self.tr("Job")),
                  ("created_at", self.tr("Created")), ("cost", self.tr("Cost")),
                  ("original_filename", self.tr("Original file")), ("author", self.tr("Author")),
                  ("notes", self.tr("Notes"))]
        rows = [f"<tr><td class='k'>{html.escape(label)}</td><td>{html.escape(str(p[key]))}</td></tr>"
                for key, label in labels if p.get(key) not in ("", None, 0.0) or key == "source"]
        if p.get("parameters"):
            rows.append(f"<tr><td class='k'>{html.escape(self.tr('Parameters'))}</td><td><code>"
                        f"{html.escape(json.dumps(p['parameters'], ensure_ascii=False))}</code></td></tr>")
        if p.get("reference_inputs"):
            rows.append(f"<tr><td class='k'>{html.escape(self.tr('References'))}</td>"
                        f"<td>{html.escape(', '.join(p['reference_inputs']))}</td></tr>")
        rows.append(f"<tr><td class='k'>SHA-256</td><td><code>{asset.sha256}</code></td></tr>")
        self.details.setHtml(
            "<style>td{padding:2px 8px;vertical-align:top} td.k{color:#8a8fa3;white-space:nowrap}</style>"
            f"<b>{html.escape(asset.original_name)}</b><table>{''.join(rows)}</table>")
