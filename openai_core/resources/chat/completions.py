"""``client.chat.completions``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, overload

from typing_extensions import Unpack

from ..._interop import is_sentinel
from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ..._streaming import AsyncStream
from ...lib._parsing import parse_chat_completion, type_to_response_format_param, validate_input_tools
from ...pagination import AsyncCursorPage, AsyncPaginator
from ...types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionDeleted,
    ChatCompletionStoreMessage,
    ParsedChatCompletion,
)
from ...types.chat.completion_create_params import (
    CompletionCreateParamsBase,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
    CompletionParseParams,
    ResponseFormat,
)
from ...types.chat.completion_list_params import CompletionListParams
from ...types.chat.completion_update_params import CompletionUpdateParams
from ...types.chat.completions.message_list_params import MessageListParams
from .._paths import path_param

if TYPE_CHECKING:
    # Imported by stream() when called: its event models (generic ones among them) cost 2.3 MB and
    # 15 ms to build, and a plain create() never uses them.
    from ...lib.streaming.chat import AsyncChatCompletionStreamManager

__all__ = ["AsyncCompletions", "AsyncMessages"]


class CreateNonStreaming(CompletionCreateParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class CreateStreaming(CompletionCreateParamsStreaming, RequestOptionsParams, total=False):
    pass


class CreateAny(CompletionCreateParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


class ParseParams(CompletionParseParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", CompletionCreateParamsBase, stream=bool | None)
_PARSE = ParamSpec("parse", CompletionParseParams)
_STREAM = ParamSpec("stream", CompletionParseParams)
_LIST = ParamSpec("list", CompletionListParams)
_UPDATE = ParamSpec("update", CompletionUpdateParams)
_LIST_MESSAGES = ParamSpec("list", MessageListParams)


class ListParams(CompletionListParams, RequestOptionsParams, total=False):
    pass


class UpdateParams(CompletionUpdateParams, RequestOptionsParams, total=False):
    pass


class ListMessagesParams(MessageListParams, RequestOptionsParams, total=False):
    pass


def _completion_path(completion_id: str, suffix: str = "") -> str:
    return f"/chat/completions/{path_param('completion_id', completion_id)}{suffix}"

_T = TypeVar("_T")


def _response_format(params: dict[str, Any]) -> Any:
    value = params.pop("response_format", None)
    return None if is_sentinel(value) else value


class AsyncCompletions(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"stream"})  # an event-stream helper around create(stream=True)

    @cached_property
    def messages(self) -> AsyncMessages:
        return AsyncMessages(self._client)

    @overload
    async def create(self, **params: Unpack[CreateNonStreaming]) -> ChatCompletion: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[ChatCompletionChunk]: ...
    @overload
    async def create(
        self, **params: Unpack[CreateAny]
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]: ...
    async def create(self, **params: Any) -> ChatCompletion | AsyncStream[ChatCompletionChunk]:
        """Create a model response for a conversation. ``stream=True`` returns an ``AsyncStream`` of
        ``ChatCompletionChunk`` instead of a ``ChatCompletion``."""
        if isinstance(params.get("response_format"), type):
            raise TypeError(
                "create() takes response_format as a dict; to pass a pydantic model class use "
                "chat.completions.parse() (or .stream())"
            )
        body, request_options = _CREATE.split(params)
        call = options("POST", "/chat/completions", request_options, body=body)
        if body.get("stream"):
            return await self._pipeline.request_stream(call, ChatCompletionChunk)
        return await self._pipeline.request(call, ChatCompletion)

    @overload
    async def parse(self, *, response_format: type[_T], **params: Unpack[ParseParams]) -> ParsedChatCompletion[_T]: ...
    @overload
    async def parse(self, **params: Unpack[ParseParams]) -> ParsedChatCompletion[None]: ...
    async def parse(self, **params: Any) -> ParsedChatCompletion[Any]:
        """``create()`` with structured outputs: ``response_format`` (a pydantic model class) is sent as
        a strict JSON schema and ``choices[i].message.parsed`` is the content parsed into it; function
        tools must be strict (``openai_core.pydantic_function_tool(Model)``) and their calls come back
        with ``function.parsed_arguments``. A choice cut off by ``length`` / ``content_filter`` raises
        ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError``."""
        response_format = _response_format(params)
        body, request_options = _PARSE.split(params)
        tools = validate_input_tools(body.get("tools"))
        if tools is not None:
            body["tools"] = tools
        wire_format = type_to_response_format_param(response_format)
        if wire_format is not None:
            body["response_format"] = wire_format
        body["stream"] = False  # as the official SDK sends it
        completion = await self._pipeline.request(
            options("POST", "/chat/completions", request_options, body=body), ChatCompletion
        )
        return parse_chat_completion(response_format=response_format, input_tools=tools, chat_completion=completion)

    @overload
    def stream(
        self, *, response_format: type[_T], **params: Unpack[ParseParams]
    ) -> AsyncChatCompletionStreamManager[_T]: ...
    @overload
    def stream(
        self, *, response_format: ResponseFormat = ..., **params: Unpack[ParseParams]
    ) -> AsyncChatCompletionStreamManager[None]: ...
    def stream(self, **params: Any) -> AsyncChatCompletionStreamManager[Any]:
        """A streamed completion as typed events, with the completion accumulated::

            async with client.chat.completions.stream(model=..., messages=[...]) as stream:
                async for event in stream:
                    if event.type == "content.delta":
                        print(event.delta, end="")
            completion = await stream.get_final_completion()

        Takes what ``parse()`` takes (``response_format`` may also be a plain dict). The request is sent
        when the block is entered; leaving it closes the stream."""
        response_format = _response_format(params)
        body, request_options = _STREAM.split(params)
        tools = body.get("tools")
        if tools is not None:
            tools = body["tools"] = list(tools)
        wire_format = type_to_response_format_param(response_format)
        if wire_format is not None:
            body["response_format"] = wire_format
        body["stream"] = True
        call = options("POST", "/chat/completions", request_options, body=body)
        from ...lib.streaming.chat import AsyncChatCompletionStreamManager

        return AsyncChatCompletionStreamManager(
            self._pipeline, call, response_format=response_format, input_tools=tools
        )

    # -- stored completions (created with ``store=True``) ------------------------------------------

    async def retrieve(self, completion_id: str, **request_options: Unpack[RequestOptionsParams]) -> ChatCompletion:
        """A stored chat completion (one created with ``store=True``)."""
        return await self._pipeline.request(options("GET", _completion_path(completion_id), request_options),
                                            ChatCompletion)

    async def update(self, completion_id: str, **params: Unpack[UpdateParams]) -> ChatCompletion:
        """Replace a stored completion's ``metadata`` (the only field that can change)."""
        body, request_options = _UPDATE.split(params)
        call = options("POST", _completion_path(completion_id), request_options, body=body)
        return await self._pipeline.request(call, ChatCompletion)

    async def delete(
        self, completion_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> ChatCompletionDeleted:
        return await self._pipeline.request(options("DELETE", _completion_path(completion_id), request_options),
                                            ChatCompletionDeleted)

    def list(self, **params: Unpack[ListParams]) -> AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatCompletion]]:
        """Stored completions, a cursor page at a time; filter by ``model`` and ``metadata`` pairs."""
        query, request_options = _LIST.split(params)
        call = options("GET", "/chat/completions", request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[ChatCompletion])


class AsyncMessages(AsyncAPIResource):
    """``client.chat.completions.messages``: the request messages of a stored completion."""

    __slots__ = ()

    def list(
        self, completion_id: str, **params: Unpack[ListMessagesParams]
    ) -> AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPage[ChatCompletionStoreMessage]]:
        query, request_options = _LIST_MESSAGES.split(params)
        call = options("GET", _completion_path(completion_id, "/messages"), request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[ChatCompletionStoreMessage])
