"""``client.chat.completions``."""

from __future__ import annotations

from typing import Any, TypeVar, overload

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ..._streaming import AsyncStream
from ..._types import NotGiven, Omit
from ...lib._parsing import parse_chat_completion, type_to_response_format_param, validate_input_tools
from ...lib.streaming.chat import AsyncChatCompletionStreamManager
from ...types.chat import ChatCompletion, ChatCompletionChunk, ParsedChatCompletion
from ...types.chat.completion_create_params import (
    CompletionCreateParamsBase,
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
    CompletionParseParams,
    ResponseFormat,
)

__all__ = ["AsyncCompletions"]


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

_T = TypeVar("_T")


def _response_format(params: dict[str, Any]) -> Any:
    value = params.pop("response_format", None)
    return None if isinstance(value, NotGiven | Omit) else value


class AsyncCompletions(AsyncAPIResource):
    __slots__ = ()
    _helpers = frozenset({"stream"})  # an event-stream helper around create(stream=True)

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
        return AsyncChatCompletionStreamManager(
            self._pipeline, call, response_format=response_format, input_tools=tools
        )
