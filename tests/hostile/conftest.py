"""A raw-socket server per test, started from a handler in ``openai_core.testing.hostile``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from openai_core.testing.hostile import HANDLERS
from openai_core.testing.raw import RawServer


@pytest.fixture
def hostile() -> Iterator[Callable[[str], RawServer]]:
    started: list[RawServer] = []

    def start(name: str) -> RawServer:
        server = RawServer(HANDLERS[name]).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
