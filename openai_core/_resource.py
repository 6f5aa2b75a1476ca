"""The base of every resource class and the one helper that turns call arguments into RequestOptions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, Generic, ParamSpec, Protocol, TypedDict, TypeVar

from ._files import MultipartForm, split_files
from ._pipeline import Pipeline, RequestOptions
from ._qs import flatten_query
from ._response import APICall, AsyncAPIResponse, AsyncResponseContextManager, LegacyAPIResponse
from ._types import Headers, Query, TimeoutTypes

if TYPE_CHECKING:
    from ._client import AsyncOpenAI

__all__ = [
    "AsyncAPIResource",
    "AsyncOpenAIWithRawResponse",
    "AsyncOpenAIWithStreamingResponse",
    "AsyncResourceWithRawResponse",
    "AsyncResourceWithStreamingResponse",
    "RequestOptionsParams",
    "options",
    "to_custom_streamed_response",
    "to_raw_response",
    "to_streamed_response",
    "upload_options",
    "with_admin_key",
    "with_headers",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")
_Resp = TypeVar("_Resp", bound=AsyncAPIResponse[Any])


class RequestOptionsParams(TypedDict, total=False):
    """Accepted by every API method, as in the official SDK."""

    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Mapping[str, object] | None
    timeout: TimeoutTypes


class AsyncAPIResource:
    """A group of API methods bound to one client's pipeline."""

    __slots__ = ("_client", "_pipeline")
    # Helper methods that are not one API call (they poll, or return a stream manager that sends on
    # entering): they have no raw or streamed form, because a raw response is one HTTP response (as in
    # the official SDK).
    _helpers: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client
        self._pipeline: Pipeline = client._pipeline

    @property
    def with_raw_response(self) -> AsyncResourceWithRawResponse:
        """Every method of this resource returning the HTTP response (headers, status, body) with
        ``.parse()`` for the usual result. A resource may narrow this to a typed view."""
        return AsyncResourceWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncResourceWithStreamingResponse:
        """Every method of this resource as ``async with``, yielding the response before its body is
        read; leaving the block closes the connection."""
        return AsyncResourceWithStreamingResponse(self)


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


def with_headers(request_options: Mapping[str, Any], headers: Mapping[str, str]) -> dict[str, Any]:
    """``request_options`` with ``headers`` sent under the call's own ``extra_headers`` (which win), for
    resources whose every call carries a header (the vector stores' ``OpenAI-Beta``)."""
    return {**request_options, "extra_headers": {**headers, **(request_options.get("extra_headers") or {})}}


def with_admin_key(client: AsyncOpenAI, request_options: Mapping[str, Any]) -> dict[str, Any]:
    """``request_options`` of an ``admin.*`` call: the client's ``admin_api_key`` as the bearer, under the
    call's own ``extra_headers`` (which win). Raises TypeError, before sending, when no credential applies."""
    extra = request_options.get("extra_headers")
    return {**request_options, "extra_headers": {**client._admin_headers(extra), **(extra or {})}}


def upload_options(
    path: str,
    request_options: Mapping[str, Any],
    body: Mapping[str, object],
    *,
    files: Sequence[str],
    order: Sequence[str] = (),
) -> RequestOptions:
    """A multipart/form-data POST: the ``files`` parameters of ``body`` become file parts, the others (and
    ``extra_body``) form fields named as the official SDK names them (``key[]``, ``key[sub]``), in
    ``order`` (the API's parameter order, which the official SDK follows) then as given. See
    ``openai_core._files`` for what is buffered (and retryable) and what is streamed."""
    rank = {key: i for i, key in enumerate(order)}
    ordered = {key: body[key] for key in sorted(body, key=lambda key: rank.get(key, len(rank)))}
    fields, parts = split_files(ordered, files)
    form = MultipartForm(flatten_query(fields, request_options.get("extra_body")), parts)
    # The form fields also ride along as `body` (the encoded `content` is what is sent): a client that
    # routes by model (Azure's deployment paths) reads it there, as for a JSON call.
    call = options("POST", path, {k: v for k, v in request_options.items() if k != "extra_body"}, body=fields)
    call.content_type = form.content_type
    if form.buffered is not None:
        call.content = form.buffered
    else:
        call.content = form.aiter_bytes()
        if form.content_length is not None:
            call.extra_headers = {"Content-Length": str(form.content_length), **(call.extra_headers or {})}
    return call


# -- with_raw_response / with_streaming_response (how they work: openai_core._response) ------------------

def _raw_method(resource: AsyncAPIResource, name: str) -> Callable[..., Awaitable[LegacyAPIResponse[Any]]]:  # unasync: async-only
# unasync: sync-only: def _raw_method(resource: SyncAPIResource, name: str) -> Callable[..., LegacyAPIResponse[Any]]:
    async def call(*args: Any, **kwargs: Any) -> LegacyAPIResponse[Any]:
        one = APICall(resource, name, args, kwargs)
        return LegacyAPIResponse(one, await one.capture(read_body=True))

    return call


def _streamed_method(
    resource: AsyncAPIResource, name: str, response_class: type[_Resp]
) -> Callable[..., AsyncResponseContextManager[_Resp]]:
    def call(*args: Any, **kwargs: Any) -> AsyncResponseContextManager[_Resp]:
        one = APICall(resource, name, args, kwargs)

        async def start() -> _Resp:
            return response_class(one, await one.capture(read_body=False))

        return AsyncResponseContextManager(start)

    return call


