"""Writing with a language model: season outlines, episode screenplays, rewrites.

The prompts carry the series bible and what came before, and ask for Fountain
(Chinese or English, following the bible's language). ``TextStreamJob`` streams
the answer through the job queue so the editor can show it as it arrives and
the user can stop it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.jobs.backoff import RetryPolicy
from app.jobs.job import Job, JobContext, JobEvent
from app.model import Episode, Series
from app.script.language import language_instruction
from app.script.llm_breakdown import bible_context

FOUNTAIN_RULES = (
    "Write in Fountain screenplay format: scene headings like 'INT. PLACE - DAY' (or '1. 内景 地点 - 日' for "
    "Chinese), action paragraphs, character names on their own line followed by their dialogue (Chinese "
    "screenplays may write '角色：台词'), parentheticals in brackets. No commentary before or after the script."
)
VERTICAL_DRAMA = (
    "This is a vertical short drama for phones: an episode runs 60 to 120 seconds, 3 to 6 short scenes, a hook "
    "in the first 3 seconds, fast reversals, and a cliffhanger in the last line."
)
REWRITE_GOALS = {
    "hook": "Rewrite this passage so the first 3 seconds hook the viewer: open on conflict or a shocking line.",
    "cliffhanger": "Rewrite this passage so it ends on a cliffhanger that makes the viewer swipe to the next episode.",
    "tighten": "Rewrite this passage tighter: same story beats, fewer and sharper words.",
}


def _language(series: Series) -> str:
    return language_instruction(series)


def outline_messages(series: Series, episodes: int) -> list[tuple[str, str]]:
    return [
        ("system", f"You are the head writer of a vertical short drama series. {VERTICAL_DRAMA}"),
        ("user", f"{bible_context(series)}\n\nWrite a season outline of {episodes} episodes. One line per "
                 "episode, exactly in the form 'Episode N: Title — logline' (the logline one or two sentences, "
                 f"ending on that episode's cliffhanger). {_language(series)}"),
    ]


def episode_messages(series: Series, episode: Episode, previous_chars: int = 6000) -> list[tuple[str, str]]:
    before = [e for e in sorted(series.episodes, key=lambda e: e.number) if e.number < episode.number and e.script]
    story_so_far = "\n\n".join(f"Episode {e.number} ({e.title}):\n{e.script}" for e in before[-2:])
    loglines = "\n".join(f"Episode {e.number}: {e.title} — {e.logline}" for e in series.episodes if e.logline)
    return [
        ("system", f"You are the head writer of a vertical short drama series. {VERTICAL_DRAMA} {FOUNTAIN_RULES}"),
        ("user", f"{bible_context(series)}\n\nSeason outline:\n{loglines or '(none yet)'}\n\n"
                 f"The story so far:\n{story_so_far[-previous_chars:] or '(this is the first episode)'}\n\n"
                 f"Write the full screenplay of episode {episode.number}"
                 + (f" ('{episode.title}': {episode.logline})" if episode.logline else "")
                 + f", continuing the story. {_language(series)}"),
    ]


def rewrite_messages(series: Series, passage: str, goal: str) -> list[tuple[str, str]]:
    instruction = REWRITE_GOALS.get(goal, goal)
    return [
        ("system", f"You are a script doctor for vertical short dramas. {FOUNTAIN_RULES}"),
        ("user", f"{bible_context(series)}\n\n{instruction}\nAnswer with the rewritten passage only.\n\n"
                 f"Passage:\n{passage}"),
    ]


OUTLINE_LINE = re.compile(r"^\s*(?:Episode|EP|第)\s*(\d+)\s*(?:集)?\s*[:：.、]\s*(.+?)\s*(?:—|--|–|-|：|:)\s*(.+)$",
                          re.IGNORECASE)


def parse_outline(text: str) -> list[tuple[int, str, str]]:
    """(number, title, logline) for each 'Episode N: Title — logline' line the model wrote."""
    found = []
    for line in text.splitlines():
        match = OUTLINE_LINE.match(line.strip().strip("*"))
        if match:
            found.append((int(match.group(1)), match.group(2).strip(" *"), match.group(3).strip()))
    return found


def strip_fences(text: str) -> str:
    """Models sometimes wrap the screenplay in a code fence; the editor wants the screenplay."""
    fenced = re.fullmatch(r"\s*```[a-zA-Z]*\n(.*?)\n?```\s*", text, re.S)
    return fenced.group(1) if fenced else text


class TextStreamJob(Job):
    """Stream a chat answer; ``on_delta`` gets each piece on the GUI thread, ``on_done`` the whole text."""

    kind = "write"

    def __init__(self, provider: str, messages: list[tuple[str, str]], title: str,
                 on_delta: Callable[[str], None], on_done: Callable[[str], None], temperature: float = 0.8) -> None:
        # Retried like every job while nothing has arrived (a 429 "retry after 1 s", a refused connection);
        # once text is in the editor a second attempt would repeat it, so failures then are final.
        super().__init__(title, resource=provider, policy=RetryPolicy())
        self.messages = messages
        self.temperature = temperature
        self._on_delta = on_delta
        self._on_done = on_done

    def run(self, ctx: JobContext) -> str:
        from app.script.text_provider import text_client
        from providers.base import ChatMessage, TextRequest
        from providers.errors import ProviderError

        client = text_client(self.resource)
        request = TextRequest(messages=[ChatMessage(role, content) for role, content in self.messages],
                              temperature=self.temperature)
        chars = 0
        try:
            stream = client.stream_chat(request, cancel=ctx.token)
            for delta in stream:
                chars += len(delta)
                ctx.event(JobEvent.DELTA, delta)
                ctx.progress(None, QCoreApplication.translate("Jobs", "{count} characters").format(count=chars))
        except ProviderError as exc:
            if chars:
                exc.retryable = False  # the editor shows what came; a retry would write it twice
            raise
        return stream.result.text

    def on_event(self, manager: Any, name: JobEvent, payload: Any) -> None:
        if name is JobEvent.DELTA:
            self._on_delta(payload)

    def land(self, manager: Any, result: str) -> None:
        self._on_done(result)
