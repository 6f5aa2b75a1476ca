"""Response models and request TypedDicts (openai_core.types) and the tolerant parser (openai_core._models)."""

from __future__ import annotations

import copy
import importlib
import json
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import openai.types as official_types
import openai.types.audio as official_audio
import openai.types.chat as official_chat
import openai.types.conversations as official_conversations
import openai.types.fine_tuning as official_fine_tuning
import pydantic
import pytest

import openai_core.types as types
import openai_core.types.audio as audio
import openai_core.types.chat as chat
import openai_core.types.conversations as conversations
import openai_core.types.fine_tuning as fine_tuning
from openai_core import _models
from openai_core._interop import own_class
from openai_core._models import BaseModel, construct_lenient, parse_json, parse_obj
from openai_core.types import CreateEmbeddingResponse, Model, ModelDeleted
from openai_core.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessage,
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageFunctionToolCall,
    ChatCompletionMessageToolCall,
)
from openai_core.types.chat.chat_completion import Choice
from openai_core.types.chat.chat_completion_chunk import ChoiceDelta, ChoiceDeltaToolCall
from openai_core.types.completion_usage import CompletionUsage
from openai_core.types.fine_tuning import FineTuningJob, FineTuningJobEvent
from openai_core.types.fine_tuning.jobs import FineTuningJobCheckpoint
from openai_core.types.graders import StringCheckGrader
from openai_core.types.shared import ResponseFormatJSONSchema

# --------------------------------------------------------------------------------------------------
# Sample bodies

COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
    "object": "chat.completion",
    "created": 1741569952,
    "model": "gpt-4.1-2025-04-14",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Hello! How can I assist you today?",
                "refusal": None,
                "annotations": [],
            },
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 19,
        "completion_tokens": 10,
        "total_tokens": 29,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    },
    "service_tier": "default",
    "system_fingerprint": "fp_50cad350e4",
}

TOOL_CALL_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-abc123",
    "object": "chat.completion",
    "created": 1699896916,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_abc123",
                        "type": "function",
                        "function": {
                            "name": "get_current_weather",
                            "arguments": '{\n"location": "Boston, MA"\n}',
                        },
                    },
                    {"id": "call_def456", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}},
                ],
            },
            "logprobs": None,
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99},
}

LOGPROBS_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion",
    "created": 1702685778,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Hello!",
                "annotations": [
                    {
                        "type": "url_citation",
                        "url_citation": {
                            "end_index": 5,
                            "start_index": 0,
                            "title": "Hi",
                            "url": "https://x.test",
                        },
                    }
                ],
            },
            "logprobs": {
                "content": [
                    {
                        "token": "Hello",
                        "logprob": -0.31725305,
                        "bytes": [72, 101, 108, 108, 111],
                        "top_logprobs": [
                            {"token": "Hello", "logprob": -0.31725305, "bytes": [72, 101, 108, 108, 111]},
                            {"token": "Hi", "logprob": -1.3190403, "bytes": [72, 105]},
                        ],
                    },
                    {"token": "!", "logprob": -0.02380986, "bytes": [33], "top_logprobs": []},
                ],
                "refusal": None,
            },
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11},
    "metadata": {"team": "x"},
}

AUDIO_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-audio",
    "object": "chat.completion",
    "created": 1730000000,
    "model": "gpt-4o-audio-preview",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "audio": {
                    "id": "audio_abc",
                    "data": "UklGRg==",
                    "expires_at": 1730003600,
                    "transcript": "Hi",
                },
            },
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 17, "completion_tokens": 42, "total_tokens": 59},
}

ROLE_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "system_fingerprint": "fp_44709d6fcb",
    "choices": [
        {"index": 0, "delta": {"role": "assistant", "content": None}, "logprobs": None, "finish_reason": None}
    ],
    "obfuscation": "x9",
}
CONTENT_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "system_fingerprint": "fp_44709d6fcb",
    "choices": [{"index": 0, "delta": {"content": "Hello"}, "logprobs": None, "finish_reason": None}],
}
TOOL_CALL_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "delta": {
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_abc",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": ""},
                    }
                ]
            },
            "finish_reason": None,
        }
    ],
}
TOOL_ARGS_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '{"loc'}}]},
            "finish_reason": None,
        }
    ],
}
FINISH_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "system_fingerprint": "fp_44709d6fcb",
    "choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}],
}
USAGE_CHUNK: dict[str, Any] = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "system_fingerprint": "fp_44709d6fcb",
    "choices": [],
    "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21},
}
CHUNKS = [ROLE_CHUNK, CONTENT_CHUNK, TOOL_CALL_CHUNK, TOOL_ARGS_CHUNK, FINISH_CHUNK, USAGE_CHUNK]

