"""Images and audio: deterministic answers derived from the request, so tests can predict them.

- ``POST /v1/images/generations``: ``n`` images; ``b64_json`` holds :func:`image_bytes` of the prompt,
  ``url`` points at ``https://images.mock/<sha256 of those bytes>.png``. GPT image models answer
  ``b64_json`` (as the API does), DALL-E models ``url`` unless asked otherwise.
- ``POST /v1/images/edits`` / ``variations`` (multipart): the same, derived from the uploaded images.
- ``stream=True`` on generations / edits (GPT image models only): ``partial_images`` partial-image
  events (:func:`image_bytes` of the seed and ``partial-<i>``), then a completed event with the image
  the plain call would give as ``b64_json``.
- ``POST /v1/audio/speech``: :func:`speech_bytes` of the input (4 KiB of audio per input byte), sent
  chunked in 64 KiB writes.
- ``POST /v1/audio/transcriptions`` / ``translations`` (multipart): the text is :func:`transcript_text`
  of the uploaded file's name and size; ``text`` / ``srt`` / ``vtt`` answer plain text, ``json`` /
  ``verbose_json`` / ``diarized_json`` JSON.
"""

from __future__ import annotations

import base64
import hashlib
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, RawReply, SSEReply, dumps
from ._files import FormPart, file_parts, form_fields, parse_form, required_file

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = [
    "create_speech",
    "create_transcription",
    "create_translation",
    "edit_image",
    "generate_images",
    "image_bytes",
    "image_variation",
    "speech_bytes",
    "transcript_text",
]

SPEECH_BYTES_PER_INPUT_BYTE = 4096
_AUDIO_TYPES = {
    "mp3": ("audio/mpeg", b"ID3\x04\x00\x00"),
    "opus": ("audio/ogg", b"OggS\x00\x02"),
    "aac": ("audio/aac", b"\xff\xf1\x50\x80"),
    "flac": ("audio/flac", b"fLaC"),
    "wav": ("audio/wav", b"RIFF\x00\x00\x00\x00WAVE"),
    "pcm": ("audio/pcm", b""),
}
_TEXT_FORMATS = {"text", "srt", "vtt"}
# The duration a mock transcription reports: one second per 16 kB of upload (16 kHz, 8-bit mono).
_BYTES_PER_SECOND = 16_000


