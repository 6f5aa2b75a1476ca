"""A recording WebSocket server on loopback for the realtime wire test (``tests/test_realtime_wire.py``).

It keeps the opening handshake exactly as it arrived (method, raw path, query, headers) and every frame
the client sends (text or binary, as sent), answers the upgrade, sends a fixed list of server events,
and notes the close code the client ends with. Like ``tests/_recorder.py`` it runs on its own thread
and loop, so one server outlives the per-test event loops, and it is dumb on purpose: it must hide
nothing it received.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import WSMsgType, web
from multidict import CIMultiDict

from ._recorder import Recorded

__all__ = ["SERVER_EVENTS", "Session", "WebSocketRecorder"]

# What the server says on every connection: the client reads these (parsed by each SDK, compared).
SERVER_EVENTS: list[dict[str, Any]] = [
    {"type": "session.created", "event_id": "event_1", "session": {
        "type": "realtime", "object": "realtime.session", "id": "sess_wire", "model": "gpt-realtime",
        "output_modalities": ["audio"], "instructions": "", "tools": [], "tool_choice": "auto",
        "max_output_tokens": "inf", "tracing": None,
        "audio": {"input": {"format": {"type": "audio/pcm", "rate": 24000}, "turn_detection": None},
                  "output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "alloy", "speed": 1.0}}}},
    {"type": "conversation.item.created", "event_id": "event_2", "previous_item_id": None, "item": {
        "id": "item_1", "object": "realtime.item", "type": "message", "role": "user", "status": "completed",
        "content": [{"type": "input_text", "text": "héllo"}]}},
    {"type": "response.output_text.delta", "event_id": "event_3", "response_id": "resp_1", "item_id": "item_2",
     "output_index": 0, "content_index": 0, "delta": "echo"},
    {"type": "response.output_audio.delta", "event_id": "event_4", "response_id": "resp_1", "item_id": "item_2",
     "output_index": 0, "content_index": 0, "delta": "AAAAAA=="},
    {"type": "response.function_call_arguments.done", "event_id": "event_5", "response_id": "resp_1",
     "item_id": "item_3", "output_index": 1, "call_id": "call_1", "name": "get_weather",
     "arguments": '{"city":"Paris"}'},
    {"type": "error", "event_id": "event_6", "error": {"type": "invalid_request_error", "code": "invalid_value",
                                                       "message": "bad", "param": "type", "event_id": "evt_x"}},
    {"type": "response.done", "event_id": "event_7", "response": {
        "id": "resp_1", "object": "realtime.response", "status": "completed", "output": [
            {"id": "item_2", "object": "realtime.item", "type": "message", "role": "assistant",
             "status": "completed", "content": [{"type": "output_text", "text": "echo"}]},
            {"id": "item_3", "object": "realtime.item", "type": "function_call", "status": "completed",
             "name": "get_weather", "call_id": "call_1", "arguments": '{"city":"Paris"}'}],
        "usage": {"total_tokens": 3, "input_tokens": 1, "output_tokens": 2}}},
]


@dataclass
class Session:
    """One connection as the server saw it."""

    handshake: Recorded
    frames: list[tuple[str, str | bytes]] = field(default_factory=list)  # ("text" | "binary", payload)
    close_code: int | None = None

    def events(self) -> list[Any]:
        return [json.loads(data) for _, data in self.frames]


@dataclass
class WebSocketRecorder:
    """``with WebSocketRecorder() as rec: ... rec.base_url ... rec.take()``; every path under
    ``<base_url>`` is a WebSocket (``/realtime``, ``/responses``, ...)."""

    host: str = "127.0.0.1"
    port: int = 0
    sessions: list[Session] = field(default_factory=list)
    # What the server says first, by path (the realtime events unless a test sets a path's own).
    server_events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def take(self) -> list[Session]:
        taken, self.sessions[:] = list(self.sessions), []
        return taken

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw_path, _, raw_query = request.raw_path.partition("?")
        session = Session(Recorded(request.method, raw_path, raw_query, CIMultiDict(request.headers), b""))
        self.sessions.append(session)
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        for event in self.server_events.get(raw_path, SERVER_EVENTS):
            await ws.send_str(json.dumps(event))
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                session.frames.append(("text", msg.data))
            elif msg.type is WSMsgType.BINARY:
                session.frames.append(("binary", msg.data))
        session.close_code = ws.close_code
        return ws

    def __enter__(self) -> WebSocketRecorder:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True, name="ws-recorder")
        self._thread.start()
        ready.wait()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join()

    def _serve(self, ready: threading.Event) -> None:
        loop = self._loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_get("/v1/{api:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, self.host, self.port)
        loop.run_until_complete(site.start())
        self.port = int(runner.addresses[0][1])
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.close()
