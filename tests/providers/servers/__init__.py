"""Real HTTP servers on 127.0.0.1 that speak each vendor's wire format, for tests.

Reusable by any test: ``from tests.providers.servers.fixtures import *`` in a conftest
gives the fixtures (``openai_server``, ``kling_server``, ...). Each server records the
requests it received and can be told to fail the next request(s) on a route.
"""
