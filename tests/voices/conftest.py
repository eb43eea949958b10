"""Fixtures for the voice tests: the vendors' loopback servers and the demo project made once."""

from pathlib import Path

import pytest

from tests.providers.servers.fixtures import *  # noqa: F401,F403


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    """The demo series without voices (the tests voice it), made once for every voice test."""
    from app.demo import create_demo

    return create_demo(tmp_path_factory.mktemp("demo") / "Demo.mdrama", voices=False).root