# What OpenAI-compatible servers send: vLLM-style extras, missing required fields, other enum values.
VLLM_COMPLETION: dict[str, Any] = {
    "id": "cmpl-7f1d",
    "model": "meta-llama/Llama-3.1-8B-Instruct",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Hi there",
                "reasoning_content": "thinking...",
                "tool_calls": [],
            },
            "logprobs": None,
            "finish_reason": "eos",
            "stop_reason": 128009,
        }
    ],
    "usage": {"prompt_tokens": 12, "total_tokens": 15, "completion_tokens": 3, "prompt_tokens_details": None},
    "prompt_logprobs": None,
}

JOB: dict[str, Any] = {
    "object": "fine_tuning.job",
    "id": "ftjob-abc123",
    "model": "gpt-4o-mini-2024-07-18",
    "created_at": 1721764800,
    "finished_at": 1721765800,
    "fine_tuned_model": "ft:gpt-4o-mini:my-org:custom_suffix:9ABel2dg",
    "organization_id": "org-123",
    "result_files": ["file-abc123"],
    "status": "succeeded",
    "validation_file": None,
    "training_file": "file-abc123",
    "hyperparameters": {"n_epochs": 4, "batch_size": 1, "learning_rate_multiplier": 1.8},
    "trained_tokens": 5768,
    "error": None,
    "integrations": [
        {
            "type": "wandb",
            "wandb": {
                "project": "my-wandb-project",
                "entity": None,
                "name": "ft-run",
                "tags": ["openai/finetune"],
            },
        }
    ],
    "seed": 42,
    "estimated_finish": None,
    "method": {
        "type": "supervised",
        "supervised": {"hyperparameters": {"n_epochs": 4, "batch_size": 1, "learning_rate_multiplier": 1.8}},
    },
    "metadata": {"team": "ml"},
    "user_provided_suffix": "custom_suffix",
}

DPO_JOB: dict[str, Any] = {
    "object": "fine_tuning.job",
    "id": "ftjob-dpo",
    "model": "gpt-4o-2024-08-06",
    "created_at": 1721764800,
    "fine_tuned_model": None,
    "finished_at": None,
    "organization_id": "org-123",
    "result_files": [],
    "status": "failed",
    "validation_file": "file-val",
    "training_file": "file-train",
    "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"},
    "trained_tokens": None,
    "error": {
        "code": "invalid_training_file",
        "message": "Line 3 is not valid JSON.",
        "param": "training_file",
    },
    "seed": 7,
    "method": {
        "type": "dpo",
        "dpo": {
            "hyperparameters": {
                "beta": 0.1,
                "n_epochs": "auto",
                "batch_size": 8,
                "learning_rate_multiplier": 2,
            }
        },
    },
}

RFT_JOB: dict[str, Any] = {
    "object": "fine_tuning.job",
    "id": "ftjob-rft",
    "model": "o4-mini",
    "created_at": 1721764800,
    "organization_id": "org-123",
    "result_files": [],
    "status": "running",
    "training_file": "file-train",
    "hyperparameters": {},
    "seed": 1,
    "method": {
        "type": "reinforcement",
        "reinforcement": {
            "grader": {
                "type": "string_check",
                "name": "exact",
                "input": "{{sample.output_text}}",
                "reference": "{{item.answer}}",
                "operation": "eq",
            },
            "hyperparameters": {
                "reasoning_effort": "medium",
                "eval_interval": "auto",
                "compute_multiplier": 1.5,
            },
        },
    },
}


def dumps(obj: object) -> bytes:
    return json.dumps(obj).encode()


def loose(model: object) -> Any:
    """The model, typed loosely: for reading extra fields and off-spec values in assertions."""
    return model


# --------------------------------------------------------------------------------------------------
# (a) typed values


def test_chat_completion_parses_to_typed_values() -> None:
    completion = parse_json(ChatCompletion, dumps(COMPLETION))
    assert isinstance(completion, ChatCompletion)
    assert completion.id == "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT"
    assert completion.object == "chat.completion"
    assert completion.created == 1741569952
    choice = completion.choices[0]
    assert isinstance(choice, Choice)
    assert choice.finish_reason == "stop"
    assert choice.logprobs is None
    assert isinstance(choice.message, ChatCompletionMessage)
    assert choice.message.role == "assistant"
    assert choice.message.content == "Hello! How can I assist you today?"
    assert choice.message.annotations == []
    assert choice.message.tool_calls is None
    assert isinstance(completion.usage, CompletionUsage)
    assert completion.usage.total_tokens == 29
    assert completion.usage.prompt_tokens_details is not None
    assert completion.usage.prompt_tokens_details.cached_tokens == 0
    assert completion.usage.completion_tokens_details is not None
    assert completion.usage.completion_tokens_details.reasoning_tokens == 0
    assert completion.service_tier == "default"
    assert completion.system_fingerprint == "fp_50cad350e4"