def _pattern(seed: bytes, size: int) -> bytes:
    block = hashlib.sha256(seed).digest() * 128  # 4 KiB
    return (block * (size // len(block) + 1))[:size]


def speech_bytes(text: str, response_format: str = "mp3") -> bytes:
    """The audio the mock answers for ``input=text``: a format signature, then a pattern derived from the
    text, ``4096 * len(text.encode())`` bytes in all."""
    _, magic = _AUDIO_TYPES.get(response_format, _AUDIO_TYPES["mp3"])
    size = SPEECH_BYTES_PER_INPUT_BYTE * len(text.encode())
    return (magic + _pattern(text.encode() + response_format.encode(), size))[:size]


def image_bytes(seed: bytes) -> bytes:
    """A deterministic "image" for a prompt or an uploaded image: a PNG signature and 256 bytes."""
    return b"\x89PNG\r\n\x1a\n" + _pattern(seed, 256)


def transcript_text(filename: str | None, size: int, *, task: str = "transcribe") -> str:
    what = "Transcript" if task == "transcribe" else "Translation"
    return f"{what} of {filename or 'upload'} ({size} bytes)."


def _images(seeds: list[bytes], fields: dict[str, Any]) -> bytes:
    model = str(fields.get("model") or "dall-e-2")
    default = "url" if model.startswith("dall-e") else "b64_json"
    response_format = fields.get("response_format") or default
    if response_format not in ("url", "b64_json"):
        raise ApiError(400, f"Invalid response_format: {response_format!r}.", param="response_format",
                       code="invalid_value")
    try:
        n = int(fields.get("n") or 1)
    except ValueError:
        raise ApiError(400, "n must be an integer.", param="n", code="invalid_value") from None
    if not 1 <= n <= 10:
        raise ApiError(400, f"{n} is not between 1 and 10 - 'n'", param="n", code="invalid_value")
    data = []
    for i in range(n):
        picture = image_bytes(b"".join(seeds) + i.to_bytes(2, "big"))
        if response_format == "url":
            data.append({"url": f"https://images.mock/{hashlib.sha256(picture).hexdigest()}.png"})
        else:
            data.append({"b64_json": base64.b64encode(picture).decode()})
    answer: dict[str, Any] = {"created": int(time.time()), "data": data}
    if fields.get("size"):
        answer["size"] = fields["size"]
    return dumps(answer)


def _image_events(seeds: list[bytes], fields: dict[str, Any], kind: str) -> SSEReply:
    model = str(fields.get("model") or "dall-e-2")
    if model.startswith("dall-e"):
        raise ApiError(400, f"Streaming is not supported for the {model} model.", param="stream",
                       code="invalid_value")
    try:
        partials = int(fields.get("partial_images") or 0)
    except ValueError:
        raise ApiError(400, "partial_images must be an integer.", param="partial_images",
                       code="invalid_value") from None
    if not 0 <= partials <= 3:
        raise ApiError(400, f"{partials} is not between 0 and 3 - 'partial_images'", param="partial_images",
                       code="invalid_value")
    seed = b"".join(seeds)
    common = {"background": fields.get("background") or "auto", "created_at": int(time.time()),
              "output_format": fields.get("output_format") or "png", "quality": fields.get("quality") or "auto",
              "size": fields.get("size") or "1024x1024"}
    events: list[dict[str, Any]] = [
        {"type": f"{kind}.partial_image", "partial_image_index": i,
         "b64_json": base64.b64encode(image_bytes(seed + f"partial-{i}".encode())).decode(), **common}
        for i in range(partials)
    ]
    usage = {"input_tokens": 50, "input_tokens_details": {"image_tokens": 40, "text_tokens": 10},
             "output_tokens": 1056, "total_tokens": 1106}
    final = base64.b64encode(image_bytes(seed + (0).to_bytes(2, "big"))).decode()
    events.append({"type": f"{kind}.completed", "b64_json": final, "usage": usage, **common})
    return SSEReply([f"event: {e['type']}\ndata: {dumps(e).decode()}\n\n" for e in events], done=False)


def generate_images(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes | SSEReply:
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt:
        raise ApiError(400, "Missing required parameter: 'prompt'.", param="prompt", code="missing_required_parameter")
    if body.get("stream") is True:
        return _image_events([prompt.encode()], body, "image_generation")
    return _images([prompt.encode()], body)


def edit_image(state: ServerState, request: web.Request, raw: bytes) -> bytes | SSEReply:
    parts = parse_form(request, raw)
    fields = form_fields(parts)
    images = file_parts(parts, "image")
    if not images:
        raise ApiError(400, "Missing required parameter: 'image'.", param="image", code="missing_required_parameter")
    if not fields.get("prompt"):
        raise ApiError(400, "Missing required parameter: 'prompt'.", param="prompt", code="missing_required_parameter")
    seeds = [str(fields["prompt"]).encode(), *(part.data for part in images)]
    if fields.get("stream") == "true":
        return _image_events(seeds, fields, "image_edit")
    return _images(seeds, fields)


def image_variation(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    parts = parse_form(request, raw)
    return _images([required_file(parts, "image").data], form_fields(parts))


def create_speech(state: ServerState, request: web.Request, body: dict[str, Any]) -> RawReply:
    for name in ("model", "input", "voice"):
        if not body.get(name):
            raise ApiError(400, f"Missing required parameter: '{name}'.", param=name,
                           code="missing_required_parameter")
    text = body["input"]
    if not isinstance(text, str):
        raise ApiError(400, "input must be a string.", param="input", code="invalid_type")
    response_format = body.get("response_format") or "mp3"
    if response_format not in _AUDIO_TYPES:
        raise ApiError(400, f"Invalid response_format: {response_format!r}.", param="response_format",
                       code="invalid_value")
    content_type, _ = _AUDIO_TYPES[response_format]
    return RawReply(speech_bytes(text, response_format), content_type, chunk_size=64 * 1024)


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _speech_to_text(request: web.Request, raw: bytes, task: str) -> bytes | RawReply | SSEReply:
    parts = parse_form(request, raw)
    fields = form_fields(parts)
    upload: FormPart = required_file(parts, "file")
    if not fields.get("model"):
        raise ApiError(400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
    text = transcript_text(upload.filename, len(upload.data), task=task)
    duration = round(len(upload.data) / _BYTES_PER_SECOND, 3)
    response_format = fields.get("response_format") or "json"
    if fields.get("stream") == "true":
        if task != "transcribe":
            raise ApiError(400, "Streaming is not supported for translations.", param="stream",
                           code="invalid_value")
        return _transcript_events(text, str(fields["model"]))
    if response_format == "text":
        return RawReply(text.encode() + b"\n", "text/plain; charset=utf-8")
    if response_format == "srt":
        srt = f"1\n{_timestamp(0, ',')} --> {_timestamp(duration, ',')}\n{text}\n\n"
        return RawReply(srt.encode(), "text/plain; charset=utf-8")
    if response_format == "vtt":
        vtt = f"WEBVTT\n\n{_timestamp(0, '.')} --> {_timestamp(duration, '.')}\n{text}\n\n"
        return RawReply(vtt.encode(), "text/plain; charset=utf-8")
    if response_format == "json":
        return dumps({"text": text, "usage": {"type": "duration", "seconds": duration}})
    words = text.split()
    step = duration / max(len(words), 1)
    temperature = fields.get("temperature")
    if response_format == "verbose_json":
        segment = {"id": 0, "seek": 0, "start": 0.0, "end": duration, "text": text, "tokens": list(range(len(words))),
                   "temperature": float(temperature) if isinstance(temperature, str) else 0.0, "avg_logprob": -0.1,
                   "compression_ratio": 1.0, "no_speech_prob": 0.0}
        answer: dict[str, Any] = {"task": task, "language": fields.get("language") or "english",
                                  "duration": duration, "text": text, "segments": [segment]}
        granularities = fields.get("timestamp_granularities", [])
        if "word" in granularities:
            answer["words"] = [{"word": w, "start": round(i * step, 3), "end": round((i + 1) * step, 3)}
                               for i, w in enumerate(words)]
        if task == "transcribe":
            answer["usage"] = {"type": "duration", "seconds": duration}
        return dumps(answer)
    if response_format == "diarized_json" and task == "transcribe":
        return dumps({"task": "transcribe", "duration": duration, "text": text, "segments": [
            {"type": "transcript.text.segment", "id": "seg_0", "start": 0.0, "end": duration, "speaker": "A",
             "text": text},
        ]})
    raise ApiError(400, f"Invalid response_format: {response_format!r}.", param="response_format",
                   code="invalid_value")


def _transcript_events(text: str, model: str) -> SSEReply:
    """``stream=True``: one ``transcript.text.delta`` per word (the first without a leading space), then
    ``transcript.text.done`` with the text and token usage. ``whisper-1`` cannot stream, as in the API."""
    if model == "whisper-1":
        raise ApiError(400, "Streaming is not supported for the whisper-1 model.", param="stream",
                       code="invalid_value")
    words = text.split(" ")
    events: list[dict[str, object]] = [{"type": "transcript.text.delta", "delta": word if i == 0 else f" {word}", "logprobs": None}
              for i, word in enumerate(words)]
    usage = {"type": "tokens", "input_tokens": 10 * len(words), "output_tokens": len(words),
             "total_tokens": 11 * len(words), "input_token_details": {"audio_tokens": 10 * len(words),
                                                                      "text_tokens": 0}}
    events.append({"type": "transcript.text.done", "text": text, "logprobs": None, "usage": usage})
    return SSEReply([f"data: {dumps(event).decode()}\n\n" for event in events], done=False)


def create_transcription(state: ServerState, request: web.Request, raw: bytes) -> bytes | RawReply | SSEReply:
    return _speech_to_text(request, raw, "transcribe")


def create_translation(state: ServerState, request: web.Request, raw: bytes) -> bytes | RawReply | SSEReply:
    return _speech_to_text(request, raw, "translate")
