"""Which face speaks in a lip-synced shot: the faces a vendor finds in the shot's clip.

Kling's identify-face is free (it creates no paid task), so finding the faces is a plain
background job: the clip's reference (its Kling id, or a copy on the media host), the faces
Kling lists, and each face's small preview image, fetched on the worker. The user's pick
is kept on the shot (``Shot.lipsync_face``, 1 = Kling's first face; 0 = the face on screen
longest) and used by every later lip sync of that shot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.jobs.job import FunctionJob, JobContext
from app.jobs.manager import job_manager
from app.session import Session

if TYPE_CHECKING:
    from providers.lipsync import LipSyncRequest


@dataclass(frozen=True)
class FoundFace:
    """One face in the clip: its place in the vendor's list (1-based), id, time on screen and preview."""

    index: int
    face_id: str
    seconds: float
    image: bytes  # the vendor's preview (JPEG/PNG); b"" when it could not be fetched


def find_faces(provider_name: str, request: LipSyncRequest, ctx: JobContext) -> list[FoundFace]:
    """Worker: identify the faces (free) and fetch their previews."""
    from app.jobs.provider_config import make_provider
    from providers.errors import ProviderError
    from providers.lipsync_kling import face_seconds

    provider = make_provider(provider_name)
    finder = getattr(provider, "find_faces", None)
    if finder is None:
        raise UserError(QCoreApplication.translate(
            "LipSync", "This lip-sync provider finds the face itself; there is no face to choose."))
    faces = finder(request, ctx.token)
    found = []
    for i, face in enumerate(faces, start=1):
        image = b""
        url = str(face.get("face_image") or "")
        if url.startswith(("http://", "https://")):
            try:
                answer = provider.http.request("GET", url, cancel=ctx.token, auth=False, deadline=30)
                image = answer.content if len(answer.content) < 2_000_000 else b""
            except ProviderError:  # a preview that cannot be fetched still leaves the face choosable (a cancel stops)
                image = b""
        found.append(FoundFace(i, str(face.get("face_id")), face_seconds(face), image))
    return found


def faces_job(session: Session, shot_id: str, provider: str,
              on_faces: Callable[[list[FoundFace]], None]) -> FunctionJob:
    """Queue "find the faces" for ``shot_id``'s chosen clip; ``on_faces`` gets them on the GUI thread."""
    from app.voices.lipsync import lipsync_job, shot_name

    episode = session.current_episode
    shot = next((s for s in episode.shots() if s.id == shot_id), None) if episode is not None else None
    if episode is None or shot is None or session.bundle is None:
        raise UserError(QCoreApplication.translate("LipSync", "Select a shot first."))
    made = lipsync_job(session.bundle, session.series, episode, shot, provider)
    if isinstance(made, str):
        raise UserError(made)
    request = made.request
    title = QCoreApplication.translate("LipSync", "Find faces in {0}").format(shot_name(shot))
    job = FunctionJob(title, lambda ctx: find_faces(provider, request, ctx), on_done=on_faces,
                      resource=provider, kind="lipsync_faces")
    job_manager(session).add(job)
    return job


def longest(faces: list[FoundFace]) -> FoundFace | None:
    """The face on screen longest (the first of equals): the default speaker."""
    return max(faces, key=lambda f: f.seconds) if faces else None
