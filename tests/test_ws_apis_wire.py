"""The WebSocket APIs beside realtime (``responses.connect``, ``realtime.translations.connect``,
``live.connect``, ``live.forks.connect``, ``live.sideband.connect``) send what the official SDK sends.

As in ``tests/test_realtime_wire.py`` (whose comparison this reuses): one scripted session per API runs
on ``openai.AsyncOpenAI`` and on ``openai_core.AsyncOpenAI`` over each transport against the recording
server; the handshakes (method, path, query, headers but the documented few), the frames (byte for
byte), the events both SDKs parse from the server's frames, and the close code must be equal.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from ._ws_recorder import Session, WebSocketRecorder
from .test_realtime_wire import handshake_view, official_client, our_client, plain

RESPONSE = {"id": "resp_1", "object": "response", "created_at": 1, "model": "gpt-5", "status": "completed",
            "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
RESPONSES_EVENTS: list[dict[str, Any]] = [
    {"type": "response.created", "sequence_number": 0, "stream_id": "a",
     "response": {**RESPONSE, "status": "in_progress"}},
    {"type": "response.output_text.delta", "sequence_number": 1, "stream_id": "a", "item_id": "msg_1",
     "output_index": 0, "content_index": 0, "delta": "héllo", "logprobs": []},
    {"type": "response.steer.accepted", "sequence_number": 2, "steer": {"id": "st_1",
                                                                        "previous_response_id": "resp_1"}},
    {"type": "error", "status": 400, "stream_id": "b", "error": {"type": "invalid_request_error",
                                                                 "code": "unsupported_parameter",
                                                                 "message": "no", "param": "background"}},
    {"type": "response.future_kind", "detail": "an event type neither SDK models"},
    {"type": "response.completed", "sequence_number": 3, "stream_id": "a", "response": RESPONSE},
]


async def responses_session(client: Any) -> list[Any]:
    manager = client.responses.connect(extra_query={"trace": "on"}, extra_headers={"X-Session-Tag": "wire"})
    manager.send({"type": "response.create", "model": "gpt-5", "input": "queued", "stream_id": "q"})
    async with manager as connection:
        await connection.response.create(
            model="gpt-5", input=[{"role": "user", "content": "héllo ✓"}], stream_id="a", store=False,
            instructions="Be brief.", tools=[{"type": "function", "name": "f", "parameters": {}}],
            metadata={"k": "v"}, generate=False, previous_response_id="resp_0")
        await connection.response.create(model="gpt-5", input="b")
        await connection.response.steer(input="and briefly", previous_response_id="resp_1")
        await connection.response.steer(
            input=[{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "x"}]}],
            previous_response_id="resp_1")
        await connection.send({"type": "response.create", "model": "gpt-5", "stream_id": "c"})
        received = [await connection.recv()]
        async for event in connection:
            received.append(event)
            if event.type == "response.completed":
                break
    return received


TRANSLATION_SESSION = {"id": "sess_1", "type": "translation", "model": "gpt-realtime-translate", "expires_at": 0,
                       "audio": {"input": {"transcription": None}, "output": {"language": "fr"}}}
TRANSLATION_EVENTS: list[dict[str, Any]] = [
    {"type": "session.created", "event_id": "event_1", "session": TRANSLATION_SESSION},
    {"type": "session.updated", "event_id": "event_2", "session": TRANSLATION_SESSION},
    {"type": "session.input_transcript.delta", "event_id": "event_3", "delta": "bonjour"},
    {"type": "session.output_transcript.delta", "event_id": "event_4", "delta": "héllo"},
    {"type": "session.output_audio.delta", "event_id": "event_5", "delta": "AAAA", "sample_rate": 24000,
     "channels": 1, "format": "pcm16"},
    {"type": "error", "event_id": "event_6", "error": {"type": "invalid_request_error", "message": "bad"}},
    {"type": "session.closed", "event_id": "event_7"},
]


async def translations_session(client: Any) -> list[Any]:
    manager = client.realtime.translations.connect(model="gpt-realtime-translate", extra_query={"trace": "on"},
                                                   extra_headers={"X-Session-Tag": "wire"})
    async with manager as connection:
        await connection.session.update(session={"audio": {"output": {"language": "fr"},
                                                           "input": {"noise_reduction": {"type": "near_field"}}}})
        await connection.session.update(session={"audio": {"input": {"transcription": None}}}, event_id="evt_2")
        await connection.session.input_audio_buffer.append(audio="AAAA")
        await connection.session.input_audio_buffer.append(audio="AQID", event_id="evt_audio")
        await connection.send({"type": "session.update", "session": {"audio": {"output": {"language": "de"}}}})
        await connection.session.close(event_id="evt_close")
        received = [await connection.recv()]
        async for event in connection:
            received.append(event)
            if event.type == "session.closed":
                break
    return received


LIVE_EVENTS: list[dict[str, Any]] = [
    {"type": "session.started", "event_id": "event_1", "session": {"id": "sess_1", "type": "live",
                                                                   "model": "gpt-live-1"}},
    {"type": "session.input_transcript.delta", "event_id": "event_2", "delta": "héllo", "start_ms": 0,
     "end_ms": 10},
    {"type": "transport.dtmf.sent", "event_id": "event_3", "event": "1#"},
    {"type": "error", "event_id": "event_4", "error": {"type": "invalid_request_error", "message": "no",
                                                       "client_event_id": "evt_x"}},
    {"type": "session.closed", "event_id": "event_5", "reason": "client", "session": {"id": "sess_1"},
     "usage": {}},
]


async def live_commands(connection: Any, *, start: bool, audio: bool, dtmf: bool) -> list[Any]:
    """Every client event the connection has, then the server's events."""
    if start:
        await connection.session.start(session={"type": "live", "model": "gpt-live-1", "instructions": "Hi ✓"},
                                       event_id="evt_start")
    await connection.session.update(session={"instructions": "Shorter."})
    if audio:
        await connection.session.input_audio.append(audio="AAAA", event_id="evt_audio")
    await connection.session.input_audio.mute()
    await connection.session.input_audio.unmute(event_id="evt_unmute")
    await connection.session.instructions.append(content="More.", delegation_id=None)
    await connection.session.thinking.append(content="Hm.", delegation_id="del_1", event_id="evt_think")
    await connection.session.commentary.append(content="Wait.", delegation_id=None)
    await connection.session.output_audio.fixture.play(audio="AQID")
    await connection.decision.create(event_id="evt_decide")
    await connection.decision.item.create(item={"type": "message", "role": "user", "content": "x"})
    await connection.decision.item.delete(item_id="item_1", event_id="evt_del")
    await connection.response.create()
    await connection.response.item.create(item={"type": "message", "role": "user", "content": "y"}, event_id="e")
    if dtmf:
        await connection.transport.dtmf.send(event="1#")
    await connection.send({"type": "response.create", "event_id": "evt_raw"})
    await connection.session.close()
    received = [await connection.recv()]
    async for event in connection:
        received.append(event)
        if event.type == "session.closed":
            break
    return received


