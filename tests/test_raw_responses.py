"""``.with_raw_response`` and ``.with_streaming_response`` on every kind of method, over real loopback
HTTP on both transports: headers and status first, ``parse()`` giving what the plain call gives, nothing
sent twice, bodies read only when asked for, connections released."""

from __future__ import annotations

import json

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, AsyncStream
from openai_core._response import AsyncAPIResponse, LegacyAPIResponse
from openai_core.pagination import AsyncCursorPage, AsyncPage
from openai_core.testing import MockServer
from openai_core.types import CreateEmbeddingResponse, Model
from openai_core.types.chat import ChatCompletion, ChatCompletionChunk
from openai_core.types.fine_tuning import FineTuningJob

from .conftest import client_sockets

MESSAGES = [{"role": "user", "content": "raw hello"}]


async def test_raw_chat_completion(client: AsyncOpenAI, server: MockServer) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MESSAGES)
    assert isinstance(raw, LegacyAPIResponse)
    sent = len(server.requests)
    assert raw.status_code == 200 and raw.http_response.is_closed  # body read, connection released
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.request_id == raw.headers["x-request-id"] and raw.request_id.startswith("req_")
    assert raw.http_request is raw.request and raw.method == "POST"
    assert str(raw.url) == f"{server.base_url}/chat/completions"
    assert json.loads(raw.text) == json.loads(raw.content) == raw.parse(to=object)
    assert raw.elapsed.total_seconds() > 0

    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "echo: raw hello"
    assert raw.parse() is completion  # parsed once
    assert raw.parse(to=ChatCompletion).id == completion.id
    assert len(server.requests) == sent  # parse() sent nothing


async def test_results_keep_their_request_id(client: AsyncOpenAI) -> None:
    # ``result._request_id``, as the official SDK sets it on the top-level result (frameworks keep it).
    raw = await client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MESSAGES)
    completion = raw.parse()
    assert completion._request_id == raw.request_id and raw.request_id.startswith("req_")  # type: ignore[attr-defined]
    plain = await client.responses.create(model="gpt-4o", input="hello")
    assert plain._request_id.startswith("req_") and plain._request_id != raw.request_id  # type: ignore[attr-defined]
    assert "_request_id" not in plain.to_dict() and "_request_id" not in repr(completion)
    assert not hasattr(completion.choices[0], "_request_id")  # the top-level result only


async def test_raw_models_list_is_a_page(client: AsyncOpenAI, server: MockServer) -> None:
    raw = await client.models.with_raw_response.list(extra_headers={"X-Raw": "1"})
    assert raw.status_code == 200 and server.requests[-1].headers["x-raw"] == "1"
    page = raw.parse()
    assert isinstance(page, AsyncPage) and all(isinstance(m, Model) for m in page.data) and page.data
    assert raw.request_id == raw.headers.get("x-request-id")


async def test_a_raw_page_fetches_its_next_page(client: AsyncOpenAI) -> None:
    raw = await client.fine_tuning.jobs.with_raw_response.list(limit=2)
    page = raw.parse()
    assert isinstance(page, AsyncCursorPage) and isinstance(page.data[0], FineTuningJob)
    following = await page.get_next_page()  # through the live pipeline, after the replay
    assert following.data[0].id != page.data[0].id
    second = await raw.parse().get_next_page()
    assert [j.id for j in second.data] == [j.id for j in following.data]


async def test_sub_resources_through_a_view(client: AsyncOpenAI) -> None:
    raw = await client.chat.with_raw_response.completions.create(model="gpt-4o", messages=MESSAGES)
    assert raw.parse().choices[0].message.content == "echo: raw hello"
    jobs = await client.fine_tuning.with_raw_response.jobs.list(limit=1)
    assert len(jobs.parse().data) == 1
    async with client.fine_tuning.jobs.with_streaming_response.checkpoints.list(
        (await client.fine_tuning.jobs.list(limit=1)).data[0].id
    ) as response:
        assert response.status_code == 200
    with pytest.raises(AttributeError):
        _ = client.files.with_raw_response.no_such_method
    with pytest.raises(AttributeError):
        _ = client.files.with_raw_response._pipeline


