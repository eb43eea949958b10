"""pytest fixtures for the vendor test servers. Use from any conftest:

    from tests.providers.servers.fixtures import *  # noqa: F401,F403

Each fixture starts a fresh server on 127.0.0.1 for one test and stops it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .openai import OpenAIServer

__all__ = ["openai_server"]


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as server:
        yield server
