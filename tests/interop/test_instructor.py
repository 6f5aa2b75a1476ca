"""instructor on each client: ``instructor.from_openai(client)`` and ``instructor.patch`` / ``apatch``, with a
pydantic ``response_model``, including its validate-and-ask-again loop.

Runs in the ``interop-legacy`` virtualenv (instructor 1.17 pins ``jiter<0.15``, which openai 3.57 cannot
use: official SDK 2.54 there). ``from_openai`` refuses anything that is not
``isinstance(client, (openai.OpenAI, openai.AsyncOpenAI))`` (instructor/v2/providers/openai/client.py,
``_from_openai_compat``, raising ``ClientError``): openai_core clients pass it because they report the
bridged official class as their ``__class__`` once the official package is loaded (``openai_core._interop``).

The embedded server answers a forced tool call with arguments sampled from the schema (``"name-value"``,
``1``); the ``kind=bad_args`` fault makes them ``{}`` instead, which the model's validation rejects, so
instructor's retry loop runs against real answers: ``times=1`` fails once, then the normal answer passes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import instructor
import openai
import pytest
from instructor.core.exceptions import InstructorRetryException
from pydantic import BaseModel

from openai_core.testing import MockServer

from .conftest import bodies

CHAT = "/chat/completions"
SAMPLE_ARGUMENTS = '{"name":"name-value","population":1}'


class City(BaseModel):
    name: str
    population: int


CITY = {"name": "name-value", "population": 1}


def fields(value: BaseModel) -> dict[str, Any]:
    """A result's fields: instructor returns its own subclass of the response model, which pydantic's
    ``==`` tells apart from the model itself."""
    assert isinstance(value, City)
    return value.model_dump()


def marker() -> str:
    return f"m{uuid.uuid4().hex[:12]}"


def ask(word: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": f"describe a city {word}"}]


def bad_args(key: str, times: int | None = None) -> dict[str, str]:
    spec = "kind=bad_args" if times is None else f"kind=bad_args;times={times}"
    return {"X-Mock-Fault": spec, "X-Mock-Fault-Key": key}


async def test_from_openai_tools_mode(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    structured = instructor.from_openai(make_client())
    assert isinstance(structured, instructor.AsyncInstructor)
    city, completion = await structured.chat.completions.create_with_completion(
        model="gpt-4o-mini", response_model=City, messages=ask(word))
    assert fields(city) == CITY
    assert isinstance(completion, openai.types.chat.ChatCompletion)
    (call,) = completion.choices[0].message.tool_calls or []
    assert (call.function.name, call.function.arguments) == ("City", SAMPLE_ARGUMENTS)
    (body,) = bodies(server, CHAT, word)
    assert body["tool_choice"] == {"type": "function", "function": {"name": "City"}}
    assert body["tools"][0]["function"]["parameters"]["required"] == ["name", "population"]


async def test_from_openai_json_schema_mode(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    structured = instructor.from_openai(make_client(), mode=instructor.Mode.JSON_SCHEMA)
    city = await structured.chat.completions.create(model="gpt-4o-mini", response_model=City, messages=ask(word))
    assert fields(city) == CITY
    (body,) = bodies(server, CHAT, word)
    assert body["response_format"]["type"] == "json_schema" and "tools" not in body


async def test_validation_error_is_sent_back_and_the_retry_passes(
    make_client: Callable[..., Any], server: MockServer
) -> None:
    word = key = marker()
    structured = instructor.from_openai(make_client())
    city = await structured.chat.completions.create(model="gpt-4o-mini", response_model=City, max_retries=2,
                                                    messages=ask(word), extra_headers=bad_args(key, times=1))
    assert fields(city) == CITY
    assert server.attempts(key) == 2
    first, second = bodies(server, CHAT, word)
    assert len(first["messages"]) == 1
    _, assistant, tool_reply = second["messages"]
    assert assistant["tool_calls"][0]["function"] == {"name": "City", "arguments": "{}"}
    assert tool_reply["role"] == "tool" and tool_reply["tool_call_id"] == assistant["tool_calls"][0]["id"]
    assert "Validation Error found" in tool_reply["content"] and "Field required" in tool_reply["content"]


async def test_retries_run_out(make_client: Callable[..., Any], server: MockServer) -> None:
    key = marker()
    structured = instructor.from_openai(make_client())
    with pytest.raises(InstructorRetryException) as caught:
        await structured.chat.completions.create(model="gpt-4o-mini", response_model=City, max_retries=2,
                                                 messages=ask(key), extra_headers=bad_args(key))
    assert caught.value.n_attempts == 3 and server.attempts(key) == 3
    assert isinstance(caught.value.last_completion, openai.types.chat.ChatCompletion)
    assert "Field required" in str(caught.value)


async def test_create_partial_streams_the_model(make_client: Callable[..., Any], server: MockServer) -> None:
    word = marker()
    structured = instructor.from_openai(make_client())
    partials = [p async for p in structured.chat.completions.create_partial(
        model="gpt-4o-mini", response_model=City, messages=ask(word))]
    assert len(partials) > 1 and fields(partials[-1]) == CITY
    assert partials[0].population is None  # filled in as the arguments arrive
    (body,) = bodies(server, CHAT, word)
    assert body["stream"] is True


async def test_apatch_with_a_retry(make_client: Callable[..., Any], server: MockServer) -> None:
    key = marker()
    with pytest.warns(DeprecationWarning, match="apatch is deprecated"):
        client = instructor.apatch(make_client())
    city = await client.chat.completions.create(model="gpt-4o-mini", response_model=City, max_retries=1,
                                                messages=ask(key), extra_headers=bad_args(key, times=1))
    assert fields(city) == CITY and server.attempts(key) == 2


async def test_patch_of_a_create_function(make_client: Callable[..., Any]) -> None:
    create = instructor.patch(create=make_client().chat.completions.create)
    assert fields(await create(model="gpt-4o-mini", response_model=City, messages=ask(marker()))) == CITY


# ------------------------------------------------------------------------------------------------ sync


def test_sync_patch_and_from_openai(make_sync_client: Callable[..., Any], server: MockServer) -> None:
    key = marker()
    patched = instructor.patch(make_sync_client())
    assert fields(patched.chat.completions.create(model="gpt-4o-mini", response_model=City, max_retries=1,
                                                  messages=ask(key), extra_headers=bad_args(key, times=1))) == CITY
    assert server.attempts(key) == 2
    structured = instructor.from_openai(make_sync_client())
    assert isinstance(structured, instructor.Instructor)
    assert fields(structured.chat.completions.create(model="gpt-4o-mini", response_model=City,
                                                     messages=ask(key))) == CITY
