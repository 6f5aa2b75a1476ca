"""The Responses API: ``POST /v1/responses`` (plain and streamed), ``GET``/``DELETE /v1/responses/{id}``
(``?stream=true`` replays a stored stream) and ``GET /v1/responses/{id}/input_items`` (a cursor page).

Deterministic rules, as for chat (``_chat_tools``):

- the reply is ``"echo: "`` + the text of the last user input (a string ``input`` is one user message);
  ``max_output_tokens`` cuts it to that many words and the response is ``incomplete``;
- function ``tools`` are called by the chat rule (a ``tool_choice`` naming one, ``"required"``, or the
  function names found in the last user text), with arguments sampled from their ``parameters``;
- ``function_call_output`` items after the last user message (in the input, or in the stored
  ``previous_response_id`` turn it continues) stop the ``"auto"`` calls: the reply is then
  ``"tool results: <name> -> <output>; ..."`` (the chat rule's ``tool_results_reply``);
- ``text.format`` of type ``json_schema`` makes the reply a JSON document sampled from the schema;
- a last user text containing the word ``fail`` gives a failed response (streamed: an ``error`` event,
  then ``response.failed``); the word ``future`` adds an event of a type no client knows
  (``response.mock_future``) after ``response.in_progress``.

Responses are stored (unless ``store`` is false) with their input items and their stream events.
Streams carry an ``event:`` line per event, increasing ``sequence_number``s, and end without ``[DONE]``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._chat_tools import FRAGMENT, ToolTurn, next_required, sample, tool_results_reply
from ._common import ApiError, SSEReply, dumps
from ._data import message_text, split_words, truncate_words, word_count

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["ResponseStore", "cancel_response", "count_input_tokens", "create_response", "delete_response",
           "get_response", "list_input_items"]


@dataclass
class _Stored:
    response: dict[str, Any]
    events: list[dict[str, Any]]
    input_items: list[dict[str, Any]]
    # A background response (``background: true``) is stored queued; it finishes, as this, when it is
    # next retrieved, unless it is cancelled first.
    pending: dict[str, Any] | None = None


@dataclass
class ResponseStore:
    """The responses created with ``store`` (the API's default), by id."""

    items: dict[str, _Stored] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------- input


def _text_of(content: Any) -> str:
    if isinstance(content, list):
        content = [p for p in content if isinstance(p, dict) and p.get("type") in ("input_text", "output_text", "text")]
    return message_text(content)


def _input_items(value: Any, rid: str) -> list[dict[str, Any]]:
    """The input as stored items (each with an id), in order."""
    if isinstance(value, str):
        value = [{"role": "user", "content": value}]
    if not isinstance(value, list):
        raise ApiError(400, "Invalid value for 'input': expected a string or an array of input items.",
                       param="input", code="invalid_value")
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise ApiError(400, f"Invalid value for 'input[{i}]': expected an object.", param=f"input[{i}]",
                           code="invalid_value")
        stored = dict(item)
        if "role" in stored and stored.get("type", "message") == "message":
            content = stored.get("content")
            if isinstance(content, str):
                kind = "output_text" if stored["role"] == "assistant" else "input_text"
                content = [{"type": kind, "text": content}]
            stored.update(type="message", content=content, status="completed")
        stored.setdefault("id", f"{'msg' if stored.get('type') == 'message' else 'item'}_{rid[5:]}_{i}")
        items.append(stored)
    return items


def _last_user_text(items: list[dict[str, Any]]) -> str:
    for item in reversed(items):
        if item.get("type") == "message" and item.get("role") == "user":
            return _text_of(item.get("content"))
    return ""


def _turn(state: ServerState, body: dict[str, Any], items: list[dict[str, Any]]) -> ToolTurn:
    """The tool calls and results after the last user message, through the stored turn this one continues."""
    previous = state.responses.items.get(str(body.get("previous_response_id")))
    history = [*previous.input_items, *previous.response.get("output", [])] if previous is not None else []
    turn = ToolTurn()
    names: dict[str, str] = {}
    for item in [*history, *items]:
        kind = item.get("type")
        if kind == "message" and item.get("role") == "user":
            turn = ToolTurn(user_text=_text_of(item.get("content")))
        elif kind == "function_call" and isinstance(item.get("name"), str):
            names[str(item.get("call_id"))] = item["name"]
            turn.called.append(item["name"])
        elif kind == "function_call_output":
            call_id = str(item.get("call_id"))
            output = item.get("output")
            text = output if isinstance(output, str) else _text_of(output)
            turn.results.append((names.get(call_id, call_id), text))
    return turn


def _calls(body: dict[str, Any], turn: ToolTurn) -> list[tuple[str, str]]:
    tools = [t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") == "function"
             and isinstance(t.get("name"), str)]
    choice = body.get("tool_choice")
    if not tools or choice == "none":
        return []
    if isinstance(choice, dict) and choice.get("type") == "function":
        chosen = [t for t in tools if t["name"] == choice.get("name")][:1]
    elif choice == "required":
        wanted = next_required([t["name"] for t in tools], turn.called)
        chosen = [t for t in tools if t["name"] == wanted][:1]
    elif turn.results:
        return []
    else:
        chosen = [t for t in tools if t["name"] in turn.user_text]
        if body.get("parallel_tool_calls") is False:
            chosen = chosen[:1]
    return [(t["name"], json.dumps(sample(t.get("parameters") or {}), separators=(",", ":"))) for t in chosen]


# ---------------------------------------------------------------------------------------- create


def _usage(input_tokens: int, output_tokens: int) -> dict[str, Any]:
    return {"input_tokens": input_tokens, "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": output_tokens, "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": input_tokens + output_tokens}


def _response(rid: str, body: dict[str, Any], model: str, created: int, status: str,
              output: list[dict[str, Any]], usage: dict[str, Any] | None) -> dict[str, Any]:
    text = body.get("text")
    text = text if isinstance(text, dict) else {}
    return {
        "id": rid, "object": "response", "created_at": created, "status": status, "background": False,
        "error": None, "incomplete_details": None, "instructions": body.get("instructions"),
        "max_output_tokens": body.get("max_output_tokens"), "max_tool_calls": None, "model": model,
        "output": output, "parallel_tool_calls": body.get("parallel_tool_calls", True) is not False,
        "previous_response_id": body.get("previous_response_id"), "reasoning": {"effort": None, "summary": None},
        "service_tier": "default", "store": body.get("store") is not False,
        "temperature": body.get("temperature", 1.0), "text": {"format": {"type": "text"}, "verbosity": "medium",
                                                              **text},
        "tool_choice": body.get("tool_choice", "auto"), "tools": body.get("tools") or [],
        "top_p": body.get("top_p", 1.0), "truncation": "disabled", "usage": usage, "user": None,
        "metadata": body.get("metadata") or {},
    }


def _reply_text(body: dict[str, Any], turn: ToolTurn) -> str:
    text_config = body.get("text")
    fmt = text_config.get("format") if isinstance(text_config, dict) else None
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        return json.dumps(sample(fmt.get("schema") or {}), separators=(",", ":"))
    if turn.results:
        return tool_results_reply(turn.results)
    return "echo: " + turn.user_text


def _input_tokens(body: dict[str, Any], items: list[dict[str, Any]]) -> int:
    """A word per token, over the input items' text and the instructions."""
    return sum(word_count(_text_of(i.get("content"))) for i in items) + word_count(body.get("instructions") or "")


def count_input_tokens(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    """``POST /v1/responses/input_tokens``: what ``create`` with this body would report as input tokens."""
    items = _input_items(body.get("input") or [], "resp_count")
    return dumps({"object": "response.input_tokens", "input_tokens": _input_tokens(body, items)})


def _build(state: ServerState, body: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                             list[dict[str, Any]]]:
    """(final response, stream events without sequence numbers, stored input items)."""
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise ApiError(400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
    rid = state.object_id("resp").replace("-", "_")
    items = _input_items(body.get("input", []), rid)
    turn = _turn(state, body, items)
    created = int(time.time())
    input_tokens = _input_tokens(body, items)
    words = _last_user_text(items).lower().split()
    calls = _calls(body, turn)
    output: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    status, incomplete = "completed", None
    if calls:
        for k, (name, arguments) in enumerate(calls):
            item = {"id": f"fc_{rid[5:]}_{k}", "type": "function_call", "status": "in_progress", "arguments": "",
                    "call_id": f"call_{rid[5:]}_{k}", "name": name}
            done = {**item, "status": "completed", "arguments": arguments}
            events.append({"type": "response.output_item.added", "output_index": k, "item": item})
            events += [{"type": "response.function_call_arguments.delta", "item_id": item["id"], "output_index": k,
                        "delta": arguments[i:i + FRAGMENT]} for i in range(0, len(arguments), FRAGMENT)]
            events.append({"type": "response.function_call_arguments.done", "item_id": item["id"],
                           "output_index": k, "name": name, "arguments": arguments})
            events.append({"type": "response.output_item.done", "output_index": k, "item": done})
            output.append(done)
        output_tokens = sum(len(a) // 4 + 1 for _, a in calls)
    else:
        reply, cut = truncate_words(_reply_text(body, turn), body.get("max_output_tokens"))
        if cut:
            status, incomplete = "incomplete", {"reason": "max_output_tokens"}
        mid = f"msg_{rid[5:]}"
        empty = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
        part = {**empty, "text": reply}
        message = {"id": mid, "type": "message", "status": "in_progress", "role": "assistant", "content": []}
        final = {**message, "status": "completed" if not cut else "incomplete", "content": [part]}
        where = {"item_id": mid, "output_index": 0, "content_index": 0}
        events.append({"type": "response.output_item.added", "output_index": 0, "item": message})
        events.append({"type": "response.content_part.added", **where, "part": empty})
        events += [{"type": "response.output_text.delta", **where, "delta": piece, "logprobs": []}
                   for piece in split_words(reply)]
        events.append({"type": "response.output_text.done", **where, "text": reply, "logprobs": []})
        events.append({"type": "response.content_part.done", **where, "part": part})
        events.append({"type": "response.output_item.done", "output_index": 0, "item": final})
        output.append(final)
        output_tokens = word_count(reply)
    usage = _usage(input_tokens, output_tokens)
    head = _response(rid, body, model, created, "in_progress", [], None)
    prologue: list[dict[str, Any]] = [{"type": "response.created", "response": head},
                                      {"type": "response.in_progress", "response": head}]
    if "future" in words:
        prologue.append({"type": "response.mock_future", "detail": "an event type no client knows"})
    if "fail" in words:
        error = {"code": "server_error", "message": "The mock model failed, as asked."}
        failed = {**_response(rid, body, model, created, "failed", [], None), "error": error}
        events = [*prologue, {"type": "error", **error, "param": None},
                  {"type": "response.failed", "response": failed}]
        return failed, events, items
    final_response = _response(rid, body, model, created, status, output, usage)
    final_response["incomplete_details"] = incomplete
    final_response["completed_at"] = created if status == "completed" else None
    closing = "response.completed" if status == "completed" else "response.incomplete"
    return final_response, [*prologue, *events, {"type": closing, "response": final_response}], items


def _sse(events: list[dict[str, Any]]) -> SSEReply:
    return SSEReply([f"event: {e['type']}\ndata: {dumps(e).decode()}\n\n" for e in events], done=False)


def create_response(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes | SSEReply:
    response, events = respond(state, body)
    if body.get("stream") is True:
        return _sse(events)
    return dumps(response)


def respond(state: ServerState, body: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the response as returned, its stream events), stored as ``store`` and ``background`` say; the
    ``responses.connect()`` WebSocket streams the same events."""
    conversation = body.get("conversation")
    conversation_id = conversation.get("id") if isinstance(conversation, dict) else conversation
    if isinstance(conversation_id, str):
        state.conversations.get(conversation_id)  # 404 before anything is built
    response, events, items = _build(state, body)
    if isinstance(conversation_id, str):  # the turn joins the conversation: its input, then the output
        state.conversations.append(conversation_id, [*items, *response.get("output", [])])
        response["conversation"] = {"id": conversation_id}
    events = [{**event, "sequence_number": n} for n, event in enumerate(events)]
    if body.get("background") is True and body.get("stream") is not True:
        if body.get("store") is False:
            raise ApiError(400, "Background responses must be stored: 'store' cannot be false.", param="store",
                           code="invalid_value")
        finished = {**response, "background": True}
        queued = {**finished, "status": "queued", "output": [], "usage": None, "completed_at": None}
        state.responses.items[response["id"]] = _Stored(queued, events, items, pending=finished)
        return queued, events
    if body.get("store") is not False:
        state.responses.items[response["id"]] = _Stored(response, events, items)
    return response, events


# ----------------------------------------------------------------------------- retrieve / delete


def _stored(state: ServerState, request: web.Request) -> _Stored:
    rid = request.match_info["response_id"]
    found = state.responses.items.get(rid)
    if found is None:
        raise ApiError(404, f"Response with id '{rid}' not found.", param="response_id", code="not_found")
    return found


def get_response(state: ServerState, request: web.Request, body: Any) -> bytes | SSEReply:
    stored = _stored(state, request)
    if stored.pending is not None:
        stored.response, stored.pending = stored.pending, None
    if request.query.get("stream") == "true":
        after = int(request.query.get("starting_after", "-1"))
        return _sse([e for e in stored.events if e["sequence_number"] > after])
    return dumps(stored.response)


def cancel_response(state: ServerState, request: web.Request, body: Any) -> bytes:
    stored = _stored(state, request)
    rid = stored.response["id"]
    if not stored.response.get("background"):
        raise ApiError(400, "Only responses created with background=true can be cancelled.",
                       param="response_id", code="invalid_request")
    if stored.pending is not None:
        stored.response = {**stored.response, "status": "cancelled"}
        stored.pending = None
    elif stored.response["status"] != "cancelled":
        raise ApiError(400, f"Response {rid} is {stored.response['status']} and cannot be cancelled.",
                       param="response_id", code="invalid_request")
    return dumps(stored.response)


def delete_response(state: ServerState, request: web.Request, body: Any) -> bytes:
    stored = _stored(state, request)
    del state.responses.items[stored.response["id"]]
    return dumps({"id": stored.response["id"], "object": "response", "deleted": True})


def list_input_items(state: ServerState, request: web.Request, body: Any) -> bytes:
    stored = _stored(state, request)
    query = request.query
    try:
        limit = int(query.get("limit", "20"))
    except ValueError:
        limit = 0
    if not 1 <= limit <= 100:
        raise ApiError(400, "Invalid value for 'limit': expected an integer between 1 and 100.", param="limit",
                       code="invalid_value")
    order = query.get("order", "desc")
    if order not in ("asc", "desc"):
        raise ApiError(400, "Invalid value for 'order': expected 'asc' or 'desc'.", param="order",
                       code="invalid_value")
    items = stored.input_items if order == "asc" else stored.input_items[::-1]
    after = query.get("after")
    if after is not None:
        ids = [item["id"] for item in items]
        if after not in ids:
            raise ApiError(400, f"Invalid value for 'after': no input item '{after}'.", param="after",
                           code="invalid_value")
        items = items[ids.index(after) + 1:]
    page = items[:limit]
    return dumps({"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
                  "last_id": page[-1]["id"] if page else None, "has_more": len(items) > limit})