async def live_session(client: Any) -> list[Any]:
    async with client.live.connect(extra_query={"trace": "on"}, extra_headers={"X-Session-Tag": "wire"}) as c:
        return await live_commands(c, start=True, audio=True, dtmf=False)


async def fork_session(client: Any) -> list[Any]:
    async with client.live.forks.connect(session_id="sess_1", extra_query={"trace": "on"},
                                         extra_headers={"X-Session-Tag": "wire"}) as c:
        return await live_commands(c, start=True, audio=True, dtmf=False)


async def sideband_session(client: Any) -> list[Any]:
    async with client.live.sideband.connect(session_id="sess_1", graceful_close=True, extra_query={"trace": "on"},
                                            extra_headers={"X-Session-Tag": "wire"}) as c:
        return await live_commands(c, start=False, audio=False, dtmf=True)


SCRIPTS: dict[str, tuple[str, list[dict[str, Any]], Callable[[Any], Awaitable[list[Any]]], int]] = {
    # api: (path, the server's events, the session, frames the client sends)
    "responses": ("/v1/responses", RESPONSES_EVENTS, responses_session, 6),
    "realtime.translations": ("/v1/realtime/translations", TRANSLATION_EVENTS, translations_session, 6),
    "live": ("/v1/live/sessions", LIVE_EVENTS, live_session, 16),
    "live.forks": ("/v1/live/sessions/sess_1/fork", LIVE_EVENTS, fork_session, 16),
    "live.sideband": ("/v1/live/sessions/sess_1/attach", LIVE_EVENTS, sideband_session, 15),
}


@pytest.fixture(scope="module")
def recorder() -> Iterator[WebSocketRecorder]:
    with WebSocketRecorder() as rec:
        for path, events, _, _ in SCRIPTS.values():
            rec.server_events[path] = events
        yield rec


async def record(recorder: WebSocketRecorder, make: Callable[[str], Any],
                 script: Callable[[Any], Awaitable[list[Any]]]) -> tuple[Session, list[Any]]:
    recorder.take()
    async with make(recorder.base_url) as client:
        received = await script(client)
    deadline = time.monotonic() + 5
    while not recorder.sessions or recorder.sessions[0].close_code is None:
        assert time.monotonic() < deadline, "the recorder saw no close"
        await asyncio.sleep(0.01)
    (session,) = recorder.take()
    return session, received


@pytest.mark.parametrize("api", list(SCRIPTS))
@pytest.mark.parametrize("transport", ["httpx", "aiohttp", "lean"])
async def test_same_frames_as_the_official_sdk(recorder: WebSocketRecorder, transport: str, api: str) -> None:
    path, server_events, script, frame_count = SCRIPTS[api]
    theirs, their_events = await record(recorder, official_client, script)
    ours, our_events = await record(recorder, our_client(transport), script)

    assert handshake_view(ours) == handshake_view(theirs)
    assert ours.handshake.raw_path == path
    assert handshake_view(ours)["query"]["trace"] == ["on"]
    assert handshake_view(ours)["query"].get("model", ["gpt-realtime-translate"]) == ["gpt-realtime-translate"]
    assert ours.handshake.headers["Authorization"] == "Bearer sk-wire"
    assert ours.handshake.headers["X-Session-Tag"] == "wire"

    assert len(ours.frames) == frame_count
    assert ours.frames == theirs.frames
    assert ours.close_code == theirs.close_code == 1000

    assert plain(our_events) == plain(their_events)
    assert [e.type for e in our_events] == [e["type"] for e in server_events]
    if api.startswith("live"):
        # openai_core types live events as LiveServerEvent (every field kept) and errors as LiveErrorEvent.
        assert [type(e).__name__ for e in our_events] == [
            "LiveErrorEvent" if e["type"] == "error" else "LiveServerEvent" for e in server_events]
        return
    official_names = [type(e).__name__ for e in their_events]
    our_names = [type(e).__name__ for e in our_events]
    # An event type neither SDK models: openai_core keeps it as its Unknown event, the official SDK
    # builds the first class of its union from it, unchecked.
    known = [i for i, name in enumerate(our_names) if "Unknown" not in name]
    assert len(known) == len(our_names) - sum("future" in e["type"] for e in server_events)
    assert [our_names[i] for i in known] == [official_names[i] for i in known]
