"""``MockTransport(handler)``: a function turns each request into a response, with no I/O.

For unit tests of the pipeline (retries, headers, errors, parsing). Behaviour tests use real loopback
HTTP against ``openai_core.testing`` instead.
"""

from __future__ import annotations

import inspect  # unasync: async-only
import json
from collections.abc import AsyncIterable, Awaitable, Callable, Mapping  # unasync: async-only

# unasync: sync-only: from collections.abc import Callable, Iterable, Mapping
from typing import cast

from .base import Request, Response

__all__ = ["MockTransport", "json_response"]

Handler = Callable[[Request], "Response | Awaitable[Response]"]  # unasync: async-only
# unasync: sync-only: Handler = Callable[[Request], Response]


class MockTransport:
    """Calls ``handler(request)`` (sync or async) for every request and records what was sent."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self.requests: list[Request] = []
        self.closed = False

    async def send(self, request: Request) -> Response:
        content = request.content
        if content is not None and not isinstance(content, bytes | bytearray):
            # Drain a streamed body so handlers see bytes, as a server would.
            request.content = b"".join([chunk async for chunk in cast(AsyncIterable[bytes], content)])
        self.requests.append(request)
        result = self._handler(request)
        if inspect.isawaitable(result):  # unasync: async-only
            result = await result  # unasync: async-only
        return result

    async def aclose(self) -> None:
        self.closed = True


def json_response(
    request: Request, status_code: int = 200, body: object = None, headers: Mapping[str, str] | None = None
) -> Response:
    """A complete JSON response to ``request``."""
    all_headers = {"content-type": "application/json", **(headers or {})}
    return Response(status_code, headers=all_headers, content=json.dumps(body).encode(), request=request)
