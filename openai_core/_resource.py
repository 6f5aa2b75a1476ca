"""The base of every resource class and the one helper that turns call arguments into RequestOptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from ._pipeline import Pipeline, RequestOptions
from ._types import Headers, Query, TimeoutTypes

if TYPE_CHECKING:
    from ._client import AsyncOpenAI

__all__ = ["AsyncAPIResource", "RequestOptionsParams", "options"]


class RequestOptionsParams(TypedDict, total=False):
    """Accepted by every API method, as in the official SDK."""

    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Mapping[str, object] | None
    timeout: TimeoutTypes


class AsyncAPIResource:
    """A group of API methods bound to one client's pipeline."""

    __slots__ = ("_client", "_pipeline")

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client
        self._pipeline: Pipeline = client._pipeline


def options(
    method: str,
    path: str,
    request_options: Mapping[str, Any],
    *,
    body: Mapping[str, object] | None = None,
    query: Mapping[str, object] | None = None,
) -> RequestOptions:
    """RequestOptions for one call; ``request_options`` holds the call's extra_* / timeout arguments."""
    if not request_options:
        return RequestOptions(method, path, body=body, query=query)
    return RequestOptions(
        method,
        path,
        body=body,
        query=query,
        extra_headers=request_options.get("extra_headers"),
        extra_query=request_options.get("extra_query"),
        extra_body=request_options.get("extra_body"),
        **({"timeout": request_options["timeout"]} if "timeout" in request_options else {}),
    )
