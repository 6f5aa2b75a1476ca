"""One table of API calls, shared by the Prism test (``test_prism.py``) and the wire test (``test_wire.py``).

Each ``ApiCall`` is a name and ``call(client)``: the same code runs on ``openai.AsyncOpenAI`` (the official
SDK) and ``openai_core.AsyncOpenAI``, which is the compatibility claim itself: a call that needed different
code on the two clients would not port by changing the import. ``check`` asserts the typed result Prism's
static answer (built from the spec's schemas: ids ``"string"``, numbers ``0``, one item per list) parses
to.

Streaming calls consume their stream and return the items. Prism cannot stream: given the
``Accept: text/event-stream`` openai_core sends, it validates the request and only then answers 500
``NO_COMPLEX_OBJECT_TEXT`` (406 where the operation declares JSON only; a request that breaks the spec
gets 422 first), so for ``stream=True`` calls the Prism test asserts exactly that refusal: the request was
valid. Their items are checked on the wire test, where the recorder speaks SSE. ``ApiCall.prism`` says
what the Prism test can ask of a call (see ``PARSE`` ... ``WIRE_ONLY`` below).

Calls that walk every page (``async for``) are wire-only: Prism's static pages say ``has_more: true``
forever.

An entry's API method is its name up to ``[`` (``"chat.completions.create[tools]"`` calls
``chat.completions.create``). ``ACTIVE`` holds the entries whose method openai_core has; the others were
written (and checked against the official SDK) ahead of the resource and run as soon as it lands.
``test_wire.py::test_every_method_is_in_the_table`` fails when openai_core has a method no entry calls.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import openai
import pydantic

import openai_core
import openai_core.types as t
from openai_core._resource import AsyncAPIResource
from openai_core.transports.mock import MockTransport
from openai_core.types import chat as chat_t
from openai_core.types import fine_tuning as ft_t
from openai_core.types.fine_tuning import jobs as ft_jobs_t

__all__ = [
    "ACTIVE",
    "CALLS",
    "PARSE",
    "PROVEN_ELSEWHERE",
    "UNREADABLE",
    "UNSERVABLE",
    "WIRE_ONLY",
    "ApiCall",
    "our_methods",
]

Call = Callable[[Any], Awaitable[Any]]
Check = Callable[[Any], None]


# What the Prism test can ask of a call (``ApiCall.prism``):
PARSE = "parse"  # Prism answers from the spec; ``check`` asserts the typed result
# Prism validates the request, then cannot produce the content type asked for (an event stream; the
# `application/binary` of a file download): it refuses with 406 or 500 *after* validation passed.
UNSERVABLE = "unservable"
# Prism validates the request, then answers 200 with a header no HTTP client reads (`audio/speech`: the
# spec's `Transfer-Encoding` header schema gives `Transfer-Encoding: string`): a connection error, where
# an invalid request would have been a readable 422.
UNREADABLE = "unreadable"
WIRE_ONLY = "wire-only"  # Prism cannot judge this call; the reason is beside the entry


@dataclass(frozen=True)
class ApiCall:
    name: str
    call: Call
    check: Check
    stream: bool = False  # returns the consumed stream's items
    prism: str = PARSE
    # Why Prism's answer cannot match the typed result asked for, so the lenient parser may step in.
    # None (the rule): it must parse on the validating fast path.
    lenient: str | None = None
    # Sends nothing (webhooks.unwrap / verify_signature check a payload the caller received): the wire
    # test compares the results only.
    offline: bool = False

    @property
    def method(self) -> str:
        return self.name.split("[", 1)[0]


CALLS: list[ApiCall] = []

# API methods that are not an HTTP call, with the test that proves them against the official SDK instead.
PROVEN_ELSEWHERE = {
    "realtime.connect": "a WebSocket session: tests/test_realtime_wire.py",
    **dict.fromkeys(("responses.connect", "realtime.translations.connect", "live.connect", "live.forks.connect",
                     "live.sideband.connect"), "a WebSocket session: tests/test_ws_apis_wire.py"),
}


def api_call(name: str, check: Check, *, stream: bool = False, prism: str | None = None,
             lenient: str | None = None, offline: bool = False) -> Callable[[Call], Call]:
    def register(call: Call) -> Call:
        mode = prism or (UNSERVABLE if stream else PARSE)
        CALLS.append(ApiCall(name, call, check, stream=stream, prism=mode, lenient=lenient, offline=offline))
        return call

    return register


def probe_client() -> Any:
    """An openai_core client to look methods up on; it sends nothing."""

    async def unused(request: Any) -> Any:
        raise AssertionError("nothing is sent")

    # A MockTransport owns no connection, so this client needs no closing.
    return openai_core.AsyncOpenAI(api_key="sk-none", http_client=MockTransport(unused))


def our_methods() -> set[str]:
    """Every API method of ``openai_core.AsyncOpenAI``, dotted (``"fine_tuning.jobs.checkpoints.list"``);
    the ``with_raw_response`` / ``with_streaming_response`` twins of each are not listed."""
    client = probe_client()

    def walk(obj: object, prefix: str) -> Iterator[str]:
        for name in dir(type(obj)):
            if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
                continue
            value = getattr(obj, name)
            if isinstance(value, AsyncAPIResource):
                yield from walk(value, f"{prefix}{name}.")
            elif isinstance(obj, AsyncAPIResource) and callable(value):
                yield f"{prefix}{name}"

    return set(walk(client, ""))


def sdk_of(client: Any) -> Any:
    """The package a client comes from: what "changing the import" changes, for the few calls that use a
    module-level helper (``pydantic_function_tool``) besides the client."""
    return openai if isinstance(client, openai.AsyncOpenAI) else openai_core


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
    tool_calls = result.choices[0].message.tool_calls
    assert tool_calls is not None
    tool_call = tool_calls[0]
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


@api_call("embeddings.create[extra_body overrides a parameter]", check_embeddings)
async def embeddings_create_override(client: Any) -> Any:
    # extra_body is merged over the declared parameters in both SDKs: here it picks the wire format.
    return await client.embeddings.create(
        model="text-embedding-3-small", input=["a", "b"], extra_body={"encoding_format": "float", "user": "u2"}
    )


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


@api_call("models.list[with_options]", check_model_page)
async def models_list_with_options(client: Any) -> Any:
    # A configured copy: merged default headers and query, another timeout, the same connection pool.
    copy = client.with_options(default_headers={"X-Copy-Header": "copy"}, default_query={"copy": "1"},
                               timeout=10.0, max_retries=1)
    return await copy.models.list()


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
        # Explicit None travels as JSON null in both SDKs (it is not "not given").
        suffix=None,
        validation_file=None,
        seed=None,
    )


@api_call("fine_tuning.jobs.retrieve", check_job)
async def jobs_retrieve(client: Any) -> Any:
    return await client.fine_tuning.jobs.retrieve("ftjob-abc123")


@api_call("fine_tuning.jobs.list", check_job_page)
async def jobs_list(client: Any) -> Any:
    return await client.fine_tuning.jobs.list(limit=2, after="ftjob-0", metadata={"team": "core"})


@api_call("fine_tuning.jobs.list[extra_query overrides a parameter]", check_job_page)
async def jobs_list_override(client: Any) -> Any:
    return await client.fine_tuning.jobs.list(limit=2, extra_query={"limit": 5, "after": "ftjob-9"},
                                              timeout=20)


@api_call("fine_tuning.jobs.list[all pages]", no_check, prism=WIRE_ONLY)
async def jobs_list_all(client: Any) -> Any:
    return await collect(client.fine_tuning.jobs.list(limit=2))


@api_call("fine_tuning.jobs.cancel", check_job)
async def jobs_cancel(client: Any) -> Any:
    return await client.fine_tuning.jobs.cancel("ftjob-abc123")


@api_call("fine_tuning.jobs.pause", check_job)
async def jobs_pause(client: Any) -> Any:
    return await client.fine_tuning.jobs.pause("ftjob-abc123")


@api_call("fine_tuning.jobs.resume", check_job)
async def jobs_resume(client: Any) -> Any:
    return await client.fine_tuning.jobs.resume("ftjob-abc123", extra_headers={"X-Call-Header": "resume"})


def check_event_page(result: Any) -> None:
    assert result.has_more is True
    event = result.data[0]
    assert isinstance(event, ft_t.FineTuningJobEvent)
    assert (event.id, event.object, event.level, event.message) == ("string", "fine_tuning.job.event", "info",
                                                                    "string")


@api_call("fine_tuning.jobs.list_events", check_event_page)
async def jobs_list_events(client: Any) -> Any:
    return await client.fine_tuning.jobs.list_events("ftjob-abc123", limit=5, after="ftevent-0")


@api_call("fine_tuning.jobs.list_events[all pages]", no_check, prism=WIRE_ONLY)
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


@api_call("fine_tuning.jobs.checkpoints.list[all pages]", no_check, prism=WIRE_ONLY)
async def checkpoints_list_all(client: Any) -> Any:
    return await collect(client.fine_tuning.jobs.checkpoints.list("ftjob-abc123"))


# -- chat.completions.parse / .stream (structured outputs) -------------------------------------------------


class Answer(pydantic.BaseModel):
    text: str


class GetWeather(pydantic.BaseModel):
    """Weather for a city."""

    city: str


def check_parsed_completion(result: Any) -> None:
    from openai_core.types.chat import ParsedChatCompletion

    assert isinstance(result, ParsedChatCompletion)
    check_chat_completion(result)
    # No response_format: nothing to parse the content into; Prism's content "string" is not JSON anyway.
    assert result.choices[0].message.parsed is None


@api_call("chat.completions.parse", check_parsed_completion)
async def chat_parse(client: Any) -> Any:
    return await client.chat.completions.parse(
        model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], temperature=0, seed=1
    )


@api_call("chat.completions.parse[response_format model, strict tool]", no_check, prism=WIRE_ONLY)
async def chat_parse_model(client: Any) -> Any:
    # Wire only: Prism's content is the JSON string "string", which no schema-bound model parses.
    return await client.chat.completions.parse(
        model="gpt-4o-2024-08-06",
        messages=[{"role": "user", "content": "Weather in Paris, and answer as JSON"}],
        response_format=Answer,
        tools=[sdk_of(client).pydantic_function_tool(GetWeather)],
    )


@api_call("chat.completions.stream", no_check, stream=True)
async def chat_stream_helper(client: Any) -> Any:
    async with client.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], response_format=Answer
    ) as stream:
        events = [event.type async for event in stream]
        final = await stream.get_final_completion()
    return [events, final]


# -- completions -------------------------------------------------------------------------------------------


def check_completion(result: Any) -> None:
    from openai_core.types.completion import Completion

    assert isinstance(result, Completion)
    assert (result.id, result.object, result.model) == ("string", "text_completion", "string")
    choice = result.choices[0]
    assert (choice.text, choice.finish_reason, choice.index) == ("string", "stop", 0)
    assert choice.logprobs is not None and choice.logprobs.tokens == ["string"]
    assert result.usage is not None and result.usage.total_tokens == 0


# -- uploads ------------------------------------------------------------------------------------------------


def check_upload(result: Any) -> None:
    assert type_name(result) == "Upload"
    assert (result.id, result.object) == ("string", "upload")


@api_call("uploads.create", check_upload)
async def uploads_create(client: Any) -> Any:
    return await client.uploads.create(bytes=2_147_483_648, filename="training_examples.jsonl",
                                       mime_type="text/jsonl", purpose="fine-tune")


@api_call("uploads.parts.create", lambda result: None)
async def upload_parts_create(client: Any) -> Any:
    # One part, as multipart field `data` (bytes: the HTTP library's default file name, in both SDKs).
    return await client.uploads.parts.create("upload_abc123", data=TRAINING_BYTES)


@api_call("uploads.complete", check_upload)
async def uploads_complete(client: Any) -> Any:
    return await client.uploads.complete("upload_abc123", part_ids=["part_def456", "part_ghi789"], md5="0" * 32)


@api_call("uploads.cancel", check_upload)
async def uploads_cancel(client: Any) -> Any:
    return await client.uploads.cancel("upload_abc123")


@api_call("uploads.upload_file_chunked", lambda result: None, prism=WIRE_ONLY)
async def uploads_chunked(client: Any) -> Any:
    # Wire only (a helper: create, every part, complete; Prism's ids are all "string"). Both SDKs cut
    # the same bytes at the same offsets and send the same sequence of requests.
    return await client.uploads.upload_file_chunked(file=TRAINING_BYTES * 3, filename="train.jsonl",
                                                    bytes=len(TRAINING_BYTES) * 3, mime_type="text/jsonl",
                                                    purpose="fine-tune", part_size=len(TRAINING_BYTES) + 5)


# -- conversations ------------------------------------------------------------------------------------------


def check_conversation(result: Any) -> None:
    assert type_name(result) == "Conversation"
    assert (result.id, result.object) == ("string", "conversation")


@api_call("conversations.create", check_conversation)
async def conversations_create(client: Any) -> Any:
    return await client.conversations.create(items=[{"role": "user", "content": "Hello!"}],
                                             metadata={"topic": "demo"})


@api_call("conversations.retrieve", check_conversation)
async def conversations_retrieve(client: Any) -> Any:
    return await client.conversations.retrieve("conv_abc123")


@api_call("conversations.update", check_conversation)
async def conversations_update(client: Any) -> Any:
    return await client.conversations.update("conv_abc123", metadata={"topic": "project-x"})


@api_call("conversations.delete", lambda result: None)
async def conversations_delete(client: Any) -> Any:
    return await client.conversations.delete("conv_abc123")


@api_call("conversations.items.create", lambda result: None)
async def conversation_items_create(client: Any) -> Any:
    # `include` goes in the query string, the items in the body, in both SDKs. (A content *list* would
    # match two of the spec's input item shapes at once, which Prism refuses: see responses.create.)
    return await client.conversations.items.create(
        "conv_abc123", items=[{"type": "message", "role": "user", "content": "Hi"}],
        include=["message.output_text.logprobs"],
    )


@api_call("conversations.items.retrieve", lambda result: None)
async def conversation_items_retrieve(client: Any) -> Any:
    return await client.conversations.items.retrieve("msg_abc", conversation_id="conv_abc123")


@api_call("conversations.items.list", lambda result: None)
async def conversation_items_list(client: Any) -> Any:
    return await client.conversations.items.list("conv_abc123", limit=10, order="asc")


@api_call("conversations.items.list[all pages]", no_check, prism=WIRE_ONLY)
async def conversation_items_list_all(client: Any) -> Any:
    # The next page starts after the page's `last_id` in both SDKs.
    return await collect(client.conversations.items.list("conv_abc123", limit=2))


@api_call("conversations.items.delete", check_conversation)
async def conversation_items_delete(client: Any) -> Any:
    return await client.conversations.items.delete("msg_abc", conversation_id="conv_abc123")


# -- stored chat completions ---------------------------------------------------------------------------------


def check_chat_deleted(result: Any) -> None:
    assert type_name(result) == "ChatCompletionDeleted"
    assert result.id == "string" and result.object == "chat.completion.deleted"


def check_chat_page(result: Any) -> None:
    assert result.has_more is True and result.has_next_page()
    assert len(result.data) == 1
    check_chat_completion(result.data[0])


def check_store_message_page(result: Any) -> None:
    assert result.has_more is True and len(result.data) == 1
    message = result.data[0]
    assert type_name(message) == "ChatCompletionStoreMessage"
    assert (message.id, message.content) == ("string", "string")


@api_call("chat.completions.retrieve", check_chat_completion)
async def chat_retrieve(client: Any) -> Any:
    return await client.chat.completions.retrieve("chatcmpl-abc123")


@api_call("chat.completions.update", check_chat_completion)
async def chat_update(client: Any) -> Any:
    return await client.chat.completions.update("chatcmpl-abc123", metadata={"topic": "billing"})


@api_call("chat.completions.list", check_chat_page)
async def chat_list(client: Any) -> Any:
    # `metadata` goes out as `metadata[topic]=...` query parameters in both SDKs.
    return await client.chat.completions.list(model="gpt-4o", metadata={"topic": "billing"}, limit=5, order="desc")


@api_call("chat.completions.list[all pages]", no_check, prism=WIRE_ONLY)
async def chat_list_all(client: Any) -> Any:
    return await collect(client.chat.completions.list(limit=2))


@api_call("chat.completions.delete", check_chat_deleted)
async def chat_delete(client: Any) -> Any:
    return await client.chat.completions.delete("chatcmpl-abc123")


@api_call("chat.completions.messages.list", check_store_message_page)
async def chat_messages_list(client: Any) -> Any:
    return await client.chat.completions.messages.list("chatcmpl-abc123", limit=10, order="asc")


@api_call("completions.create", check_completion)
async def completions_create(client: Any) -> Any:
    return await client.completions.create(
        model="gpt-3.5-turbo-instruct",
        prompt="Say hi",
        max_tokens=5,
        temperature=0,
        top_p=1,
        n=1,
        best_of=1,
        stop=["\n"],
        logprobs=2,
        echo=False,
        seed=3,
        logit_bias={"50256": -100},
        user="user-1",
    )


@api_call("completions.create[token prompts, extra_*]", check_completion)
async def completions_create_tokens(client: Any) -> Any:
    return await client.completions.create(
        model="davinci-002",
        prompt=[[1, 2, 3], [4, 5]],
        suffix=None,
        extra_headers={"X-Call-Header": "legacy"},
        extra_query={"trace": "3"},
        timeout=30,
    )


@api_call("completions.create[stream]", no_check, stream=True)
async def completions_create_stream(client: Any) -> Any:
    stream = await client.completions.create(
        model="gpt-3.5-turbo-instruct", prompt="Say hi", stream=True, stream_options={"include_usage": True}
    )
    return await collect(stream)


# -- moderations -------------------------------------------------------------------------------------------


def check_moderation(result: Any) -> None:
    from openai_core.types.moderation_create_response import ModerationCreateResponse

    assert isinstance(result, ModerationCreateResponse)
    assert (result.id, result.model) == ("string", "string")
    moderation = result.results[0]
    assert moderation.flagged is True
    # Categories with a "/" or "-" in their API name reach Python names through aliases.
    assert moderation.categories.hate_threatening is True
    assert moderation.categories.self_harm_intent is True
    assert moderation.category_scores.violence_graphic == 0
    assert moderation.category_applied_input_types.sexual_minors == ["text"]


@api_call("moderations.create", check_moderation)
async def moderations_create(client: Any) -> Any:
    return await client.moderations.create(input="I want to hug you", model="omni-moderation-latest")


@api_call("moderations.create[list]", check_moderation)
async def moderations_create_list(client: Any) -> Any:
    return await client.moderations.create(input=["first text", "second text"])


@api_call("moderations.create[multi-modal]", check_moderation)
async def moderations_create_multimodal(client: Any) -> Any:
    return await client.moderations.create(
        model="omni-moderation-latest",
        input=[
            {"type": "text", "text": "Look at this"},
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
        ],
    )


# -- responses ---------------------------------------------------------------------------------------------

# Prism answers POST /responses and GET /responses/{id} with the spec's own example (the README of
# ../shared/mock says it breaks the Response schema in `user` and `logprobs`; our types accept it strictly).


def check_response(result: Any) -> None:
    from openai_core.types.responses.response import Response

    assert isinstance(result, Response)
    assert result.id == "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41"
    assert (result.object, result.status, result.model) == ("response", "completed", "gpt-4o-2024-08-06")
    assert result.output[0].type == "message"
    assert result.output_text.startswith("The image depicts a scenic landscape")
    assert result.usage is not None and result.usage.total_tokens == 380


def check_input_tokens(result: Any) -> None:
    assert type_name(result) == "InputTokenCountResponse"
    assert result.object == "response.input_tokens" and isinstance(result.input_tokens, int)


@api_call("responses.input_tokens.count", check_input_tokens)
async def responses_input_tokens(client: Any) -> Any:
    return await client.responses.input_tokens.count(
        model="gpt-4o", instructions="be brief", input=[{"role": "user", "content": "How many tokens is this?"}],
        tools=[RESPONSES_WEATHER_TOOL], truncation="auto",
    )


@api_call("responses.stream", no_check, stream=True, prism=WIRE_ONLY)
async def responses_stream_helper(client: Any) -> Any:
    # Wire only, as `responses.create[stream]`. Events with snapshots and parsed text, then the final
    # response parsed: the same in both SDKs.
    async with client.responses.stream(model="gpt-4o", input="Say hello as JSON", text_format=Answer) as stream:
        events = [event async for event in stream]
        final = await stream.get_final_response()
    return [*events, final]


@api_call("responses.parse", check_response)
async def responses_parse(client: Any) -> Any:
    # Without text_format: the plain response, as a ParsedResponse whose parts parse to None.
    return await client.responses.parse(model="gpt-4o", input="Tell me a three sentence bedtime story.")


RESPONSES_WEATHER_TOOL = {"type": "function", "name": "get_weather", "strict": True,
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                               "additionalProperties": False}}


@api_call("responses.parse[text_format model, strict tool]", no_check, prism=WIRE_ONLY)
async def responses_parse_model(client: Any) -> Any:
    # Wire only: Prism's text is the string "string", which no schema-bound model parses. The official
    # SDK and openai_core send the same strict schema and parse the same parts and call arguments.
    parsed = await client.responses.parse(model="gpt-4o-2024-08-06", input="Weather in Paris, as JSON",
                                          text_format=Answer, tools=[RESPONSES_WEATHER_TOOL])
    return {"parsed": parsed.output_parsed, "arguments": parsed.output[1].parsed_arguments, "response": parsed}


@api_call("responses.create", check_response)
async def responses_create(client: Any) -> Any:
    return await client.responses.create(
        model="gpt-4o",
        input="Tell me a three sentence bedtime story about a unicorn.",
        instructions="Be kind.",
        temperature=0.7,
        top_p=1,
        max_output_tokens=200,
        metadata={"suite": "wire"},
        store=False,
        truncation="auto",
        parallel_tool_calls=True,
        user="user-1",
    )


@api_call("responses.create[input items, tools, text format, extra_*]", check_response)
async def responses_create_items(client: Any) -> Any:
    return await client.responses.create(
        model="o4-mini",
        input=[
            {"role": "developer", "content": "Answer as JSON."},
            {"type": "message", "role": "user", "content": "The weather in Paris?"},
            {"type": "function_call", "call_id": "call_1", "name": "get_weather",
             "arguments": '{"city": "Paris"}'},
            {"type": "function_call_output", "call_id": "call_1", "output": "sunny"},
        ],
        tools=[{"type": "function", "name": "get_weather", "description": "Weather for a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                               "required": ["city"], "additionalProperties": False},
                "strict": True}],
        tool_choice="auto",
        text={"format": {"type": "json_schema", "name": "answer", "strict": True,
                         "schema": {"type": "object", "properties": {"text": {"type": "string"}},
                                    "required": ["text"], "additionalProperties": False}}},
        reasoning={"effort": "low"},
        include=["reasoning.encrypted_content"],
        previous_response_id="resp_prev",
        extra_headers={"X-Call-Header": "responses"},
        extra_query={"trace": "4"},
        extra_body={"service_tier": "auto"},
        timeout=60,
    )


@api_call("responses.create[content parts]", no_check, prism=WIRE_ONLY)
async def responses_create_parts(client: Any) -> Any:
    # Wire only: the spec's `input` item oneOf matches a message with a content list twice
    # (EasyInputMessage and InputMessage), so Prism refuses every such message, the official SDK's too.
    return await client.responses.create(
        model="gpt-4o",
        input=[{"role": "user", "content": [
            {"type": "input_text", "text": "What is in this image?"},
            {"type": "input_image", "image_url": "https://example.com/cat.png", "detail": "low"},
            {"type": "input_file", "file_id": "file-abc"},
        ]}],
    )


@api_call("responses.create[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def responses_create_stream(client: Any) -> Any:
    # Wire only: Prism takes ~9 s and ~1 GB to refuse an event stream on POST /responses (mock README).
    stream = await client.responses.create(model="gpt-4o", input="Hi", stream=True)
    return await collect(stream)


@api_call("responses.retrieve", check_response)
async def responses_retrieve(client: Any) -> Any:
    return await client.responses.retrieve("resp_abc123", include=["message.output_text.logprobs"])


@api_call("responses.retrieve[stream]", no_check, stream=True)
async def responses_retrieve_stream(client: Any) -> Any:
    stream = await client.responses.retrieve("resp_abc123", stream=True, starting_after=2)
    return await collect(stream)


def check_none(result: Any) -> None:
    assert result is None


@api_call("responses.cancel", check_response)
async def responses_cancel(client: Any) -> Any:
    return await client.responses.cancel("resp_abc123")


@api_call("responses.delete", check_none)
async def responses_delete(client: Any) -> Any:
    return await client.responses.delete("resp_abc123")


def check_input_item_page(result: Any) -> None:
    assert result.has_more is True
    item = result.data[0]
    assert (item.type, item.id, item.role, item.status) == ("message", "string", "user", "in_progress")
    assert item.content[0].type == "input_text"
    assert item.content[0].text == "string"


@api_call("responses.input_items.list", check_input_item_page)
async def responses_input_items(client: Any) -> Any:
    return await client.responses.input_items.list(
        "resp_abc123", limit=2, order="asc", after="msg-0", include=["message.output_text.logprobs"]
    )


@api_call("responses.input_items.list[all pages]", no_check, prism=WIRE_ONLY)
async def responses_input_items_all(client: Any) -> Any:
    return await collect(client.responses.input_items.list("resp_abc123", limit=2))


# -- files -------------------------------------------------------------------------------------------------

# Bytes a multipart encoder must carry untouched: CRLFs, something that looks like a boundary, NUL, 0xFF.
TRAINING_BYTES = b'{"prompt": "a", "completion": "b"}\r\n--boundary-lookalike\r\n\x00\xff\n'


def type_name(result: Any) -> str:
    return type(result).__name__


def check_file(result: Any) -> None:
    assert type_name(result) == "FileObject"
    assert (result.id, result.object, result.bytes, result.filename) == ("string", "file", 0, "string")
    assert (result.purpose, result.status) == ("assistants", "uploaded")


@api_call("files.create", check_file)
async def files_create(client: Any) -> Any:
    return await client.files.create(file=("train.jsonl", TRAINING_BYTES, "application/jsonl"),
                                     purpose="fine-tune")


@api_call("files.create[path, expires_after]", check_file)
async def files_create_path(client: Any) -> Any:
    # A path: both SDKs take the file name from it and read the bytes. expires_after is a nested form
    # field (expires_after[anchor], expires_after[seconds]).
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch input.jsonl"
        path.write_bytes(TRAINING_BYTES)
        return await client.files.create(file=path, purpose="batch",
                                         expires_after={"anchor": "created_at", "seconds": 3600})


@api_call("files.retrieve", check_file)
async def files_retrieve(client: Any) -> Any:
    return await client.files.retrieve("file-abc123")


def check_file_page(result: Any) -> None:
    assert len(result.data) == 1
    check_file(result.data[0])


@api_call("files.list", check_file_page)
async def files_list(client: Any) -> Any:
    return await client.files.list(purpose="fine-tune", limit=2, order="asc", after="file-0")


@api_call("files.list[all pages]", no_check, prism=WIRE_ONLY)
async def files_list_all(client: Any) -> Any:
    return await collect(client.files.list(limit=2))


def check_file_deleted(result: Any) -> None:
    assert type_name(result) == "FileDeleted"
    assert (result.id, result.object, result.deleted) == ("string", "file", True)


@api_call("files.delete", check_file_deleted)
async def files_delete(client: Any) -> Any:
    return await client.files.delete("file-abc123")


def check_text(result: Any) -> None:
    assert isinstance(result, str)


@api_call("files.retrieve_content", check_text)
async def files_retrieve_content(client: Any) -> Any:
    # Deprecated in both SDKs (a DeprecationWarning, filtered where the table runs), still an API call.
    return await client.files.retrieve_content("file-abc123")


@api_call("files.wait_for_processing", check_file, prism=WIRE_ONLY)
async def files_wait_for_processing(client: Any) -> Any:
    # Wire only: Prism's file is always `uploaded` (the status enum's first value), so the wait would
    # only end at its deadline. The recorder's file is processed: one retrieve.
    return await client.files.wait_for_processing("file-abc123", poll_interval=0.01, max_wait_seconds=5)


@api_call("files.content", no_check, prism=UNSERVABLE)
async def files_content(client: Any) -> Any:
    content = await client.files.content("file-abc123")
    return await content.aread()


# -- batches -----------------------------------------------------------------------------------------------


def check_batch(result: Any) -> None:
    assert type_name(result) == "Batch"
    assert (result.id, result.object, result.status, result.endpoint) == ("string", "batch", "validating",
                                                                          "string")
    assert result.request_counts is not None and result.request_counts.total == 0
    assert result.errors is not None and result.errors.data is not None and result.errors.data[0].line == 0


@api_call("batches.create", check_batch)
async def batches_create(client: Any) -> Any:
    return await client.batches.create(input_file_id="file-abc", endpoint="/v1/chat/completions",
                                       completion_window="24h", metadata={"suite": "wire"})


@api_call("batches.retrieve", check_batch)
async def batches_retrieve(client: Any) -> Any:
    return await client.batches.retrieve("batch_abc123")


def check_batch_page(result: Any) -> None:
    assert result.has_more is True
    check_batch(result.data[0])


@api_call("batches.list", check_batch_page)
async def batches_list(client: Any) -> Any:
    return await client.batches.list(limit=2, after="batch-0")


@api_call("batches.list[all pages]", no_check, prism=WIRE_ONLY)
async def batches_list_all(client: Any) -> Any:
    return await collect(client.batches.list(limit=2))


@api_call("batches.cancel", check_batch)
async def batches_cancel(client: Any) -> Any:
    return await client.batches.cancel("batch_abc123")


# -- images ------------------------------------------------------------------------------------------------

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def check_images(result: Any) -> None:
    assert type_name(result) == "ImagesResponse"
    assert result.created == 0
    image = result.data[0]
    assert (image.url, image.b64_json, image.revised_prompt) == ("http://example.com", "string", "string")


@api_call("images.generate", check_images)
async def images_generate(client: Any) -> Any:
    return await client.images.generate(prompt="A cute baby sea otter", model="gpt-image-1", n=1,
                                        size="1024x1024", quality="low", background="transparent",
                                        output_format="png", moderation="low", user="user-1")


@api_call("images.edit", check_images)
async def images_edit(client: Any) -> Any:
    return await client.images.edit(image=("otter.png", PNG_BYTES, "image/png"), prompt="Add a hat",
                                    mask=("mask.png", PNG_BYTES, "image/png"), model="dall-e-2", n=2,
                                    size="512x512", response_format="url")


@api_call("images.edit[several images]", no_check, prism=WIRE_ONLY)
async def images_edit_several(client: Any) -> Any:
    # Wire only: several images go out as repeated `image[]` parts (the official SDK's form), which the
    # API takes but Prism's form validation does not map to the spec's `image` array (422 "must have
    # required property 'image'", for the official SDK too).
    return await client.images.edit(image=[("a.png", PNG_BYTES, "image/png"), ("b.png", PNG_BYTES, "image/png")],
                                    prompt="Combine them", model="gpt-image-1", input_fidelity="high")


@api_call("images.generate[stream]", no_check, stream=True)
async def images_generate_stream(client: Any) -> Any:
    stream = await client.images.generate(prompt="A cute baby sea otter", model="gpt-image-1", stream=True,
                                          partial_images=1, output_format="png")
    return await collect(stream)


@api_call("images.edit[stream]", no_check, stream=True)
async def images_edit_stream(client: Any) -> Any:
    # The form carries `stream=true` and `partial_images`.
    stream = await client.images.edit(image=("otter.png", PNG_BYTES, "image/png"), prompt="Add a hat",
                                      model="gpt-image-1", stream=True, partial_images=1)
    return await collect(stream)


@api_call("images.create_variation", check_images)
async def images_create_variation(client: Any) -> Any:
    return await client.images.create_variation(image=("otter.png", PNG_BYTES, "image/png"), n=1,
                                                size="256x256", response_format="b64_json")


# -- audio -------------------------------------------------------------------------------------------------

MP3_BYTES = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256))


@api_call("audio.speech.create", no_check, prism=UNREADABLE)
async def audio_speech(client: Any) -> Any:
    speech = await client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input="Hello there",
                                              instructions="Cheerful", response_format="mp3", speed=1.25)
    return await speech.aread()


def check_transcription(result: Any) -> None:
    assert type_name(result) == "Transcription"
    assert result.text == "string"


@api_call("audio.transcriptions.create", check_transcription)
async def audio_transcriptions(client: Any) -> Any:
    return await client.audio.transcriptions.create(
        file=("speech.mp3", MP3_BYTES, "audio/mpeg"), model="whisper-1", language="en",
        prompt="A greeting", response_format="json", temperature=0,
    )


@api_call("audio.transcriptions.create[stream]", no_check, stream=True)
async def audio_transcriptions_stream(client: Any) -> Any:
    # The form carries `stream=true`; the events are typed by their `type` in both SDKs.
    stream = await client.audio.transcriptions.create(
        file=("speech.mp3", MP3_BYTES, "audio/mpeg"), model="gpt-4o-mini-transcribe", stream=True,
        include=["logprobs"],
    )
    return await collect(stream)


def check_transcription_verbose(result: Any) -> None:
    # Both SDKs pick the result type from response_format; Prism answers the spec's first (plain) shape.
    assert type_name(result) == "TranscriptionVerbose"
    assert result.text == "string"


@api_call("audio.transcriptions.create[verbose, granularities]", check_transcription_verbose,
          lenient="Prism answers the spec's first response shape (plain JSON: no duration, token usage) "
                  "whatever response_format asks for")
async def audio_transcriptions_verbose(client: Any) -> Any:
    # Array form fields go out as repeated `timestamp_granularities[]` parts, in order.
    return await client.audio.transcriptions.create(
        file=("speech.mp3", MP3_BYTES, "audio/mpeg"), model="whisper-1", response_format="verbose_json",
        timestamp_granularities=["word", "segment"],
    )


def check_translation(result: Any) -> None:
    assert type_name(result) == "Translation"
    assert result.text == "string"


@api_call("audio.translations.create", check_translation)
async def audio_translations(client: Any) -> Any:
    return await client.audio.translations.create(file=("speech.mp3", MP3_BYTES, "audio/mpeg"),
                                                  model="whisper-1", prompt="Hi", temperature=0.2)


# -- with_raw_response / with_streaming_response -----------------------------------------------------------
# One mechanism serves every method in both SDKs, so a handful of calls covers its kinds: JSON, a
# decoded body (embeddings), a page, a multipart upload, an event stream, and binary downloads.


def raw_result(raw: Any) -> dict[str, Any]:
    return {"status": raw.status_code, "request_id": raw.headers.get("x-request-id"), "parsed": raw.parse()}


def check_raw(check: Check) -> Check:
    def check_raw_result(result: Any) -> None:
        assert result["status"] == 200
        check(result["parsed"])

    return check_raw_result


@api_call("models.with_raw_response.retrieve", check_raw(check_model))
async def raw_models_retrieve(client: Any) -> Any:
    return raw_result(await client.models.with_raw_response.retrieve("gpt-4o"))


@api_call("chat.completions.with_raw_response.create", check_raw(check_chat_completion))
async def raw_chat_create(client: Any) -> Any:
    return raw_result(await client.chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], extra_headers={"X-Call-Header": "raw"}
    ))


@api_call("embeddings.with_raw_response.create", check_raw(check_embeddings))
async def raw_embeddings_create(client: Any) -> Any:
    return raw_result(await client.embeddings.with_raw_response.create(model="text-embedding-3-small",
                                                                       input="hi"))


@api_call("fine_tuning.jobs.with_raw_response.list", check_raw(check_job_page))
async def raw_jobs_list(client: Any) -> Any:
    return raw_result(await client.fine_tuning.jobs.with_raw_response.list(limit=2))


@api_call("files.with_raw_response.create", check_raw(check_file))
async def raw_files_create(client: Any) -> Any:
    return raw_result(await client.files.with_raw_response.create(
        file=("train.jsonl", TRAINING_BYTES, "application/jsonl"), purpose="fine-tune"
    ))


@api_call("models.with_streaming_response.list", check_raw(check_model_page))
async def streamed_models_list(client: Any) -> Any:
    async with client.models.with_streaming_response.list() as response:
        return {"status": response.status_code, "request_id": response.headers.get("x-request-id"),
                "parsed": await response.parse()}


@api_call("chat.completions.with_streaming_response.create[stream]", no_check, stream=True)
async def streamed_chat_stream(client: Any) -> Any:
    async with client.chat.completions.with_streaming_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], stream=True
    ) as response:
        stream = await response.parse()
        return await collect(stream)


@api_call("files.with_streaming_response.content", no_check, prism=UNSERVABLE)
async def streamed_files_content(client: Any) -> Any:
    async with client.files.with_streaming_response.content("file-abc123") as response:
        return b"".join([chunk async for chunk in response.iter_bytes()])


@api_call("audio.speech.with_streaming_response.create", no_check, prism=UNREADABLE)
async def streamed_speech(client: Any) -> Any:
    async with client.audio.speech.with_streaming_response.create(
        model="tts-1", voice="alloy", input="Hello", response_format="wav"
    ) as response:
        return b"".join([chunk async for chunk in response.iter_bytes(7)])


# -- realtime (REST; the WebSocket session is proven by tests/test_realtime_wire.py) --------------------------

SDP_OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"


def check_client_secret(result: Any) -> None:
    assert type_name(result) == "ClientSecretCreateResponse"
    assert (result.value, result.expires_at) == ("string", 0)
    assert type_name(result.session) == "RealtimeSessionCreateResponse"
    assert result.session.audio.input.format.rate == 24000


@api_call("realtime.client_secrets.create", check_client_secret)
async def realtime_client_secrets_create(client: Any) -> Any:
    return await client.realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 600},
        session={"type": "realtime", "model": "gpt-realtime", "output_modalities": ["text"],
                 "audio": {"output": {"voice": "marin"}}},
    )


def check_translation_secret(result: Any) -> None:
    assert type_name(result) == "RealtimeTranslationClientSecretCreateResponse"
    assert isinstance(result.value, str) and isinstance(result.expires_at, int)
    assert type_name(result.session) == "RealtimeTranslationSession" and result.session.type == "translation"


@api_call("realtime.translations.client_secrets.create", check_translation_secret)
async def realtime_translations_client_secrets_create(client: Any) -> Any:
    return await client.realtime.translations.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 600},
        session={"model": "gpt-realtime-translate", "audio": {"output": {"language": "fr"},
                                                             "input": {"noise_reduction": {"type": "near_field"}}}},
    )


@api_call("realtime.calls.create", no_check, prism=WIRE_ONLY)
async def realtime_calls_create(client: Any) -> Any:
    # Wire only: the answer is application/sdp. The offer alone goes as the raw body.
    return (await client.realtime.calls.create(sdp=SDP_OFFER)).content


@api_call("realtime.calls.create[with session]", no_check, prism=WIRE_ONLY)
async def realtime_calls_create_with_session(client: Any) -> Any:
    # With a session, a multipart form: the offer (application/sdp) and the session (application/json).
    return (await client.realtime.calls.create(sdp=SDP_OFFER, session={"type": "realtime", "instructions": "Hé"})).content


def check_none(result: Any) -> None:
    assert result is None


@api_call("realtime.calls.accept", check_none)
async def realtime_calls_accept(client: Any) -> Any:
    return await client.realtime.calls.accept("rtc_abc123", type="realtime", model="gpt-realtime",
                                              instructions="Be brief.", output_modalities=["audio"])


@api_call("realtime.calls.hangup", check_none)
async def realtime_calls_hangup(client: Any) -> Any:
    return await client.realtime.calls.hangup("rtc_abc123")


@api_call("realtime.calls.refer", check_none)
async def realtime_calls_refer(client: Any) -> Any:
    return await client.realtime.calls.refer("rtc_abc123", target_uri="tel:+14155550123")


@api_call("realtime.calls.reject", check_none)
async def realtime_calls_reject(client: Any) -> Any:
    return await client.realtime.calls.reject("rtc_abc123", status_code=486)
# The generated surface's entries (vector stores, containers, skills; evals, videos, ...) join CALLS here.
from . import _calls_admin, _calls_agents, _calls_beta, _calls_evals, _calls_misc, _calls_stores  # noqa: E402

_ = (_calls_admin, _calls_agents, _calls_beta, _calls_evals, _calls_misc, _calls_stores)


def has_method(client: Any, path: str) -> bool:
    target = client
    try:
        for name in path.split("."):
            target = getattr(target, name)
    except AttributeError:
        return False
    return callable(target)


_PROBE = probe_client()
ACTIVE = [call for call in CALLS if has_method(_PROBE, call.method)]
