"""``client.completions`` (legacy, plain and streamed) and ``client.moderations`` over real loopback HTTP,
on both transports.

The embedded server echoes legacy prompts (``"echo: " + prompt``, word by word when streamed) and flags a
moderation input for ``violence`` when it says "kill", for ``harassment`` when it says "idiot".
"""

from __future__ import annotations

from typing import Any

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, AsyncStream
from openai_core.testing import MockServer
from openai_core.types import Completion, CompletionChoice, Moderation, ModerationCreateResponse

# -- completions -------------------------------------------------------------------------------------


async def test_completion(client: AsyncOpenAI, server: MockServer) -> None:
    completion = await client.completions.create(
        model="gpt-3.5-turbo-instruct", prompt="Say this is a test", max_tokens=7, temperature=0, n=2
    )
    assert isinstance(completion, Completion) and completion.object == "text_completion"
    assert [(c.index, c.text, c.finish_reason) for c in completion.choices] == [
        (0, "echo: Say this is a test", "stop"), (1, "echo: Say this is a test", "stop")]
    assert isinstance(completion.choices[0], CompletionChoice)
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (5, 12)  # words, both choices
    assert server.requests[-1].json() == {"model": "gpt-3.5-turbo-instruct", "prompt": "Say this is a test",
                                          "max_tokens": 7, "temperature": 0, "n": 2}


async def test_completion_of_several_prompts_and_a_length_cut(client: AsyncOpenAI) -> None:
    completion = await client.completions.create(model="m", prompt=["one two three", "four"], max_tokens=2)
    assert [(c.text, c.finish_reason) for c in completion.choices] == [("echo: one", "length"), ("echo: four", "stop")]


async def test_completion_stream(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.completions.create(
        model="m", prompt="stream these words", stream=True, stream_options={"include_usage": True}
    )
    assert isinstance(stream, AsyncStream)
    chunks = [chunk async for chunk in stream]
    assert all(isinstance(c, Completion) for c in chunks)
    assert "".join(c.choices[0].text for c in chunks if c.choices) == "echo: stream these words"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 4
    assert server.requests[-1].headers["accept"] == "text/event-stream"


async def test_completion_errors_and_argument_checks(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.BadRequestError, match="prompt"):
        await client.completions.create(model="m", prompt=[{"bad": 1}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="prompt"):
        await client.completions.create(model="m")  # type: ignore[call-overload]


# -- moderations -------------------------------------------------------------------------------------


async def test_moderation_flags(client: AsyncOpenAI, server: MockServer) -> None:
    result = await client.moderations.create(input=["I will kill it", "what a lovely day", "you idiot"])
    assert isinstance(result, ModerationCreateResponse)
    assert result.model == "omni-moderation-latest" and result.id.startswith("modr-")
    assert [r.flagged for r in result.results] == [True, False, True]
    violent, calm, rude = result.results
    assert isinstance(violent, Moderation)
    assert violent.categories.violence and not violent.categories.harassment
    assert violent.category_scores.violence == 0.91 and violent.category_scores.self_harm_intent == 0.001
    assert rude.categories.harassment and not rude.categories.violence
    assert not any(calm.categories.to_dict().values())
    assert violent.category_applied_input_types.violence == ["text"]
    assert server.requests[-1].json() == {"input": ["I will kill it", "what a lovely day", "you idiot"]}


async def test_moderation_wire_names(client: AsyncOpenAI) -> None:
    result = await client.moderations.create(input="kill", model="text-moderation-latest")
    (moderation,) = result.results
    assert result.model == "text-moderation-latest"
    as_sent = moderation.to_dict()
    assert as_sent["categories"]["self-harm/intent"] is False  # the API's names ("/", "-") round-trip
    assert as_sent["category_scores"]["violence"] == 0.91
    assert moderation.categories.self_harm_intent is False


async def test_moderation_of_multimodal_parts(client: AsyncOpenAI) -> None:
    parts: Any = [{"type": "text", "text": "kill"}, {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]
    result = await client.moderations.create(model="omni-moderation-latest", input=parts)
    assert [r.flagged for r in result.results] == [True, False]
    assert result.results[1].category_applied_input_types.violence == ["image"]
    assert result.results[1].category_applied_input_types.hate == []


async def test_moderation_request_options_and_errors(client: AsyncOpenAI, server: MockServer) -> None:
    await client.moderations.create(input="x", extra_headers={"X-M": "1"}, extra_query={"q": "2"},
                                    extra_body={"model": "omni-moderation-2024-09-26"}, timeout=5)
    sent = server.requests[-1]
    assert sent.headers["x-m"] == "1" and sent.query == {"q": "2"}
    assert sent.json() == {"input": "x", "model": "omni-moderation-2024-09-26"}
    with pytest.raises(openai.BadRequestError, match="input"):
        await client.moderations.create(input=[{"type": "video"}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="input"):
        await client.moderations.create()  # type: ignore[call-arg]
