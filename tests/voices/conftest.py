"""Fixtures for the voice tests: the vendors' loopback servers."""

from tests.providers.servers.fixtures import *  # noqa: F401,F403
