"""The sync ``OpenAI`` client (generated from the async source by scripts/unasync.py) over real loopback
HTTP: the seed examples' behaviour, on httpx (the only sync backend)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

import openai_core as openai
from openai_core import OpenAI
from openai_core.testing import MockServer

from .conftest import client_sockets

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = [{"role": "user", "content": "Hello!"}]


@pytest.fixture
def sync_client(server: MockServer) -> OpenAI:
    return OpenAI(api_key="sk-sync", base_url=server.base_url)


def test_generated_sync_code_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "unasync.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_basic_usage_reads_the_environment(server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env-sync")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    with OpenAI() as client:
        response = client.chat.completions.create(model="gpt-4", messages=MESSAGES)
    assert isinstance(response, openai.types.chat.ChatCompletion)
    assert response.choices[0].message.content == "echo: Hello!"
    assert server.requests[-1].headers["authorization"] == "Bearer sk-env-sync"
    assert server.requests[-1].headers["user-agent"].startswith("OpenAI/Python")


def test_streaming(sync_client: OpenAI) -> None:
    with sync_client.chat.completions.create(
        model="gpt-4", messages=[{"role": "user", "content": "one two three"}], stream=True
    ) as stream:
        assert isinstance(stream, openai.Stream)
        deltas = [chunk.choices[0].delta.content for chunk in stream]
    assert deltas[0] is None and deltas[-1] is None
    assert "".join(d for d in deltas if d) == "echo: one two three"
    assert stream.response.is_closed
    sync_client.close()


def test_pagination(sync_client: OpenAI, server: MockServer) -> None:
    page = sync_client.fine_tuning.jobs.list(limit=20)
    assert isinstance(page, openai.SyncCursorPage)
    assert len(page.data) == 20 and page.has_next_page()
    second = page.get_next_page()
    assert second.data[0].id == "ftjob-00020"
    assert [job.id for job in sync_client.fine_tuning.jobs.list(limit=20)] == [f"ftjob-{i:05d}" for i in range(45)]
    assert server.requests[-1].query == {"limit": "20", "after": "ftjob-00039"}
    models = sync_client.models.list()
    assert isinstance(models, openai.SyncPage) and "gpt-4o" in [m.id for m in models]
    sync_client.close()


def test_errors_and_retries(sync_client: OpenAI, server: MockServer) -> None:
    key = uuid.uuid4().hex
    r = sync_client.chat.completions.create(
        model="gpt-4",
        messages=MESSAGES,
        extra_headers={"X-Mock-Fault": "kind=status;code=503;retry_after_ms=5;times=2", "X-Mock-Fault-Key": key},
    )
    assert r.choices[0].message.content == "echo: Hello!"
    assert server.attempts(key) == 3
    with pytest.raises(openai.RateLimitError) as exc_info:
        sync_client.with_options(max_retries=0).models.list(extra_headers={"X-Mock-Fault": "kind=status;code=429"})
    assert exc_info.value.status_code == 429
    with pytest.raises(openai.NotFoundError) as not_found:
        sync_client.models.retrieve("nope")
    assert not_found.value.request_id and "nope" in not_found.value.message
    with pytest.raises(openai.APITimeoutError):
        sync_client.with_options(max_retries=0).models.list(
            timeout=0.3, extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=3"}
        )
    with pytest.raises(openai.APIConnectionError):
        stream = sync_client.chat.completions.create(
            model="gpt-4", messages=MESSAGES, stream=True, extra_headers={"X-Mock-Fault": "kind=stream_cut;after=1"}
        )
        list(stream)
    sync_client.close()
    with (
        OpenAI(api_key="k", base_url="http://127.0.0.1:9/v1", max_retries=0) as dead,
        pytest.raises(openai.APIConnectionError),
    ):
        dead.models.list()


def test_close_leaves_no_socket(server: MockServer) -> None:
    with OpenAI(api_key="k", base_url=server.base_url) as client:
        client.models.list()
        assert client_sockets(server.port) >= 1
    assert client.is_closed()
    assert client_sockets(server.port) == 0


def test_user_httpx_client_is_wrapped_not_closed(server: MockServer) -> None:
    own = httpx.Client(headers={"X-Own": "1"})
    with OpenAI(api_key="k", base_url=server.base_url, http_client=own) as client:
        client.models.list()
    assert not own.is_closed
    assert server.requests[-1].headers["x-own"] == "1"
    own.close()


def test_env_naming_an_async_only_backend_leaves_sync_clients_on_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_CORE_TRANSPORT", "aiohttp")
    assert type(OpenAI(api_key="k").transport).__name__ == "HttpxTransport"
    assert type(openai.AsyncOpenAI(api_key="k").transport).__name__ == "AioHttpTransport"


def test_aiohttp_is_honestly_absent_from_the_sync_side() -> None:
    with pytest.raises(ValueError, match=r"asyncio-only.*httpx"):
        OpenAI(api_key="k", transport="aiohttp")
    import asyncio

    import aiohttp

    async def hand_over_a_session() -> None:
        async with aiohttp.ClientSession() as session:
            with pytest.raises(TypeError, match="asyncio-only"):
                OpenAI(api_key="k", http_client=session)

    asyncio.run(hand_over_a_session())


def test_bad_input_fails_before_sending(sync_client: OpenAI, server: MockServer) -> None:
    before = len(server.requests)
    with pytest.raises(TypeError, match="'messages'"):
        sync_client.chat.completions.create(model="gpt-4")  # type: ignore[call-overload]
    assert len(server.requests) == before
    sync_client.close()
