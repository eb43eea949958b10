"""The first-hour tests reuse the job tests' fixtures: a saved project, vendor servers, a keyring."""

from tests.jobs.conftest import _isolated_settings, memory_keyring, project, session  # noqa: F401
from tests.providers.servers.fixtures import *  # noqa: F401,F403
