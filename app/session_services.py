"""The one owner of a session's long-lived services: job queue, media engine, booth, transport.

Before this, each service had its own lookup scheme (an attribute set on the
session behind its back, a module-level weak map, a registry in the widget
layer). Now ``session.services`` is the single, typed place: widgets and app
code reach a service as ``session.services.jobs`` (or receive the service
itself as an argument). Services are built on first use, so start-up only pays
for what the first paint shows, and the heavy modules behind them (PyAV, NumPy,
audio devices) are imported when a service is first asked for.

Lifetimes: the job queue, the booth and the transport live as long as the
session; the media engine belongs to the open project and is replaced (its
background work cancelled, its decoders closed) when another project opens or
the project closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from app.audio.booth import BoothController
    from app.jobs.manager import JobManager
    from app.media.services import MediaServices
    from app.session import Session
    from app.transport import Transport


class SessionServices(QObject):
    """Typed, lazily built services of one ``Session`` (a child of it: they share its lifetime)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session
        self._jobs: JobManager | None = None
        self._media: MediaServices | None = None
        self._booth: BoothController | None = None
        self._transport: Transport | None = None
        session.projectClosed.connect(self._drop_media)
        from app.heap import ProjectHeap

        self.heap = ProjectHeap(session)  # the open project's heap is kept out of the garbage collector's walks

    @property
    def jobs(self) -> JobManager:
        """The session's job queue (progress, cancel, retry of user-visible work)."""
        if self._jobs is None:
            from app.jobs.manager import JobManager

            self._jobs = JobManager(self._session)
        return self._jobs

    @property
    def has_jobs(self) -> bool:
        """Whether the job queue was ever built (asking for it would build it)."""
        return self._jobs is not None

    @property
    def media(self) -> MediaServices:
        """The media engine of the open project (raises ``UserError`` when none is open)."""
        current = self._media
        bundle = self._session.bundle
        if current is not None and bundle is not None and current.root == bundle.root and not current.closed:
            return current
        self._drop_media()
        from app.media.services import MediaServices

        self._media = MediaServices(self._session)
        return self._media

    @property
    def media_if_running(self) -> MediaServices | None:
        """The media engine if one was started for the open project, without starting one."""
        current = self._media
        return current if current is not None and not current.closed else None

    @property
    def booth(self) -> BoothController:
        """The voice booth (recording, monitoring, playback of takes)."""
        if self._booth is None:
            from app.audio.booth import BoothController

            self._booth = BoothController(self._session, self._session)
        return self._booth

    @property
    def has_booth(self) -> bool:
        return self._booth is not None

    @property
    def transport(self) -> Transport:
        """Play/pause and J/K/L requests shared by the timeline and the player."""
        if self._transport is None:
            from app.transport import Transport

            self._transport = Transport(self._session)
        return self._transport

    @Slot()
    def _drop_media(self) -> None:
        current, self._media = self._media, None
        if current is not None:
            current.shutdown()