class _RawAttribute(Protocol):
    """A method (or a sub-resource) reached through a ``with_raw_response`` that declares no types."""

    def __call__(self, *args: Any, **kwargs: Any) -> Awaitable[LegacyAPIResponse[Any]]: ...  # unasync: async-only
    # unasync: sync-only: def __call__(self, *args: Any, **kwargs: Any) -> LegacyAPIResponse[Any]: ...
    def __getattr__(self, name: str) -> _RawAttribute: ...


class _StreamedAttribute(Protocol):
    def __call__(self, *args: Any, **kwargs: Any) -> AsyncResponseContextManager[AsyncAPIResponse[Any]]: ...
    def __getattr__(self, name: str) -> _StreamedAttribute: ...


def _refuse_helper(resource: AsyncAPIResource, name: str, attr: object) -> None:
    if name.startswith("_") or not callable(attr):
        raise AttributeError(f"{type(resource).__name__}.{name} is not an API method")
    if name in resource._helpers:
        raise AttributeError(
            f"{type(resource).__name__}.{name} is a helper, not one API call; it has no raw or streamed "
            "form (call it directly)"
        )


class AsyncResourceWithRawResponse:
    """``resource.with_raw_response``: every method of the resource, returning ``LegacyAPIResponse``.
    A resource may subclass this to declare its methods' types (``create = to_raw_response(...)``)."""

    __slots__ = ("_resource",)

    def __init__(self, resource: AsyncAPIResource) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> _RawAttribute:
        attr = getattr(self._resource, name)
        if isinstance(attr, AsyncAPIResource):  # a sub-resource: its own view
            return attr.with_raw_response
        _refuse_helper(self._resource, name, attr)
        return _raw_method(self._resource, name)  # type: ignore[return-value]


class AsyncResourceWithStreamingResponse:
    """``resource.with_streaming_response``: every method of the resource, as an async context manager
    yielding an ``AsyncAPIResponse`` whose body is read only when asked for."""

    __slots__ = ("_resource",)

    def __init__(self, resource: AsyncAPIResource) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> _StreamedAttribute:
        attr = getattr(self._resource, name)
        if isinstance(attr, AsyncAPIResource):
            return attr.with_streaming_response
        _refuse_helper(self._resource, name, attr)
        return _streamed_method(self._resource, name, AsyncAPIResponse)  # type: ignore[return-value]


class AsyncOpenAIWithRawResponse:
    """``client.with_raw_response``: each resource's ``with_raw_response`` view, so
    ``client.with_raw_response.responses.create(...)`` is ``client.responses.with_raw_response.create(...)``
    (the official SDK has both spellings; frameworks use the client-level one)."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    def __getattr__(self, name: str) -> _RawAttribute:
        return _resource_of(self._client, name).with_raw_response


class AsyncOpenAIWithStreamingResponse:
    """``client.with_streaming_response``: each resource's ``with_streaming_response`` view."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    def __getattr__(self, name: str) -> _StreamedAttribute:
        return _resource_of(self._client, name).with_streaming_response


def _resource_of(client: AsyncOpenAI, name: str) -> AsyncAPIResource:
    resource = None if name.startswith("_") else getattr(client, name, None)
    if not isinstance(resource, AsyncAPIResource):
        raise AttributeError(f"{type(client).__name__}.{name} is not an API resource")
    return resource


class _RawMethod(Generic[_P, _R]):
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __get__(
        self, view: AsyncResourceWithRawResponse, owner: object = None
    ) -> Callable[_P, Awaitable[LegacyAPIResponse[_R]]]:  # unasync: async-only
    # unasync: sync-only: ) -> Callable[_P, LegacyAPIResponse[_R]]:
        return _raw_method(view._resource, self._name)


class _StreamedMethod(Generic[_P, _Resp]):
    __slots__ = ("_name", "_response_class")

    def __init__(self, name: str, response_class: type[_Resp]) -> None:
        self._name = name
        self._response_class = response_class

    def __get__(
        self, view: AsyncResourceWithStreamingResponse, owner: object = None
    ) -> Callable[_P, AsyncResponseContextManager[_Resp]]:
        return _streamed_method(view._resource, self._name, self._response_class)


# Typed declarations for a resource's views: `create = to_raw_response(AsyncFiles.create)` in a subclass
# of AsyncResourceWithRawResponse makes `files.with_raw_response.create(...)` typed from `create` itself.
# Not for an overloaded method: mypy binds the first overload only and would refuse the others' calls.
def to_raw_response(method: Callable[Concatenate[Any, _P], Awaitable[_R]]) -> _RawMethod[_P, _R]:  # unasync: async-only
# unasync: sync-only: def to_raw_response(method: Callable[Concatenate[Any, _P], _R]) -> _RawMethod[_P, _R]:
    return _RawMethod(method.__name__)


def to_streamed_response(
    method: Callable[Concatenate[Any, _P], Awaitable[_R]],  # unasync: async-only
    # unasync: sync-only: method: Callable[Concatenate[Any, _P], _R],
) -> _StreamedMethod[_P, AsyncAPIResponse[_R]]:
    return _StreamedMethod(method.__name__, AsyncAPIResponse)


def to_custom_streamed_response(
    method: Callable[Concatenate[Any, _P], Any], response_class: type[_Resp]
) -> _StreamedMethod[_P, _Resp]:
    return _StreamedMethod(method.__name__, response_class)

