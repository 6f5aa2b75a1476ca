"""openai_core speaking the official SDK's classes (openai_core/_interop), on both transports.

The official SDK pinned in the test extra is imported here, as a framework would import it: results,
nested values, stream items, pages' items, errors, the client and its streams must pass the official
``isinstance`` / ``except`` checks and stay openai_core's classes too. The frameworks themselves run in
tests/interop (their own virtualenvs).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import openai
import pytest
from openai.types.chat import chat_completion as official_chat
from openai.types.responses import ResponseCompletedEvent, ResponseTextDeltaEvent

import openai_core
from openai_core import AsyncOpenAI
from openai_core._interop import own_class, resolve_type
from openai_core.testing import MockServer
from openai_core.types.chat import ChatCompletion

ROOT = Path(__file__).resolve().parent.parent
TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


async def test_results_and_nested_values_are_official_instances(client: AsyncOpenAI) -> None:
    completion = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "weather? call get_weather"}],
        tools=[TOOL],  # type: ignore[list-item]
    )
    assert isinstance(completion, openai.types.chat.ChatCompletion)
    assert isinstance(completion, ChatCompletion)
    assert isinstance(completion, openai.BaseModel)
    choice = completion.choices[0]
    assert isinstance(choice, official_chat.Choice)
    assert isinstance(choice.message, openai.types.chat.ChatCompletionMessage)
    assert choice.message.tool_calls
    call = choice.message.tool_calls[0]
    assert isinstance(call, openai.types.chat.ChatCompletionMessageFunctionToolCall)
    assert call.function.name == "get_weather"
    assert isinstance(completion.usage, openai.types.CompletionUsage)
    # what a framework does with it next
    assert openai.types.chat.ChatCompletion.model_validate(completion.model_dump()).id == completion.id


async def test_stream_and_its_chunks_are_official_instances(client: AsyncOpenAI) -> None:
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hello"}], stream=True
    )
    assert isinstance(stream, openai.AsyncStream)
    assert isinstance(stream, openai_core.AsyncStream)
    text = []
    async with stream:
        async for chunk in stream:
            assert isinstance(chunk, openai.types.chat.ChatCompletionChunk)
            if chunk.choices:
                assert isinstance(chunk.choices[0].delta, openai.types.chat.chat_completion_chunk.ChoiceDelta)
                text.append(chunk.choices[0].delta.content or "")
    assert "".join(text)


async def test_responses_stream_events_are_official_instances(client: AsyncOpenAI) -> None:
    stream = await client.responses.create(model="gpt-4o-mini", input="hello", stream=True)
    kinds = []
    async for event in stream:
        kinds.append(type(event).__name__)
        if event.type == "response.output_text.delta":
            assert isinstance(event, ResponseTextDeltaEvent)
        if event.type == "response.completed":
            assert isinstance(event, ResponseCompletedEvent)
            assert isinstance(event.response, openai.types.responses.Response)
            assert isinstance(event.response.usage, openai.types.responses.ResponseUsage)
            details = event.response.usage.input_tokens_details
            assert isinstance(details, openai.types.responses.response_usage.InputTokensDetails)
    assert "ResponseTextDeltaEvent" in kinds and kinds[-1] == "ResponseCompletedEvent"


async def test_page_items_are_official_instances(client: AsyncOpenAI) -> None:
    models = [model async for model in client.models.list()]
    assert models and all(isinstance(m, openai.types.Model) for m in models)


@pytest.mark.parametrize(
    ("status", "official_class"),
    [(400, openai.BadRequestError), (404, openai.NotFoundError), (429, openai.RateLimitError),
     (500, openai.InternalServerError)],
)
async def test_status_errors_are_caught_by_both_trees(
    server: MockServer, transport: str, status: int, official_class: type[openai.APIStatusError]
) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=0) as c:
        with pytest.raises(official_class) as caught:
            await c.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "user", "content": "hi"}],
                extra_headers={"X-Mock-Fault": f"kind=status;code={status}"},
            )
    error = caught.value
    assert isinstance(error, openai_core.APIStatusError)
    assert own_class(type(error)) is openai_core._exceptions.status_error_class(status)
    # the attributes frameworks read
    assert error.status_code == status == error.response.status_code
    assert error.request_id and error.response.headers.get("x-request-id") == error.request_id
    assert isinstance(error.body, dict) and error.code == error.body.get("code")
    assert error.message.startswith(f"Error code: {status}")
    assert error.response.json()["error"]["message"]


async def test_connection_errors_are_caught_by_both_trees(transport: str) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1", transport=transport,
                           max_retries=0) as c:
        with pytest.raises(openai.APIConnectionError) as caught:
            await c.models.list()
    assert isinstance(caught.value, openai_core.APIConnectionError)


async def test_official_sentinels_are_dropped_before_sending(server: MockServer, transport: str) -> None:
    marker = f"sentinels-{transport}"
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport) as c:
        raw = await c.chat.completions.with_raw_response.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
            parallel_tool_calls=openai.omit,  # type: ignore[arg-type]
            temperature=openai.NOT_GIVEN,  # type: ignore[arg-type]
            top_p=openai.not_given,  # type: ignore[arg-type]
            max_tokens=openai_core.omit,  # type: ignore[arg-type]
            timeout=openai.NOT_GIVEN,  # type: ignore[arg-type]
            extra_headers={"OpenAI-Organization": openai.omit, "X-Marker": marker},  # type: ignore[dict-item]
        )
        assert raw.parse().choices[0].message.content
    sent = [r for r in server.requests if r.headers.get("x-marker") == marker]
    assert len(sent) == 1
    body: dict[str, Any] = sent[0].json()
    assert set(body) == {"model", "messages"}
    assert "openai-organization" not in sent[0].headers


def test_the_client_passes_the_official_isinstance_checks() -> None:
    client = AsyncOpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1")
    sync_client = openai_core.OpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1")
    try:
        assert isinstance(client, openai.AsyncOpenAI) and not isinstance(client, openai.OpenAI)
        assert isinstance(sync_client, openai.OpenAI) and not isinstance(sync_client, openai.AsyncOpenAI)
        assert type(client) is AsyncOpenAI  # the behaviour stays openai_core's
        assert isinstance(client, AsyncOpenAI)
    finally:
        sync_client.close()


def test_bridges_pickle_and_compare_as_the_class_they_stand_for() -> None:
    body = b'{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]}'
    parsed = openai_core._models.parse_json(ChatCompletion, body)
    assert type(parsed) is resolve_type(ChatCompletion) and type(parsed) is not ChatCompletion
    mine = ChatCompletion.model_validate_json(body)
    assert parsed == mine and mine == parsed
    again = pickle.loads(pickle.dumps(parsed))
    assert again == parsed and isinstance(again, openai.types.chat.ChatCompletion)


def test_without_the_official_package_nothing_is_bridged() -> None:
    code = (
        "import sys, openai_core\n"
        "from openai_core._models import parse_json\n"
        "from openai_core.types.chat import ChatCompletion\n"
        "c = parse_json(ChatCompletion, b'{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
        "\"model\":\"m\",\"choices\":[]}')\n"
        "assert type(c) is ChatCompletion, type(c).__mro__\n"
        "e = openai_core.RateLimitError.__new__(openai_core.RateLimitError)\n"
        "assert type(e) is openai_core.RateLimitError\n"
        "assert 'openai' not in sys.modules, 'openai_core imported the official SDK'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_bridging_can_be_turned_off() -> None:
    code = (
        "import openai, openai_core\n"
        "from openai_core._models import parse_json\n"
        "from openai_core.types.chat import ChatCompletion\n"
        "c = parse_json(ChatCompletion, b'{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
        "\"model\":\"m\",\"choices\":[]}')\n"
        "assert type(c) is ChatCompletion and not isinstance(c, openai.types.chat.ChatCompletion)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={"OPENAI_CORE_INTEROP": "0",
                                                                          "PATH": "/usr/bin:/bin"})
