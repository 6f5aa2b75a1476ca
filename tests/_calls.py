"""One table of API calls, shared by the Prism test (``test_prism.py``) and the wire test (``test_wire.py``).

Each ``ApiCall`` is a name and ``call(client)``: the same code runs on ``openai.AsyncOpenAI`` (the official
SDK) and ``openai_core.AsyncOpenAI``, which is the compatibility claim itself: a call that needed different
code on the two clients would not port by changing the import. ``check`` asserts the typed result Prism's
static answer (built from the spec's schemas: ids ``"string"``, numbers ``0``, one item per list) parses
to.

Streaming calls consume their stream and return the items. Prism cannot stream: given the
``Accept: text/event-stream`` openai_core sends, it validates the request and only then answers 500
``NO_COMPLEX_OBJECT_TEXT`` (a request that breaks the spec gets 422 first), so for ``stream=True`` calls the
Prism test asserts exactly that 500: the request was valid. Their items are checked on the wire test,
where the recorder speaks SSE.

Calls that walk every page (``async for``) are wire-only (``prism=False``): Prism's static pages say
``has_more: true`` forever.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import openai_core.types as t
from openai_core.types import chat as chat_t
from openai_core.types import fine_tuning as ft_t
from openai_core.types.fine_tuning import jobs as ft_jobs_t

__all__ = ["CALLS", "ApiCall"]

Call = Callable[[Any], Awaitable[Any]]
Check = Callable[[Any], None]


@dataclass(frozen=True)
class ApiCall:
    name: str
    call: Call
    check: Check
    stream: bool = False  # returns the consumed stream's items; on Prism: the 500 described above
    prism: bool = True  # False: wire test only (walks every page)


CALLS: list[ApiCall] = []


def api_call(name: str, check: Check, *, stream: bool = False, prism: bool = True) -> Callable[[Call], Call]:
    def register(call: Call) -> Call:
        CALLS.append(ApiCall(name, call, check, stream=stream, prism=prism))
        return call

    return register


async def collect(aiter: Any) -> list[Any]:
    return [item async for item in aiter]


def no_check(result: Any) -> None:
    """For wire-only and streaming calls: the wire test compares the results of both SDKs instead."""


# -- chat.completions ------------------------------------------------------------------------------------

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        "strict": True,
    },
}


def check_chat_completion(result: Any) -> None:
    assert isinstance(result, chat_t.ChatCompletion)
    assert result.id == "string"
    assert result.object == "chat.completion"
    assert result.choices[0].message.role == "assistant"
    assert result.choices[0].message.content == "string"
    assert result.choices[0].finish_reason == "stop"
    tool_call = result.choices[0].message.tool_calls[0]
    assert isinstance(tool_call, chat_t.ChatCompletionMessageFunctionToolCall)
    assert (tool_call.id, tool_call.function.name) == ("string", "string")
    assert result.usage is not None and result.usage.total_tokens == 0
    assert result.service_tier == "auto"


@api_call("chat.completions.create", check_chat_completion)
async def chat_create(client: Any) -> Any:
    return await client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "developer", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Hi"}], "name": "ann"},
        ],
        temperature=0.2,
        top_p=0.9,
        max_completion_tokens=50,
        n=1,
        seed=7,
        stop=["\n\n", "END"],
        logit_bias={"50256": -100},
        logprobs=True,
        top_logprobs=2,
        presence_penalty=0.5,
        frequency_penalty=-0.5,
        metadata={"suite": "wire"},
        store=False,
        user="user-1",
        service_tier="auto",
    )


@api_call("chat.completions.create[tools]", check_chat_completion)
async def chat_create_tools(client: Any) -> Any:
    return await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You call tools."},
            {"role": "user", "content": "Weather in Paris?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "call_1", "type": "function",
                     "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "sunny, 21C"},
        ],
        tools=[WEATHER_TOOL],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        parallel_tool_calls=False,
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "answer", "strict": True,
                            "schema": {"type": "object", "properties": {"text": {"type": "string"}},
                                       "required": ["text"], "additionalProperties": False}},
        },
    )


@api_call("chat.completions.create[extra_*,timeout]", check_chat_completion)
async def chat_create_extras(client: Any) -> Any:
    return await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Hi"}],
        extra_headers={"X-Call-Header": "call", "X-Custom-Header": "overridden-per-call"},
        extra_query={"trace": "1", "tags": "a"},
        extra_body={"reasoning_effort": "low", "verbosity": "low"},
        timeout=30.0,
    )


@api_call("chat.completions.create[stream]", no_check, stream=True)
async def chat_create_stream(client: Any) -> Any:
    stream = await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Hi"}],
        stream=True,
        stream_options={"include_usage": True},
        max_completion_tokens=20,
    )
    return await collect(stream)


@api_call("chat.completions.create[stream,extra_*]", no_check, stream=True)
async def chat_create_stream_extras(client: Any) -> Any:
    stream = await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Hi"}],
        stream=True,
        extra_headers={"X-Call-Header": "stream"},
        extra_query={"trace": "2"},
        extra_body={"prompt_cache_key": "k1"},
        timeout=15,
    )
    async with stream:
        return await collect(stream)


# -- embeddings ------------------------------------------------------------------------------------------


def check_embeddings(result: Any) -> None:
    assert isinstance(result, t.CreateEmbeddingResponse)
    assert result.object == "list"
    assert result.model == "string"
    assert len(result.data) == 1
    assert isinstance(result.data[0], t.Embedding)
    # Prism sends a JSON float list (the float32 minimum) even when base64 was asked for; it stays a list.
    assert result.data[0].embedding == [-3.402823669209385e38]
    assert result.usage.total_tokens == 0


@api_call("embeddings.create", check_embeddings)
async def embeddings_create(client: Any) -> Any:
    return await client.embeddings.create(model="text-embedding-3-small", input="The food was delicious")


@api_call("embeddings.create[float,dimensions,tokens]", check_embeddings)
async def embeddings_create_float(client: Any) -> Any:
    return await client.embeddings.create(
        model="text-embedding-3-large",
        input=[[1, 2, 3], [4, 5]],
        encoding_format="float",
        dimensions=256,
        user="user-1",
    )


# -- models ----------------------------------------------------------------------------------------------


def check_model(result: Any) -> None:
    assert isinstance(result, t.Model)
    assert (result.id, result.object, result.created, result.owned_by) == ("string", "model", 0, "string")


def check_model_page(result: Any) -> None:
    assert result.object == "list"
    assert len(result.data) == 1
    check_model(result.data[0])


@api_call("models.list", check_model_page)
async def models_list(client: Any) -> Any:
    return await client.models.list()


@api_call("models.list[extra_query,extra_headers]", check_model_page)
async def models_list_extras(client: Any) -> Any:
    return await client.models.list(extra_query={"owned_by": "me"}, extra_headers={"X-Call-Header": "get"})


@api_call("models.retrieve", check_model)
async def models_retrieve(client: Any) -> Any:
    return await client.models.retrieve("gpt-4o")


FINE_TUNED = "ft:gpt-4o-mini-2024-07-18:org-wire:custom@v1:abc123"


@api_call("models.retrieve[fine-tuned id]", check_model)
async def models_retrieve_ft(client: Any) -> Any:
    # ':' and '@' are legal in a path segment (RFC 3986 pchar): both SDKs must send them the same way.
    return await client.models.retrieve(FINE_TUNED)


@api_call("models.retrieve[escaped id]", check_model)
async def models_retrieve_escaped(client: Any) -> Any:
    # Characters a path segment must escape ("/", " ", "?", "#", "%", non-ASCII) and sub-delims it may not.
    return await client.models.retrieve("org/model name?v=1#x%2F+é;a=b")


def check_model_deleted(result: Any) -> None:
    assert isinstance(result, t.ModelDeleted)
    assert (result.id, result.object, result.deleted) == ("string", "string", True)


@api_call("models.delete", check_model_deleted)
async def models_delete(client: Any) -> Any:
    return await client.models.delete(FINE_TUNED)


# -- fine_tuning.jobs ------------------------------------------------------------------------------------


def check_job(result: Any) -> None:
    assert isinstance(result, ft_t.FineTuningJob)
    assert result.id == "string"
    assert result.object == "fine_tuning.job"
    assert result.status == "validating_files"
    assert result.training_file == "string"
    assert result.result_files == ["file-abc123"]
    assert result.hyperparameters.n_epochs == "auto"
    assert result.method is not None and result.method.type == "supervised"
    assert result.integrations is not None and result.integrations[0].wandb.project == "my-wandb-project"


def check_job_page(result: Any) -> None:
    assert result.has_more is True
    assert len(result.data) == 1
    check_job(result.data[0])
    assert result.has_next_page()


@api_call("fine_tuning.jobs.create", check_job)
async def jobs_create(client: Any) -> Any:
    return await client.fine_tuning.jobs.create(
        model="gpt-4o-mini-2024-07-18",
        training_file="file-abc",
        validation_file="file-def",
        suffix="wire",
        seed=42,
        metadata={"team": "core"},
        method={
            "type": "supervised",
            "supervised": {"hyperparameters": {"n_epochs": 3, "batch_size": "auto",
                                               "learning_rate_multiplier": 0.5}},
        },
        integrations=[{"type": "wandb", "wandb": {"project": "proj", "tags": ["a", "b"]}}],
    )


@api_call("fine_tuning.jobs.create[dpo]", check_job)
async def jobs_create_dpo(client: Any) -> Any:
    return await client.fine_tuning.jobs.create(
        model="gpt-4o-mini-2024-07-18",
        training_file="file-abc",
        method={"type": "dpo", "dpo": {"hyperparameters": {"beta": "auto", "n_epochs": 1}}},
    )


@api_call("fine_tuning.jobs.retrieve", check_job)
async def jobs_retrieve(client: Any) -> Any:
    return await client.fine_tuning.jobs.retrieve("ftjob-abc123")


@api_call("fine_tuning.jobs.list", check_job_page)
async def jobs_list(client: Any) -> Any:
    return await client.fine_tuning.jobs.list(limit=2, after="ftjob-0", metadata={"team": "core"})


@api_call("fine_tuning.jobs.list[all pages]", no_check, prism=False)
async def jobs_list_all(client: Any) -> Any:
    return await collect(client.fine_tuning.jobs.list(limit=2))


@api_call("fine_tuning.jobs.cancel", check_job)
async def jobs_cancel(client: Any) -> Any:
    return await client.fine_tuning.jobs.cancel("ftjob-abc123")


def check_event_page(result: Any) -> None:
    assert result.has_more is True
    event = result.data[0]
    assert isinstance(event, ft_t.FineTuningJobEvent)
    assert (event.id, event.object, event.level, event.message) == ("string", "fine_tuning.job.event", "info",
                                                                    "string")


@api_call("fine_tuning.jobs.list_events", check_event_page)
async def jobs_list_events(client: Any) -> Any:
    return await client.fine_tuning.jobs.list_events("ftjob-abc123", limit=5, after="ftevent-0")


@api_call("fine_tuning.jobs.list_events[all pages]", no_check, prism=False)
async def jobs_list_events_all(client: Any) -> Any:
    return await collect(client.fine_tuning.jobs.list_events("ftjob-abc123", limit=2))


def check_checkpoint_page(result: Any) -> None:
    assert result.has_more is True
    checkpoint = result.data[0]
    assert isinstance(checkpoint, ft_jobs_t.FineTuningJobCheckpoint)
    assert checkpoint.object == "fine_tuning.job.checkpoint"
    assert checkpoint.fine_tuning_job_id == "string"
    assert checkpoint.step_number == 0


@api_call("fine_tuning.jobs.checkpoints.list", check_checkpoint_page)
async def checkpoints_list(client: Any) -> Any:
    return await client.fine_tuning.jobs.checkpoints.list("ftjob-abc123", limit=3, after="ftckpt-0")


@api_call("fine_tuning.jobs.checkpoints.list[all pages]", no_check, prism=False)
async def checkpoints_list_all(client: Any) -> Any:
    return await collect(client.fine_tuning.jobs.checkpoints.list("ftjob-abc123"))