def test_tool_calls_are_discriminated_by_type() -> None:
    completion = parse_json(ChatCompletion, json.dumps(TOOL_CALL_COMPLETION))
    message = completion.choices[0].message
    assert message.content is None
    assert message.tool_calls is not None
    function_call, custom_call = message.tool_calls
    assert isinstance(function_call, ChatCompletionMessageFunctionToolCall)
    assert ChatCompletionMessageToolCall is ChatCompletionMessageFunctionToolCall
    assert function_call.function.name == "get_current_weather"
    assert json.loads(function_call.function.arguments) == {"location": "Boston, MA"}
    assert isinstance(custom_call, ChatCompletionMessageCustomToolCall)
    assert custom_call.custom.input == "SELECT 1"


def test_logprobs_annotations_audio() -> None:
    completion = parse_json(ChatCompletion, dumps(LOGPROBS_COMPLETION))
    logprobs = completion.choices[0].logprobs
    assert logprobs is not None and logprobs.content is not None
    assert logprobs.content[0].bytes == [72, 101, 108, 108, 111]
    assert logprobs.content[0].top_logprobs[1].token == "Hi"
    assert logprobs.content[1].top_logprobs == []
    annotations = completion.choices[0].message.annotations
    assert annotations is not None
    assert annotations[0].url_citation.url == "https://x.test"
    assert completion.metadata == {"team": "x"}

    audio = parse_json(ChatCompletion, dumps(AUDIO_COMPLETION)).choices[0].message.audio
    assert audio is not None
    assert (audio.id, audio.transcript, audio.expires_at) == ("audio_abc", "Hi", 1730003600)


def test_chunks_parse_to_typed_values() -> None:
    role, content, tool, tool_args, finish, usage = (
        parse_json(ChatCompletionChunk, dumps(c)) for c in CHUNKS
    )

    assert role.object == "chat.completion.chunk"
    assert isinstance(role.choices[0].delta, ChoiceDelta)
    assert role.choices[0].delta.role == "assistant"
    assert role.choices[0].delta.content is None
    assert "content" in role.choices[0].delta.model_fields_set  # sent as null, not absent
    assert role.choices[0].finish_reason is None
    assert role.obfuscation == "x9"

    assert content.choices[0].delta.content == "Hello"
    assert content.choices[0].delta.role is None

    tool_calls = tool.choices[0].delta.tool_calls
    assert tool_calls is not None
    assert isinstance(tool_calls[0], ChoiceDeltaToolCall)
    assert (tool_calls[0].index, tool_calls[0].id, tool_calls[0].type) == (0, "call_abc", "function")
    assert tool_calls[0].function is not None and tool_calls[0].function.name == "get_weather"
    args_calls = tool_args.choices[0].delta.tool_calls
    assert args_calls is not None and args_calls[0].function is not None
    assert args_calls[0].id is None and args_calls[0].function.arguments == '{"loc'

    assert finish.choices[0].finish_reason == "stop"
    assert finish.choices[0].delta.content is None
    assert finish.usage is None

    assert usage.choices == []
    assert usage.usage is not None and usage.usage.total_tokens == 21


