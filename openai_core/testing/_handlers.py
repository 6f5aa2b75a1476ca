"""Handlers for chat completions, legacy completions, embeddings and models.

A handler is a plain function ``(state, request, body) -> bytes | SSEReply`` (``body`` is the parsed
JSON object for POST routes, ``None`` otherwise); it raises :class:`ApiError` for error answers.
"""

from __future__ import annotations

import time
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._chat_tools import chat_turn, structured_chat, tool_results_reply
from ._common import ApiError, SSEReply, dumps
from ._data import (
    MODEL_LIST_BODY,
    MODELS_BY_ID,
    embedding_vector,
    encode_base64,
    message_text,
    truncate_words,
    word_count,
)
from ._sse import chat_stream, completion_stream

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = [
    "chat_completions",
    "completions",
    "delete_model",
    "embeddings",
    "get_model",
    "list_models",
]

_q = encode_basestring_ascii  # str -> its JSON string literal (C implementation)
_USAGE_DETAILS = ('"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":'
                  '{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}')
_MODEL_BODIES = {mid: dumps(m) for mid, m in MODELS_BY_ID.items()}


# ----------------------------------------------------------------------------------------- params


def _missing(name: str) -> ApiError:
    return ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")


def _invalid(name: str, why: str) -> ApiError:
    return ApiError(400, f"Invalid value for '{name}': {why}", param=name, code="invalid_value")


def _model(body: dict[str, Any]) -> str:
    model = body.get("model")
    if model is None:
        raise _missing("model")
    if not isinstance(model, str) or not model:
        raise _invalid("model", "expected a non-empty string.")
    return model


def _int(body: dict[str, Any], name: str, default: int | None, low: int, high: int) -> int | None:
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _invalid(name, f"expected an integer between {low} and {high}.")
    return value


def _max_tokens(body: dict[str, Any]) -> int | None:
    if body.get("max_completion_tokens") is not None:
        return _int(body, "max_completion_tokens", None, 1, 1_000_000)
    return _int(body, "max_tokens", None, 1, 1_000_000)


def _include_usage(body: dict[str, Any]) -> bool:
    options = body.get("stream_options")
    return isinstance(options, dict) and options.get("include_usage") is True


def _usage_json(prompt_tokens: int, completion_tokens: int) -> str:
    """The same object as :func:`_usage`, serialised directly."""
    return (f'{{"prompt_tokens":{prompt_tokens},"completion_tokens":{completion_tokens},'
            f'"total_tokens":{prompt_tokens + completion_tokens},{_USAGE_DETAILS}}}')


def _usage(prompt_tokens: int, completion_tokens: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
    }


# ------------------------------------------------------------------------------------------- chat


def chat_completions(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes | SSEReply:
    answer = _chat_completions(state, body)
    if body.get("store") is True and isinstance(answer, bytes):  # streamed completions are not stored
        state.stored_chats.add(answer, body)
    return answer


def _chat_completions(state: ServerState, body: dict[str, Any]) -> bytes | SSEReply:
    model = _model(body)
    messages = body.get("messages")
    if messages is None:
        raise _missing("messages")
    if not isinstance(messages, list) or not messages:
        raise _invalid("messages", "expected a non-empty array of messages.")
    prompt_tokens = 0
    last_user = ""
    tool_results = False  # tool messages after the last user message: the answer uses them
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("role"), str):
            raise _invalid(f"messages[{i}]", "expected an object with a 'role'.")
        text = message_text(message.get("content"))
        prompt_tokens += word_count(text)
        if message["role"] == "user":
            last_user, tool_results = text, False
        elif message["role"] == "tool":
            tool_results = True
    n = _int(body, "n", 1, 1, 128) or 1
    if "tools" in body or "response_format" in body:  # tool calls / structured output (_chat_tools)
        structured = structured_chat(state, body, model, n, prompt_tokens, _usage)
        if structured is not None:
            return structured
    reply = tool_results_reply(chat_turn(messages).results) if tool_results else "echo: " + last_user
    content, cut = truncate_words(reply, _max_tokens(body))
    finish = "length" if cut else "stop"
    completion_tokens = word_count(content) * n
    obj_id = state.object_id("chatcmpl")
    created = int(time.time())
    if body.get("stream") is True:
        usage = _usage(prompt_tokens, completion_tokens) if _include_usage(body) else None
        return chat_stream(obj_id, created, model, [(content, finish)] * n, usage)
    # The benchmark's hot path: a pre-shaped template instead of json-encoding a nested dict.
    choice_tail = (',"message":{"role":"assistant","content":' + _q(content)
                   + ',"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"' + finish + '"}')
    choices = ",".join([f'{{"index":{i}{choice_tail}' for i in range(n)]) if n > 1 else '{"index":0' + choice_tail
    return (f'{{"id":"{obj_id}","object":"chat.completion","created":{created},"model":{_q(model)},'
            f'"choices":[{choices}],"usage":{_usage_json(prompt_tokens, completion_tokens)},'
            '"system_fingerprint":"fp_mock","service_tier":"default"}').encode()