async def test_client_level_views(client: AsyncOpenAI) -> None:
    # The official SDK's other spelling (client.with_raw_response.<resource>...), which frameworks use.
    raw = await client.with_raw_response.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    assert isinstance(raw, LegacyAPIResponse)
    assert raw.parse().choices[0].message.content == "echo: raw hello"
    async with client.with_streaming_response.responses.create(model="gpt-4o", input="raw hello") as response:
        assert isinstance(response, AsyncAPIResponse) and response.status_code == 200
        assert (await response.parse()).output_text == "echo: raw hello"
    for name in ("api_key", "close", "_pipeline", "no_such_resource"):
        with pytest.raises(AttributeError, match="is not an API resource"):
            getattr(client.with_raw_response, name)
        with pytest.raises(AttributeError, match="is not an API resource"):
            getattr(client.with_streaming_response, name)


async def test_post_processing_runs_in_parse(client: AsyncOpenAI, server: MockServer) -> None:
    # embeddings travel as base64 and are decoded by the method; parse() runs that too. A generator
    # argument is materialised once, so the replay sees the same values.
    raw = await client.embeddings.with_raw_response.create(model="text-embedding-3-small", input=(t for t in ["a", "b"]))
    assert server.requests[-1].json()["input"] == ["a", "b"]
    assert '"embedding":"' in raw.text.replace(" ", "")  # base64 on the wire
    result = raw.parse()
    assert isinstance(result, CreateEmbeddingResponse) and len(result.data) == 2
    assert all(isinstance(x, float) for x in result.data[0].embedding)
    assert result.data[0].embedding == (await client.embeddings.create(model="text-embedding-3-small",
                                                                       input=["a", "b"])).data[0].embedding


async def test_raw_stream_is_not_read_ahead(client: AsyncOpenAI, server: MockServer) -> None:
    raw = await client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MESSAGES, stream=True)
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/event-stream")
    assert not raw.http_response.is_closed
    stream = raw.parse()
    assert isinstance(stream, AsyncStream)
    chunks = [chunk async for chunk in stream]
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "echo: raw hello"
    await client.close()
    assert client_sockets(server.port) == 0


async def test_raw_errors_raise_as_plain_calls_do(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.NotFoundError):
        await client.models.with_raw_response.retrieve("no-such-model")
    with pytest.raises(openai.NotFoundError):
        async with client.files.with_streaming_response.retrieve("file-nope"):
            pass
    with pytest.raises(TypeError, match="messages"):
        await client.chat.completions.with_raw_response.create(model="gpt-4o")  # type: ignore[call-overload]


async def test_streaming_response_reads_only_when_asked(client: AsyncOpenAI, server: MockServer) -> None:
    async with client.chat.completions.with_streaming_response.create(model="gpt-4o", messages=MESSAGES) as response:
        assert isinstance(response, AsyncAPIResponse)
        assert response.status_code == 200 and not response.is_closed
        assert client_sockets(server.port) == 1
        completion = await response.parse()
        assert isinstance(completion, ChatCompletion) and completion.choices[0].message.content == "echo: raw hello"
        assert response.is_closed  # read whole: the connection went back to the pool
        assert json.loads(await response.read()) == await response.json()
    sent = len(server.requests)
    assert (await response.parse()) is completion and len(server.requests) == sent


async def test_streaming_response_lines_and_text(client: AsyncOpenAI) -> None:
    async with client.chat.completions.with_streaming_response.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    ) as response:
        lines = [line async for line in response.iter_lines()]
    data = [line for line in lines if line.startswith("data: ")]
    assert data[-1] == "data: [DONE]" and "" in lines
    assert json.loads(data[0][6:])["object"] == "chat.completion.chunk"
    assert response.is_closed

    async with client.models.with_streaming_response.retrieve("gpt-4o") as response:
        text = "".join([piece async for piece in response.aiter_text()])
    assert json.loads(text)["id"] == "gpt-4o"

    async with client.chat.completions.with_streaming_response.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    ) as response:
        stream = await response.parse()
        assert isinstance(stream, AsyncStream)
        assert "".join([c.choices[0].delta.content or "" async for c in stream]) == "echo: raw hello"


async def test_streamed_page_and_binary_parse(client: AsyncOpenAI) -> None:
    async with client.fine_tuning.jobs.with_streaming_response.list(limit=3) as response:
        page = await response.parse()
    assert len(page.data) == 3 and page.has_next_page()
    created = await client.files.create(file=("x.bin", b"\x00\x01binary"), purpose="assistants")
    async with client.files.with_streaming_response.content(created.id) as binary:
        assert await binary.parse() == b"\x00\x01binary"
    raw = await client.files.with_raw_response.content(created.id)
    assert raw.content == b"\x00\x01binary" and raw.parse().content == b"\x00\x01binary"
