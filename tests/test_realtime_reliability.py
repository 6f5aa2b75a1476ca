"""Realtime sessions when things go wrong, on both transports: the server closing or dropping the
connection mid-response, cancellation, 100 sessions at once, keep-alive pings, a slow reader, oversized
messages, a transport without WebSockets, and secrets kept out of reprs, errors and logs."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.resources.realtime._protocol import RealtimeConnectionClosedError
from openai_core.testing import MockServer
from openai_core.transports.mock import MockTransport

from .conftest import client_sockets

MODEL = "gpt-realtime"
USER = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "one two three four five"}]}


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    # Its own server: these tests count sockets and sessions.
    with MockServer() as srv:
        yield srv


def report(server: MockServer) -> Any:
    with urllib.request.urlopen(server.url + "/_mock/realtime") as answer:
        return json.load(answer)


async def wait_for(predicate: Any, within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)


async def ask(connection: Any) -> None:
    await connection.conversation.item.create(item=USER)
    await connection.response.create(response={"output_modalities": ["text"]})


@pytest.mark.parametrize(("fault", "code"), [("kind=ws_close;after=4", 1011), ("kind=ws_close;after=4;code=4000", 4000),
                                             ("kind=ws_drop;after=4", 1006), ("kind=ws_drop;after=4;mode=rst", 1006)])
async def test_server_closing_mid_response_raises_with_the_close_code(
    client: AsyncOpenAI, fault: str, code: int
) -> None:
    seen: list[str] = []
    async with client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": fault}) as connection:
        await ask(connection)
        with pytest.raises(RealtimeConnectionClosedError) as info:
            async for event in connection:
                seen.append(event.type)
        with pytest.raises(openai.APIConnectionError):
            await connection.recv()
        with pytest.raises(openai.APIConnectionError):
            await connection.response.create()
    error = info.value
    assert isinstance(error, openai.APIConnectionError)
    assert error.close_code == code
    assert str(code) in str(error)
    if code != 1006:
        assert error.close_reason == "mock fault: closed mid-response"
    assert seen[:3] == ["session.created", "conversation.item.created", "response.created"]
    assert "response.done" not in seen


async def test_a_normal_close_ends_iteration_quietly(client: AsyncOpenAI) -> None:
    fault = {"X-Mock-Fault": "kind=ws_close;after=2;code=1000"}
    async with client.realtime.connect(model=MODEL, extra_headers=fault) as connection:
        await ask(connection)
        types = [event.type async for event in connection]
        assert types[-1] == "response.output_item.added"
        with pytest.raises(RealtimeConnectionClosedError) as info:
            await connection.recv()
        assert info.value.close_code == 1000


async def test_closing_from_another_task_ends_iteration(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL) as connection:
        assert (await connection.recv()).type == "session.created"
        closer = asyncio.get_running_loop().call_later(0.1, lambda: asyncio.ensure_future(connection.close()))
        assert [event async for event in connection] == []
        closer.cancel()


@pytest.mark.parametrize("stage", ["receiving", "iterating a slow response"])
async def test_cancellation_leaves_no_socket(server: MockServer, transport: str, stage: str) -> None:
    started = asyncio.Event()

    async def session() -> None:
        headers = {"X-Mock-Fault": "kind=ws_slow;delay=0.05"}
        async with (
            AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as client,
            client.realtime.connect(model=MODEL, extra_headers=headers) as connection,
        ):
            if stage == "receiving":
                await connection.recv()
                started.set()
                await connection.recv()  # nothing more comes: cancelled here
            await ask(connection)
            async for event in connection:
                if event.type == "response.output_text.delta":
                    started.set()

    task = asyncio.create_task(session())
    await asyncio.wait_for(started.wait(), 5)
    assert client_sockets(server.port) == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert client_sockets(server.port) == 0
    await wait_for(lambda: report(server)["open_sessions"] == 0)


async def test_response_cancel_stops_a_response(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": "kind=ws_slow;delay=0.05"}) as c:
        await ask(c)
        async for event in c:
            if event.type == "response.created":
                await c.response.cancel()
            if event.type == "response.done":
                assert event.response.status == "cancelled"
                assert event.response.status_details is not None
                assert event.response.status_details.reason == "client_cancelled"
                break


async def test_100_concurrent_sessions_leave_no_socket(server: MockServer, transport: str) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as client:

        async def one(n: int) -> str:
            async with client.realtime.connect(model=MODEL) as connection:
                await connection.conversation.item.create(
                    item={"type": "message", "role": "user", "content": [{"type": "input_text", "text": f"n{n}"}]}
                )
                await connection.response.create(response={"output_modalities": ["text"]})
                text = ""
                async for event in connection:
                    if event.type == "response.output_text.delta":
                        text += event.delta
                    elif event.type == "response.done":
                        return text
            raise AssertionError("no response.done")

        answers = await asyncio.gather(*(one(n) for n in range(100)))
        assert answers == [f"echo: n{n}" for n in range(100)]
        assert client_sockets(server.port) == 0
    assert client_sockets(server.port) == 0
    await wait_for(lambda: report(server)["open_sessions"] == 0)


async def test_keepalive_pings_are_sent(client: AsyncOpenAI, server: MockServer) -> None:
    before = report(server)["pings"]
    options = {"ping_interval": 0.1, "ping_timeout": 1.0}
    async with client.realtime.connect(model=MODEL, websocket_connection_options=options) as connection:
        await connection.recv()
        await asyncio.sleep(0.6)
        await connection.response.create(response={"output_modalities": ["text"]})
        assert (await connection.recv()).type == "response.created"  # alive through it all
    assert report(server)["pings"] - before >= 3


async def test_unanswered_pings_end_the_session(client: AsyncOpenAI) -> None:
    options = {"ping_interval": 0.1, "ping_timeout": 0.1}
    async with client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": "kind=ws_no_pong"},
                                       websocket_connection_options=options) as connection:
        await connection.recv()
        with pytest.raises(RealtimeConnectionClosedError, match="keepalive ping timeout") as info:
            await asyncio.wait_for(connection.recv(), 5)
    assert info.value.close_code == 1011


async def test_a_slow_reader_holds_the_server_back(client: AsyncOpenAI, server: MockServer, transport: str) -> None:
    key = f"flood-{transport}"
    headers = {"X-Mock-Fault": "kind=ws_flood;bytes=268435456", "X-Mock-Fault-Key": key}
    async with client.realtime.connect(model=MODEL, extra_headers=headers) as connection:
        await connection.recv()
        await connection.response.create()
        await asyncio.sleep(1.0)  # read nothing: the server must stall, not push 256 MiB into this process
        stalled_at = report(server)["flood_sent"][key]
        assert 0 < stalled_at < 16 * 1024 * 1024
        for _ in range(50):  # reading lets it go on
            assert (await connection.recv()).type == "response.output_audio.delta"
        await wait_for(lambda: report(server)["flood_sent"][key] > stalled_at)


async def test_a_message_over_max_size_closes_with_1009(client: AsyncOpenAI) -> None:
    big = {"type": "response.future_feature", "payload": "x" * 5000}
    async with client.realtime.connect(model=MODEL, websocket_connection_options={"max_size": 4096}) as connection:
        await connection.recv()
        await connection.send({"type": "x_mock.emit", "event": big})
        with pytest.raises(RealtimeConnectionClosedError) as info:
            await connection.recv()
    assert info.value.close_code == 1009


async def test_connection_failures(transport: str) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    async with AsyncOpenAI(api_key="sk-test", base_url=f"http://127.0.0.1:{port}/v1", transport=transport) as c:
        with pytest.raises(openai.APIConnectionError) as refused:
            async with c.realtime.connect(model=MODEL):
                pass
        assert not isinstance(refused.value, openai.APITimeoutError)
    with socket.socket() as silent:  # accepts TCP, never answers the upgrade
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1"
        async with AsyncOpenAI(api_key="sk-test", base_url=url, transport=transport) as c:
            with pytest.raises(openai.APITimeoutError):
                async with c.realtime.connect(model=MODEL, websocket_connection_options={"open_timeout": 0.3}):
                    pass


async def test_a_transport_without_websockets_names_the_extra(server: MockServer) -> None:
    async def unused(request: Any) -> Any:
        raise AssertionError("nothing is sent")

    async with AsyncOpenAI(api_key="sk-test", http_client=MockTransport(unused)) as client:
        with pytest.raises(openai.OpenAIError, match=r"openai-core\[realtime\]"):
            async with client.realtime.connect(model=MODEL):
                pass


async def test_httpx_without_the_websockets_library_names_the_extra(
    server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openai_core.transports._websockets", None)  # as if not installed
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport="httpx") as client:
        with pytest.raises(openai.OpenAIError, match=r'pip install "openai-core\[realtime\]"'):
            async with client.realtime.connect(model=MODEL):
                pass


async def test_options_a_backend_cannot_honour_are_refused(server: MockServer) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport="aiohttp") as client:
        with pytest.raises(TypeError, match="no_such_option"):
            async with client.realtime.connect(model=MODEL, websocket_connection_options={"no_such_option": 1}):  # type: ignore[typeddict-unknown-key]
                pass
    assert client_sockets(server.port) == 0


async def test_closed_client_refuses_to_connect(server: MockServer, transport: str) -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport)
    await client.close()
    with pytest.raises(RuntimeError, match="closed"):
        async with client.realtime.connect(model=MODEL):
            pass


async def test_the_api_key_stays_out_of_reprs_errors_and_logs(
    server: MockServer, transport: str, caplog: pytest.LogCaptureFixture
) -> None:
    key = "sk-very-secret-realtime-key"
    caplog.set_level(logging.DEBUG)
    async with AsyncOpenAI(api_key=key, base_url=server.base_url, transport=transport) as client:
        manager = client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": "kind=ws_close;after=1"})
        async with manager as connection:
            await ask(connection)
            with pytest.raises(RealtimeConnectionClosedError) as closed:
                async for _ in connection:
                    pass
            texts = [repr(manager), repr(connection), repr(connection.websocket), repr(connection._request),
                     str(closed.value), repr(closed.value.request)]
        with pytest.raises(openai.InternalServerError) as refused:
            async with client.realtime.connect(model=MODEL, extra_headers={"X-Mock-Fault": "kind=status;code=500"}):
                pass
        texts += [str(refused.value), repr(refused.value.request)]
    assert all(key not in text for text in texts), texts
    assert key not in caplog.text
    assert "Authorization" in caplog.text or transport == "aiohttp"  # websockets logged the header, redacted


async def test_large_events_pass_under_the_default_cap(client: AsyncOpenAI) -> None:
    # 5 MB: over both libraries' own defaults (websockets 1 MiB, aiohttp 4 MiB), under this package's 64 MiB.
    big = {"type": "conversation.item.retrieved", "event_id": "evt_big", "item": {
        "type": "message", "role": "user", "content": [{"type": "input_audio", "audio": "A" * 5_000_000}]}}
    async with client.realtime.connect(model=MODEL) as connection:
        await connection.recv()
        await connection.send({"type": "x_mock.emit", "event": big})
        event = await connection.recv()
    assert event.type == "conversation.item.retrieved"
    assert len(event.item.content[0].audio) == 5_000_000


async def test_closing_the_client_closes_its_sessions(server: MockServer, transport: str) -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport)
    connection = await client.realtime.connect(model=MODEL).enter()
    assert (await connection.recv()).type == "session.created"
    assert client_sockets(server.port) == 1
    await client.close()
    assert client_sockets(server.port) == 0
    with pytest.raises(RealtimeConnectionClosedError) as info:
        await asyncio.wait_for(connection.recv(), 5)
    assert info.value.close_code == 1006
