"""Checked by mypy --strict (tests/test_typing.py), never run: what a user's editor sees."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, assert_type

from pydantic import BaseModel

import openai_core as openai
from openai_core import AsyncOpenAI, AsyncStream
from openai_core.lib.streaming.chat import AsyncChatCompletionStream
from openai_core.pagination import AsyncCursorPage, AsyncPage
from openai_core.types import Completion, CreateEmbeddingResponse, Model, ModerationCreateResponse
from openai_core.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionFunctionToolParam,
    ChatCompletionMessageParam,
    ParsedChatCompletion,
)
from openai_core.types.fine_tuning import FineTuningJob
from openai_core.types.responses import Response, ResponseItem, ResponseStreamEvent, ResponseTextDeltaEvent
from openai_core.types.responses.parsed_response import ParsedResponse


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


class Weather(BaseModel):
    city: str


async def helpers_and_more_resources(client: AsyncOpenAI, flag: bool) -> None:
    messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
    parsed = await client.chat.completions.parse(model="gpt-4o", messages=messages, response_format=Weather)
    assert_type(parsed, ParsedChatCompletion[Weather])
    assert_type(parsed.choices[0].message.parsed, Weather | None)
    assert_type(await client.chat.completions.parse(model="gpt-4o", messages=messages), ParsedChatCompletion[None])
    tool = openai.pydantic_function_tool(Weather)
    assert_type(tool, ChatCompletionFunctionToolParam)

    async with client.chat.completions.stream(model="gpt-4o", messages=messages, response_format=Weather) as stream:
        assert_type(stream, AsyncChatCompletionStream[Weather])
        async for event in stream:
            if event.type == "content.delta":
                assert_type(event.delta, str)
            elif event.type == "content.done":
                assert_type(event.parsed, Weather | None)
            elif event.type == "tool_calls.function.arguments.delta":
                assert_type(event.arguments_delta, str)
        assert_type(await stream.get_final_completion(), ParsedChatCompletion[Weather])
    async with client.chat.completions.stream(model="gpt-4o", messages=messages) as plain:
        assert_type(plain, AsyncChatCompletionStream[None])

    completion = await client.completions.create(model="gpt-3.5-turbo-instruct", prompt="x")
    assert_type(completion, Completion)
    assert_type(await client.completions.create(model="m", prompt="x", stream=True), AsyncStream[Completion])
    assert_type(await client.moderations.create(input="x"), ModerationCreateResponse)

    response = await client.responses.create(model="gpt-4o", input="hi")
    assert_type(response, Response)
    assert_type(response.output_text, str)
    events = await client.responses.create(model="gpt-4o", input="hi", stream=True)
    assert_type(events, AsyncStream[ResponseStreamEvent])
    async for item in events:
        if item.type == "response.output_text.delta":
            assert_type(item, ResponseTextDeltaEvent)
    assert_type(
        await client.responses.create(model="gpt-4o", input="hi", stream=flag), Response | AsyncStream[ResponseStreamEvent]
    )
    assert_type(await client.responses.retrieve("resp_1"), Response)
    structured = await client.responses.parse(model="gpt-4o", input="hi", text_format=Weather)
    assert_type(structured, ParsedResponse[Weather])
    assert_type(structured.output_parsed, Weather | None)
    assert_type(await client.responses.parse(model="gpt-4o", input="hi"), ParsedResponse[None])
    assert_type((await client.responses.input_tokens.count(model="gpt-4o", input="hi")).input_tokens, int)
    async with client.responses.stream(model="gpt-4o", input="hi", text_format=Weather) as live_response:
        async for happening in live_response:
            if happening.type == "response.output_text.delta":
                assert_type(happening.snapshot, str)
            elif happening.type == "response.output_text.done":
                assert_type(happening.parsed, Weather | None)
        assert_type(await live_response.get_final_response(), ParsedResponse[Weather])
    assert_type(await client.responses.delete("resp_1"), None)
    assert_type(await client.responses.input_items.list("resp_1"), AsyncCursorPage[ResponseItem])


async def helper_mistakes(client: AsyncOpenAI) -> None:
    await client.chat.completions.parse(model="m", messages=[], stream=True)  # E: parse() does not stream
    await client.responses.create(model="m", input="x", temprature=1)  # E: unknown argument
    await client.moderations.create(model="omni-moderation-latest")  # E: missing input


async def files_audio_and_raw_responses(client: AsyncOpenAI, path: Path) -> None:
    from typing import Any

    from openai_core._binary import HttpxBinaryResponseContent
    from openai_core._response import AsyncAPIResponse, AsyncStreamedBinaryAPIResponse, LegacyAPIResponse
    from openai_core.types import (
        Batch,
        FileDeleted,
        FileObject,
        ImageEditStreamEvent,
        ImageGenStreamEvent,
        ImagesResponse,
    )
    from openai_core.types.audio import (
        Transcription,
        TranscriptionStreamEvent,
        TranscriptionVerbose,
        Translation,
    )

    assert_type(await client.files.create(file=path, purpose="batch"), FileObject)
    assert_type(await client.files.create(file=("a.jsonl", b"{}", "application/jsonl"), purpose="fine-tune"), FileObject)
    assert_type(await client.files.list(limit=2), AsyncCursorPage[FileObject])
    assert_type(await client.files.delete("file-1"), FileDeleted)
    content = await client.files.content("file-1")
    assert_type(content, HttpxBinaryResponseContent)
    assert_type(content.content, bytes)
    batch = await client.batches.create(input_file_id="f", endpoint="/v1/chat/completions", completion_window="24h")
    assert_type(batch, Batch)
    assert_type(await client.images.generate(prompt="an otter"), ImagesResponse)
    assert_type(await client.images.edit(image=[path, path], prompt="hat"), ImagesResponse)
    partial = await client.images.generate(prompt="an otter", model="gpt-image-1", stream=True, partial_images=2)
    assert_type(partial, AsyncStream[ImageGenStreamEvent])
    async for shown in partial:
        if shown.type == "image_generation.partial_image":
            assert_type(shown.partial_image_index, int)
        elif shown.type == "image_generation.completed":
            assert_type(shown.usage.total_tokens, int)
    edited = await client.images.edit(image=path, prompt="hat", stream=True)
    assert_type(edited, AsyncStream[ImageEditStreamEvent])
    assert_type(await client.audio.speech.create(model="tts-1", voice="alloy", input="hi"), HttpxBinaryResponseContent)
    assert_type(await client.audio.transcriptions.create(file=path, model="whisper-1"), Transcription)
    verbose = await client.audio.transcriptions.create(file=path, model="whisper-1", response_format="verbose_json")
    assert_type(verbose, TranscriptionVerbose)
    assert_type(await client.audio.transcriptions.create(file=path, model="whisper-1", response_format="srt"), str)
    assert_type(await client.audio.translations.create(file=path, model="whisper-1"), Translation)
    live = await client.audio.transcriptions.create(file=path, model="gpt-4o-mini-transcribe", stream=True)
    assert_type(live, AsyncStream[TranscriptionStreamEvent])
    async for piece in live:
        if piece.type == "transcript.text.delta":
            assert_type(piece.delta, str)
        elif piece.type == "transcript.text.done":
            assert_type(piece.text, str)

    # Typed views: with_raw_response / with_streaming_response carry the method's result type.
    raw = await client.files.with_raw_response.retrieve("file-1")
    assert_type(raw, LegacyAPIResponse[FileObject])
    assert_type(raw.parse(), FileObject)
    assert_type(raw.headers.get("x-request-id"), str | None)
    raw_page = await client.batches.with_raw_response.list(limit=1)
    assert_type(raw_page.parse(), AsyncCursorPage[Batch])
    async with client.audio.speech.with_streaming_response.create(model="tts-1", voice="alloy", input="hi") as audio:
        assert_type(audio, AsyncStreamedBinaryAPIResponse)
        await audio.stream_to_file(path)
    async with client.files.with_streaming_response.retrieve("file-1") as streamed:
        assert_type(streamed, AsyncAPIResponse[FileObject])
        assert_type(await streamed.parse(), FileObject)
    # A resource without a typed view still has both, typed loosely.
    chat_raw = await client.chat.completions.with_raw_response.create(model="m", messages=[])
    assert_type(chat_raw, LegacyAPIResponse[Any])
    # An overloaded method keeps the untyped view, so every overload's call is accepted.
    as_text = await client.audio.transcriptions.with_raw_response.create(file=path, model="m", response_format="text")
    assert_type(as_text, LegacyAPIResponse[Any])


async def the_rest_of_the_methods(client: AsyncOpenAI, path: Path) -> None:
    from openai_core.types import Batch, FileObject, ImagesResponse, ModelDeleted, Upload
    from openai_core.types.chat import ChatCompletionStoreMessage
    from openai_core.types.conversations import Conversation, ConversationItem, ConversationItemList, Message
    from openai_core.types.fine_tuning import FineTuningJobEvent
    from openai_core.types.fine_tuning.jobs import FineTuningJobCheckpoint

    assert_type(await client.models.delete("ft:gpt-4o:me"), ModelDeleted)
    job = await client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-1")
    assert_type(job, FineTuningJob)
    assert_type(await client.fine_tuning.jobs.retrieve(job.id), FineTuningJob)
    assert_type(await client.fine_tuning.jobs.cancel(job.id), FineTuningJob)
    assert_type(await client.fine_tuning.jobs.pause(job.id), FineTuningJob)
    stored = await client.chat.completions.retrieve("chatcmpl-1")
    assert_type(stored, ChatCompletion)
    assert_type(await client.chat.completions.update(stored.id, metadata={"k": "v"}), ChatCompletion)
    assert_type(await client.chat.completions.list(metadata={"k": "v"}), AsyncCursorPage[ChatCompletion])
    async for message in client.chat.completions.messages.list(stored.id):
        assert_type(message, ChatCompletionStoreMessage)
    assert_type((await client.chat.completions.delete(stored.id)).deleted, bool)
    started = await client.uploads.create(bytes=3, filename="a.txt", mime_type="text/plain", purpose="assistants")
    assert_type(started, Upload)
    assert_type((await client.uploads.parts.create(started.id, data=b"abc")).upload_id, str)
    assert_type(await client.uploads.complete(started.id, part_ids=["part_1"]), Upload)
    assert_type(await client.uploads.cancel(started.id), Upload)
    whole = await client.uploads.upload_file_chunked(file=path, mime_type="text/plain", purpose="batch")
    assert_type(whole.file, FileObject | None)
    talk = await client.conversations.create(items=[{"role": "user", "content": "hi"}])
    assert_type(talk, Conversation)
    assert_type(await client.conversations.retrieve(talk.id), Conversation)
    assert_type(await client.conversations.update(talk.id, metadata=None), Conversation)
    assert_type((await client.conversations.delete(talk.id)).deleted, bool)
    listed = await client.conversations.items.create(talk.id, items=[{"role": "user", "content": "more"}])
    assert_type(listed, ConversationItemList)
    assert_type(await client.conversations.items.retrieve("msg_1", conversation_id=talk.id), ConversationItem)
    async for said in client.conversations.items.list(talk.id, order="asc"):
        if said.type == "message":
            assert_type(said, Message)
    assert_type(await client.conversations.items.delete("msg_1", conversation_id=talk.id), Conversation)
    assert_type(await client.fine_tuning.jobs.resume(job.id), FineTuningJob)
    assert_type(await client.responses.cancel("resp_1"), Response)
    assert_type(await client.files.wait_for_processing("file-1", poll_interval=1.0), FileObject)
    assert_type(await client.files.retrieve_content("file-1"), str)  # deprecated, still typed
    assert_type(await client.fine_tuning.jobs.list_events(job.id, limit=5), AsyncCursorPage[FineTuningJobEvent])
    async for event in client.fine_tuning.jobs.list_events(job.id):
        assert_type(event, FineTuningJobEvent)
    checkpoints = await client.fine_tuning.jobs.checkpoints.list(job.id)
    assert_type(checkpoints, AsyncCursorPage[FineTuningJobCheckpoint])
    assert_type(await client.files.retrieve("file-1"), FileObject)
    async for file in client.files.list(purpose="batch"):
        assert_type(file, FileObject)
    assert_type(await client.batches.retrieve("batch_1"), Batch)
    assert_type(await client.batches.cancel("batch_1"), Batch)
    async for batch in client.batches.list():
        assert_type(batch, Batch)
    assert_type(await client.images.create_variation(image=path), ImagesResponse)
    async for item in client.responses.input_items.list("resp_1"):
        assert_type(item, ResponseItem)


async def files_mistakes(client: AsyncOpenAI, path: Path) -> None:
    await client.files.create(purpose="batch")  # E: missing file
    await client.audio.speech.create(model="tts-1", voice="alloy", input="hi", sped=1.0)  # E: unknown argument
    await client.batches.create(input_file_id="f", endpoint="/v1/nope", completion_window="24h")  # E: bad endpoint
    _ = (await client.files.with_raw_response.retrieve("f")).parse().nope  # E: FileObject has no attribute nope


async def realtime_session(client: AsyncOpenAI, pcm: bytes) -> None:
    from openai_core.resources.realtime import AsyncRealtimeConnection, AsyncRealtimeConnectionManager
    from openai_core.types.realtime import (
        ClientSecretCreateResponse,
        RealtimeServerEvent,
        ResponseAudioDeltaEvent,
        SessionUpdateEvent,
    )

    manager = client.realtime.connect(model="gpt-realtime", extra_query={"a": "b"}, extra_headers={"X-A": "b"},
                                      websocket_connection_options={"max_size": None, "ping_interval": 5.0})
    assert_type(manager, AsyncRealtimeConnectionManager)
    async with manager as connection:
        assert_type(connection, AsyncRealtimeConnection)
        await connection.session.update(session={"type": "realtime", "output_modalities": ["text"]})
        await connection.conversation.item.create(
            item={"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}
        )
        await connection.input_audio_buffer.append(audio=pcm.hex())
        await connection.input_audio_buffer.commit()
        await connection.input_audio_buffer.clear(event_id="e1")
        await connection.response.create(response={"output_modalities": ["audio"]})
        await connection.response.cancel()
        await connection.conversation.item.truncate(item_id="i", content_index=0, audio_end_ms=10)
        await connection.conversation.item.retrieve(item_id="i")
        await connection.conversation.item.delete(item_id="i")
        await connection.output_audio_buffer.clear()
        await connection.send({"type": "response.create"})
        await connection.send(SessionUpdateEvent(type="session.update", session={"type": "realtime"}))
        event = await connection.recv()
        assert_type(event, RealtimeServerEvent)
        if event.type == "response.output_audio.delta":
            assert_type(event, ResponseAudioDeltaEvent)
            assert_type(event.delta, str)
        async for each in connection:
            assert_type(each, RealtimeServerEvent)
        assert_type(await connection.recv_bytes(), bytes)
        assert_type(connection.on("error", print), AsyncRealtimeConnection)
        await connection.close(code=1000)
    secret = await client.realtime.client_secrets.create(expires_after={"anchor": "created_at", "seconds": 60})
    assert_type(secret, ClientSecretCreateResponse)
    assert_type(secret.value, str)
    answer = await client.realtime.calls.create(sdp="v=0", session={"type": "realtime"})
    assert_type(answer.text, str)
    assert_type(await client.realtime.calls.accept("rtc_1", type="realtime", instructions="hi"), None)
    assert_type(await client.realtime.calls.hangup("rtc_1"), None)
    assert_type(await client.realtime.calls.refer("rtc_1", target_uri="tel:+1"), None)
    assert_type(await client.realtime.calls.reject("rtc_1", status_code=486), None)


async def realtime_mistakes(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model="gpt-realtime") as connection:
        await connection.session.update(session={"type": "chat"})  # E: not a session type
        await connection.input_audio_buffer.append(audio=b"\0")  # E: audio is base64 text
        await connection.response.create(respons={})  # E: unknown argument
        await connection.send({"type": "response.create", "extra": 1})  # E: not a client event
    client.realtime.connect(model="m", websocket_connection_options={"max_sise": 1})  # E: unknown option
    await client.realtime.calls.refer("rtc_1")  # E: target_uri missing
