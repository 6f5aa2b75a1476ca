"""The WebSocket APIs beside realtime over a real loopback WebSocket to the embedded server, on every
transport (and, generated into tests/sync/, the sync client): client.responses.connect() (two responses
on one socket told apart by stream_id, steering, error events, handlers, refused upgrades) and
client.realtime.translations (a client secret, then a translation session), and client.live (a session,
a sideband attached to it, a fork of it)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

import openai_core
from openai_core import AsyncOpenAI
from openai_core.resources.live.connection import LiveErrorEvent, LiveServerEvent
from openai_core.testing import MockServer
from openai_core.types.realtime import (
    RealtimeTranslationOutputAudioDeltaEvent,
    RealtimeTranslationOutputTranscriptDeltaEvent,
    RealtimeTranslationSessionClosedEvent,
    RealtimeTranslationSessionCreatedEvent,
    RealtimeTranslationSessionUpdatedEvent,
)
from openai_core.types.responses import ResponseCompletedEvent, ResponseTextDeltaEvent
from openai_core.types.responses.response_steer_accepted_event import ResponseSteerAcceptedEvent
from openai_core.types.responses.response_steer_failed_event import ResponseSteerFailedEvent
from openai_core.types.responses.responses_server_event import ResponseWsCompleted, ResponseWsError


async def until_completed(connection: Any, count: int = 1) -> list[Any]:
    events = []
    async for event in connection:
        events.append(event)
        if isinstance(event, ResponseCompletedEvent | ResponseWsError):
            count -= 1
            if count == 0:
                return events
    raise AssertionError(f"the connection ended early: {[e.type for e in events]}")


async def test_two_lanes_steering_and_errors(client: AsyncOpenAI) -> None:
    manager = client.responses.connect(extra_query={"trace": "1"})
    assert str(manager.url()).endswith("/v1/responses?trace=1") and manager.url().scheme == "ws"
    manager.send({"type": "response.create", "model": "gpt-5", "input": "queued before open", "stream_id": "q"})
    async with manager as connection:
        await connection.response.create(model="gpt-5", input="hello over websockets", stream_id="a")
        events = await until_completed(connection, 2)
        by_lane: dict[str, list[Any]] = {}
        for event in events:
            by_lane.setdefault(event.stream_id, []).append(event)
        assert set(by_lane) == {"q", "a"}
        text = "".join(e.delta for e in by_lane["a"] if isinstance(e, ResponseTextDeltaEvent))
        assert text == "echo: hello over websockets"
        done = by_lane["a"][-1]
        assert isinstance(done, ResponseWsCompleted) and done.response.status == "completed"
        assert [e.sequence_number for e in by_lane["a"]] == list(range(len(by_lane["a"])))

        await connection.response.steer(input="and briefly", previous_response_id=done.response.id)
        accepted = await connection.recv()
        assert isinstance(accepted, ResponseSteerAcceptedEvent)
        assert accepted.steer.previous_response_id == done.response.id
        await connection.response.steer(input=[{"type": "message", "role": "user", "content": "x"}],
                                        previous_response_id="resp_unknown")
        failed = await connection.recv()
        assert isinstance(failed, ResponseSteerFailedEvent) and failed.error.code == "response_not_found"

        # A refused request is an error event on the open socket, not the end of it.
        await connection.response.create(model="gpt-5", input="x", background=True, stream_id="b")
        error = await connection.recv()
        assert isinstance(error, ResponseWsError)
        assert (error.status, error.error.param, error.stream_id) == (400, "background", "b")
        await connection.send({"type": "response.unknown_kind"})
        assert (await connection.recv()).type == "error"

        with pytest.raises(TypeError, match="unexpected keyword argument 'modle'"):
            await connection.response.create(modle="gpt-5")  # type: ignore[call-arg]


async def test_dispatch_events_handlers_and_unhandled_error(client: AsyncOpenAI) -> None:
    seen: list[str] = []
    manager = client.responses.connect()
    manager.on("response.output_text.delta", lambda event: seen.append(event.delta))
    async with manager as connection:

        @connection.once("response.completed")
        async def completed(event: Any) -> None:
            seen.append("|completed")
            await connection.send({"type": "response.create", "model": "gpt-5", "background": True})

        await connection.response.create(model="gpt-5", input="one two")
        with pytest.raises(openai_core.OpenAIError, match="WebSocket error"):
            await connection.dispatch_events()
    assert "".join(seen) == "echo: one two|completed"


async def test_refused_upgrade_is_a_status_error(server: MockServer, transport: str) -> None:
    async with AsyncOpenAI(api_key="ek_expired", base_url=server.base_url, transport=transport) as client:
        with pytest.raises(openai_core.AuthenticationError) as caught:
            async with client.responses.connect():
                pass
    assert caught.value.status_code == 401
    assert "ek_expired" not in repr(caught.value) and "ek_expired" not in str(caught.value)


# -- client.realtime.translations ---------------------------------------------------------------------


async def test_translation_session_with_a_client_secret(client: AsyncOpenAI, server: MockServer,
                                                        transport: str) -> None:
    secret = await client.realtime.translations.client_secrets.create(
        session={"model": "gpt-realtime-translate", "audio": {"output": {"language": "de"}}})
    assert secret.value.startswith("ek_") and secret.session.audio.output is not None
    async with (
        AsyncOpenAI(api_key=secret.value, base_url=server.base_url, transport=transport) as browser,
        browser.realtime.translations.connect(model="gpt-realtime-translate") as connection,
    ):
        created = await connection.recv()
        assert isinstance(created, RealtimeTranslationSessionCreatedEvent)
        assert created.session.model == "gpt-realtime-translate"
        await connection.session.update(session={"audio": {"output": {"language": "fr"}}}, event_id="e1")
        updated = await connection.recv()
        assert isinstance(updated, RealtimeTranslationSessionUpdatedEvent)
        pcm = bytes(range(256)) * 19  # 4864 bytes
        await connection.session.input_audio_buffer.append(audio=base64.b64encode(pcm).decode())
        transcript, audio = await connection.recv(), await connection.recv()
        assert isinstance(transcript, RealtimeTranslationOutputTranscriptDeltaEvent)
        assert transcript.delta == "[fr] 4864 bytes"
        assert isinstance(audio, RealtimeTranslationOutputAudioDeltaEvent)
        assert base64.b64decode(audio.delta) == pcm
        with pytest.raises(TypeError, match="base64 text"):
            await connection.session.input_audio_buffer.append(audio=pcm)  # type: ignore[arg-type]
        await connection.session.close()
        rest = [event async for event in connection]  # the server closes (1000) after session.closed
    assert [e.type for e in rest] == ["session.closed"]
    assert isinstance(rest[0], RealtimeTranslationSessionClosedEvent)
    with pytest.raises(openai_core.BadRequestError):
        async with client.realtime.translations.connect(model=""):
            pass


# -- client.live: a session, a fork of it, a sideband attached to it ----------------------------------------


async def test_live_session_fork_and_sideband(client: AsyncOpenAI) -> None:
    async with client.live.connect() as live:
        await live.session.start(session={"type": "live", "model": "gpt-live-1", "instructions": "hi"})
        started = await live.recv()
        assert isinstance(started, LiveServerEvent) and started.type == "session.started"
        session_id = started.session["id"]  # type: ignore[attr-defined]
        await live.session.input_audio.append(audio=base64.b64encode(bytes(96)).decode())
        heard = await live.recv()
        assert (heard.type, heard.delta) == ("session.input_transcript.delta", "96 bytes")  # type: ignore[attr-defined]
        await live.session.instructions.append(content="be brief", delegation_id=None)
        assert (await live.recv()).type == "session.instructions.appended"
        await live.response.create(event_id="r1")
        assert (await live.recv()).type == "session.output_transcript.delta"
        done = await live.recv()
        assert done.type == "response.event" and done.event == {"type": "done", "client_event_id": "r1"}  # type: ignore[attr-defined]

        async with client.live.sideband.connect(session_id=session_id, graceful_close=True) as sideband:
            assert sideband._request.url.query["graceful_close"] == "true"
            assert (await sideband.recv()).type == "session.resumed"
            await sideband.transport.dtmf.send(event="12#")
            sent = await sideband.recv()
            assert (sent.type, sent.event) == ("transport.dtmf.sent", "12#")  # type: ignore[attr-defined]
            await sideband.session.update(session={"instructions": "from the side"})
            assert (await sideband.recv()).session["instructions"] == "from the side"  # type: ignore[attr-defined]
            assert not hasattr(sideband.session, "start") and not hasattr(sideband.session.input_audio, "append")

        async with client.live.forks.connect(session_id=session_id) as fork:
            await fork.session.start(session={})
            forked = await fork.recv()
            assert forked.type == "session.started"
            assert forked.session["model"] == "gpt-live-1" and forked.session["id"] != session_id  # type: ignore[attr-defined]
            assert forked.session["instructions"] == "from the side"  # type: ignore[attr-defined]

        await live.session.input_audio.mute()
        error_free = await live.recv()
        assert error_free.type == "session.input_audio.muted"
        await live.send({"type": "session.start", "session": {"model": "again"}})
        refused = await live.recv()
        assert isinstance(refused, LiveErrorEvent) and refused.error["code"] == "session_already_started"
        await live.session.close()
        closed = [event async for event in live]
    assert [e.type for e in closed] == ["session.closed"]
    with pytest.raises(ValueError, match="session_id"):
        client.live.forks.connect(session_id="")


# -- the reconnect policy (client.realtime.connect(on_reconnecting=...)) ----------------------------------

FAULT = {"X-Mock-Fault": "kind=ws_close;after=2;code=1011"}


async def test_realtime_reconnects_after_a_recoverable_close(client: AsyncOpenAI) -> None:
    from openai_core.resources.realtime._protocol import RealtimeConnectionClosedError
    from openai_core.types.websocket_reconnection import ReconnectingEvent

    attempts: list[ReconnectingEvent] = []

    def drop_the_fault(event: ReconnectingEvent) -> Any:
        attempts.append(event)
        return {"extra_headers": {}}

    manager = client.realtime.connect(model="gpt-realtime", extra_headers=FAULT, on_reconnecting=drop_the_fault,
                                      initial_delay=0.02, max_delay=0.04)
    async with manager as connection:
        first = await connection.recv()
        await connection.response.create()
        async for event in connection:  # the server closes (1011) two events into the response
            if event.type == "session.created":
                second = event
                break
    assert first.type == "session.created" and second.session.id != first.session.id  # type: ignore[attr-defined]
    (attempt,) = attempts
    assert (attempt.attempt, attempt.max_attempts, attempt.close_code) == (1, 5, 1011)
    assert 0.015 <= attempt.delay <= 0.02 and attempt.extra_headers == FAULT

    def abort(event: ReconnectingEvent) -> Any:
        attempts.append(event)
        return {"abort": True}

    for options in ({"on_reconnecting": abort}, {"on_reconnecting": abort, "max_retries": 0}):
        attempts.clear()
        async with client.realtime.connect(model="gpt-realtime", extra_headers=FAULT, **options) as connection:
            await connection.response.create()
            with pytest.raises(RealtimeConnectionClosedError) as caught:
                async for _ in connection:
                    pass
        assert caught.value.close_code == 1011
        assert len(attempts) == (0 if options.get("max_retries") == 0 else 1)
    with pytest.raises(ValueError, match="max_retries"):
        client.realtime.connect(model="m", on_reconnecting=abort, max_retries=-1)
