"""Structured outputs for the Responses API, as pure functions (no I/O).

``responses.parse()`` sends a pydantic model (or pydantic dataclass) as a strict ``json_schema`` text
format; each ``output_text`` part of the answer comes back parsed into it, and each function call's
arguments come back as JSON values when its tool is strict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ...types.responses import Response
from ...types.responses.parsed_response import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
)
from ._completions import _rebuild, parse_content, strict_schema_of

__all__ = ["parse_response", "type_to_text_format_param"]


def type_to_text_format_param(text_format: type[Any]) -> dict[str, Any]:
    """The ``text.format`` for a class: a strict JSON schema named after it."""
    schema = strict_schema_of(text_format)
    if schema is None:
        raise TypeError(f"unsupported text_format {text_format!r}: pass a pydantic model class")
    return {"type": "json_schema", "strict": True, "name": text_format.__name__, "schema": schema}


def _parse_text(text_format: type[Any] | None, text: str) -> Any:
    return None if text_format is None else parse_content(text_format, text)


def _parse_arguments(input_tools: Iterable[Mapping[str, Any]], name: str, arguments: str) -> object:
    for tool in input_tools:
        if tool.get("type") == "function" and tool.get("name") == name:
            return json.loads(arguments) if tool.get("strict") else None
    return None


def parse_response(
    *, text_format: type[Any] | None, input_tools: Iterable[Mapping[str, Any]] | None, response: Response
) -> ParsedResponse[Any]:
    """``response`` as a ``ParsedResponse``: the output messages' text parts parsed into ``text_format``
    (None without one), strict function tools' call arguments decoded; other items unchanged."""
    tools = list(input_tools or ())
    content: Any = text_format  # the classes are parametrised with the real type, so dumps know it
    text_type: Any = ParsedResponseOutputText[content]
    message_type: Any = ParsedResponseOutputMessage[content]
    response_type: Any = ParsedResponse[content]
    output: list[Any] = []
    for item in response.output:
        if item.type == "message":
            parts = [
                _rebuild(part, text_type, parsed=_parse_text(text_format, part.text))
                if part.type == "output_text" else part
                for part in item.content
            ]
            output.append(_rebuild(item, message_type, content=parts))
        elif item.type == "function_call":
            output.append(_rebuild(item, ParsedResponseFunctionToolCall,
                                   parsed_arguments=_parse_arguments(tools, item.name, item.arguments)))
        else:
            output.append(item)
    parsed: ParsedResponse[Any] = _rebuild(response, response_type, output=output)
    return parsed