def test_chunks_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Conforming bodies are validated in one pass: the lenient builder is never reached."""

    def boom(*_args: object) -> None:
        raise AssertionError("lenient path used for a conforming body")

    monkeypatch.setattr(_models, "_construct_model", boom)
    for body in CHUNKS:
        parse_json(ChatCompletionChunk, dumps(body))
    for body in (COMPLETION, TOOL_CALL_COMPLETION, LOGPROBS_COMPLETION, AUDIO_COMPLETION):
        parse_json(ChatCompletion, dumps(body))
    for job in (JOB, DPO_JOB, RFT_JOB):
        parse_json(FineTuningJob, dumps(job))


# --------------------------------------------------------------------------------------------------
# (b) unknown fields


def test_unknown_fields_are_kept_and_dumped() -> None:
    body = copy.deepcopy(COMPLETION)
    body["new_top_level"] = {"nested": [1, 2]}
    body["choices"][0]["message"]["reasoning_content"] = "because"
    body["choices"][0]["stop_reason"] = None
    body["usage"]["prompt_tokens_details"]["future_tokens"] = 3

    completion = parse_json(ChatCompletion, dumps(body))
    assert loose(completion).new_top_level == {"nested": [1, 2]}
    assert loose(completion.choices[0].message).reasoning_content == "because"
    assert completion.model_extra == {"new_top_level": {"nested": [1, 2]}}

    dumped = completion.to_dict()
    assert dumped == body
    assert dumped["choices"][0]["message"]["reasoning_content"] == "because"  # type: ignore[index]
    assert "stop_reason" in dumped["choices"][0]  # type: ignore[index]


def test_only_models_with_api_names_apart_from_python_ones_populate_by_name() -> None:
    from openai_core.types.chat import ChatCompletionChunk
    from openai_core.types.moderation import Categories

    # A model whose fields have API names ("self-harm") is built from either name, and dumps API names.
    by_alias = Categories.model_validate({**{f.alias or n: False for n, f in Categories.model_fields.items()},
                                          "self-harm": True})
    by_name = Categories.model_validate({**{n: False for n in Categories.model_fields}, "self_harm": True})
    assert by_alias.self_harm is True and by_name.self_harm is True
    assert by_name.to_dict()["self-harm"] is True and "self_harm" not in by_name.to_dict()
    # Elsewhere name and API name are one: the schema does not look keys up twice.
    ChatCompletionChunk.model_rebuild()
    config = ChatCompletionChunk.__pydantic_core_schema__["schema"]["config"]  # type: ignore[typeddict-item]
    assert config["validate_by_name"] is False and config["extra_fields_behavior"] == "allow"
    assert Categories.model_config["populate_by_name"] is True


def test_to_dict_options() -> None:
    completion = parse_json(
        ChatCompletion, dumps(CONTENT_CHUNK | {"object": "chat.completion", "choices": []})
    )
    assert "usage" not in completion.to_dict()  # unset by the server: left out by default
    full = completion.to_dict(exclude_unset=False)
    assert full["usage"] is None and full["metadata"] is None
    assert "usage" not in completion.to_dict(exclude_unset=False, exclude_none=True)
    assert completion.to_dict(mode="json") == completion.to_dict()

    fmt = ResponseFormatJSONSchema.model_validate(
        {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}, "strict": True}}
    )
    assert fmt.json_schema.schema_ == {"type": "object"}
    assert fmt.to_dict()["json_schema"] == {"name": "x", "schema": {"type": "object"}, "strict": True}
    assert "schema_" in fmt.to_dict(use_api_names=False)["json_schema"]  # type: ignore[operator]


# --------------------------------------------------------------------------------------------------
# (c) lenient fallback


def test_missing_required_fields_and_unknown_finish_reason() -> None:
    body = copy.deepcopy(COMPLETION)
    del body["created"]
    del body["object"]
    body["choices"][0]["finish_reason"] = "eos"

    completion = parse_json(ChatCompletion, dumps(body))
    assert isinstance(completion, ChatCompletion)
    assert completion.id == body["id"]
    assert loose(completion.choices[0]).finish_reason == "eos"
    assert isinstance(completion.choices[0], Choice)
    assert isinstance(completion.choices[0].message, ChatCompletionMessage)
    assert completion.choices[0].message.content == "Hello! How can I assist you today?"
    assert isinstance(completion.usage, CompletionUsage)
    assert completion.usage.prompt_tokens_details is not None
    assert completion.usage.prompt_tokens_details.cached_tokens == 0
    with pytest.raises(AttributeError):
        _ = completion.created
    assert "created" not in completion.to_dict()
    assert completion.to_dict() == body


def test_vllm_style_body() -> None:
    completion = parse_json(ChatCompletion, dumps(VLLM_COMPLETION))
    choice = completion.choices[0]
    assert isinstance(choice, Choice)
    assert loose(choice).finish_reason == "eos"
    assert loose(choice).stop_reason == 128009
    assert isinstance(choice.message, ChatCompletionMessage)
    assert loose(choice.message).reasoning_content == "thinking..."
    assert choice.message.tool_calls == []
    assert isinstance(completion.usage, CompletionUsage) and completion.usage.prompt_tokens_details is None
    assert completion.to_dict() == VLLM_COMPLETION


def test_mismatched_values_are_kept_and_siblings_stay_typed() -> None:
    body = copy.deepcopy(TOOL_CALL_COMPLETION)
    body["created"] = "yesterday"
    body["choices"][0]["index"] = None
    body["choices"][0]["message"]["role"] = "model"
    # A tool call without "type" (some servers leave it out) and one of a kind this SDK does not know.
    del body["choices"][0]["message"]["tool_calls"][0]["type"]
    body["choices"][0]["message"]["tool_calls"][1] = {"id": "call_x", "type": "mcp", "server": "s"}
    body["usage"]["total_tokens"] = "99 tokens"

    completion = parse_json(ChatCompletion, dumps(body))
    assert loose(completion).created == "yesterday"
    message = completion.choices[0].message
    assert isinstance(message, ChatCompletionMessage)
    assert loose(message).role == "model"
    assert message.tool_calls is not None
    first, second = message.tool_calls
    assert isinstance(first, ChatCompletionMessageFunctionToolCall)
    assert first.function.name == "get_current_weather"
    assert loose(second).type == "mcp" and loose(second).server == "s"
    assert isinstance(completion.usage, CompletionUsage)
    assert completion.usage.prompt_tokens == 82
    assert loose(completion.usage).total_tokens == "99 tokens"
    assert completion.to_dict(warnings=False) == body


def test_lenient_chunks() -> None:
    body = copy.deepcopy(TOOL_CALL_CHUNK)
    del body["created"]
    body["object"] = "chat.completion.chunk.v2"
    body["choices"][0]["delta"]["role"] = "model"
    body["choices"][0]["finish_reason"] = "abort"
    chunk = parse_json(ChatCompletionChunk, dumps(body))
    choice = chunk.choices[0]
    assert loose(choice).finish_reason == "abort"
    assert isinstance(choice.delta, ChoiceDelta) and loose(choice.delta).role == "model"
    assert choice.delta.tool_calls is not None and isinstance(choice.delta.tool_calls[0], ChoiceDeltaToolCall)
    assert choice.delta.tool_calls[0].function is not None
    assert choice.delta.tool_calls[0].function.name == "get_weather"
    assert chunk.to_dict() == body


def test_parse_obj_and_construct_lenient() -> None:
    assert parse_obj(ChatCompletion, COMPLETION).to_dict() == COMPLETION
    lenient = parse_obj(ChatCompletion, VLLM_COMPLETION)
    assert isinstance(lenient.choices[0].message, ChatCompletionMessage)
    direct = construct_lenient(ChatCompletion, VLLM_COMPLETION)
    assert direct.to_dict() == lenient.to_dict() == VLLM_COMPLETION
    # Validating a value that is already a model instance keeps it.
    completion = parse_json(ChatCompletion, dumps(COMPLETION))
    assert parse_obj(ChatCompletion, completion) is completion
    with pytest.raises(pydantic.ValidationError):
        parse_obj(ChatCompletion, ["not", "an", "object"])


# --------------------------------------------------------------------------------------------------
# (d) broken JSON


@pytest.mark.parametrize(
    "body",
    [b"", b"{", b'{"id": "x", "choices": [', b"<html>502 Bad Gateway</html>", b"\xff\xfe", "{'id': 1}"],
)
def test_broken_json_raises(body: bytes | str) -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        parse_json(ChatCompletion, body)
    assert isinstance(info.value, ValueError)
    assert info.value.errors()[0]["type"] == "json_invalid"


@pytest.mark.parametrize("body", [b"[]", b'"text"', b"null", b"42"])
def test_non_object_json_raises(body: bytes) -> None:
    with pytest.raises(pydantic.ValidationError):
        parse_json(ChatCompletion, body)


# --------------------------------------------------------------------------------------------------
# (e) to_json round trip


@pytest.mark.parametrize(
    ("model_type", "body"),
    [
        (ChatCompletion, COMPLETION),
        (ChatCompletion, TOOL_CALL_COMPLETION),
        (ChatCompletion, LOGPROBS_COMPLETION),
        (ChatCompletion, VLLM_COMPLETION),
        *[(ChatCompletionChunk, chunk) for chunk in CHUNKS],
        (FineTuningJob, JOB),
        (FineTuningJob, RFT_JOB),
    ],
)
def test_to_json_round_trips(model_type: type[BaseModel], body: dict[str, Any]) -> None:
    parsed = parse_json(model_type, dumps(body))
    text = parsed.to_json()
    assert "\n  " in text  # indented by default
    assert json.loads(text) == body
    assert json.loads(parsed.to_json(indent=None)) == body
    again = parse_json(model_type, text)
    assert own_class(type(again)) is model_type
    assert again.to_dict() == parsed.to_dict() == body


# --------------------------------------------------------------------------------------------------
# (f) other resources


def test_fine_tuning_job() -> None:
    job = parse_json(FineTuningJob, dumps(JOB))
    assert job.status == "succeeded"
    assert job.hyperparameters.n_epochs == 4
    assert job.hyperparameters.learning_rate_multiplier == 1.8
    assert job.integrations is not None
    assert job.integrations[0].type == "wandb"
    assert job.integrations[0].wandb.project == "my-wandb-project"
    assert job.integrations[0].wandb.tags == ["openai/finetune"]
    assert job.method is not None and job.method.type == "supervised"
    assert job.method.supervised is not None and job.method.supervised.hyperparameters is not None
    assert job.method.supervised.hyperparameters.batch_size == 1
    assert job.metadata == {"team": "ml"}
    assert loose(job).user_provided_suffix == "custom_suffix"
    assert job.to_dict() == JOB

    dpo = parse_json(FineTuningJob, dumps(DPO_JOB))
    assert dpo.error is not None and dpo.error.code == "invalid_training_file"
    assert dpo.error.param == "training_file"
    assert dpo.hyperparameters.n_epochs == "auto"
    assert dpo.method is not None and dpo.method.dpo is not None
    assert dpo.method.dpo.hyperparameters is not None
    assert dpo.method.dpo.hyperparameters.beta == 0.1
    assert dpo.method.dpo.hyperparameters.n_epochs == "auto"

    rft = parse_json(FineTuningJob, dumps(RFT_JOB))
    assert rft.method is not None and rft.method.reinforcement is not None
    grader = rft.method.reinforcement.grader
    assert isinstance(grader, StringCheckGrader)  # a typed grader, as in the official SDK
    assert (grader.name, grader.operation, grader.reference) == ("exact", "eq", "{{item.answer}}")
    assert rft.method.reinforcement.hyperparameters is not None
    assert rft.method.reinforcement.hyperparameters.reasoning_effort == "medium"
    assert rft.hyperparameters.n_epochs is None


def test_fine_tuning_event_and_checkpoint() -> None:
    event = parse_json(
        FineTuningJobEvent,
        dumps(
            {
                "object": "fine_tuning.job.event",
                "id": "ft-event-TjX0lMfOniCZX64t9PUQT5hn",
                "created_at": 1689813489,
                "level": "info",
                "message": "Step 100/300: training loss=0.41",
                "data": {"step": 100, "train_loss": 0.41},
                "type": "metrics",
            }
        ),
    )
    assert event.level == "info" and event.type == "metrics"
    assert event.data == {"step": 100, "train_loss": 0.41}

    checkpoint = parse_json(
        FineTuningJobCheckpoint,
        dumps(
            {
                "object": "fine_tuning.job.checkpoint",
                "id": "ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB",
                "created_at": 1721764867,
                "fine_tuned_model_checkpoint": "ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000",
                "metrics": {
                    "full_valid_loss": 0.134,
                    "full_valid_mean_token_accuracy": 0.874,
                    "step": 2000,
                    "train_loss": 0.21,
                },
                "fine_tuning_job_id": "ftjob-abc123",
                "step_number": 2000,
            }
        ),
    )
    assert checkpoint.step_number == 2000
    assert checkpoint.metrics.full_valid_loss == 0.134
    assert checkpoint.metrics.valid_loss is None


def test_model_and_embeddings() -> None:
    model = parse_json(
        Model, dumps({"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"})
    )
    assert (model.id, model.created, model.owned_by, model.shutdown_date) == (
        "gpt-4o-mini",
        1721172741,
        "system",
        None,
    )
    # Ollama / vLLM list entries: extra fields, sometimes no "created".
    ollama = parse_json(
        Model,
        dumps({"id": "llama3.2:latest", "object": "model", "owned_by": "library", "max_model_len": 8192}),
    )
    assert ollama.id == "llama3.2:latest" and loose(ollama).max_model_len == 8192

    deleted = parse_json(
        ModelDeleted,
        dumps({"id": "ft:gpt-4o-mini:acemeco:suffix:abc123", "object": "model", "deleted": True}),
    )
    assert deleted.deleted is True

    body = {
        "object": "list",
        "data": [
            {"object": "embedding", "embedding": [0.0023064255, -0.009327292, 0.015797347], "index": 0},
            {"object": "embedding", "embedding": [-0.0028842222, 0.0, 1], "index": 1},
        ],
        "model": "text-embedding-3-small",
        "usage": {"prompt_tokens": 8, "total_tokens": 8},
    }
    response = parse_json(CreateEmbeddingResponse, dumps(body))
    assert len(response.data) == 2
    assert response.data[1].embedding == [-0.0028842222, 0.0, 1.0]
    assert all(isinstance(x, float) for x in response.data[1].embedding)
    assert response.usage.prompt_tokens == 8
    assert response.to_dict() == body

    # encoding_format="base64": the vector arrives as a string; it is kept for the caller to decode.
    b64: dict[str, Any] = copy.deepcopy(body)
    b64["data"][0]["embedding"] = "AACAPw=="
    response = parse_json(CreateEmbeddingResponse, dumps(b64))
    assert response.data[0].embedding == "AACAPw=="  # type: ignore[comparison-overlap]
    assert response.data[1].embedding == [-0.0028842222, 0.0, 1.0]


# --------------------------------------------------------------------------------------------------
# Same result as the official SDK


@pytest.mark.parametrize(
    "body", [COMPLETION, TOOL_CALL_COMPLETION, LOGPROBS_COMPLETION, AUDIO_COMPLETION], ids=lambda b: b["id"]
)
def test_to_dict_matches_official_sdk(body: dict[str, Any]) -> None:
    theirs = official_chat.ChatCompletion.model_validate(body)
    ours = parse_json(ChatCompletion, dumps(body))
    assert ours.to_dict() == theirs.to_dict()
    assert ours.to_dict(exclude_unset=False) == theirs.to_dict(exclude_unset=False)
    assert json.loads(ours.to_json()) == json.loads(theirs.to_json())


@pytest.mark.parametrize("body", CHUNKS)
def test_chunk_to_dict_matches_official_sdk(body: dict[str, Any]) -> None:
    theirs = official_chat.ChatCompletionChunk.model_validate(body)
    ours = parse_json(ChatCompletionChunk, dumps(body))
    assert ours.to_dict() == theirs.to_dict()
    assert ours.to_dict(exclude_unset=False) == theirs.to_dict(exclude_unset=False)


def test_lenient_matches_official_sdk_construct() -> None:
    """Where validation fails, the official SDK constructs without validating; so do we, with the same
    resulting dict."""
    for body in (VLLM_COMPLETION, {k: v for k, v in COMPLETION.items() if k not in ("created", "object")}):
        theirs = official_chat.ChatCompletion.construct(**copy.deepcopy(body))
        ours = parse_json(ChatCompletion, dumps(body))
        assert ours.to_dict() == theirs.to_dict() == body


@pytest.mark.parametrize(
    ("ours", "theirs", "body"),
    [
        (FineTuningJob, official_fine_tuning.FineTuningJob, JOB),
        (FineTuningJob, official_fine_tuning.FineTuningJob, DPO_JOB),
        (FineTuningJob, official_fine_tuning.FineTuningJob, RFT_JOB),
        (Model, official_types.Model, {"id": "m", "object": "model", "created": 1, "owned_by": "me"}),
    ],
)
def test_other_models_match_official_sdk(
    ours: type[BaseModel], theirs: type[Any], body: dict[str, Any]
) -> None:
    assert parse_json(ours, dumps(body)).to_dict() == theirs.model_validate(body).to_dict()


# --------------------------------------------------------------------------------------------------
# Import paths and request TypedDicts


def _public_names(module: Any) -> set[str]:
    # dir(), not vars(): openai_core.types loads its names on first use, and its __dir__ lists them all.
    return {name for name in dir(module) if not name.startswith("_") and name[0].isupper()} - {"TYPE_CHECKING"}


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (types, official_types),
        (chat, official_chat),
        (fine_tuning, official_fine_tuning),
        (audio, official_audio),
        (conversations, official_conversations),
    ],
)
def test_names_exist_in_official_sdk(ours: Any, theirs: Any) -> None:
    """Every name we export is importable from the same place in the official SDK."""
    missing = _public_names(ours) - _public_names(theirs)
    assert not missing


def test_required_names_importable() -> None:
    from openai_core.types.chat import (  # noqa: F401
        ChatCompletionAssistantMessageParam,
        ChatCompletionAudio,
        ChatCompletionAudioParam,
        ChatCompletionContentPartImageParam,
        ChatCompletionContentPartInputAudioParam,
        ChatCompletionContentPartParam,
        ChatCompletionContentPartRefusalParam,
        ChatCompletionContentPartTextParam,
        ChatCompletionDeleted,
        ChatCompletionDeveloperMessageParam,
        ChatCompletionFunctionMessageParam,
        ChatCompletionFunctionToolParam,
        ChatCompletionMessageParam,
        ChatCompletionNamedToolChoiceParam,
        ChatCompletionPredictionContentParam,
        ChatCompletionReasoningEffort,
        ChatCompletionStreamOptionsParam,
        ChatCompletionSystemMessageParam,
        ChatCompletionTokenLogprob,
        ChatCompletionToolChoiceOptionParam,
        ChatCompletionToolMessageParam,
        ChatCompletionToolParam,
        ChatCompletionUserMessageParam,
    )
    from openai_core.types.chat.chat_completion_chunk import (  # noqa: F401
        ChoiceDeltaFunctionCall,
        ChoiceDeltaToolCallFunction,
        ChoiceLogprobs,
    )
    from openai_core.types.chat.chat_completion_token_logprob import TopLogprob  # noqa: F401
    from openai_core.types.completion_usage import CompletionTokensDetails, PromptTokensDetails  # noqa: F401
    from openai_core.types.create_embedding_response import Usage  # noqa: F401
    from openai_core.types.fine_tuning.fine_tuning_job import Error, Hyperparameters, Method  # noqa: F401
    from openai_core.types.fine_tuning.jobs.fine_tuning_job_checkpoint import Metrics  # noqa: F401
    from openai_core.types.shared import (  # noqa: F401
        FunctionDefinition,
        ResponseFormatJSONObject,
        ResponseFormatText,
    )
    from openai_core.types.shared_params import FunctionDefinition as FunctionDefinitionParam  # noqa: F401
    from openai_core.types.shared_params import Metadata  # noqa: F401


def _typeddicts() -> list[type]:
    import importlib
    import pkgutil

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(types.__path__, "openai_core.types."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if typing.is_typeddict(value):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


def test_typeddict_hints_resolve_at_runtime() -> None:
    """Request-parameter checks read the TypedDicts with get_type_hints: every annotation must resolve."""
    tds = _typeddicts()
    assert len(tds) > 40
    for td in tds:
        hints = typing.get_type_hints(td, include_extras=True)
        # Required[...] must be honoured (string annotations would hide it from TypedDict on 3.11).
        marked = {key for key, hint in hints.items() if typing.get_origin(hint) is typing.Required}
        assert marked <= td.__required_keys__, td  # type: ignore[attr-defined]


def test_create_params_keys() -> None:
    from openai_core.types.chat import completion_create_params as ccp
    from openai_core.types.embedding_create_params import EmbeddingCreateParams
    from openai_core.types.fine_tuning.job_create_params import JobCreateParams

    assert ccp.CompletionCreateParamsBase.__required_keys__ == {"messages", "model"}
    assert ccp.CompletionCreateParamsStreaming.__required_keys__ == {"messages", "model", "stream"}
    assert "stream" in ccp.CompletionCreateParamsNonStreaming.__optional_keys__
    official = official_chat.completion_create_params.CompletionCreateParamsBase
    assert set(ccp.CompletionCreateParamsBase.__annotations__) == set(official.__annotations__)
    assert EmbeddingCreateParams.__required_keys__ == {"input", "model"}
    assert JobCreateParams.__required_keys__ == {"model", "training_file"}

    messages: list[chat.ChatCompletionMessageParam] = [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [{"type": "text", "text": "hi"}, {"type": "image_url", "image_url": {"url": "x"}}],
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
        },
        {"role": "tool", "tool_call_id": "c", "content": "42"},
    ]
    params: ccp.CompletionCreateParamsStreaming = {
        "model": "gpt-4o-mini",
        "messages": messages,
        "stream": True,
        "stream_options": {"include_usage": True},
        "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
        "tool_choice": {"type": "function", "function": {"name": "f"}},
        "response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {}}},
        "reasoning_effort": "low",
    }
    assert params["stream"] is True


def test_import_is_cheap() -> None:
    """Importing the types builds no pydantic schema (defer_build): that happens on first parse."""
    code = (
        "import openai_core.types.chat as c, openai_core.types.fine_tuning as f, openai_core.types as t\n"
        "models = [c.ChatCompletion, c.ChatCompletionChunk, f.FineTuningJob, t.Model, t.CreateEmbeddingResponse]\n"
        "assert not any(m.__pydantic_complete__ for m in models), models\n"
        "import openai_core._models as m\n"
        "m.parse_json(c.ChatCompletion, '{}')\n"
        "assert c.ChatCompletion.__pydantic_complete__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def test_lenient_instances_behave_like_constructed_ones() -> None:
    """The lenient builder assembles instances directly (faster than model_construct): they must
    compare, copy, pickle and print like instances from model_construct."""
    import pickle

    model_construct: Any = ChatCompletion.model_construct  # untyped: it takes any subset of fields
    empty = construct_lenient(ChatCompletion, {})
    assert empty.model_fields_set == set()
    assert empty.usage is None and empty.system_fingerprint is None and empty.metadata is None
    assert empty.to_dict() == {}
    assert empty == model_construct()

    body = {k: v for k, v in COMPLETION.items() if k != "created"} | {"x_extra": 1}
    built = parse_json(ChatCompletion, dumps(body))
    expected = model_construct(
        _fields_set=set(body),
        **{k: v for k, v in body.items() if k not in ("choices", "usage")},
        choices=[Choice.model_validate(COMPLETION["choices"][0])],
        usage=CompletionUsage.model_validate(COMPLETION["usage"]),
    )
    assert built == expected
    assert built.model_copy() == built
    assert pickle.loads(pickle.dumps(built)) == built
    assert "x_extra=1" in repr(built)
    copied = built.model_copy(update={"model": "other"})
    assert copied.model == "other" and built.model == COMPLETION["model"]


def test_the_types_package_loads_each_name_on_first_use() -> None:
    """``openai_core.types`` imports nothing until a name is asked for: a chat call's types (the chat
    subpackage) come without the ~200 other top-level modules, and every listed name still resolves."""
    code = (
        "import sys\n"
        "import openai_core.types.chat.chat_completion_chunk\n"
        "loaded = [m for m in sys.modules if m.startswith('openai_core.types.eval')]\n"
        "assert not loaded, loaded\n"
        "from openai_core.types import EvalCreateParams, Batch\n"
        "assert 'openai_core.types.eval_create_params' in sys.modules\n"
        "import openai_core.types as t\n"
        "assert t.chat.ChatCompletion.__name__ == 'ChatCompletion'\n"
        "try:\n"
        "    t.NotAType\n"
        "except AttributeError as exc:\n"
        "    assert 'NotAType' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('no AttributeError')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    exports = vars(types)["_EXPORTS"]
    assert len(exports) >= 100
    for name, module in exports.items():
        assert getattr(types, name) is getattr(importlib.import_module(f"openai_core.types.{module}"), name)
