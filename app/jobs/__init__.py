"""One job system for everything slow: provider calls, downloads, imports, thumbnails, exports.

How to use it
    ``session.services.jobs`` (``app.jobs.manager``) is the session's queue. Local work plugs
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
    A generation's ``JobRecord`` is in ``Series.jobs`` from the moment it is queued. Its
    changes go to the bundle's job journal (``app.jobs.journal``, ``jobs/journal.jsonl``),
    appended and fsynced by one background thread: the worker writes "submitting" (with the
    job's ``client_ref``) before the create request leaves and "submitted" (the handle) the
    moment the vendor answers; landed results are journaled too. ``Session.open`` replays the
    journal over project.json; an ordinary save folds it in (and compacts it); the CLI folds
    it at the end of a batch. Closing a project or the app *detaches* workers (their sockets
    are shut at once; vendor tasks keep running); opening it resumes polling. A job caught
    between "submitting" and "submitted" asks the vendor (``provider.find_task``) for the
    task instead of paying again, or says exactly what may have been billed.

Bounds
    Every HTTP request has an overall deadline (``providers.deadline``); each phase of a job
    (submit, poll, download) counts its failures on its own, a job gives up after
    ``max_failures`` in all or ``max_seconds``, and a poll that never ends is given up after
    ``MAX_POLL_SECONDS`` (Retry resumes the same task; nothing is paid twice).

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
