"""Chat completions that answer with tool calls or with structured output (``response_format``).

Deterministic rules, so tests of ``parse()`` and of the ``.stream()`` helper can predict every byte:

- **Tool calls.** With function ``tools`` and a ``tool_choice`` naming one, that function is called. With
  ``tool_choice`` ``"required"`` the first function tool not yet called since the last user message is
  called (the first tool once all were). Otherwise (``"auto"`` or absent) every function tool whose name
  appears in the last user message is called, in the order of ``tools`` (only the first when
  ``parallel_tool_calls`` is false), unless tool results already follow that message; ``"none"`` never
  calls. The arguments are a JSON object built from the tool's ``parameters`` schema by :func:`sample`,
  streamed in fragments of :data:`FRAGMENT` characters.
- **Tool results.** When ``tool`` messages follow the last user message and no call is made, the reply
  is :func:`tool_results_reply` of them (``"tool results: get_weather -> sunny"``), so an agent loop
  that sends results back ends with an answer that uses them.
- **Structured output.** With ``response_format`` ``{"type": "json_schema", ...}`` the content is
  :func:`sample` of the schema as compact JSON (streamed in fragments too); if the last user message
  contains ``refuse``, the answer is a refusal instead. ``max_tokens`` / ``max_completion_tokens``
  count fragments here: fewer than the document has cut it, with ``finish_reason: "length"``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._common import SSEReply, dumps

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["FRAGMENT", "REFUSAL", "ToolTurn", "chat_turn", "next_required", "sample", "structured_chat",
           "tool_results_reply"]

FRAGMENT = 8
REFUSAL = "I'm sorry, I can't help with that."


def sample(schema: Any, root: Any = None, name: str = "value") -> Any:
    """A deterministic value matching ``schema`` (the subset strict mode uses): an enum's first value,
    ``"<property>-value"`` for strings, 1 / 1.5 / true for numbers and booleans, one item per array, every
    property of an object, the first non-null member of a union, ``$ref`` followed."""
    root = schema if root is None else root
    if not isinstance(schema, dict):
        return None
    if "$ref" in schema and isinstance(schema["$ref"], str) and schema["$ref"].startswith("#/"):
        target: Any = root
        for key in schema["$ref"][2:].split("/"):
            target = target.get(key, {}) if isinstance(target, dict) else {}
        return sample(target, root, name)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for union in ("anyOf", "oneOf"):
        members = schema.get(union)
        if isinstance(members, list) and members:
            chosen = next((m for m in members if not (isinstance(m, dict) and m.get("type") == "null")), members[0])
            return sample(chosen, root, name)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        return {key: sample(sub, root, key) for key, sub in properties.items()}
    if kind == "array":
        return [sample(schema.get("items", {}), root, name)]
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return f"{name}-value"


@dataclass(slots=True)
class ToolTurn:
    """What followed the last user message: the tools called since, and the results sent back."""

    user_text: str = ""
    called: list[str] = field(default_factory=list)
    results: list[tuple[str, str]] = field(default_factory=list)
    """(tool name, result text) per result; the call id stands in for a name the request does not give."""


def chat_turn(messages: Any) -> ToolTurn:
    from ._data import message_text

    turn = ToolTurn()
    if not isinstance(messages, list):
        return turn
    names: dict[str, str] = {}
    for message in messages:
        if not isinstance(message, dict):
            continue
        role = message.get("role")
        if role == "user":
            turn = ToolTurn(user_text=message_text(message.get("content")))
        elif role == "assistant" and isinstance(message.get("tool_calls"), list):
            for call in message["tool_calls"]:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict) and isinstance(function.get("name"), str):
                    names[str(call.get("id"))] = function["name"]
                    turn.called.append(function["name"])
        elif role == "tool":
            call_id = str(message.get("tool_call_id"))
            turn.results.append((names.get(call_id, call_id), message_text(message.get("content"))))
    return turn


def tool_results_reply(results: list[tuple[str, str]]) -> str:
    """The answer that uses the tool results sent back."""
    return "tool results: " + "; ".join(f"{name} -> {text}" for name, text in results)


def next_required(names: list[str], called: list[str]) -> str:
    """The tool ``tool_choice: "required"`` calls: the first not called yet in this turn, else the first, so
    an agent that must call tools still moves from one to the next (e.g. on to its output tool)."""
    return next((name for name in names if name not in called), names[0])


def _last_user_text(body: dict[str, Any]) -> str:
    return chat_turn(body.get("messages")).user_text


def _function_tools(body: dict[str, Any]) -> list[dict[str, Any]]:
    tools = body.get("tools")
    if not isinstance(tools, list):
        return []
    return [t["function"] for t in tools if isinstance(t, dict) and t.get("type") == "function"
            and isinstance(t.get("function"), dict) and isinstance(t["function"].get("name"), str)]


def tool_calls_for(body: dict[str, Any]) -> list[tuple[str, str]]:
    """(function name, arguments JSON) of each call the answer makes; empty for a plain answer."""
    functions = _function_tools(body)
    if not functions:
        return []
    choice = body.get("tool_choice")
    chosen: list[dict[str, Any]]
    if choice == "none":
        return []
    turn = chat_turn(body.get("messages"))
    if isinstance(choice, dict) and choice.get("type") == "function":
        wanted = (choice.get("function") or {}).get("name")
        chosen = [f for f in functions if f["name"] == wanted][:1]
    elif choice == "required":
        wanted = next_required([f["name"] for f in functions], turn.called)
        chosen = [f for f in functions if f["name"] == wanted][:1]
    elif turn.results:
        return []
    else:
        chosen = [f for f in functions if f["name"] in turn.user_text]
        if body.get("parallel_tool_calls") is False:
            chosen = chosen[:1]
    return [(f["name"], json.dumps(sample(f.get("parameters") or {}), separators=(",", ":"))) for f in chosen]


def _json_schema_content(body: dict[str, Any]) -> str | None:
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return None
    schema = (response_format.get("json_schema") or {}).get("schema") or {}
    return json.dumps(sample(schema), separators=(",", ":"))


def _fragments(text: str) -> list[str]:
    return [text[i:i + FRAGMENT] for i in range(0, len(text), FRAGMENT)] or [""]


def structured_chat(state: ServerState, body: dict[str, Any], model: str, n: int, prompt_tokens: int,
                    usage_of: Any) -> bytes | SSEReply | None:
    """The answer for a request with tools to call or a JSON schema to follow; None for a plain one.
    ``usage_of(prompt_tokens, completion_tokens)`` builds the usage object."""
    calls = tool_calls_for(body)
    content: str | None = None
    refusal: str | None = None
    if not calls:
        content = _json_schema_content(body)
        if content is None:
            return None
        if "refuse" in _last_user_text(body):
            content, refusal = None, REFUSAL
    finish = "tool_calls" if calls else "stop"
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    if content is not None and isinstance(limit, int) and limit < len(_fragments(content)):
        content, finish = "".join(_fragments(content)[:limit]), "length"
    obj_id = state.object_id("chatcmpl")
    call_ids = [f"call_{obj_id.rpartition('-')[2]}_{i}" for i in range(len(calls))]
    completion_tokens = sum(len(a) // 4 + 1 for _, a in calls) + len((content or refusal or "").split())
    usage = usage_of(prompt_tokens, completion_tokens * n)
    created = int(time.time())
    if body.get("stream") is not True:
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal, "annotations": []}
        if calls:
            message["tool_calls"] = [
                {"id": cid, "type": "function", "function": {"name": name, "arguments": arguments}}
                for cid, (name, arguments) in zip(call_ids, calls, strict=True)
            ]
        return dumps({
            "id": obj_id, "object": "chat.completion", "created": created, "model": model,
            "choices": [{"index": i, "message": message, "logprobs": None, "finish_reason": finish}
                        for i in range(n)],
            "usage": usage, "system_fingerprint": "fp_mock", "service_tier": "default",
        })

    options = body.get("stream_options")
    include_usage = isinstance(options, dict) and options.get("include_usage") is True
    head = {"id": obj_id, "object": "chat.completion.chunk", "created": created, "model": model,
            "system_fingerprint": "fp_mock", "service_tier": "default"}
    if include_usage:
        head["usage"] = None

    def event(index: int, delta: dict[str, Any], finish_reason: str | None = None) -> str:
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        return "data: " + dumps({**head, "choices": [choice]}).decode() + "\n\n"

    events: list[str] = []
    for i in range(n):
        events.append(event(i, {"role": "assistant", "content": "" if content is not None else None,
                                "refusal": None}))
    for i in range(n):  # choice by choice: a client must tell interleaved and sequential choices apart alike
        for k, (name, arguments) in enumerate(calls):
            events.append(event(i, {"tool_calls": [{"index": k, "id": call_ids[k], "type": "function",
                                                    "function": {"name": name, "arguments": ""}}]}))
            events += [event(i, {"tool_calls": [{"index": k, "function": {"arguments": piece}}]})
                       for piece in _fragments(arguments)]
        if content is not None:
            events += [event(i, {"content": piece}) for piece in _fragments(content)]
        if refusal is not None:
            events += [event(i, {"refusal": piece}) for piece in _fragments(refusal)]
    events += [event(i, {}, finish) for i in range(n)]
    if include_usage:
        events.append("data: " + dumps({**head, "choices": [], "usage": usage}).decode() + "\n\n")
    return SSEReply(events)
