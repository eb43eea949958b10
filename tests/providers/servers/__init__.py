"""Real HTTP servers on 127.0.0.1 that speak each vendor's wire format, for tests.

Reusable by any test area: put ``from tests.providers.servers.fixtures import *  # noqa: F401,F403``
in your conftest to get one fresh server per test:

    openai_server     OpenAI-compatible: /v1/chat/completions (SSE with keep-alives + usage chunk),
                      /v1/images/generations|edits (b64_json or url), /v1/audio/speech, /v1/models
    kling_server      Kling: JWT checked with PyJWT (``.tokens`` holds the decoded claims), task envelopes
    minimax_server    MiniMax: base_resp errors with HTTP 200, query + files/retrieve
    replicate_server  Replicate: predictions, Prefer: wait, cancel, files API
    fal_server        fal.ai queue: Key auth, subpath dropped from status/result/cancel
    comfyui_server    ComfyUI: validates workflows (node_errors), upload, queue, history, /view, /ws progress
    music_server      the user's own music service (contract in providers/music_endpoint.py), under /music

Client settings: ``{"base_url": server.url (+ "/v1" for openai and replicate, + "/music" for music), and the
key constant of the server's module (e.g. ``tests.providers.servers.kling.ACCESS_KEY``)}``.

Scripting: tasks finish after ``server.polls_to_finish`` polls with ``server.next_outcome``; the state is
kept by the server, so a new client (an app restarted) resumes a task from its handle. Faults:
``server.fail_next("POST /v1/videos/text2video", Reply(status=429, headers={"Retry-After": "3"}))``,
``Reply(delay=2)`` (sleep past the client timeout), ``Reply(body=b"{bad")`` (malformed JSON),
``Reply(body=..., declared_length=n)`` (truncated transfer), ``Reply(close=True)`` (dropped connection).
``server.received("POST /prompt")`` lists the requests received. Drive a task with
``tests.providers.servers.drive.poll_until_done(provider, handle)``.
"""
