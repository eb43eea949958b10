"""The Script dock: the episode's screenplay in Fountain, its outline, and AI writing.

Typing edits the text widget at once and reaches the model after a short pause,
as one undo step per burst of typing (Edit > Undo then undoes the burst). AI
writing streams into the editor through the job queue and lands as one undo
step, whether it finished or was stopped. "Break Down" turns the screenplay into
scenes, shots and dialogue lines, keeping shots the creator already worked on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.errors import ProviderNotConfigured, UserError
from app.fsutil import atomic_write_bytes
from app.jobs.job import FunctionJob, JobState
from app.script.fountain import Kind, Screenplay, parse
from app.script.text_provider import configured_text_provider
from app.script.writing import (
    TextStreamJob,
    episode_messages,
    outline_messages,
    parse_outline,
    rewrite_messages,
    strip_fences,
)
from app.session import Session
from widgets.settings.provider_setup import explain_generation_error

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
COMMIT_DELAY_MS = 700


class ScriptPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._episode_id = ""
        self._typing_serial = 0
        self._applying = False  # setting the editor from the model: not a user edit
        self._parsed: tuple[tuple[str, tuple[str, ...]], Screenplay] | None = None  # the last parse, by text
        self._stream_job: TextStreamJob | None = None
        self._breakdown_job: FunctionJob | None = None
        self._stream_cursor: QTextCursor | None = None

        from widgets.script.highlighter import FountainHighlighter

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("scriptEditor")
        font = QFont("Noto Sans Mono CJK SC")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(11)
        self.editor.setFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setPlaceholderText(self.tr("INT. PLACE - DAY\n\nAction.\n\nCHARACTER\nDialogue.\n\n"
                                               "（中文剧本也可以：1. 内景 地点 - 日 / 林晓：台词）"))
        self.highlighter = FountainHighlighter(self.editor.document())
        self.editor.textChanged.connect(self._text_edited)

        self.outline = QTreeWidget(self)
        self.outline.setHeaderHidden(True)
        self.outline.setRootIsDecorated(False)
        self.outline.itemActivated.connect(self._jump)
        self.outline.itemClicked.connect(self._jump)
        self.status = QLabel(self)  # what just happened
        self.status.setObjectName("scriptStatus")
        self.status.setWordWrap(True)
        self.stats = QLabel(self)  # counts of the script and the board
        self.stats.setObjectName("scriptStats")

        self.commit_timer = QTimer(self)
        self.commit_timer.setSingleShot(True)
        self.commit_timer.setInterval(COMMIT_DELAY_MS)
        self.commit_timer.timeout.connect(self.commit)

        self._build_actions()
        # a tool bar, not a row of buttons: when the dock is narrow what does not fit folds into its » menu
        bar = QToolBar(self)
        bar.setObjectName("ScriptBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        for action in (self.act_breakdown, self.act_import, self.act_export):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            if action is self.act_breakdown:  # the rule-based breakdown sits under the button's arrow
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
                plain = QMenu(button)
                plain.addAction(self.act_breakdown_plain)
                button.setMenu(plain)
            bar.addWidget(button)
        write = QToolButton(self)
        write.setText(self.tr("Write with AI"))
        write.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(write)
        menu.addActions([self.act_write_episode, self.act_outline, self.act_rewrite_hook,
                         self.act_rewrite_cliff, self.act_rewrite_custom])
        write.setMenu(menu)
        bar.addWidget(write)
        stop = QToolButton(self)
        stop.setDefaultAction(self.act_stop)
        bar.addWidget(stop)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bible = QToolButton(self)
        bible.setDefaultAction(self.act_bible)
        bar.addWidget(bible)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(self.outline)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        # no project or no episode: the shell's empty state offers the next step
        from widgets.shell.empty_panels import ScriptEmptyPanel, content_page, stack_with_empty_state

        content = content_page(self, bar, split, self.status, self.stats)

        self.empty_panel = ScriptEmptyPanel(session, self)
        self.empty = self.empty_panel.empty
        self.stack = stack_with_empty_state(self, self.empty_panel, content)

        doc = session.document
        session.projectOpened.connect(self._load_episode)
        session.projectClosed.connect(self._load_episode)
        session.currentEpisodeChanged.connect(self._load_episode)
        doc.reset.connect(self._load_episode)
        doc.objectChanged.connect(self._model_changed)
        self.editor.installEventFilter(self)
        self._load_episode()

    # ---------------------------------------------------------------- actions

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Texts composed from the model are rebuilt in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh_outline()
        super().changeEvent(event)

    def _build_actions(self) -> None:
        def make(text: str, name: str, slot, shortcut: str | None = None) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            return action

        self.act_breakdown = make(self.tr("Break Down"), "action_breakdown", self.break_down)
        # its keys (Ctrl+Shift+B) come from the command catalog; they work while the Script dock has the focus
        self.act_breakdown.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_breakdown_plain = make(self.tr("Break Down Without AI"), "action_breakdown_plain",
                                        self.break_down_without_ai)
        self.act_breakdown_plain.setToolTip(self.tr("One shot per beat, by rule: no language model, nothing to pay"))
        self.act_import = make(self.tr("Import…"), "action_import_fountain", self.import_dialog)
        self.act_export = make(self.tr("Export…"), "action_export_fountain", self.export_dialog)
        self.act_write_episode = make(self.tr("Write This Episode"), "action_write_episode", self.write_episode)
        self.act_outline = make(self.tr("Season Outline…"), "action_season_outline", self.season_outline_dialog)
        self.act_rewrite_hook = make(self.tr("Rewrite Selection: Sharper Hook"), "action_rewrite_hook",
                                     lambda: self.rewrite_selection("hook"))
        self.act_rewrite_cliff = make(self.tr("Rewrite Selection: Cliffhanger Ending"), "action_rewrite_cliffhanger",
                                      lambda: self.rewrite_selection("cliffhanger"))
        self.act_rewrite_custom = make(self.tr("Rewrite Selection…"), "action_rewrite_custom", self.rewrite_custom)
        self.act_stop = make(self.tr("Stop"), "action_stop_writing", self.stop_writing)
        self.act_stop.setEnabled(False)
        self.act_bible = make(self.tr("Series Bible…"), "action_series_bible", self.open_bible)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"Episode": [self.act_breakdown, self.act_breakdown_plain, self.act_bible],
                "Generate": [self.act_write_episode, self.act_outline, self.act_rewrite_hook, self.act_rewrite_cliff,
                             self.act_rewrite_custom, self.act_stop]}

    # ------------------------------------------------------------ model sync
    @property
    def episode(self):
        return self.session.current_episode

    def _load_episode(self, *_args: object) -> None:
        self.commit()
        episode = self.episode
        self._episode_id = episode.id if episode else ""
        self._typing_serial += 1
        self._set_editor_text(episode.script if episode else "")
        self.editor.setReadOnly(episode is None)
        self.stack.setCurrentIndex(1 if episode is not None else 0)
        self._refresh_outline()

    def _set_editor_text(self, text: str) -> None:
        """Show ``text``. Its lines are classified first, so the highlighter colours it once while the
        text is laid out (and ``_refresh_outline`` then finds nothing to recolour): an episode switch
        paid for two Fountain parses and two highlighting passes of the whole script."""
        if self.editor.toPlainText() == text:
            return
        cursor_pos = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        self.highlighter.prepare(self._parse(text))
        self._applying = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._applying = False
        cursor = self.editor.textCursor()
        cursor.setPosition(min(cursor_pos, len(text)))
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(scroll)

    def _model_changed(self, obj_id: str, fields: list) -> None:
        if obj_id == self._episode_id and "script" in fields and not self.commit_timer.isActive():
            episode = self.episode
            if episode is not None and self._stream_job is None:
                self._set_editor_text(episode.script)
                self._refresh_outline()

    def _text_edited(self) -> None:
        if self._applying:
            return  # set from the model: whoever set it refreshes the outline once
        self._refresh_outline()
        if self._stream_job is not None:
            return
        self.commit_timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.editor and event.type() == event.Type.FocusOut:
            self.commit()
            self._typing_serial += 1  # the next burst of typing is its own undo step
        return super().eventFilter(watched, event)

    def commit(self) -> None:
        """Send the editor's text to the model (merged with the current burst of typing)."""
        self.commit_timer.stop()
        episode = self.session.document.find(self._episode_id) if self._episode_id else None
        if episode is None:
            return
        text = self.editor.toPlainText()
        if text != episode.script:
            self.session.document.edit(episode, self.tr("Edit screenplay"),
                                       merge_key=f"script:{episode.id}:{self._typing_serial}", script=text)

    # --------------------------------------------------------------- outline
    def _parse(self, text: str) -> Screenplay:
        key = (text, tuple(c.name for c in self.session.series.characters))
        if self._parsed is None or self._parsed[0] != key:
            self._parsed = (key, parse(text, list(key[1])))
        return self._parsed[1]

    def _refresh_outline(self) -> None:
        play = self._parse(self.editor.toPlainText())
        self.highlighter.set_screenplay(play)
        self.outline.clear()
        scenes = 0
        lines = 0
        for element in play.elements:
            if element.kind is Kind.SCENE_HEADING:
                scenes += 1
                numbered = element.text[:1].isdigit() or element.text.startswith("第")
                item = QTreeWidgetItem([element.text if numbered else f"{scenes}. {element.text}"])
            elif element.kind is Kind.SECTION:
                item = QTreeWidgetItem(["#" * element.level + " " + element.text])
                item.setForeground(0, Qt.GlobalColor.darkYellow)
            else:
                lines += element.kind is Kind.DIALOGUE
                continue
            item.setData(0, LINE_ROLE, element.line)
            self.outline.addTopLevelItem(item)
        episode = self.episode
        shots = sum(len(s.shots) for s in episode.scenes) if episode else 0
        self.stats.setText(self.tr("%1 scenes, %2 dialogue lines in the script · %3 shots on the board")
                            .replace("%1", str(scenes)).replace("%2", str(lines)).replace("%3", str(shots)))

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        block = self.editor.document().findBlockByNumber(int(item.data(0, LINE_ROLE)))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    # ------------------------------------------------------------- breakdown
    def break_down(self, *, use_ai: bool | None = None) -> None:
        """Break the screenplay down into the storyboard (merging with what is there)."""
        self.commit()
        episode = self.episode
        if episode is None or not episode.script.strip():
            self.status.setText(self.tr("Write or import a screenplay first."))
            return
        provider = configured_text_provider() if use_ai is not False else None
        if provider is None:
            from app.script.importer import heuristic_breakdown  # breakdown code loads when first used

            self._apply_breakdown(heuristic_breakdown)
            return
        from app.script.llm_breakdown import model_breakdown

        series, text = self.session.series, episode.script
        # the model call runs on a worker against a copy; the merge lands on the GUI thread
        import copy

        snapshot = copy.deepcopy(series)

        def work(ctx) -> list:
            ctx.progress(None, QCoreApplication.translate("ScriptPanel", "Asking the language model for a shot list"))
            return model_breakdown(provider, cancel=ctx.token)(snapshot, episode, text)

        def land(scenes: list) -> None:
            known = {c.id for c in series.characters}
            fresh_characters = [c for c in snapshot.characters if c.id not in known]
            known_locations = {loc.id for loc in series.locations}
            fresh_locations = [loc for loc in snapshot.locations if loc.id not in known_locations]

            def from_model(s, e, t):
                s.characters.extend(fresh_characters)
                s.locations.extend(fresh_locations)
                return scenes

            self._apply_breakdown(from_model)

        self.status.setText(self.tr("Breaking down with %1…").replace("%1", provider))
        manager = self.session.services.jobs
        self._breakdown_job = FunctionJob(self.tr("Break down episode %1").replace("%1", str(episode.number)), work,
                                          on_done=land, kind="breakdown", resource=provider)
        manager.jobFinished.connect(self._breakdown_finished)
        manager.add(self._breakdown_job)

    def break_down_without_ai(self) -> None:
        self.break_down(use_ai=False)

    def _breakdown_finished(self, job_id: str) -> None:
        """A model breakdown ended: its result landed, or the status says why not (never stays "breaking down")."""
        job = self._breakdown_job
        if job is None or job.id != job_id:
            return
        self.session.services.jobs.jobFinished.disconnect(self._breakdown_finished)
        self._breakdown_job = None
        if job.state is JobState.CANCELLED:
            self.status.setText(self.tr("Breakdown stopped; the storyboard is unchanged."))
        elif job.state is JobState.FAILED:
            self.status.setText(self.tr("The language model could not break the script down: %1").replace(
                "%1", job.error))
            box = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Breakdown failed"),
                self.tr("The language model could not break the script down:\n\n%1\n\nBreak it down without AI "
                        "instead (one shot per beat)?").replace("%1", job.error),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.Yes)
            box.setObjectName("breakdownFailedBox")
            if getattr(job, "error_original", "") and job.error_original != job.error:
                box.setDetailedText(job.error_original)  # the vendor's own words, copyable
            if box.exec() == QMessageBox.StandardButton.Yes:
                self.break_down(use_ai=False)

    def _apply_breakdown(self, make_scenes) -> None:
        from app.script.checks import check_episode
        from app.script.importer import apply_script

        episode = self.episode
        if episode is None:
            return
        try:
            result = apply_script(self.session.document, episode.script, episode.number, make_scenes)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Breakdown failed"), str(exc))
            return
        r = result.report
        problems = [p for p in check_episode(self.session.series, result.episode, self.session.bundle)
                    if p.kind == "dialogue_too_long"]
        self.status.setText(self.tr("Broken down: %1 new, %2 refreshed, %3 kept as you edited them, %4 removed.")
                            .replace("%1", str(len(r.added))).replace("%2", str(len(r.updated)))
                            .replace("%3", str(len(r.kept))).replace("%4", str(len(r.removed)))
                            + (" " + problems[0].message if problems else ""))
        self._refresh_outline()

    # ---------------------------------------------------------- file actions
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Screenplay"), str(Path.home()),
                                              self.tr("Fountain screenplays (*.fountain *.spmd *.txt)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Replace the episode's screenplay with a file's (one undo step) and break it down."""
        from app.script.importer import read_script

        episode = self.episode
        if episode is None:
            return
        try:
            text = read_script(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return
        self.commit()
        self.session.document.edit(episode, self.tr("Import screenplay"), script=text)
        self._set_editor_text(text)
        self.break_down()

    def export_dialog(self) -> None:
        episode = self.episode
        if episode is None or self.session.bundle is None:
            return
        default = self.session.bundle.folder("renders") / f"{self.session.bundle.name}-E{episode.number:02d}.fountain"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Screenplay"), str(default),
                                              self.tr("Fountain (*.fountain)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self.commit()
        try:
            atomic_write_bytes(path, self.editor.toPlainText().encode("utf-8"))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), f"{path}: {exc.strerror or exc}")
            return
        self.status.setText(self.tr("Exported %1").replace("%1", str(path)))

    # ---------------------------------------------------------- AI writing
    def _provider_or_explain(self) -> str | None:
        provider = configured_text_provider()
        if provider is None:
            explain_generation_error(self, ProviderNotConfigured(self.tr(
                "Choose a text provider (OpenAI, Qwen, DeepSeek or a local model) in Providers and set it as the "
                "writing model."), capability="text"), self.tr("No text provider"))
        return provider

    def _stream(self, messages: list[tuple[str, str]], title: str, make_cursor, on_done=None) -> None:
        """Stream a model's answer in at the cursor ``make_cursor()`` returns (called after the
        pending typing is committed, so everything it changes belongs to the AI's undo step)."""
        provider = self._provider_or_explain()
        if provider is None or self._stream_job is not None:
            return
        self.commit()
        self._typing_serial += 1
        self._applying = True  # what make_cursor changes is part of the AI's step, not typing
        try:
            self._stream_cursor = make_cursor()
        finally:
            self._applying = False
        self.editor.setReadOnly(True)
        self.act_stop.setEnabled(True)

        def delta(text: str) -> None:
            if self._stream_cursor is None:
                return  # the stream was stopped; late pieces are dropped
            self._stream_cursor.insertText(text)
            self.editor.ensureCursorVisible()

        def done(text: str) -> None:
            if on_done is not None:
                on_done(text)

        self._stream_job = TextStreamJob(provider, messages, title, delta, done)
        manager = self.session.services.jobs
        manager.jobFinished.connect(self._stream_finished)
        manager.add(self._stream_job)
        self.status.setText(self.tr("Writing with %1… (Stop keeps what was written)").replace("%1", provider))

    def _stream_finished(self, job_id: str) -> None:
        job = self._stream_job
        if job is None or job.id != job_id:
            return
        self.session.services.jobs.jobFinished.disconnect(self._stream_finished)
        self._stream_job = None
        self.editor.setReadOnly(self.episode is None)
        self.act_stop.setEnabled(False)
        episode = self.episode
        text = strip_fences(self.editor.toPlainText())
        if episode is not None and text != episode.script:
            self.session.document.edit(episode, job.title, script=text)  # one undo step, stopped or not
            self._set_editor_text(text)
        state = job.state.value
        self.status.setText(job.error if state == "failed" else
                            self.tr("Stopped; what was written is kept (undo removes it).") if state == "cancelled"
                            else self.tr("Done. Undo removes what was written."))
        self._refresh_outline()

    def write_episode(self) -> None:
        episode = self.episode
        if episode is None:
            return
        def at_end() -> QTextCursor:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            if self.editor.toPlainText().strip():
                cursor.insertText("\n\n")
            return cursor

        self._stream(episode_messages(self.session.series, episode), f"Write episode {episode.number}", at_end)

    def rewrite_selection(self, goal: str) -> None:
        cursor = self.editor.textCursor()
        passage = cursor.selectedText().replace("\u2029", "\n")
        if not passage.strip():
            self.status.setText(self.tr("Select the passage to rewrite first."))
            return
        def in_place() -> QTextCursor:
            cursor.removeSelectedText()
            return cursor

        self._stream(rewrite_messages(self.session.series, passage, goal), "Rewrite passage", in_place)

    def rewrite_custom(self) -> None:
        goal, ok = QInputDialog.getText(self, self.tr("Rewrite Selection"), self.tr("How should it change?"))
        if ok and goal.strip():
            self.rewrite_selection(goal.strip())

    def season_outline_dialog(self) -> None:
        count, ok = QInputDialog.getInt(self, self.tr("Season Outline"), self.tr("Number of episodes:"), 20, 1, 120)
        if ok:
            self.season_outline(count)

    def season_outline(self, episodes: int) -> None:
        """Stream an outline into the editor, then create/update episodes' titles and loglines (one undo step)."""
        def in_boneyard() -> QTextCursor:
            # the outline is kept in the script as a /* comment */: visible, never parsed as scenes
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText("\n\n/* Season outline\n")
            return cursor

        def apply(text: str) -> None:
            closing = self.editor.textCursor()
            closing.movePosition(QTextCursor.MoveOperation.End)
            closing.insertText("\n*/\n")
            self._apply_outline(parse_outline(text))

        self._stream(outline_messages(self.session.series, episodes), "Season outline", in_boneyard, apply)

    def _apply_outline(self, rows: list[tuple[int, str, str]]) -> None:
        from app.model import Episode

        doc, series = self.session.document, self.session.series
        with doc.macro(self.tr("Apply season outline")):
            for number, title, logline in rows:
                episode = series.episode(number)
                if episode is None:
                    doc.append(series, "episodes", Episode(number=number, title=title, logline=logline),
                               "Add episode")
                else:
                    doc.edit(episode, QCoreApplication.translate("ScriptPanel", "Outline episode"), title=title, logline=logline)
        self.status.setText(self.tr("Outline applied to %1 episodes.").replace("%1", str(len(rows))))

    def stop_writing(self) -> None:
        if self._stream_job is not None:
            self.session.services.jobs.cancel(self._stream_job.id)

    # ------------------------------------------------------------------ bible
    def open_bible(self) -> None:
        from widgets.script.bible_dialog import BibleDialog

        BibleDialog(self.session, self).exec()
