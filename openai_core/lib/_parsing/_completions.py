"""Structured outputs for chat completions, as pure functions.

``parse()`` and the ``stream()`` helper send a pydantic model as a strict ``json_schema`` response format
and strict function tools; the answer's content and tool-call arguments come back parsed. Everything
here works on values already received: no I/O, so the stream accumulator and ``parse()`` share it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard, cast

import pydantic
from typing_extensions import TypeVar

from ..._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from ..._interop import resolve_type
from ...types.chat import (
    ChatCompletion,
    ChatCompletionFunctionToolParam,
    ChatCompletionToolUnionParam,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from ...types.chat.chat_completion_message import ChatCompletionMessage
from ...types.chat.completion_create_params import ResponseFormat as ResponseFormatParam
from .._pydantic import is_basemodel_type, is_dataclass_like_type, to_strict_json_schema
from .._tools import PydanticFunctionTool

__all__ = [
    "ResponseFormatT",
    "get_input_tool_by_name",
    "has_parseable_input",
    "has_rich_response_format",
    "maybe_parse_content",
    "parse_chat_completion",
    "parse_content",
    "parse_function_tool_arguments",
    "strict_schema_of",
    "type_to_response_format_param",
    "validate_input_tools",
]

# What `message.parsed` holds; None when no response_format class was given (PEP 696 default).
ResponseFormatT = TypeVar("ResponseFormatT", default=None)

log = logging.getLogger("openai_core")


def type_to_response_format_param(response_format: object) -> ResponseFormatParam | None:
    """The wire form of ``response_format``: a dict passes through; a pydantic model class (or pydantic
    dataclass) becomes a strict ``json_schema`` format named after the class; None stays None."""
    if response_format is None or isinstance(response_format, Mapping):
        return cast("ResponseFormatParam | None", response_format)
    schema = strict_schema_of(response_format)
    if schema is None or not isinstance(response_format, type):
        raise TypeError(f"unsupported response_format {response_format!r}: pass a pydantic model class or a dict")
    return {"type": "json_schema", "json_schema": {"schema": schema, "name": response_format.__name__, "strict": True}}


def strict_schema_of(cls: object) -> dict[str, Any] | None:
    """The strict JSON schema of a pydantic model class or pydantic dataclass; None for anything else.
    Shared by chat's ``response_format`` and the Responses API's ``text_format``."""
    if is_basemodel_type(cls):
        return to_strict_json_schema(cls)
    if isinstance(cls, type) and is_dataclass_like_type(cls):
        return to_strict_json_schema(pydantic.TypeAdapter(cls))
    return None


def has_rich_response_format(response_format: object) -> TypeGuard[type[Any]]:
    """Whether ``response_format`` is a class to parse into (rather than a wire dict, or nothing)."""
    return response_format is not None and not isinstance(response_format, Mapping)


def is_parseable_tool(tool: Mapping[str, Any]) -> bool:
    if tool.get("type") != "function":
        return False
    function = tool.get("function")
    if isinstance(function, PydanticFunctionTool):
        return True
    return isinstance(function, Mapping) and function.get("strict") is True


def has_parseable_input(*, response_format: object, input_tools: Iterable[Mapping[str, Any]] | None) -> bool:
    """Whether anything in the answer will be parsed: a response-format class or a strict tool."""
    return has_rich_response_format(response_format) or any(is_parseable_tool(t) for t in input_tools or ())


def validate_input_tools(
    tools: Iterable[ChatCompletionToolUnionParam] | None,
) -> list[ChatCompletionFunctionToolParam] | None:
    """``parse()`` can only give back arguments it knows how to parse: every tool must be a strict
    function tool (``pydantic_function_tool()`` makes one)."""
    if tools is None:
        return None
    listed = list(tools)
    for tool in listed:
        if tool["type"] != "function":
            raise ValueError(f"only function tools can be parsed; got a tool of type {tool['type']!r}")
        if tool["function"].get("strict") is not True:
            raise ValueError(
                f"tool {tool['function']['name']!r} is not strict: parse() needs strict function tools "
                "(set \"strict\": True, or build it with pydantic_function_tool())"
            )
    return cast("list[ChatCompletionFunctionToolParam]", listed)


def get_input_tool_by_name(
    *, input_tools: Iterable[Mapping[str, Any]], name: str
) -> ChatCompletionFunctionToolParam | None:
    for tool in input_tools:
        if tool.get("type") == "function" and tool.get("function", {}).get("name") == name:
            return cast(ChatCompletionFunctionToolParam, tool)
    return None


def parse_function_tool_arguments(*, input_tools: Iterable[Mapping[str, Any]], function: Any) -> object | None:
    """A function call's arguments parsed: into the tool's model for a ``pydantic_function_tool``, as JSON
    for another strict tool, not at all (None) for a non-strict or unknown one."""
    tool = get_input_tool_by_name(input_tools=input_tools, name=function.name)
    if tool is None:
        return None
    definition: object = tool.get("function")
    if isinstance(definition, PydanticFunctionTool):
        return definition.model.model_validate_json(function.arguments)
    if not isinstance(definition, Mapping) or not definition.get("strict"):
        return None
    decoded: object = json.loads(function.arguments)
    return decoded


def maybe_parse_content(*, response_format: object, message: ChatCompletionMessage) -> Any:
    """The message content parsed into the response-format class; None when there is no class, no
    content, or the model refused."""
    if has_rich_response_format(response_format) and message.content and not message.refusal:
        return parse_content(response_format, message.content)
    return None


def parse_content(response_format: type[Any], content: str) -> Any:
    """``content`` (JSON text) validated into the response-format class."""
    if is_basemodel_type(response_format):
        return response_format.model_validate_json(content)
    if is_dataclass_like_type(response_format):
        return pydantic.TypeAdapter(response_format).validate_json(content)
    raise TypeError(f"cannot parse content into {response_format!r}: pass a pydantic model class")


def parse_chat_completion(
    *,
    response_format: object,
    input_tools: Iterable[Mapping[str, Any]] | None,
    chat_completion: ChatCompletion,
) -> ParsedChatCompletion[ResponseFormatT]:
    """A ``ParsedChatCompletion`` from a completion: each message's content parsed into
    ``response_format`` (when it is a class) and each function call's arguments parsed per its tool.

    Raises ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError`` for a choice cut off by the
    token limit or the content filter: there is no whole document to parse (the official SDK does the
    same, whether or not anything was to be parsed)."""
    tools = list(input_tools or ())
    # The classes are parametrised with the real content type (not the TypeVar), so `parsed` is
    # serialised as that model by to_dict() / model_dump().
    content: Any = response_format if has_rich_response_format(response_format) else None
    message_type: Any = ParsedChatCompletionMessage[content]
    choice_type: Any = ParsedChoice[content]
    completion_type: Any = ParsedChatCompletion[content]
    choices: list[ParsedChoice[ResponseFormatT]] = []
    for choice in chat_completion.choices:
        if choice.finish_reason == "length":
            raise LengthFinishReasonError(completion=chat_completion)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError(completion=chat_completion)
        message = choice.message
        tool_calls: list[ParsedFunctionToolCall] = []
        for call in message.tool_calls or ():
            if call.type == "function":
                function = _rebuild(
                    call.function,
                    ParsedFunction,
                    parsed_arguments=parse_function_tool_arguments(input_tools=tools, function=call.function),
                )
                tool_calls.append(_rebuild(call, ParsedFunctionToolCall, function=function))
            else:
                # As in the official SDK: only function calls can be parsed, the others are left out.
                log.warning("custom tool calls cannot be parsed; leaving out %s (%s)", call.id, call.custom.name)
        parsed_message: ParsedChatCompletionMessage[ResponseFormatT] = _rebuild(
            message,
            message_type,
            parsed=maybe_parse_content(response_format=response_format, message=message),
            tool_calls=tool_calls or None,
        )
        choices.append(_rebuild(choice, choice_type, message=parsed_message))
    result: ParsedChatCompletion[ResponseFormatT] = _rebuild(chat_completion, completion_type, choices=choices)
    return result


_M = TypeVar("_M", bound=pydantic.BaseModel)


def _rebuild(source: pydantic.BaseModel, target: type[_M], **overrides: Any) -> _M:
    """``source``'s fields (those that were set), unknown extras and ``overrides`` as a ``target``,
    without validating again what was validated (or leniently built) already. ``target`` becomes its
    bridge when the official SDK is loaded, as a parsed result does (``_interop``), so parsed completions
    pass the official ``isinstance`` checks too."""
    target = resolve_type(target)
    fields_set = set(source.model_fields_set)
    values = {name: getattr(source, name) for name in fields_set if name in target.model_fields}
    values.update(overrides)
    fields_set.update(overrides)
    model = target.model_construct(_fields_set=fields_set, **values)
    if source.model_extra:
        extra = model.__pydantic_extra__
        if extra is not None:
            extra.update(source.model_extra)
    return model
