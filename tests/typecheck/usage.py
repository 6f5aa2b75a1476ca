"""Checked by mypy --strict (tests/test_typing.py), never run: what a user's editor sees."""

from __future__ import annotations

from typing import Literal, assert_type

import openai_core as openai
from openai_core import AsyncOpenAI, AsyncStream
from openai_core.pagination import AsyncCursorPage, AsyncPage
from openai_core.types import CreateEmbeddingResponse, Model
from openai_core.types.chat import ChatCompletion, ChatCompletionChunk
from openai_core.types.fine_tuning import FineTuningJob


async def usage(client: AsyncOpenAI, flag: bool) -> None:
    completion = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    assert_type(completion, ChatCompletion)
    assert_type(completion.choices[0].message.content, str | None)

    explicit = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=False, temperature=0.2
    )
    assert_type(explicit, ChatCompletion)

    stream = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True
    )
    assert_type(stream, AsyncStream[ChatCompletionChunk])
    async for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
        assert_type(chunk.choices[0].delta.content, str | None)

    either = await client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=flag
    )
    assert_type(either, ChatCompletion | AsyncStream[ChatCompletionChunk])

    page = await client.fine_tuning.jobs.list(limit=20)
    assert_type(page, AsyncCursorPage[FineTuningJob])
    async for job in client.fine_tuning.jobs.list():
        assert_type(job, FineTuningJob)

    models = await client.models.list()
    assert_type(models, AsyncPage[Model])
    assert_type(await client.models.retrieve("gpt-4o"), Model)
    assert_type(await client.embeddings.create(model="m", input="x"), CreateEmbeddingResponse)

    try:
        await client.models.list(timeout=openai.Timeout(5.0), extra_headers={"X": "1"})
    except openai.RateLimitError as exc:
        assert_type(exc.status_code, Literal[429])


async def mistakes(client: AsyncOpenAI) -> None:
    await client.chat.completions.create(model="gpt-4o")  # E: missing messages
    await client.chat.completions.create(model="gpt-4o", messages=[], temprature=1)  # E: unknown argument
