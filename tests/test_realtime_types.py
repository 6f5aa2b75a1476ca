"""Realtime types and the sans-IO protocol: the same module paths, class names and fields as the official
SDK's ``openai.types.realtime``; server events parsed on the validating fast path; unknown types kept;
URLs, client-event encoding, handlers and error mapping as pure functions."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import typing
from typing import Any

import openai.types.realtime as official_realtime
import pydantic
import pytest
import typing_extensions
from multidict import CIMultiDict
from yarl import URL

import openai_core as openai
import openai_core.types.realtime as realtime
from openai_core._interop import own_class
from openai_core._models import json_parser
from openai_core._types import NOT_GIVEN, omit
from openai_core.resources.realtime._protocol import (
    EventHandlers,
    RealtimeConnectionClosedError,
    SendQueue,
    api_error,
    encode_client_event,
    handshake_request,
    parse_server_event,
    realtime_url,
)
from openai_core.testing._realtime_model import RealtimeModel
from openai_core.transports._websocket_common import (
    DEFAULT_MAX_SIZE,
    WebSocketClosedError,
    WebSocketHandshakeError,
    WebSocketRequest,
    WebSocketUnavailableError,
    close_code_meaning,
)
from openai_core.transports.base import TransportConnectionError, TransportTimeoutError
from openai_core.types.realtime.conversation_item import ConversationItem
from openai_core.types.realtime.realtime_conversation_item_unknown import RealtimeConversationItemUnknown
from openai_core.types.realtime.realtime_unknown_server_event import RealtimeUnknownServerEvent

OURS_ONLY = {"realtime_conversation_item_unknown", "realtime_unknown_server_event"}
# The translation API's client events and request params: openai_core's translation connection sends dicts
# through its typed resources and has no models of them (the generator writes the server side from the spec).
TRANSLATION_CLIENT_SIDE = {
    "realtime_translation_client_event", "realtime_translation_client_event_param",
    "realtime_translation_input_audio_buffer_append_event", "realtime_translation_input_audio_buffer_append_event_param",
    "realtime_translation_session_close_event", "realtime_translation_session_close_event_param",
    "realtime_translation_session_create_request_param", "realtime_translation_session_update_event",
    "realtime_translation_session_update_event_param", "realtime_translation_session_update_request",
    "realtime_translation_session_update_request_param",
}


def _modules() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(realtime.__path__))


def _official_modules() -> set[str]:
    return {info.name for info in pkgutil.iter_modules(official_realtime.__path__)
            if info.name not in TRANSLATION_CLIENT_SIDE and info.name != "connect_client_event_param"}


def test_every_official_module_exists_here() -> None:
    assert _official_modules() - set(_modules()) == set()
    assert set(_modules()) - _official_modules() == OURS_ONLY


def _required(td: Any) -> set[str]:
    hints = typing_extensions.get_type_hints(td, include_extras=True)
    return {k for k, v in hints.items() if typing_extensions.get_origin(v) is typing_extensions.Required}


@pytest.mark.parametrize("name", sorted(set(_modules()) - OURS_ONLY))
def test_classes_and_fields_match_the_official_sdk(name: str) -> None:
    ours = importlib.import_module(f"openai_core.types.realtime.{name}")
    theirs = importlib.import_module(f"openai.types.realtime.{name}")
    our_classes = {k: v for k, v in vars(ours).items() if inspect.isclass(v) and v.__module__ == ours.__name__}
    their_classes = {k: v for k, v in vars(theirs).items() if inspect.isclass(v) and v.__module__ == theirs.__name__}
    assert set(our_classes) == set(their_classes)
    for class_name, ours_cls in our_classes.items():
        theirs_cls = their_classes[class_name]
        if issubclass(ours_cls, pydantic.BaseModel):
            assert {k: f.is_required() for k, f in ours_cls.model_fields.items()} == {
                k: f.is_required() for k, f in theirs_cls.model_fields.items()}, class_name
        else:
            assert typing_extensions.is_typeddict(ours_cls), class_name
            assert set(ours_cls.__annotations__) == set(theirs_cls.__annotations__), class_name
            assert _required(ours_cls) == _required(theirs_cls), class_name


def test_package_exports_the_official_names() -> None:
    ours = {n for n in vars(realtime) if not n.startswith("_") and n[0].isupper()}
    theirs = {n for n in vars(official_realtime) if not n.startswith("_") and n[0].isupper()
              and n != "ConnectClientEventParam"}
    # The translation API's server side is here, its client events are not (TRANSLATION_CLIENT_SIDE).
    assert {n for n in ours if "Translation" not in n} == {n for n in theirs if "Translation" not in n}
    assert {n for n in ours if "Translation" in n} <= theirs


def test_typeddict_hints_resolve() -> None:
    for name in _modules():
        module = importlib.import_module(f"openai_core.types.realtime.{name}")
        for value in vars(module).values():
            if typing.is_typeddict(value):
                typing.get_type_hints(value, include_extras=True)


def _every_server_event() -> list[dict[str, Any]]:
    """Every event the embedded model sends in a session that uses every client event."""
    model = RealtimeModel(session_id="sess_1", model="gpt-realtime")
    events = [model.created()]
    script = [
        {"type": "session.update", "session": {"type": "realtime", "tools": [{"type": "function", "name": "f",
                                                                             "parameters": {"type": "object"}}]}},
        {"type": "conversation.item.create", "item": {"type": "message", "role": "user",
                                                      "content": [{"type": "input_text", "text": "call f"}]}},
        {"type": "response.create"},
        {"type": "response.create", "response": {"output_modalities": ["text"], "tool_choice": "none"}},
        {"type": "response.create", "response": {"output_modalities": ["audio"], "tool_choice": "none"}},
        {"type": "input_audio_buffer.append", "audio": "AAAA"},
        {"type": "input_audio_buffer.commit"},
        {"type": "input_audio_buffer.clear"},
        {"type": "nope"},
    ]
    for event in script:
        answers, create = model.handle(json.dumps(event))
        events += answers
        if create is not None:
            events += list(model.respond(create))
    item_id = next(e["item"]["id"] for e in events if e["type"] == "conversation.item.created")
    for event in [
        {"type": "conversation.item.retrieve", "item_id": item_id},
        {"type": "conversation.item.truncate", "item_id": item_id, "content_index": 0, "audio_end_ms": 5},
        {"type": "conversation.item.delete", "item_id": item_id},
    ]:
        events += model.handle(json.dumps(event))[0]
    return events


def test_every_embedded_server_event_validates_on_the_fast_path() -> None:
    events = _every_server_event()
    kinds = {e["type"] for e in events}
    assert {"session.created", "session.updated", "conversation.item.created", "response.created",
            "response.output_text.delta", "response.output_audio.delta", "response.function_call_arguments.done",
            "conversation.item.retrieved", "conversation.item.truncated", "conversation.item.deleted",
            "input_audio_buffer.committed", "input_audio_buffer.cleared", "response.done", "error"} <= kinds
    adapter = pydantic.TypeAdapter(realtime.RealtimeServerEvent)
    for event in events:
        parsed = adapter.validate_json(json.dumps(event))  # raises if any event needs the lenient path
        assert parsed.type == event["type"]
        assert not isinstance(parsed, RealtimeUnknownServerEvent), event["type"]
        assert type(parsed).__name__ == type(official_realtime_event(event)).__name__


def official_realtime_event(event: dict[str, Any]) -> Any:
    from openai._models import construct_type_unchecked

    return construct_type_unchecked(value=event, type_=typing.cast(Any, official_realtime.RealtimeServerEvent))


def test_unknown_and_lenient_events_are_kept() -> None:
    unknown = parse_server_event('{"type": "future.event", "event_id": "e1", "x": [1, 2]}')
    assert isinstance(unknown, RealtimeUnknownServerEvent)
    assert unknown.to_dict() == {"type": "future.event", "event_id": "e1", "x": [1, 2]}
    # A known event missing a required field (as a compatible server may send it) still parses, typed.
    partial = parse_server_event('{"type": "response.output_text.delta", "delta": "hi"}')
    assert isinstance(partial, realtime.ResponseTextDeltaEvent) and partial.delta == "hi"
    with pytest.raises(ValueError):
        parse_server_event(b"not json")


@pytest.mark.parametrize(("item", "expected"), [
    ({"type": "message", "role": "system", "content": []}, "RealtimeConversationItemSystemMessage"),
    ({"type": "message", "role": "user", "content": []}, "RealtimeConversationItemUserMessage"),
    ({"type": "message", "role": "assistant", "content": []}, "RealtimeConversationItemAssistantMessage"),
    ({"type": "function_call", "name": "f", "arguments": "{}"}, "RealtimeConversationItemFunctionCall"),
    ({"type": "function_call_output", "call_id": "c", "output": "o"}, "RealtimeConversationItemFunctionCallOutput"),
    ({"type": "mcp_call", "id": "m", "arguments": "{}", "name": "n", "server_label": "s"}, "RealtimeMcpToolCall"),
    ({"type": "hologram", "id": "h"}, "RealtimeConversationItemUnknown"),
])
def test_conversation_items_are_told_apart(item: dict[str, Any], expected: str) -> None:
    parsed = json_parser(ConversationItem)(json.dumps(item))
    assert type(parsed).__name__ == expected
    if expected == "RealtimeConversationItemUnknown":
        assert isinstance(parsed, RealtimeConversationItemUnknown) and parsed.to_dict() == item


# -- the protocol, without I/O --------------------------------------------------------------------------------


@pytest.mark.parametrize(("base", "ws_base", "expected"), [
    ("https://api.openai.com/v1", None, "wss://api.openai.com/v1/realtime?model=m"),
    ("http://127.0.0.1:8000/v1/", None, "ws://127.0.0.1:8000/v1/realtime?model=m"),
    ("https://proxy/v1?api-version=2", None, "wss://proxy/v1/realtime?api-version=2&model=m"),
    ("https://api.openai.com/v1", "wss://edge.example/v1", "wss://edge.example/v1/realtime?model=m"),
    ("https://api.openai.com/v1", "https://edge.example/base/", "wss://edge.example/base/realtime?model=m"),
])
def test_realtime_url(base: str, ws_base: str | None, expected: str) -> None:
    url = realtime_url(URL(base), None if ws_base is None else URL(ws_base), default_query=None,
                       query={"model": "m"}, extra_query=None)
    assert str(url) == expected


def test_realtime_url_query_order_and_refusal() -> None:
    url = realtime_url(URL("https://a/v1"), None, default_query={"v": "1", "model": "x"}, query={"model": "m"},
                       extra_query={"model": "override", "flag": True})
    assert list(url.query.items()) == [("v", "1"), ("model", "override"), ("flag", "true")]
    with pytest.raises(ValueError, match="websocket_base_url"):
        realtime_url(URL("https://a/v1"), URL("ftp://a/"), default_query=None, query={}, extra_query=None)


def test_handshake_request_headers_and_repr() -> None:
    headers = CIMultiDict({"Authorization": "Bearer sk-secret", "OpenAI-Organization": "org", "Accept": "application/json"})
    request = handshake_request(URL("wss://user:pw@h/v1/realtime"), headers, {"OpenAI-Organization": omit, "X-A": "1"},
                                {"max_size": None})
    assert request.headers["Authorization"] == "Bearer sk-secret" and request.headers["X-A"] == "1"
    assert "OpenAI-Organization" not in request.headers
    assert headers["OpenAI-Organization"] == "org"  # the client's own headers are untouched
    assert request.options["max_size"] is None and request.options["compression"] is None
    assert request.options["ping_interval"] == 20.0
    text = repr(request)
    assert "sk-secret" not in text and "pw" not in text and "Authorization" in text
    assert WebSocketRequest("ws://h/").options["max_size"] == DEFAULT_MAX_SIZE
    with pytest.raises(ValueError, match="ws://"):
        WebSocketRequest("http://h/")


def test_client_events_encode_as_the_official_sdk_sends_them() -> None:
    frame = encode_client_event({"type": "input_audio_buffer.append", "audio": "é", "event_id": NOT_GIVEN})
    assert frame == '{"type": "input_audio_buffer.append", "audio": "\\u00e9"}'
    nested = encode_client_event({"type": "response.create", "response": {"instructions": omit, "x": [1]}})
    assert json.loads(nested) == {"type": "response.create", "response": {"x": [1]}}
    model = realtime.SessionUpdateEvent(type="session.update", session={"type": "realtime", "instructions": "hi"})
    assert json.loads(encode_client_event(model)) == {"type": "session.update",
                                                       "session": {"type": "realtime", "instructions": "hi"}}
    for bad in ([], {"no": "type"}, {"type": ""}, {"type": "x", "v": {1, 2}}):
        with pytest.raises(TypeError):
            encode_client_event(bad)


def test_event_handlers_and_send_queue() -> None:
    handlers = EventHandlers()
    calls: list[str] = []

    def a(event: object) -> None:
        calls.append("a")

    handlers.add("x", a)
    handlers.add("x", lambda event: calls.append("once"), once=True)
    assert len(handlers.take("x")) == 2 and len(handlers.take("x")) == 1
    handlers.remove("x", a)
    assert not handlers.has("x")
    with pytest.raises(TypeError):
        handlers.add("x", "not callable")  # type: ignore[arg-type]
    queue = SendQueue(max_bytes=10)
    queue.put("12345")
    with pytest.raises(openai.OpenAIError, match="queue full"):
        queue.put("123456")
    assert queue.drain() == ["12345"] and len(queue) == 0


def test_transport_errors_map_to_the_public_tree() -> None:
    request = WebSocketRequest("wss://api/v1/realtime?model=m", headers={"Authorization": "Bearer sk-x"})
    refused = api_error(WebSocketHandshakeError(429, body=b'{"error": {"message": "slow down", "code": "rl"}}'), request)
    assert isinstance(refused, openai.RateLimitError)
    assert (refused.status_code, refused.code, refused.message) == (429, "rl", "Error code: 429 - slow down")
    assert refused.request is not None and str(refused.request.url) == "https://api/v1/realtime?model=m"
    assert isinstance(api_error(WebSocketHandshakeError(502, body=b"<html>"), request), openai.InternalServerError)
    assert own_class(type(api_error(TransportTimeoutError("t"), request))) is openai.APITimeoutError
    assert own_class(type(api_error(TransportConnectionError("c"), request))) is openai.APIConnectionError
    closed = api_error(WebSocketClosedError(4001, "bye"), request)
    assert isinstance(closed, RealtimeConnectionClosedError) and (closed.close_code, closed.close_reason) == (4001, "bye")
    unavailable = api_error(WebSocketUnavailableError("install it"), request)
    assert own_class(type(unavailable)) is openai.OpenAIError
    assert all("sk-x" not in str(e) for e in (refused, closed, unavailable))


def test_close_code_meanings() -> None:
    assert close_code_meaning(1000) == "normal closure"
    assert close_code_meaning(1009) == "message too big"
    assert close_code_meaning(4321) == "application code"
    assert "1011 (internal server error): oops" in str(WebSocketClosedError(1011, "oops"))


def test_websockets_is_imported_only_for_a_realtime_session() -> None:
    import subprocess
    import sys

    code = (
        "import sys, asyncio\n"
        "from openai_core import AsyncOpenAI\n"
        "c = AsyncOpenAI(api_key='k')\n"
        "c.realtime.connect(model='m')\n"
        "c.realtime.client_secrets\n"
        "assert 'websockets' not in sys.modules, 'websockets imported before a session opens'\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr
