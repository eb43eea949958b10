"""Generate Voices and Fit Shots to Voices as actions the Storyboard, Booth and Generate menu share.

One object per panel; each action works on the session's current episode (and selected
shot), queues one speech job per line that needs a voice (``app.voices.plan``) and says
in plain words what it did through ``reported``. An episode run that costs money asks
first, with the estimate.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from app.errors import UserError
from app.session import Session
from app.voices.plan import Scope, in_flight_lines, lines_in, plan_voices


class VoiceActions(QObject):
    reported = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.act_shot = self._make("action_voices_shot", lambda: self.generate(Scope.SHOT))
        self.act_scene = self._make("action_voices_scene", lambda: self.generate(Scope.SCENE))
        self.act_episode = self._make("action_voices_episode", lambda: self.generate(Scope.EPISODE))
        self.act_fit = self._make("action_fit_shots_to_voices", self.fit)
        self.line_id = ""  # the booth's current line, for act_line
        self.act_line = self._make("action_voice_line", self.generate_line)
        self.current_take = lambda: ""  # the booth's selected take, for act_convert
        self.act_convert = self._make("action_convert_take", self.convert_take)
        self.act_lipsync_shot = self._make("action_lipsync_shot", lambda: self.lipsync(episode_wide=False))
        self.act_lipsync_episode = self._make("action_lipsync_episode", lambda: self.lipsync(episode_wide=True))
        self.act_lipsync_face = self._make("action_lipsync_face", self.choose_face)
        self.menu_button: QToolButton | None = None
        self.retranslate()

    def _make(self, name: str, slot) -> QAction:
        action = QAction(self._parent)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.act_shot.setText(self.tr("Generate Voices for Shot"))
        self.act_scene.setText(self.tr("Generate Voices for Scene"))
        self.act_episode.setText(self.tr("Generate Voices for Episode…"))
        self.act_fit.setText(self.tr("Fit Shots to Voices"))
        self.act_line.setText(self.tr("Generate AI Take"))
        self.act_convert.setText(self.tr("Convert to Character Voice"))
        self.act_convert.setToolTip(self.tr("Say the selected recording again in the character's voice, keeping "
                                            "its timing and emotion (a new take linked to the recording)"))
        self.act_line.setToolTip(self.tr("Speak this line in the character's voice as a new take "
                                         "(a recorded chosen take stays chosen)"))
        if self.menu_button is not None:
            self.menu_button.setText(self.tr("Voices"))
        tip = self.tr("One take per line in the character's voice (Series Bible → Voices); "
                      "without a vendor voice, an offline scratch voice")
        for action in (self.act_shot, self.act_scene, self.act_episode):
            action.setToolTip(tip)
        self.act_fit.setToolTip(self.tr("Lengthen every shot whose voices run past its end (one undo step)"))
        from widgets.voices.lipsync_actions import texts

        words = texts()
        self.act_lipsync_shot.setText(words["shot"])
        self.act_lipsync_episode.setText(words["episode"])
        for action in (self.act_lipsync_shot, self.act_lipsync_episode):
            action.setToolTip(words["tip"])
        self.act_lipsync_face.setText(words["face"])
        self.act_lipsync_face.setToolTip(words["face_tip"])

    def tool_button(self, parent: QWidget) -> QToolButton:
        """A "Voices" button opening a menu of the actions (for a panel's tool bar)."""
        menu = QMenu(parent)
        menu.addActions(self.actions())
        self.menu_button = QToolButton(parent)
        self.menu_button.setObjectName("button_voices")
        self.menu_button.setMenu(menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.retranslate()
        return self.menu_button

    def actions(self) -> list[QAction]:
        return [self.act_shot, self.act_scene, self.act_episode, self.act_fit, self.act_lipsync_shot,
                self.act_lipsync_episode, self.act_lipsync_face]

    def lipsync(self, *, episode_wide: bool, confirm: bool = True) -> list:
        """Lip sync the selected shot or the episode (``widgets.voices.lipsync_actions``)."""
        from widgets.voices.lipsync_actions import lipsync

        jobs, report = lipsync(self.session, self._parent, episode_wide=episode_wide, confirm=confirm)
        if report:
            self.reported.emit(report)
        return jobs

    def choose_face(self) -> None:
        """Find the faces in the selected shot's clip and let the user choose who speaks."""
        from widgets.voices.lipsync_actions import choose_face

        choose_face(self.session, self._parent, self.reported.emit)

    def generate_line(self) -> list:
        """The booth's line: always a new take (an AI chosen take is replaced, a recorded one kept)."""
        if not self.line_id:
            self.reported.emit(self.tr("Select a line first."))
            return []
        return self.generate(Scope.LINE, self.line_id, regenerate=True)

    def convert_take(self) -> list:
        """Queue speech-to-speech of the booth's selected take into its character's voice."""
        from app.audio.takes import find_line
        from app.voices.plan import convert_job

        take_id = self.current_take()
        found = find_line(self.session, self.line_id) if self.line_id else None
        take = next((t for t in found[2].takes if t.id == take_id), None) if found and take_id else None
        if found is None or take is None or take.is_ai or self.session.bundle is None:
            self.reported.emit(self.tr("Select a recorded take first."))
            return []
        episode, shot, line = found
        try:
            job = convert_job(self.session.bundle.root, self.session.series, episode, shot, line, take.path, take.id)
            self.session.services.jobs.add(job)
        except UserError as exc:
            self.reported.emit(str(exc))
            return []
        self.reported.emit(self.tr("Converting %1 into the character's voice.").replace("%1", take.name))
        return [job]

    # ------------------------------------------------------------- generate
    def _target(self, scope: Scope) -> str:
        episode = self.session.current_episode
        shot_id = self.session.selected_shot_id
        if scope is Scope.SHOT:
            return shot_id
        if scope is Scope.SCENE and episode is not None:
            return next((sc.id for sc in episode.scenes if any(s.id == shot_id for s in sc.shots)), "")
        return ""

    def generate(self, scope: Scope, target_id: str = "", *, regenerate: bool = False,
                 confirm: bool = True) -> list:
        """Queue voices for ``scope`` (the selection when ``target_id`` is empty); returns the jobs."""
        episode = self.session.current_episode
        if episode is None or self.session.bundle is None:
            self.reported.emit(self.tr("Open a project with an episode first."))
            return []
        target_id = target_id or self._target(scope)
        if scope is not Scope.EPISODE and not target_id:
            self.reported.emit(self.tr("Select a shot first."))
            return []
        manager = self.session.services.jobs
        pairs = lines_in(episode, scope, target_id)
        plan = plan_voices(self.session.series, episode, pairs, regenerate=regenerate,
                           busy=in_flight_lines(manager.jobs()))
        if not plan.jobs:
            text = self.tr("Every line here already has a voice.") if pairs else self.tr("No dialogue here.")
            self.reported.emit("\n".join([text, *plan.skipped]))
            return []
        cost = sum(j.estimated_cost for j in plan.jobs)
        if confirm and cost > 0:
            from app.jobs.costs import format_money

            answer = QMessageBox.question(
                self._parent, self.tr("Generate Voices"),
                self.tr("Generate %1 voice take(s)? Estimated cost: %2.").replace("%1", str(len(plan.jobs)))
                .replace("%2", format_money(cost, self.session.series.settings.currency)))
            if answer != QMessageBox.StandardButton.Yes:
                return []
        try:
            for job in plan.jobs:
                manager.add(job)
        except UserError as exc:
            self.reported.emit(str(exc))
            return []
        scratch = any(j.target.get("scratch") for j in plan.jobs)
        text = self.tr("Generating %1 voice take(s).").replace("%1", str(len(plan.jobs)))
        if scratch:
            text += " " + self.tr("Characters without a voice speak with the offline scratch voice.")
        self.reported.emit("\n".join([text, *plan.skipped]))
        return plan.jobs

    def fit(self) -> None:
        from app.voices.fit import fit_shots_to_voices

        episode = self.session.current_episode
        if episode is None:
            return
        report = fit_shots_to_voices(self.session.document, episode)
        if report.shots:
            fps = self.session.series.settings.fps
            self.reported.emit(self.tr("Lengthened %1 shot(s) by %2 s in all.").replace("%1", str(report.shots))
                               .replace("%2", f"{report.frames / fps:.1f}"))
        else:
            self.reported.emit(self.tr("Every shot is long enough for its voices."))
