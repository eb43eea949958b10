"""The Storyboard dock: one card per shot, the selected shot's inspector, and batch generation.

Cards are painted from a small summary of each shot, rebuilt when the model
changes (coalesced), so a board of hundreds of shots stays quick. Dragging
cards reorders shots (one undo step, across scenes too). Generation goes
through the job queue: per shot (N candidate stills, a clip from the chosen
still) or for everything missing in the episode, after showing the cost.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolBar,
    QWidget,
)

from app.background import run_in_background
from app.document import ProjectDocument
from app.jobs.actions import busy_shots
from app.model import Scene, Shot
from app.session import Session
from widgets.settings.provider_texts import provider_text
from widgets.shell.next_turn import NextTurn
from widgets.storyboard.board import ID_ROLE, Board
from widgets.storyboard.card import MIN_CARD_WIDTH, SHOT_ROLE, ShotCardDelegate, card_size_for
from widgets.storyboard.generation import GenerationActions
from widgets.storyboard.inspector import ShotInspector
from widgets.storyboard.thumbs import ThumbnailSource

log = logging.getLogger(__name__)


class StoryboardPanel(GenerationActions):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.thumbs = ThumbnailSource(session, self)
        self.board = Board(self)
        self.delegate = ShotCardDelegate(self.thumbs, self.board)
        self.board.setItemDelegate(self.delegate)
        self.board.currentItemChanged.connect(self._current_changed)
        self.inspector = ShotInspector(session, self.thumbs, self)
        self.inspector.generateRequested.connect(self.generate_for_shot)

        self.scene_filter = QComboBox(self)
        self.scene_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.character_filter = QComboBox(self)
        self.character_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.image_provider = QComboBox(self)
        self.video_provider = QComboBox(self)
        self._fill_providers()
        self.video_provider.currentIndexChanged.connect(
            lambda _i: self.inspector.clip_model.set_provider(self.video_provider.currentData()))
        self.inspector.clip_model.set_provider(self.video_provider.currentData())
        self.summary = QLabel(self)  # counts, rewritten on every refresh
        self.message = QLabel(self)  # what the last action did
        self.message.setWordWrap(True)
        self._build_actions()

        # a tool bar folds what does not fit into its » menu, so the dock can be narrow
        bar = QToolBar(self)
        bar.addWidget(self.scene_filter)
        bar.addWidget(self.character_filter)
        bar.addAction(self.act_list_mode)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Image") + " "))
        bar.addWidget(self.image_provider)
        bar.addWidget(QLabel(" " + self.tr("Video") + " "))
        bar.addWidget(self.video_provider)
        bar.addSeparator()
        for action in (self.act_missing_stills, self.act_missing_clips, self.act_multishot, self.act_import_files,
                       self.act_send):
            bar.addAction(action)
        bar.addWidget(self.voice_actions.tool_button(bar))
        for combo in (self.scene_filter, self.character_filter, self.image_provider, self.video_provider):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.board)
        split.addWidget(self.inspector)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(True)
        self.split = split
        self._split_placed = False
        self.board.setMinimumWidth(MIN_CARD_WIDTH + 24)
        self.inspector.setMinimumWidth(0)
        # no project, no episode or no shots: the shell's empty state says what to do next
        from widgets.shell.empty_panels import StoryboardEmptyPanel, content_page, stack_with_empty_state

        content = content_page(self, bar, split, self.message, self.summary)

        self.empty_panel = StoryboardEmptyPanel(session, self)
        self.empty = self.empty_panel.empty
        self.stack = stack_with_empty_state(self, self.empty_panel, content)

        self._refresh_turn = NextTurn(self, self.refresh)  # its own turn: not back to back with a switch's other work
        doc = session.document
        for signal in (session.projectOpened, session.projectClosed, session.currentEpisodeChanged, doc.reset):
            signal.connect(self.schedule_refresh)
        doc.listChanged.connect(self._document_changed)
        doc.objectChanged.connect(self._document_changed)
        doc.mediaChanged.connect(self._media_changed)
        self.thumbs.ready.connect(lambda _id: self.board.viewport().update())
        session.selectedShotChanged.connect(self._select_from_session)
        self.manager_connected = False
        self.refresh()

    # A 60-shot batch sends a few events per job, most for other episodes' shots: only what this
    # board shows (the current episode's shots, their pictures and jobs) refreshes it.
    def _document_changed(self, obj_id: str, _what: object) -> None:
        episode = self.session.current_episode
        owner = self.session.document.episode_of(obj_id)
        if episode is None or not owner or owner == episode.id:
            self.schedule_refresh()

    def _media_changed(self, asset_id: str) -> None:
        episode = self.session.current_episode
        if episode is None or any(asset_id in (s.chosen_still, s.chosen_clip) for s in episode.shots()):
            self.schedule_refresh()

    def _job_changed(self, job_id: str) -> None:
        job = self.session.services.jobs.job(job_id)
        episode = self.session.current_episode
        if job is None or episode is None or job.target.get("episode_id") in (None, "", episode.id):
            self.schedule_refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Texts composed from the model (cards, rows) are rebuilt in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_refresh()
        super().changeEvent(event)

    def _build_actions(self) -> None:
        def make(text: str, name: str, slot) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            return action

        self.act_missing_stills = make(self.tr("Generate Missing Stills…"), "action_missing_stills",
                                       lambda: self.generate_missing("still"))
        self.act_missing_clips = make(self.tr("Generate Missing Clips…"), "action_missing_clips",
                                      lambda: self.generate_missing("clip"))
        self.act_send = make(self.tr("Send to Timeline"), "action_send_to_timeline", self.send_to_timeline)
        self.act_list_mode = make(self.tr("List"), "action_storyboard_list", self._toggle_list)
        self.act_import_files = make(self.tr("Import Files to Shots…"), "action_import_to_shots",
                                     self.import_files_dialog)
        self.act_list_mode.setCheckable(True)
        from widgets.storyboard.multishot_action import MultiShotAction
        from widgets.voices.actions import VoiceActions

        self.act_multishot = MultiShotAction(self)
        self.voice_actions = VoiceActions(self.session, self)
        self.voice_actions.reported.connect(self.message.setText)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"Generate": [self.act_missing_stills, self.act_missing_clips, self.act_multishot,
                             *self.voice_actions.actions()],
                "Episode": [self.act_send, self.act_import_files]}

    def _fill_providers(self) -> None:
        """The built-in providers now; providers declared in files join when their module has
        loaded in the background (it validates them with jsonschema: too slow for start-up)."""
        from providers import registry

        def built_in(capability: str) -> list:
            return sorted((p for p in registry.PROVIDERS if capability in p.capabilities and p.name != "import"),
                          key=lambda p: (p.priority, p.name))
        self._set_providers(built_in)
        for combo, capability in ((self.image_provider, "image"), (self.video_provider, "video")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, cap=capability: self._provider_chosen(c, cap))

        def load_all() -> dict[str, list]:
            return {cap: registry.for_capability(cap) for cap in ("image", "video")}

        def loaded(found: dict[str, list]) -> None:
            if any(len(found[cap]) != len(built_in(cap)) for cap in found):
                self._set_providers(found.__getitem__)
        run_in_background(load_all, loaded, lambda exc: log.warning("provider files: %s", exc), owner=self,
                          name="provider-files")

    def _set_providers(self, for_capability) -> None:  # noqa: ANN001 - (capability) -> [ProviderInfo]
        from app.settings_store import settings_store

        for combo, capability in ((self.image_provider, "image"), (self.video_provider, "video")):
            chosen = combo.currentData() or settings_store().get("defaults", capability)
            blocked = combo.blockSignals(True)  # filling is not the user choosing
            combo.clear()
            for info in for_capability(capability):
                combo.addItem(provider_text(info.label), info.name)
            index = combo.findData(chosen) if chosen else -1
            if index >= 0:
                combo.setCurrentIndex(index)
            else:  # nothing chosen yet: say so, rather than show the first provider as if it were chosen
                combo.insertItem(0, self.tr("Choose a provider…"), "")
                combo.setCurrentIndex(0)
            combo.blockSignals(blocked)
        self.inspector.clip_model.set_provider(self.video_provider.currentData())

    def _provider_chosen(self, combo: QComboBox, capability: str) -> None:
        from app.settings_store import settings_store

        name = combo.currentData()
        if not name:
            return
        settings_store().set("defaults", capability, name)
        placeholder = combo.findData("")
        if placeholder >= 0:  # a provider is chosen: the "choose" line has done its job
            combo.blockSignals(True)
            combo.removeItem(placeholder)
            combo.blockSignals(False)

    def _toggle_list(self, on: bool) -> None:
        self.delegate.list_mode = on
        self.board.setViewMode(QListWidget.ViewMode.ListMode if on else QListWidget.ViewMode.IconMode)
        if not on:
            self.fit_cards(force=True)
        else:
            self.board.setGridSize(QSize())
        self.refresh(rebuild=True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._split_placed and self.split.width() > 0:
            # the board first: three cards across, the inspector in what is left (it scrolls)
            self._split_placed = True
            width = self.split.width()
            board = max(int(width * 0.6), min(width - 260, 3 * (MIN_CARD_WIDTH + 8) + 24))
            self.split.setSizes([board, max(0, width - board)])

    def fit_cards(self, force: bool = False) -> None:
        """Size the cards so three fit across the board (down to a readable minimum)."""
        if not hasattr(self, "delegate") or self.delegate.list_mode:
            return
        size = card_size_for(self.board.viewport().width())
        if size == self.delegate.card_size and not force:
            return
        self.delegate.card_size = size
        self.board.setGridSize(QSize(size.width() + 8, size.height() + 8))
        for row in range(self.board.count()):
            self.board.item(row).setSizeHint(size)

    # ---------------------------------------------------------------- refresh
    def schedule_refresh(self, *_args: object) -> None:
        self._refresh_turn.schedule()

    @property
    def _pending(self) -> bool:
        """A refresh is scheduled and has not run yet."""
        return self._refresh_turn.pending

    def _shots(self) -> list[tuple[int, Shot]]:
        episode = self.session.current_episode
        if episode is None:
            return []
        scene_id = self.scene_filter.currentData()
        character_id = self.character_filter.currentData()
        out = []
        for scene in episode.scenes:
            if scene_id and scene.id != scene_id:
                continue
            for shot in scene.shots:
                if character_id and character_id not in shot.character_ids and not any(
                        d.character_id == character_id for d in shot.dialogue):
                    continue
                out.append((scene.number, shot))
        return out

    def _refresh_filters(self) -> None:
        episode = self.session.current_episode
        for combo, entries, everything in (
            (self.scene_filter, [(f"{s.number}. {s.heading}", s.id) for s in (episode.scenes if episode else [])],
             self.tr("All scenes")),
            (self.character_filter, [(c.name, c.id) for c in self.session.series.characters], self.tr("All characters")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for label, data in entries:
                combo.addItem(label, data)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def refresh(self, rebuild: bool = False) -> None:
        """Cards from the model. When the board already shows the same shots in the same order (a
        job event, an edit), only the cards whose content changed are updated: clearing and re-adding
        every card on each event of a 60-shot batch stalled the GUI thread ~100 ms a time."""
        self._refresh_turn.cancel()  # called directly: the scheduled one would do it again
        self._refresh_filters()
        if not self.manager_connected and self.session.bundle is not None:
            manager = self.session.services.jobs
            manager.jobChanged.connect(self._job_changed)
            self.manager_connected = True
        current = self.board.currentItem().data(ID_ROLE) if self.board.currentItem() else self.session.selected_shot_id
        fps = self.session.series.settings.fps
        series = self.session.series
        busy = busy_shots(self.session)
        shots = [shot for _scene_number, shot in self._shots()]
        infos = [self._card_info(shot, fps, series, busy) for shot in shots]
        if not rebuild and [s.id for s in shots] == [self.board.item(r).data(ID_ROLE) for r in range(self.board.count())]:
            for row, info in enumerate(infos):
                item = self.board.item(row)
                if item.data(SHOT_ROLE) != info:
                    item.setData(SHOT_ROLE, info)
                if self.board.currentItem() is None and item.data(ID_ROLE) == current:
                    self.board.blockSignals(True)
                    self.board.setCurrentItem(item)
                    self.board.blockSignals(False)
        else:
            self._rebuild_cards(shots, infos, current)
        episode = self.session.current_episode  # the summary counts every shot, not only the filtered cards
        all_shots = list(episode.shots()) if episode else []
        with_still = sum(bool(s.chosen_still) for s in all_shots)
        with_clip = sum(bool(s.chosen_clip) for s in all_shots)
        self.stack.setCurrentIndex(1 if all_shots else 0)
        self.summary.setText(self.tr("%1 shots · %2 with a still · %3 with a clip").replace("%1", str(len(all_shots)))
                             .replace("%2", str(with_still)).replace("%3", str(with_clip)))
        self.inspector.show_shot(current if any(s.id == current for s in all_shots) else "")

    def _rebuild_cards(self, shots: list[Shot], infos: list[dict], current: str | None) -> None:
        selected = {item.data(ID_ROLE) for item in self.board.selectedItems()}
        self.board.blockSignals(True)
        self.board.clear()
        for shot, info in zip(shots, infos, strict=True):
            item = QListWidgetItem()
            item.setData(ID_ROLE, shot.id)
            item.setData(SHOT_ROLE, info)
            item.setSizeHint(self.delegate.card_size if not self.delegate.list_mode else QSize(400, 96))
            self.board.addItem(item)
            if shot.id in selected:
                item.setSelected(True)
            if shot.id == current:
                self.board.setCurrentItem(item)
        self.board.blockSignals(False)

    def _card_info(self, shot: Shot, fps: int, series, busy: set[tuple[str, str]]) -> dict:
        lines = [d for d in shot.dialogue]
        voiced = sum(1 for d in lines if d.chosen_take() is not None)
        still_state = "busy" if ("still", shot.id) in busy else ("ok" if shot.chosen_still else "missing")
        clip_state = "busy" if ("clip", shot.id) in busy else ("ok" if shot.chosen_clip else "missing")
        title = shot.title_text.strip() and not (shot.chosen_still or shot.chosen_clip)
        pills = [(self.tr("Title card"), "ok")] if title else [(self.tr("Still"), still_state),
                                                                (self.tr("Clip"), clip_state)]
        if lines:
            pills.append((self.tr("Voice %1/%2").replace("%1", str(voiced)).replace("%2", str(len(lines))),
                          "ok" if voiced == len(lines) else "missing"))
        speech = " ".join(f"{(series.character(d.character_id).name if series.character(d.character_id) else d.character_name)}：{d.text}"
                          for d in lines[:2])
        return {"code": shot.code or str(shot.number), "duration": f"{shot.duration / fps:.1f}s",
                "summary": speech or shot.action, "pills": pills, "locked": shot.locked,
                "picture": shot.chosen_still or shot.chosen_clip,
                "title_card": shot.title_text.strip() if title else "",
                "empty_text": self.tr("Loading picture…") if shot.chosen_still or shot.chosen_clip
                else self.tr("No picture yet")}

    def _current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        shot_id = current.data(ID_ROLE) if current is not None else ""
        self.inspector.show_shot(shot_id)
        self.session.select_shot(shot_id)

    def _select_from_session(self, shot_id: str) -> None:
        for row in range(self.board.count()):
            item = self.board.item(row)
            if item.data(ID_ROLE) == shot_id and self.board.currentItem() is not item:
                self.board.setCurrentItem(item)
                break

    # ---------------------------------------------------------------- reorder
    def move_shots(self, shot_ids: list[str], before_row: int) -> None:
        """Move shots so they sit before the card at ``before_row`` of the board (end if past it)."""
        doc = self.session.document
        visible = [self.board.item(r).data(ID_ROLE) for r in range(self.board.count())]
        anchor = next((sid for sid in visible[before_row:] if sid not in shot_ids), None)
        episode = self.session.current_episode
        if episode is None or not shot_ids:
            return
        with doc.macro(self.tr("Reorder shots")):
            for shot_id in shot_ids:
                shot = doc.find(shot_id)
                if anchor is not None:
                    owner = _owner(doc, anchor)
                    index = [s.id for s in owner.shots].index(anchor)
                    current_owner = _owner(doc, shot_id)
                    if current_owner is owner and [s.id for s in owner.shots].index(shot_id) < index:
                        index -= 1
                else:
                    owner = episode.scenes[-1]
                    index = len(owner.shots) - (1 if _owner(doc, shot_id) is owner else 0)
                doc.move(shot, index, self.tr("Move shot"), owner=owner, field="shots")
            self._renumber(episode)

    def _renumber(self, episode) -> None:
        doc = self.session.document
        for scene in episode.scenes:
            for number, shot in enumerate(scene.shots, start=1):
                if shot.number != number:
                    doc.edit(shot, QCoreApplication.translate("StoryboardPanel", "Renumber"), number=number)

    def import_files_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Files to Shots"), str(Path.home()),
            self.tr("Pictures and videos named after their shot, e.g. E01S02-03.png (*.png *.jpg *.jpeg *.webp "
                    "*.mp4 *.mov *.webm)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]):
        """Match files to shots by the shot code in their names and add them as new versions."""
        from app.storyboard.files import import_files_to_shots

        episode = self.session.current_episode
        if episode is None or not paths:
            return None

        def report(result) -> None:
            text = self.tr("%1 file(s) placed on their shots.").replace("%1", str(len(result.placed)))
            skipped = result.unmatched + result.ambiguous + result.failed
            if skipped:
                text += " " + self.tr("Not placed: %1").replace("%1", ", ".join(skipped[:6]))
            self.message.setText(text)

        return import_files_to_shots(self.session, episode, paths, report)

    def send_to_timeline(self) -> None:
        from app.timeline.assemble import assemble_from_storyboard

        episode = self.session.current_episode
        if episode is not None:
            report = assemble_from_storyboard(self.session.document, episode)
            self.message.setText(self.tr("Timeline assembled: %1 clips added, %2 updated, %3 removed.")
                                 .replace("%1", str(report.created)).replace("%2", str(report.updated))
                                 .replace("%3", str(report.removed)))


def _owner(doc: ProjectDocument, shot_id: str) -> Scene:
    """The scene holding shot ``shot_id`` (every shot on the board is in one)."""
    found = doc.owner_of(shot_id)
    if found is None or not isinstance(found[0], Scene):
        raise KeyError(f"shot {shot_id} is in no scene")
    return found[0]
