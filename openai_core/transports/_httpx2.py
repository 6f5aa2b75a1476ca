"""The httpx2 backend, a plug-in: registered under the ``openai_core.transports`` entry-point group (see
pyproject.toml), not in the built-in table, to prove a third backend plugs in by name alone.

httpx2 is the httpx fork the official SDK uses; its API matches httpx, so this backend is the httpx one
with the library swapped. It keeps httpx2's own connection pool (httpcore2): comparing it with the httpx
backend's constant-time pool is one of the benchmark's questions.
"""

from __future__ import annotations

from typing import Any

import httpx2

from ._httpx import HttpxTransport

__all__ = ["Httpx2Transport"]


class Httpx2Transport(HttpxTransport):
    """Sends requests with ``httpx2.AsyncClient`` (``transport="httpx2"``)."""

    _lib: Any = httpx2

    def __init__(self, client: Any = None, **client_kwargs: Any) -> None:
        super().__init__(client, **client_kwargs)
