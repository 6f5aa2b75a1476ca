"""The frames openai_core sends in a realtime session equal the official SDK's.

The same scripted session runs on ``openai.AsyncOpenAI`` (its websockets connection) and on
``openai_core.AsyncOpenAI`` over each transport, against the recording WebSocket server in
``tests/_ws_recorder.py``. The handshakes must agree on method, path, query and every header except the
few listed in ``DIFFERENT_ON_PURPOSE`` (also in ``docs/realtime.md``); the frames must be the same events
with the same JSON, in the same order (byte for byte when the event was given as a dict, as the JSON of
an event model differs only in whitespace: the official SDK pretty-prints it); the events both SDKs
parse from the server's frames must be equal; and both must end with a normal close (1000).
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest

import openai_core

from ._ws_recorder import SERVER_EVENTS, Session, WebSocketRecorder

DIFFERENT_ON_PURPOSE = {
    "user-agent": "names the library that sent the request",
    "sec-websocket-key": "a random nonce per handshake (RFC 6455)",
    "content-type": "the official SDK sends its JSON Content-Type on the body-less upgrade; openai_core does not",
    "accept-encoding": "aiohttp advertises the codings it decodes",
}
DIFFERENT_PREFIX = "x-stainless-"
# Header values a library may spell in another case (RFC 6455: the tokens are case-insensitive).
CASE_INSENSITIVE = {"upgrade", "connection"}

CLIENT_OPTIONS: dict[str, Any] = {
    "api_key": "sk-wire",
    "organization": "org-wire",
    "project": "proj-wire",
    "default_headers": {"X-Custom-Header": "custom"},
    "default_query": {"api-version": "wire-1"},
    "max_retries": 0,
}
WEATHER = {"type": "function", "name": "get_weather", "description": "Weather for a city",
           "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}


@pytest.fixture(scope="module")
def recorder() -> Iterator[WebSocketRecorder]:
    with WebSocketRecorder() as rec:
        yield rec


def official_client(base_url: str) -> Any:
    return openai.AsyncOpenAI(base_url=base_url, **CLIENT_OPTIONS)


def our_client(transport: str) -> Callable[[str], Any]:
    def make(base_url: str) -> Any:
        return openai_core.AsyncOpenAI(base_url=base_url, transport=transport, **CLIENT_OPTIONS)

    return make


async def scripted_session(client: Any, sdk: Any) -> list[Any]:
    """Every client event of the API, through the connection's resources, send() of a dict and of an
    event model, then the server's events read back by recv() and by iteration."""
    received = []
    manager = client.realtime.connect(model="gpt-realtime", extra_query={"trace": "on"},
                                      extra_headers={"X-Session-Tag": "wire"})
    async with manager as connection:
        received.append(await connection.recv())
        await connection.session.update(session={
            "type": "realtime", "output_modalities": ["text"], "instructions": "Réponds brièvement.",
            "tools": [WEATHER], "tool_choice": "auto",
            "audio": {"input": {"format": {"type": "audio/pcm", "rate": 24000}, "turn_detection": None},
                      "output": {"voice": "marin"}},
        }, event_id="evt_session")
        await connection.conversation.item.create(
            item={"type": "message", "role": "user", "content": [{"type": "input_text", "text": "héllo ✓"}]})
        await connection.conversation.item.create(
            item={"type": "function_call_output", "call_id": "call_1", "output": '{"temp": 21}'},
            previous_item_id="item_1", event_id="evt_output")
        await connection.input_audio_buffer.append(audio=base64.b64encode(bytes(range(64))).decode())
        await connection.input_audio_buffer.commit(event_id="evt_commit")
        await connection.input_audio_buffer.clear()
        await connection.response.create(response={
            "output_modalities": ["text"], "instructions": "Now.", "metadata": {"turn": "1"},
            "conversation": "none", "input": [{"type": "item_reference", "id": "item_1"}],
        })
        await connection.response.create()
        await connection.response.cancel(response_id="resp_1")
        await connection.conversation.item.truncate(item_id="item_2", content_index=0, audio_end_ms=1500)
        await connection.conversation.item.retrieve(item_id="item_1")
        await connection.conversation.item.delete(item_id="item_1", event_id="evt_delete")
        await connection.output_audio_buffer.clear()
        await connection.send({"type": "response.create", "response": {"tool_choice": {"type": "function",
                                                                                     "name": "get_weather"}}})
        await connection.send(sdk.types.realtime.SessionUpdateEvent(
            type="session.update", session={"type": "realtime", "max_output_tokens": 256}))
        async for event in connection:
            received.append(event)
            if event.type == "response.done":
                break
    return received


def plain(events: list[Any]) -> list[Any]:
    return [e.model_dump(mode="json", by_alias=True, exclude_unset=True) for e in events]


async def record(recorder: WebSocketRecorder, make: Callable[[str], Any], sdk: Any) -> tuple[Session, list[Any]]:
    recorder.take()
    async with make(recorder.base_url) as client:
        received = await scripted_session(client, sdk)
    deadline = time.monotonic() + 5
    while not recorder.sessions or recorder.sessions[0].close_code is None:
        assert time.monotonic() < deadline, "the recorder saw no close"
        await asyncio.sleep(0.01)
    (session,) = recorder.take()
    return session, received


def handshake_view(session: Session) -> dict[str, Any]:
    request = session.handshake
    headers: dict[str, list[str]] = {}
    for name in {key.lower() for key in request.headers}:
        if name in DIFFERENT_ON_PURPOSE or name.startswith(DIFFERENT_PREFIX):
            continue
        values = request.headers.getall(name)
        headers[name] = [v.lower() for v in values] if name in CASE_INSENSITIVE else values
    query: dict[str, list[str]] = {}
    for key, value in request.query:
        query.setdefault(key, []).append(value)
    return {"method": request.method, "path": request.raw_path, "query": query, "headers": headers}


@pytest.mark.parametrize("transport", ["httpx", "aiohttp", "lean"])
async def test_same_frames_as_the_official_sdk(recorder: WebSocketRecorder, transport: str) -> None:
    theirs, their_events = await record(recorder, official_client, openai)
    ours, our_events = await record(recorder, our_client(transport), openai_core)

    assert handshake_view(ours) == handshake_view(theirs)
    assert handshake_view(ours)["query"] == {"api-version": ["wire-1"], "model": ["gpt-realtime"], "trace": ["on"]}
    assert ours.handshake.headers["Authorization"] == "Bearer sk-wire"
    assert ours.handshake.headers["X-Session-Tag"] == "wire"

    assert [kind for kind, _ in ours.frames] == [kind for kind, _ in theirs.frames] == ["text"] * 15
    assert ours.events() == theirs.events()
    # Events given as dicts go out byte for byte as the official SDK sends them; the last one was a
    # model, whose JSON the official SDK indents.
    assert [data for _, data in ours.frames[:-1]] == [data for _, data in theirs.frames[:-1]]
    assert ours.close_code == theirs.close_code == 1000

    assert plain(our_events) == plain(their_events)
    assert [e.type for e in our_events] == [e["type"] for e in SERVER_EVENTS]
    assert [type(e).__name__ for e in our_events] == [type(e).__name__ for e in their_events]
    assert [type(e).__module__.replace("openai_core.", "openai.") for e in our_events] == [
        type(e).__module__ for e in their_events]


def test_documented_differences_are_in_the_docs() -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "realtime.md").read_text()
    for name in DIFFERENT_ON_PURPOSE:
        assert f"`{name}`" in page.lower(), name
