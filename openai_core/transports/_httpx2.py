"""The httpx2 backend, a plug-in: registered under the ``openai_core.transports`` entry-point group (see
pyproject.toml), not in the built-in table, to prove a third backend plugs in by name alone.

httpx2 is the httpx fork the official SDK uses; its API matches httpx, so this backend is the httpx one
with the library swapped. Its pool, httpcore2's, re-scans every connection on each request start and
finish as httpcore's does (measured: 134 req/s and 7.4 ms of client CPU per request at 512 concurrent),
so it gets the same constant-time pool as the httpx backend, built from httpcore2's classes.
"""

from __future__ import annotations

from typing import Any

import httpcore2
import httpx2

from ._httpx import HttpxTransport

__all__ = ["Httpx2Transport"]


class Httpx2Transport(HttpxTransport):
    """Sends requests with ``httpx2.AsyncClient`` (``transport="httpx2"``)."""

    _lib: Any = httpx2
    _core: Any = httpcore2

    def __init__(self, client: Any = None, **client_kwargs: Any) -> None:
        super().__init__(client, **client_kwargs)