# ------------------------------------------------------------------------------------ completions


def _is_tokens(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(t, int) and not isinstance(t, bool) for t in value)


def _prompts(body: dict[str, Any]) -> list[tuple[str, int]]:
    """(text to echo, prompt tokens) per prompt."""
    prompt = body.get("prompt")
    if prompt is None:
        raise _missing("prompt")
    if isinstance(prompt, str):
        return [(prompt, word_count(prompt))]
    if _is_tokens(prompt):
        return [(" ".join(map(str, prompt)), len(prompt))]
    if isinstance(prompt, list) and prompt:
        if all(isinstance(p, str) for p in prompt):
            return [(p, word_count(p)) for p in prompt]
        if all(_is_tokens(p) for p in prompt):
            return [(" ".join(map(str, p)), len(p)) for p in prompt]
    raise _invalid("prompt", "expected a string, an array of strings, or token arrays.")


def completions(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes | SSEReply:
    model = _model(body)
    prompts = _prompts(body)
    n = _int(body, "n", 1, 1, 128) or 1
    limit = _max_tokens(body)
    choices: list[tuple[str, str]] = []
    for text, _ in prompts:
        out, cut = truncate_words("echo: " + text, limit)
        choices += [(out, "length" if cut else "stop")] * n
    usage = _usage(sum(t for _, t in prompts), sum(word_count(c) for c, _ in choices))
    obj_id = state.object_id("cmpl")
    created = int(time.time())
    if body.get("stream") is True:
        return completion_stream(obj_id, created, model, choices, usage if _include_usage(body) else None)
    return dumps({
        "id": obj_id,
        "object": "text_completion",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_mock",
        "choices": [{"text": text, "index": i, "logprobs": None, "finish_reason": finish}
                    for i, (text, finish) in enumerate(choices)],
        "usage": usage,
    })


# ------------------------------------------------------------------------------------- embeddings


def _embedding_inputs(body: dict[str, Any]) -> list[tuple[bytes, int]]:
    """(hash key, prompt tokens) per input."""
    value = body.get("input")
    if value is None:
        raise _missing("input")
    if isinstance(value, str) and value:
        return [(value.encode(), word_count(value))]
    if _is_tokens(value):
        return [(("tokens:" + ",".join(map(str, value))).encode(), len(value))]
    if isinstance(value, list) and value:
        if all(isinstance(v, str) and v for v in value):
            return [(v.encode(), word_count(v)) for v in value]
        if all(_is_tokens(v) for v in value):
            return [(("tokens:" + ",".join(map(str, v))).encode(), len(v)) for v in value]
    raise _invalid("input", "expected a non-empty string, array of strings, token array, or array of token arrays.")


def embeddings(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    model = _model(body)
    inputs = _embedding_inputs(body)
    dimensions = _int(body, "dimensions", 8, 1, 4096) or 8
    fmt = body.get("encoding_format") or "float"
    if fmt not in ("float", "base64"):
        raise _invalid("encoding_format", "expected 'float' or 'base64'.")
    data = []
    for index, (key, _) in enumerate(inputs):
        vector = embedding_vector(key, dimensions)
        data.append({"object": "embedding", "index": index,
                     "embedding": encode_base64(vector) if fmt == "base64" else vector})
    tokens = sum(t for _, t in inputs)
    return dumps({"object": "list", "data": data, "model": model,
                  "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})


# ----------------------------------------------------------------------------------------- models


def _model_404(model_id: str) -> ApiError:
    return ApiError(404, f"The model '{model_id}' does not exist", param="model", code="model_not_found")


def list_models(state: ServerState, request: web.Request, body: Any) -> bytes:
    return MODEL_LIST_BODY


def get_model(state: ServerState, request: web.Request, body: Any) -> bytes:
    model_id = request.match_info["model"]
    found = _MODEL_BODIES.get(model_id)
    if found is None:
        raise _model_404(model_id)
    return found


def delete_model(state: ServerState, request: web.Request, body: Any) -> bytes:
    model_id = request.match_info["model"]
    if model_id not in MODELS_BY_ID:
        raise _model_404(model_id)
    return dumps({"id": model_id, "object": "model", "deleted": True})
