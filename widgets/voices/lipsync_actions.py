"""The "Lip Sync Shot" and "Lip Sync Episode…" actions (Storyboard's Voices menu and the Generate menu).

Planning only reads the project (which shots have a chosen clip and a chosen take); the
takes are mixed and the clip sent by the job queue's worker, and each result lands as the
shot's new chosen clip version. A paid run asks first, with the estimate.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.session import Session


def texts() -> dict[str, str]:
    return {
        "shot": QCoreApplication.translate("LipSyncActions", "Lip Sync Shot"),
        "episode": QCoreApplication.translate("LipSyncActions", "Lip Sync Episode…"),
        "face": QCoreApplication.translate("LipSyncActions", "Choose Lip-Sync Face…"),
        "face_tip": QCoreApplication.translate(
            "LipSyncActions", "Find the faces in the shot's clip (free) and choose which one speaks"),
        "tip": QCoreApplication.translate(
            "LipSyncActions",
            "Move the mouths in the chosen clip to the chosen takes, placed where they sit in the "
            "shot; the result becomes a new chosen clip version",
        ),
    }


def lipsync(session: Session, parent: QWidget, *, episode_wide: bool, confirm: bool = True) -> tuple[list, str]:
    """Queue lip sync for the selected shot or the whole episode; returns (jobs, a report in plain words)."""
    from app.jobs.actions import choose_provider
    from app.voices.lipsync import default_provider, plan_lipsync
    from providers.base import LIPSYNC

    episode = session.current_episode
    if episode is None or session.bundle is None:
        return [], QCoreApplication.translate("LipSyncActions", "Open a project with an episode first.")
    shot_ids = None
    if not episode_wide:
        if not session.selected_shot_id:
            return [], QCoreApplication.translate("LipSyncActions", "Select a shot first.")
        shot_ids = {session.selected_shot_id}
    manager = session.services.jobs
    busy = {j.target.get("shot_id") for j in manager.jobs() if not j.state.finished and j.target.get("lipsync")}
    wanted = (shot_ids if shot_ids is not None else {s.id for s in episode.shots()}) - busy
    try:
        provider = choose_provider(LIPSYNC, None, default_provider())
        plan = plan_lipsync(session.bundle, session.series, episode, provider, wanted, redo=not episode_wide)
    except UserError as exc:
        return [], str(exc)
    if not plan.jobs:
        return [], "\n".join(
            [
                QCoreApplication.translate(
                    "LipSyncActions", "Nothing to lip sync here: a shot needs a chosen clip and a chosen take."
                ),
                *plan.skipped,
            ]
        )
    cost = sum(j.estimated_cost for j in plan.jobs)
    if confirm and (cost > 0 or plan.notes):  # money, an upload or an unknown price: ask first
        from app.jobs.costs import format_money

        question = (QCoreApplication.translate("LipSyncActions", "Lip sync %1 shot(s)? Estimated cost: %2.")
                    .replace("%2", format_money(cost, session.series.settings.currency)) if cost > 0 else
                    QCoreApplication.translate("LipSyncActions", "Lip sync %1 shot(s)?"))
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("LipSyncActions", "Lip Sync"),
            "\n\n".join([question.replace("%1", str(len(plan.jobs))), *plan.notes]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return [], ""
    try:
        for job in plan.jobs:
            manager.add(job)
    except UserError as exc:
        return [], str(exc)
    return plan.jobs, "\n".join(
        [
            QCoreApplication.translate("LipSyncActions", "Lip syncing %1 shot(s).").replace("%1", str(len(plan.jobs))),
            *plan.skipped,
        ]
    )


def choose_face(session: Session, parent: QWidget, report) -> None:  # noqa: ANN001 - report(str)
    """Find the faces in the selected shot's clip (a free background job), then let the user pick one."""
    from app.jobs.actions import choose_provider
    from app.voices.faces import faces_job
    from app.voices.lipsync import default_provider
    from providers.base import LIPSYNC

    shot_id = session.selected_shot_id
    if not shot_id or session.current_episode is None:
        report(QCoreApplication.translate("LipSyncActions", "Select a shot first."))
        return
    try:
        provider = choose_provider(LIPSYNC, None, default_provider())
        faces_job(session, shot_id, provider, lambda faces: show_faces(session, shot_id, faces, parent, report))
    except UserError as exc:
        report(str(exc))


def show_faces(session: Session, shot_id: str, faces: list, parent: QWidget, report) -> int | None:  # noqa: ANN001
    """The chooser for more than one face; the pick is kept on the shot (one undo step). Returns it."""
    from app.voices.lipsync import shot_name
    from widgets.voices.face_chooser import FaceChooserDialog

    episode = session.current_episode
    shot = next((s for s in episode.shots() if s.id == shot_id), None) if episode is not None else None
    if shot is None:
        return None
    if len(faces) < 2:
        report(QCoreApplication.translate("LipSyncActions", "One face in shot %1: it speaks.")
               .replace("%1", shot_name(shot)))
        return None
    dialog = FaceChooserDialog(faces, shot.lipsync_face, shot_name(shot), parent)
    if dialog.exec() != FaceChooserDialog.DialogCode.Accepted:
        return None
    if dialog.chosen_index != shot.lipsync_face:
        session.document.edit(shot, QCoreApplication.translate("LipSync", "Choose Lip-Sync Face"),
                              lipsync_face=dialog.chosen_index)
    return dialog.chosen_index
