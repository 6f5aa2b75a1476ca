"""client.realtime over a real loopback WebSocket to the embedded server, on both transports (and,
generated into tests/sync/, on the sync client): text and audio round trips, function calling, error
events, auth by key and by client secret, URLs and headers of the handshake."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer
from openai_core.types.realtime import (
    ConversationItemCreatedEvent,
    RealtimeErrorEvent,
    ResponseAudioDeltaEvent,
    ResponseDoneEvent,
    ResponseTextDeltaEvent,
    SessionCreatedEvent,
    SessionUpdatedEvent,
)
from openai_core.types.realtime.realtime_conversation_item_function_call import (
    RealtimeConversationItemFunctionCall,
)
from openai_core.types.realtime.realtime_unknown_server_event import RealtimeUnknownServerEvent

MODEL = "gpt-realtime"
WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}


def user_text(text: str) -> Any:
    return {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}


async def until_done(connection: Any) -> list[Any]:
    """Every event up to and including response.done."""
    events = []
    async for event in connection:
        events.append(event)
        if event.type == "response.done":
            return events
    raise AssertionError(f"the connection ended before response.done: {[e.type for e in events]}")


async def test_text_round_trip(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        created = await connection.recv()
        assert isinstance(created, SessionCreatedEvent)
        assert (created.session.type, created.session.model) == ("realtime", MODEL)

        await connection.session.update(session={"type": "realtime", "output_modalities": ["text"],
                                                 "instructions": "be brief"})
        updated = await connection.recv()
        assert isinstance(updated, SessionUpdatedEvent)
        assert updated.session.output_modalities == ["text"]
        assert updated.session.instructions == "be brief"

        await connection.conversation.item.create(item=user_text("hello realtime world"))
        item_created = await connection.recv()
        assert isinstance(item_created, ConversationItemCreatedEvent)
        assert item_created.item.type == "message" and item_created.item.role == "user"

        await connection.response.create()
        events = await until_done(connection)
    deltas = [e.delta for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert "".join(deltas) == "echo: hello realtime world"
    assert len(deltas) == 4  # one per word
    done = events[-1]
    assert isinstance(done, ResponseDoneEvent)
    assert done.response.status == "completed"
    assert done.response.output and done.response.output[0].type == "message"
    assert done.response.usage is not None and done.response.usage.output_tokens == 4
    text_done = next(e for e in events if e.type == "response.output_text.done")
    assert text_done.text == "echo: hello realtime world"
    assert [e.type for e in events][:2] == ["response.created", "response.output_item.added"]


async def test_audio_round_trip(client: AsyncOpenAI) -> None:
    pcm = bytes(range(256)) * 40  # 10240 bytes of 16-bit PCM
    async with client.realtime.connect(model=MODEL) as connection:
        assert (await connection.recv()).type == "session.created"
        for start in range(0, len(pcm), 4096):
            await connection.input_audio_buffer.append(audio=base64.b64encode(pcm[start:start + 4096]).decode())
        await connection.input_audio_buffer.commit()
        committed = await connection.recv()
        assert committed.type == "input_audio_buffer.committed"
        item = await connection.recv()
        assert item.type == "conversation.item.created" and item.item.id == committed.item_id
        await connection.response.create(response={"output_modalities": ["audio"]})
        events = await until_done(connection)
    audio = b"".join(base64.b64decode(e.delta) for e in events if isinstance(e, ResponseAudioDeltaEvent))
    assert len(audio) == len(pcm)
    assert audio == pcm  # the embedded model echoes the user's audio back
    assert sum(isinstance(e, ResponseAudioDeltaEvent) for e in events) == 3  # 4800-byte chunks
    transcript = next(e for e in events if e.type == "response.output_audio_transcript.done")
    assert transcript.transcript == f"echo: <{len(pcm)} bytes of audio>"


async def test_spoken_answer_to_text_has_audio_per_word(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.conversation.item.create(item=user_text("three word question"))
        await connection.response.create()  # the session's default modality: audio
        events = await until_done(connection)
    audio = b"".join(base64.b64decode(e.delta) for e in events if e.type == "response.output_audio.delta")
    assert len(audio) == 4 * 4800  # "echo:" and three words, 100 ms of 24 kHz PCM each


async def test_function_calling(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.session.update(session={"type": "realtime", "output_modalities": ["text"],
                                                 "tools": [WEATHER], "tool_choice": "auto"})
        await connection.conversation.item.create(item=user_text("use get_weather for Paris"))
        await connection.response.create()
        events = await until_done(connection)
        call = events[-1].response.output[0]
        assert isinstance(call, RealtimeConversationItemFunctionCall)
        assert call.name == "get_weather" and call.call_id
        deltas = "".join(e.delta for e in events if e.type == "response.function_call_arguments.delta")
        arguments_done = next(e for e in events if e.type == "response.function_call_arguments.done")
        assert deltas == arguments_done.arguments == call.arguments
        assert json.loads(call.arguments) == {"city": "city-value"}

        await connection.conversation.item.create(
            item={"type": "function_call_output", "call_id": call.call_id, "output": '{"temp_c": 21}'}
        )
        await connection.response.create()
        answer = await until_done(connection)
    text = "".join(e.delta for e in answer if e.type == "response.output_text.delta")
    assert text == 'echo: {"temp_c": 21}'


async def test_error_events_are_yielded_and_the_session_goes_on(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.recv()
        await connection.send({"type": "no.such.event", "event_id": "evt_bad"})
        error = await connection.recv()
        assert isinstance(error, RealtimeErrorEvent)
        assert (error.error.code, error.error.param, error.error.event_id) == ("invalid_value", "type", "evt_bad")
        await connection.input_audio_buffer.commit(event_id="evt_empty")
        empty = await connection.recv()
        assert isinstance(empty, RealtimeErrorEvent)
        assert empty.error.code == "input_audio_buffer_commit_empty"
        await connection.input_audio_buffer.append(audio="not base64!!")
        assert (await connection.recv()).type == "error"
        await connection.conversation.item.retrieve(item_id="item_missing")
        missing = await connection.recv()
        assert isinstance(missing, RealtimeErrorEvent) and missing.error.code == "item_not_found"
        # still usable
        await connection.conversation.item.create(item=user_text("after errors"))
        await connection.response.create(response={"output_modalities": ["text"]})
        events = await until_done(connection)
    assert events[-1].response.status == "completed"


async def test_item_retrieve_truncate_delete(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.recv()
        await connection.conversation.item.create(item=user_text("keep me"), event_id="evt_1")
        item_id = (await connection.recv()).item.id
        await connection.conversation.item.retrieve(item_id=item_id)
        retrieved = await connection.recv()
        assert retrieved.type == "conversation.item.retrieved"
        assert retrieved.item.content[0].text == "keep me"
        await connection.conversation.item.truncate(item_id=item_id, content_index=0, audio_end_ms=120)
        truncated = await connection.recv()
        assert (truncated.type, truncated.audio_end_ms) == ("conversation.item.truncated", 120)
        await connection.conversation.item.delete(item_id=item_id)
        assert (await connection.recv()).type == "conversation.item.deleted"
        await connection.input_audio_buffer.append(audio=base64.b64encode(b"\0\0").decode())
        await connection.input_audio_buffer.clear()
        assert (await connection.recv()).type == "input_audio_buffer.cleared"


async def test_unknown_server_event_types_are_kept(client: AsyncOpenAI) -> None:
    future = {"type": "response.future_feature", "event_id": "evt_f", "payload": {"n": 1}}
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.recv()
        await connection.send({"type": "x_mock.emit", "event": future})
        event = await connection.recv()
    assert isinstance(event, RealtimeUnknownServerEvent)
    assert event.type == "response.future_feature"
    assert event.to_dict() == future


async def test_handshake_url_headers_and_auth(server: MockServer, transport: str) -> None:
    async with AsyncOpenAI(api_key="sk-realtime", base_url=server.base_url, transport=transport,
                           organization="org-rt", default_headers={"X-Default": "d"},
                           default_query={"api-version": "rt-1"}) as client:
        manager = client.realtime.connect(model=MODEL, extra_query={"trace": "yes"},
                                          extra_headers={"X-Extra": "e", "OpenAI-Organization": openai.omit})
        assert str(manager.url()).startswith("ws://")
        async with manager as connection:
            assert (await connection.recv()).type == "session.created"
        handshake = next(r for r in reversed(server.requests) if r.path == "/v1/realtime")
    assert handshake.method == "GET"
    assert handshake.query == {"api-version": "rt-1", "model": MODEL, "trace": "yes"}
    assert handshake.headers["authorization"] == "Bearer sk-realtime"
    assert handshake.headers["x-default"] == "d" and handshake.headers["x-extra"] == "e"
    assert "openai-organization" not in handshake.headers
    assert handshake.headers["upgrade"].lower() == "websocket"
    assert handshake.headers["user-agent"].endswith("(openai-core)")


async def test_websocket_base_url_is_honoured(server: MockServer, transport: str) -> None:
    # base_url points nowhere: only the WebSocket base leads to the server.
    ws_base = server.base_url.replace("http://", "ws://")
    async with AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1", websocket_base_url=ws_base,
                           transport=transport) as client:
        async with client.realtime.connect(model=MODEL) as connection:
            assert (await connection.recv()).type == "session.created"
        assert str(client.realtime.connect(model=MODEL).url()) == f"{ws_base}/realtime?model={MODEL}"
        assert str(client.with_options(max_retries=1).realtime.connect(call_id="rtc_1").url()).endswith(
            "/realtime?call_id=rtc_1")


async def test_client_secret_authenticates_a_session(client: AsyncOpenAI, server: MockServer, transport: str) -> None:
    secret = await client.realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 60},
        session={"type": "realtime", "model": MODEL, "output_modalities": ["text"]},
    )
    assert secret.value.startswith("ek_")
    assert secret.session.type == "realtime"
    assert server.requests[-1].json()["session"]["output_modalities"] == ["text"]
    async with AsyncOpenAI(api_key=secret.value, base_url=server.base_url, transport=transport) as browser:
        async with browser.realtime.connect(model=MODEL) as connection:
            assert (await connection.recv()).type == "session.created"
        handshake = next(r for r in reversed(server.requests) if r.path == "/v1/realtime")
        assert handshake.headers["authorization"] == f"Bearer {secret.value}"
    async with AsyncOpenAI(api_key="ek_never_issued", base_url=server.base_url, transport=transport) as stranger:
        with pytest.raises(openai.AuthenticationError) as info:
            async with stranger.realtime.connect(model=MODEL):
                pass
    assert info.value.status_code == 401
    assert "ek_never_issued" not in str(info.value)


async def test_refused_upgrades_raise_status_errors(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.BadRequestError):
        async with client.realtime.connect():  # neither model nor call_id
            pass
    with pytest.raises(openai.InternalServerError) as info:
        async with client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": "kind=status;code=503"}):
            pass
    assert info.value.status_code == 503
    assert info.value.request is not None and info.value.request.url.path == "/v1/realtime"


async def test_calls_and_client_secret_rest(client: AsyncOpenAI, server: MockServer) -> None:
    offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"
    answer = await client.realtime.calls.create(sdp=offer)
    assert answer.text.startswith("v=0") and server.requests[-1].headers["content-type"] == "application/sdp"
    call_id = answer.text.split("mock answer ")[1].split()[0]
    with_session = await client.realtime.calls.create(sdp=offer, session={"type": "realtime", "model": MODEL})
    assert with_session.text.startswith("v=0")
    assert server.requests[-1].headers["content-type"].startswith("multipart/form-data")
    await client.realtime.calls.accept(call_id, type="realtime", model=MODEL)
    assert server.requests[-1].json() == {"type": "realtime", "model": MODEL}
    await client.realtime.calls.refer(call_id, target_uri="tel:+14155550123")
    await client.realtime.calls.reject(call_id, status_code=486)
    await client.realtime.calls.hangup(call_id)
    assert [r.path.rsplit("/", 1)[1] for r in server.requests[-4:]] == ["accept", "refer", "reject", "hangup"]
    with pytest.raises(openai.NotFoundError):
        await client.realtime.calls.hangup("rtc_missing")
    with pytest.raises(TypeError, match="target_uri"):
        await client.realtime.calls.refer(call_id)  # type: ignore[call-arg]
    with pytest.raises(openai.BadRequestError):
        await client.realtime.client_secrets.create(expires_after={"seconds": 1})


async def test_bad_input_is_refused_before_sending(client: AsyncOpenAI) -> None:
    with pytest.raises(TypeError, match="model"):
        client.realtime.connect(model=4)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="extra_headers"):
        client.realtime.connect(model=MODEL, extra_headers=["X"])  # type: ignore[arg-type]
    async with client.realtime.connect(model=MODEL) as connection:
        with pytest.raises(TypeError, match="type"):
            await connection.send({"session": {}})  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="base64"):
            await connection.input_audio_buffer.append(audio=b"\0\0")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="JSON"):
            await connection.send({"type": "x", "value": object()})  # type: ignore[typeddict-unknown-key]
        assert (await connection.recv()).type == "session.created"  # nothing else reached the server
        await connection.response.create(response={"output_modalities": ["text"]})
        assert (await connection.recv()).type == "response.created"


async def test_manager_queues_events_and_handlers_before_opening(client: AsyncOpenAI) -> None:
    seen: list[str] = []
    manager = client.realtime.connect(model=MODEL)
    manager.send({"type": "session.update", "session": {"type": "realtime", "instructions": "queued"}})
    manager.on("session.updated", lambda event: seen.append(event.session.instructions))
    async with manager as connection:
        assert (await connection.recv()).type == "session.created"
        updated = await connection.recv()
        assert updated.type == "session.updated" and updated.session.instructions == "queued"
    assert seen == []  # handlers run in dispatch_events(), not in recv()


async def test_dispatch_events_calls_handlers_and_raises_on_unhandled_errors(client: AsyncOpenAI) -> None:
    seen: list[str] = []
    async with client.realtime.connect(model=MODEL) as connection:
        connection.on("session.created", lambda event: seen.append("created"))

        @connection.once("event")
        def first(event: Any) -> None:
            seen.append("first:" + event.type)

        await connection.send({"type": "no.such.event"})
        with pytest.raises(openai.OpenAIError, match="WebSocket error"):
            await connection.dispatch_events()
    assert seen == ["created", "first:session.created"]


async def test_a_server_close_mid_response_raises_with_its_code(client: AsyncOpenAI) -> None:
    from openai_core.resources.realtime._protocol import RealtimeConnectionClosedError

    fault = {"X-Mock-Fault": "kind=ws_close;after=3;code=1011"}
    async with client.realtime.connect(model=MODEL, extra_headers=fault) as connection:
        await connection.response.create(response={"output_modalities": ["text"]})
        seen = []
        with pytest.raises(openai.APIConnectionError) as info:
            async for event in connection:
                seen.append(event.type)
    assert isinstance(info.value, RealtimeConnectionClosedError) and info.value.close_code == 1011
    assert seen == ["session.created", "response.created", "response.output_item.added", "conversation.item.added"]
