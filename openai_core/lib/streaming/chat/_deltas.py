"""Merging one chunk's delta into a message snapshot, in place (the accumulator's per-field rules)."""

from __future__ import annotations

from typing import Any

import pydantic_core

from ....types.chat.chat_completion_audio import ChatCompletionAudio
from ....types.chat.chat_completion_chunk import ChoiceDelta
from ....types.chat.chat_completion_message import FunctionCall
from ._events import ParsedChatCompletionMessageSnapshot

__all__ = ["mark_sent", "merge_delta", "partial_json", "set_sent"]


def set_sent(model: Any, name: str, value: object) -> None:
    # pydantic's __setattr__ also records the field as set, which is what to_dict() reports.
    setattr(model, name, value)


_MESSAGE_FIELDS = frozenset(ParsedChatCompletionMessageSnapshot.model_fields) - {"parsed"}
_CALL_FIELDS = ("id", "type", "function")
_FUNCTION_FIELDS = ("name", "arguments", "parsed_arguments")


def mark_sent(message: ParsedChatCompletionMessageSnapshot) -> None:
    """From a choice's second delta on, the official SDK rebuilds the message from a full dump of the
    previous one, so every field (but ``parsed``) counts as set from then on; doing the same keeps
    ``to_dict()`` of the results identical."""
    message.model_fields_set.update(_MESSAGE_FIELDS)
    for call in message.tool_calls or ():
        call.model_fields_set.update(_CALL_FIELDS)
        call.function.model_fields_set.update(_FUNCTION_FIELDS)
    for nested in (message.function_call, message.audio):
        if nested is not None:
            nested.model_fields_set.update(type(nested).model_fields)


def merge_delta(message: ParsedChatCompletionMessageSnapshot, delta: ChoiceDelta) -> None:
    """Merge a delta's message fields (all but tool calls) into the message snapshot."""
    sent = delta.model_fields_set
    fields_set = message.model_fields_set
    for name in sent:
        value = getattr(delta, name)
        if value is None:
            if name not in fields_set:
                set_sent(message, name, None)  # sent as null: reported as null, like the official SDK
            continue
        if name == "role":
            set_sent(message, "role", value)
        elif name in ("content", "refusal"):
            current = getattr(message, name)
            set_sent(message, name, value if current is None else current + value)
        elif name == "function_call":
            current_call = message.function_call
            if current_call is None:
                current_call = FunctionCall.model_construct(_fields_set=set(), name="", arguments="")
                set_sent(message, "function_call", current_call)
            for part in ("name", "arguments"):
                piece = getattr(value, part)
                if piece is not None:
                    set_sent(current_call, part, getattr(current_call, part) + piece)
        elif name == "audio":
            audio = message.audio
            if audio is None:
                audio = ChatCompletionAudio.model_construct(_fields_set=set(), id="", data="", expires_at=0,
                                                            transcript="")
                set_sent(message, "audio", audio)
            for part in value.model_fields_set:
                piece = getattr(value, part)
                if piece is None:
                    continue
                if part in ("data", "transcript"):
                    set_sent(audio, part, getattr(audio, part) + piece)
                else:
                    set_sent(audio, part, piece)
    extra = delta.model_extra
    if extra:
        message_extra = message.__pydantic_extra__
        if message_extra is None:
            message_extra = message.__pydantic_extra__ = {}
        for name, value in extra.items():
            current = message_extra.get(name)
            if isinstance(current, str) and isinstance(value, str):
                message_extra[name] = current + value
            elif value is not None or name not in message_extra:
                message_extra[name] = value
            message.model_fields_set.add(name)


def partial_json(text: str) -> object:
    """As much of a JSON document as has arrived; None while not even that parses."""
    try:
        return pydantic_core.from_json(text, allow_partial=True)
    except ValueError:
        return None

