"""Vendor servers for the provider tests (also importable by other areas' tests)."""

from tests.providers.servers.fixtures import *  # noqa: F401,F403
