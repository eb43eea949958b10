"""One job system for everything slow: provider calls, downloads, imports, thumbnails, exports.

How to use it
    ``job_manager(session)`` (``app.jobs.manager``) is the session's queue. Local work plugs
    in as ``FunctionJob(title, fn, on_done=..., resource="local")``: ``fn(ctx)`` runs on a
    worker, reports ``ctx.progress(fraction, text)`` and checks ``ctx.token`` (cancel);
    ``on_done(result)`` runs on the GUI thread. Paid generations are ``GenerationJob``s,
    best made with ``app.jobs.actions`` (``shot_job``, ``music_job``, ``missing_jobs``).

Threading
    The manager lives on the GUI (or CLI main) thread; workers run in its QThreadPool and
    report through queued signals, so the document is only touched on the owner's thread.

Limits, retries, budget
    Each job counts against a resource (a provider's registry name or "local"); the limit
    comes from the settings file (Edit → Providers… → Parallel jobs) or the registry.
    Retryable failures (429 with Retry-After as a floor, 5xx, timeouts, connection errors)
    wait with exponential backoff and jitter; quota, auth, content policy and bad requests
    fail at once with the vendor's words. A job whose estimate would take its episode over
    ``Episode.budget`` pauses the whole queue with a message; raising the budget or Resume
    continues.

Persistence ("closing the app never loses a paid generation")
    A generation's ``JobRecord`` is in ``Series.jobs`` from the moment it starts; its task
    handle is written the moment the vendor accepts it. Writes go through
    ``app.jobs.store.write_jobs_through``: project.json is re-read, gets the job list (and
    any arrived result) and is replaced atomically, so the user's unsaved edits are never
    saved behind their back. Closing a project or the app *detaches* workers (vendor tasks
    keep running); opening it resumes polling. A submission interrupted before the vendor
    answered is shown as failed with a warning to check the vendor's console.

Results
    Downloads are checked (the provider's size/type checks, then a decode here) before
    they are copied into the bundle with a full Provenance (provider, model, prompt,
    negative prompt, seed, parameters, reference inputs, task id, time, cost). Arrival is a
    non-undoable fact (see ``app.jobs.landing``): the asset is appended to the target shot's
    stills/clips versions and chosen if the shot had none (or the job asked: regenerate).

Secrets
    Keys live in the OS keyring (``app.secrets``), overridable per setting with
    ``MICRODRAMA_<PROVIDER>_<FIELD>``; non-secret settings in ``app.settings_store``.
    Every message passes through ``app.secrets.redact``; logs get a redacting filter.
"""
