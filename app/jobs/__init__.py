"""One job system for everything slow: provider calls, downloads, imports, thumbnails, exports.

``job_manager(session)`` (in ``app.jobs.manager``) is the queue; ``Job``/``FunctionJob``
(``app.jobs.job``) plug local work in; ``GenerationJob`` (``app.jobs.generation``) runs a
paid provider task that survives restarts.
"""
