"""The embedded server's realtime model, without I/O: client events in, server events out.

Deterministic rules, so a test can predict every event:

- **Session.** ``session.created`` first: a ``realtime`` session with audio output (``alloy``, PCM 24 kHz),
  no turn detection, no tools. ``session.update`` merges the given fields (``audio`` key by key) and
  answers ``session.updated`` with the whole session.
- **Items.** ``conversation.item.create`` stores the item (an ``id`` is given if missing) and answers
  ``conversation.item.created``; ``retrieve``/``delete``/``truncate`` answer for a stored item, an
  ``error`` for an unknown one. ``input_audio_buffer.append`` collects base64 audio; ``commit`` turns it
  into a user message (``input_audio_buffer.committed`` + ``conversation.item.created``).
- **Responses.** ``response.create`` answers from the last item of the conversation (or of
  ``response.input``):
  a user message gets ``"echo: " + its text`` (audio input: ``"echo: <N bytes of audio>"``); a function
  call output gets ``"echo: " + its output``. With function ``tools`` (session's or response's) the
  model calls tools as the chat completions endpoint does (``tool_choice`` naming one, ``"required"``: the
  first, ``"auto"``: those named in the user's text) with arguments sampled from the schema.
  Text modality streams ``response.output_text.delta`` one word at a time; audio modality streams
  ``response.output_audio.delta`` (base64 PCM) with the transcript: the user's own audio echoed back
  when the input was audio, else :data:`AUDIO_PER_WORD` bytes of a square wave per word. Every
  response ends with ``response.done`` (status ``completed``, or ``cancelled`` after ``response.cancel``).
- **Errors.** Bad input (not JSON, an unknown ``type``, a missing field, invalid base64, an empty commit,
  a second response while one runs) answers an ``error`` event naming the client's ``event_id``; the
  session goes on.
- **Test hook.** ``{"type": "x_mock.emit", "event": {...}}`` makes the server send ``event`` as given
  (an event type no SDK knows yet, for instance).
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
from collections.abc import Generator, Iterator
from typing import Any

from ._chat_tools import sample

__all__ = ["AUDIO_PER_WORD", "RealtimeModel"]

# 100 ms of 16-bit mono PCM at 24 kHz per word of a spoken answer.
AUDIO_PER_WORD = 4800
# The user's audio is echoed back in deltas of this many bytes.
AUDIO_CHUNK = 4800

Event = dict[str, Any]


def _square_wave(size: int) -> bytes:
    period = b"\x00\x20" * 24 + b"\x00\xe0" * 24  # 48 samples: 500 Hz at 24 kHz
    return (period * (size // len(period) + 1))[:size]


def _text_of(item: Any) -> str:
    """The text a response answers to, for an item of the conversation."""
    if not isinstance(item, dict):
        return ""
    if item.get("type") == "function_call_output":
        return str(item.get("output", ""))
    parts = []
    for part in item.get("content") or []:
        if isinstance(part, dict):
            if isinstance(part.get("text"), str):
                parts.append(part["text"])
            elif part.get("type") == "input_audio":
                parts.append(part.get("transcript") or "")
    return " ".join(p for p in parts if p)


class RealtimeModel:
    """One connection's state: the session, the conversation, the input audio buffer."""

    def __init__(self, *, session_id: str, model: str, call_id: str | None = None) -> None:
        self._counter = 0
        self.session: dict[str, Any] = {
            "type": "realtime",
            "object": "realtime.session",
            "id": session_id,
            "model": model,
            "output_modalities": ["audio"],
            "instructions": "",
            "tools": [],
            "tool_choice": "auto",
            "max_output_tokens": "inf",
            "tracing": None,
            "prompt": None,
            "expires_at": 0,
            "audio": {
                "input": {
                    "format": {"type": "audio/pcm", "rate": 24000},
                    "transcription": None,
                    "noise_reduction": None,
                    "turn_detection": None,
                },
                "output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "alloy", "speed": 1.0},
            },
        }
        self.call_id = call_id
        self.items: list[dict[str, Any]] = []
        self.audio = bytearray()
        # The raw PCM of committed audio items, by item id: echoed back by an audio response.
        self.item_audio: dict[str, bytes] = {}
        self.response_active = False
        self.current: dict[str, Any] = {}  # the response being made (or the last one)
        self.received: list[str] = []  # event types, in order

    # -- ids --------------------------------------------------------------------------------------------

    def _next(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}_{self._counter:04d}"

    def event(self, kind: str, **fields: Any) -> Event:
        return {"type": kind, "event_id": self._next("event"), **fields}

    def error(self, message: str, *, code: str, param: str | None = None, event_id: str | None = None) -> Event:
        return self.event(
            "error",
            error={"type": "invalid_request_error", "code": code, "message": message, "param": param,
                   "event_id": event_id},
        )

    def created(self) -> Event:
        return self.event("session.created", session=copy.deepcopy(self.session))

    # -- client events --------------------------------------------------------------------------------------

    def handle(self, text: str | bytes) -> tuple[list[Event], Event | None]:
        """Immediate answers to one client frame, and the ``response.create`` event when it asks for a
        response (the caller streams :meth:`respond`)."""
        try:
            event = json.loads(text)
        except ValueError:
            return [self.error("The client event is not valid JSON.", code="invalid_json")], None
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return [self.error("Missing required parameter: 'type'.", code="missing_required_parameter",
                               param="type")], None
        kind: str = event["type"]
        self.received.append(kind)
        handler = getattr(self, "_on_" + kind.replace(".", "_"), None)
        if handler is None:
            return [self.error(f"Invalid value: '{kind}'. Unknown client event type.", code="invalid_value",
                               param="type", event_id=event.get("event_id"))], None
        try:
            answers: list[Event] | None = handler(event)
        except _BadEvent as exc:
            return [self.error(exc.message, code=exc.code, param=exc.param, event_id=event.get("event_id"))], None
        if answers is None:  # response.create: streamed by the caller
            return [], event
        return answers, None

    def _on_session_update(self, event: Event) -> list[Event]:
        session = _required(event, "session", dict)
        if session.get("type") not in ("realtime", "transcription"):
            raise _BadEvent("Invalid value for 'session.type': expected 'realtime' or 'transcription'.",
                            code="invalid_value", param="session.type")
        for key, value in session.items():
            if key == "audio" and isinstance(value, dict):
                for direction, settings in value.items():
                    current = self.session["audio"].setdefault(direction, {})
                    if isinstance(settings, dict):
                        current.update(settings)
            else:
                self.session[key] = value
        return [self.event("session.updated", session=copy.deepcopy(self.session))]

    def _on_conversation_item_create(self, event: Event) -> list[Event]:
        item = dict(_required(event, "item", dict))
        if item.get("type") not in ("message", "function_call", "function_call_output"):
            raise _BadEvent(f"Invalid value for 'item.type': {item.get('type')!r}.", code="invalid_value",
                            param="item.type")
        if item["type"] == "function_call_output":
            _required(item, "call_id", str, prefix="item.")
            _required(item, "output", str, prefix="item.")
        if item["type"] == "message" and item.get("role") not in ("user", "assistant", "system"):
            raise _BadEvent("Invalid value for 'item.role'.", code="invalid_value", param="item.role")
        item.setdefault("id", self._next("item"))
        item.setdefault("object", "realtime.item")
        item.setdefault("status", "completed")
        previous = self.items[-1]["id"] if self.items else None
        self.items.append(item)
        return [self.event("conversation.item.created", previous_item_id=previous, item=copy.deepcopy(item))]

    def _find(self, event: Event) -> dict[str, Any]:
        item_id = _required(event, "item_id", str)
        for item in self.items:
            if item["id"] == item_id:
                return item
        raise _BadEvent(f"Item with item_id '{item_id}' not found.", code="item_not_found", param="item_id")

    def _on_conversation_item_retrieve(self, event: Event) -> list[Event]:
        return [self.event("conversation.item.retrieved", item=copy.deepcopy(self._find(event)))]

    def _on_conversation_item_delete(self, event: Event) -> list[Event]:
        item = self._find(event)
        self.items.remove(item)
        return [self.event("conversation.item.deleted", item_id=item["id"])]

    def _on_conversation_item_truncate(self, event: Event) -> list[Event]:
        item = self._find(event)
        audio_end_ms = _required(event, "audio_end_ms", int)
        content_index = _required(event, "content_index", int)
        return [self.event("conversation.item.truncated", item_id=item["id"], content_index=content_index,
                           audio_end_ms=audio_end_ms)]

    def _on_input_audio_buffer_append(self, event: Event) -> list[Event]:
        audio = _required(event, "audio", str)
        try:
            self.audio += base64.b64decode(audio, validate=True)
        except (binascii.Error, ValueError):
            raise _BadEvent("Invalid 'audio': not valid base64.", code="invalid_value", param="audio") from None
        return []

    def _on_input_audio_buffer_clear(self, event: Event) -> list[Event]:
        self.audio.clear()
        return [self.event("input_audio_buffer.cleared")]

    def _on_input_audio_buffer_commit(self, event: Event) -> list[Event]:
        if not self.audio:
            raise _BadEvent("Error committing input audio buffer: buffer is empty.",
                            code="input_audio_buffer_commit_empty")
        item_id = self._next("item")
        transcript = f"<{len(self.audio)} bytes of audio>"
        item = {"id": item_id, "object": "realtime.item", "type": "message", "role": "user", "status": "completed",
                "content": [{"type": "input_audio", "transcript": transcript}]}
        self.item_audio[item_id] = bytes(self.audio)
        self.audio.clear()
        previous = self.items[-1]["id"] if self.items else None
        self.items.append(item)
        return [
            self.event("input_audio_buffer.committed", previous_item_id=previous, item_id=item_id),
            self.event("conversation.item.created", previous_item_id=previous, item=copy.deepcopy(item)),
        ]

    def _on_response_create(self, event: Event) -> list[Event] | None:
        if self.response_active:
            raise _BadEvent("Conversation already has an active response in progress.",
                            code="conversation_already_has_active_response")
        response = event.get("response")
        if response is not None and not isinstance(response, dict):
            raise _BadEvent("Invalid type for 'response': expected an object.", code="invalid_type",
                            param="response")
        return None

    def _on_response_cancel(self, event: Event) -> list[Event]:
        return []  # the streaming shell stops the response in progress

    def _on_output_audio_buffer_clear(self, event: Event) -> list[Event]:
        return []  # WebRTC/SIP only: nothing plays on a WebSocket

    def _on_x_mock_emit(self, event: Event) -> list[Event]:
        return [_required(event, "event", dict)]

    # -- responses ------------------------------------------------------------------------------------------

    def respond(self, request: Event) -> Iterator[Event]:
        """Every event of one response, in order; the last is ``response.done``. The caller may stop
        early (cancel, a fault) and then sends :meth:`cancelled` instead."""
        params: dict[str, Any] = request.get("response") or {}
        session = self.session
        modalities = params.get("output_modalities") or session.get("output_modalities") or ["audio"]
        tools = [t for t in (params.get("tools", session.get("tools")) or []) if isinstance(t, dict)]
        tool_choice = params.get("tool_choice", session.get("tool_choice", "auto"))
        context = params.get("input") if isinstance(params.get("input"), list) else self.items
        last = context[-1] if context else None
        in_conversation = params.get("conversation", "auto") != "none"

        response_id = self._next("resp")
        self.current = {"id": response_id, "object": "realtime.response", "status": "in_progress",
                        "conversation_id": "conv_0001", "output_modalities": modalities, "output": [],
                        "metadata": params.get("metadata"), "usage": None, "status_details": None,
                        "audio": {"output": session["audio"]["output"]}, "max_output_tokens": "inf"}
        yield self.event("response.created", response=copy.deepcopy(self.current))

        calls = self._tool_calls(tools, tool_choice, last)
        output: list[dict[str, Any]] = []
        if calls:
            for index, tool in enumerate(calls):
                item = yield from self._function_call(response_id, index, tool, in_conversation)
                output.append(item)
        else:
            text = "echo: " + _text_of(last)
            audio = self.item_audio.get(last.get("id", "")) if isinstance(last, dict) else None
            item = yield from self._message(response_id, text, "audio" in modalities, audio, in_conversation)
            output.append(item)

        input_tokens = len(_text_of(last).split())
        output_tokens = sum(len(_text_of(item).split()) + len(str(item.get("arguments", "")).split())
                            for item in output)
        self.current.update(status="completed", output=output, usage={
            "total_tokens": input_tokens + output_tokens, "input_tokens": input_tokens,
            "output_tokens": output_tokens,
            "input_token_details": {"text_tokens": input_tokens, "audio_tokens": 0, "cached_tokens": 0},
            "output_token_details": {"text_tokens": output_tokens, "audio_tokens": 0},
        })
        yield self.event("response.done", response=copy.deepcopy(self.current))

    def cancelled(self) -> Event:
        """``response.done`` for the response stopped part-way."""
        self.current.update(status="cancelled", status_details={"type": "cancelled", "reason": "client_cancelled"})
        return self.event("response.done", response=copy.deepcopy(self.current))

    def _tool_calls(self, tools: list[dict[str, Any]], choice: Any, last: Any) -> list[dict[str, Any]]:
        functions = [t for t in tools if t.get("type", "function") == "function" and t.get("name")]
        if not functions or choice == "none" or (isinstance(last, dict) and last.get("type") == "function_call_output"):
            return []
        if isinstance(choice, dict):
            return [t for t in functions if t["name"] == choice.get("name")][:1]
        if choice == "required":
            return functions[:1]
        text = _text_of(last)
        return [t for t in functions if t["name"] in text]

    def _function_call(
        self, response_id: str, index: int, tool: dict[str, Any], in_conversation: bool
    ) -> Generator[Event, None, dict[str, Any]]:
        item_id, call_id = self._next("item"), self._next("call")
        arguments = json.dumps(sample(tool.get("parameters") or {"type": "object", "properties": {}}),
                               separators=(",", ":"))
        item = {"id": item_id, "object": "realtime.item", "type": "function_call", "status": "in_progress",
                "name": tool["name"], "call_id": call_id, "arguments": ""}
        where = {"response_id": response_id, "item_id": item_id, "output_index": index}
        yield self.event("response.output_item.added", response_id=response_id, output_index=index,
                         item=copy.deepcopy(item))
        for start in range(0, len(arguments), 8):
            yield self.event("response.function_call_arguments.delta", **where, call_id=call_id,
                             delta=arguments[start:start + 8])
        yield self.event("response.function_call_arguments.done", **where, call_id=call_id, name=tool["name"],
                         arguments=arguments)
        item.update(status="completed", arguments=arguments)
        yield self.event("response.output_item.done", response_id=response_id, output_index=index,
                         item=copy.deepcopy(item))
        if in_conversation:
            self.items.append(item)
        return item

    def _message(
        self, response_id: str, text: str, spoken: bool, echo: bytes | None, in_conversation: bool
    ) -> Generator[Event, None, dict[str, Any]]:
        item_id = self._next("item")
        kind = "output_audio" if spoken else "output_text"
        item: dict[str, Any] = {"id": item_id, "object": "realtime.item", "type": "message", "role": "assistant",
                                "status": "in_progress", "content": []}
        where = {"response_id": response_id, "item_id": item_id, "output_index": 0, "content_index": 0}
        yield self.event("response.output_item.added", response_id=response_id, output_index=0,
                         item=copy.deepcopy(item))
        yield self.event("conversation.item.added", previous_item_id=None, item=copy.deepcopy(item))
        empty_part = {"type": "audio", "transcript": ""} if spoken else {"type": "text", "text": ""}
        yield self.event("response.content_part.added", **where, part=empty_part)
        words = text.split(" ")
        if spoken:
            audio = echo if echo is not None else _square_wave(AUDIO_PER_WORD * len(words))
            for start in range(0, len(audio), AUDIO_CHUNK):
                yield self.event("response.output_audio.delta", **where,
                                 delta=base64.b64encode(audio[start:start + AUDIO_CHUNK]).decode())
            for i, word in enumerate(words):
                yield self.event("response.output_audio_transcript.delta", **where, delta=word if i == 0 else " " + word)
            yield self.event("response.output_audio.done", **where)
            yield self.event("response.output_audio_transcript.done", **where, transcript=text)
            part = {"type": "audio", "transcript": text}
            content = {"type": kind, "transcript": text}
        else:
            for i, word in enumerate(words):
                yield self.event("response.output_text.delta", **where, delta=word if i == 0 else " " + word)
            yield self.event("response.output_text.done", **where, text=text)
            part = {"type": "text", "text": text}
            content = {"type": kind, "text": text}
        yield self.event("response.content_part.done", **where, part=part)
        item.update(status="completed", content=[content])
        yield self.event("response.output_item.done", response_id=response_id, output_index=0,
                         item=copy.deepcopy(item))
        yield self.event("conversation.item.done", previous_item_id=None, item=copy.deepcopy(item))
        if in_conversation:
            self.items.append(item)
        return item


class _BadEvent(Exception):
    def __init__(self, message: str, *, code: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message, self.code, self.param = message, code, param


def _required(event: dict[str, Any], key: str, kind: type, *, prefix: str = "") -> Any:
    value = event.get(key)
    if value is None:
        raise _BadEvent(f"Missing required parameter: '{prefix}{key}'.", code="missing_required_parameter",
                        param=prefix + key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _BadEvent(f"Invalid type for '{prefix}{key}': expected {kind.__name__}.", code="invalid_type",
                        param=prefix + key)
    return value
