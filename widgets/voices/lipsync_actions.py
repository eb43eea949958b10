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
        plan = plan_lipsync(session.bundle, session.series, episode, provider, wanted)
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
    if confirm and cost > 0:
        from app.jobs.costs import format_money

        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("LipSyncActions", "Lip Sync"),
            QCoreApplication.translate("LipSyncActions", "Lip sync %1 shot(s)? Estimated cost: %2.")
            .replace("%1", str(len(plan.jobs)))
            .replace("%2", format_money(cost, session.series.settings.currency)),
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
