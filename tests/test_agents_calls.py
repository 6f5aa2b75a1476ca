"""What the Agents API's calls do beyond one JSON request (the wire test, tests/test_wire.py, compares each with
the official SDK): a key spelled `async_` goes out as `async` without touching the caller's dicts, an
`idempotency_key` becomes the `Idempotency-Key` header that a call's `extra_headers` still override, the
environment files page by the token the answer names, and a session's event stream yields an `error` event as
an item. Against a real loopback server, on every transport."""

from __future__ import annotations

import copy
import json
import urllib.parse
from typing import Any

import pytest

import openai_core
from openai_core.testing.raw import RawConnection, RawRequest, RawServer, http_response

SESSION = {"id": "sess_1", "object": "agent.session", "created_at": 1, "status": "idle"}


class _Server:
    """Answers every request with the next of ``answers`` (status, body, content type), recording each."""

    def __init__(self, *answers: tuple[int, bytes, str]) -> None:
        self.answers = list(answers)
        self.seen: list[RawRequest] = []
        self.raw = RawServer(self._handle)

    async def _handle(self, conn: RawConnection) -> None:
        while (request := await conn.read_request()) is not None:
            self.seen.append(request)
            status, body, content_type = self.answers.pop(0)
            await conn.send(http_response(status, body, content_type=content_type))

    def __enter__(self) -> _Server:
        self.raw.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.raw.stop()

    def client(self, transport: str) -> openai_core.AsyncOpenAI:
        return openai_core.AsyncOpenAI(api_key="sk-test", base_url=self.raw.base_url, transport=transport,
                                       max_retries=0)


def _json(value: Any) -> tuple[int, bytes, str]:
    return 200, json.dumps(value).encode(), "application/json"


def _lower(headers: dict[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}


async def test_async_key_goes_out_renamed_and_the_callers_dict_is_untouched(transport: str) -> None:
    agent: Any = {"model": "gpt-5", "compaction": {"async_": True}, "tools": [{"type": "function", "name": "f"}]}
    before = copy.deepcopy(agent)
    with _Server(_json(SESSION)) as server:
        async with server.client(transport) as client:
            await client.beta.agents.sessions.create(environment={"type": "openai_hosted"}, agent=agent)
    sent = json.loads(server.seen[0].body)
    assert sent["agent"]["compaction"] == {"async": True}
    assert sent["agent"]["tools"] == before["tools"]
    assert agent == before  # renamed in a copy: the caller may reuse the dict


async def test_an_object_without_the_key_is_sent_as_it_is(transport: str) -> None:
    with _Server(_json(SESSION)) as server:
        async with server.client(transport) as client:
            await client.beta.agents.sessions.create(environment={"type": "openai_hosted"},
                                                     agent={"model": "gpt-5", "compaction": None})
    assert json.loads(server.seen[0].body)["agent"] == {"model": "gpt-5", "compaction": None}


async def test_idempotency_key_is_the_header_and_extra_headers_win(transport: str) -> None:
    info = {"id": "env_1", "object": "agent.environment", "created_at": 1, "status": "ready"}
    with _Server(_json(info), _json(info), _json(info)) as server:
        async with server.client(transport) as client:
            environments = client.beta.agents.environments
            await environments.create(environment={"type": "openai_hosted"}, idempotency_key="mine-1")
            await environments.create(environment={"type": "openai_hosted"}, idempotency_key="mine-2",
                                      extra_headers={"Idempotency-Key": "extra"})
            await environments.create(environment={"type": "openai_hosted"})
    first, second, third = (_lower(r.headers) for r in server.seen)
    assert first["idempotency-key"] == "mine-1"
    assert "idempotency_key" not in json.loads(server.seen[0].body)  # a header, not a body key
    assert second["idempotency-key"] == "extra"
    assert third["idempotency-key"].startswith("openai-core-retry-")  # openai_core's own when none is given


async def test_a_wrong_idempotency_key_is_refused_before_sending(transport: str) -> None:
    with _Server() as server:
        async with server.client(transport) as client:
            with pytest.raises(TypeError, match="idempotency_key"):
                await client.beta.agents.environments.create(environment={"type": "openai_hosted"},
                                                             idempotency_key=1)  # type: ignore[arg-type]
    assert server.seen == []


async def test_environment_files_page_by_the_token_the_answer_names(transport: str) -> None:
    file = {"id": "f", "object": "agent.environment.file", "path": "a.txt", "size": 1, "type": "file"}
    pages = [{"data": [{**file, "path": "a.txt"}], "has_more": True, "next": "tok 2/3"},
             {"data": [{**file, "path": "b.txt"}], "has_more": True, "next": "tok3"},
             {"data": [{**file, "path": "c.txt"}], "has_more": False, "next": "ignored"}]
    with _Server(*(_json(page) for page in pages)) as server:
        async with server.client(transport) as client:
            paths = [f.path async for f in client.beta.agents.environments.files.list("env_1", limit=1)]
    assert paths == ["a.txt", "b.txt", "c.txt"]
    assert {r.target.partition("?")[0] for r in server.seen} == {"/v1/agents/environments/env_1/files"}
    queries = [urllib.parse.parse_qs(r.target.partition("?")[2]) for r in server.seen]
    assert queries == [{"limit": ["1"]}, {"limit": ["1"], "page": ["tok 2/3"]}, {"limit": ["1"], "page": ["tok3"]}]


async def test_session_events_yield_an_error_event_as_an_item(transport: str) -> None:
    events = [{"type": "agent.session.in_progress", "session_id": "sess_1", "sequence_number": 1},
              {"type": "error", "error": {"message": "tool crashed", "code": "server_error", "type": "server_error"},
               "sequence_number": 2},
              {"type": "agent.session.idle", "session_id": "sess_1", "sequence_number": 3}]
    body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events).encode()
    with _Server((200, body, "text/event-stream")) as server:
        async with server.client(transport) as client:
            stream = await client.beta.agents.sessions.events.stream("sess_1")
            got = [event async for event in stream]
    assert [type(e).__name__ for e in got] == ["AgentSessionInProgressEvent", "AgentSessionErrorEvent",
                                             "AgentSessionIdleEvent"]
    assert got[1].error.message == "tool crashed"  # type: ignore[union-attr]
    request = server.seen[0]
    assert request.method == "GET" and _lower(request.headers)["accept"] == "text/event-stream"
    assert _lower(request.headers)["openai-beta"] == "agents=v1"


async def test_a_failed_session_events_request_raises_the_status_error(transport: str) -> None:
    error = {"error": {"message": "no such session", "type": "invalid_request_error", "code": None}}
    with _Server((404, json.dumps(error).encode(), "application/json")) as server:
        async with server.client(transport) as client:
            with pytest.raises(openai_core.NotFoundError, match="no such session"):
                await client.beta.agents.sessions.events.stream("sess_404")
