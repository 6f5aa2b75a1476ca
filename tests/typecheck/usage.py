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


async def websocket_apis(client: AsyncOpenAI) -> None:
    from openai_core.types.realtime import (
        RealtimeTranslationClientSecretCreateResponse,
        RealtimeTranslationServerEvent,
    )
    from openai_core.types.responses import ResponseTextDeltaEvent
    from openai_core.types.responses.responses_server_event import ResponsesServerEvent, ResponseTextWsDelta

    async with client.responses.connect(extra_query={"a": "b"}) as responses:
        await responses.response.create(model="gpt-5", input="hi", stream_id="a", generate=False)
        await responses.response.steer(input="more", previous_response_id="resp_1")
        await responses.send({"type": "response.create", "model": "gpt-5"})
        event = await responses.recv()
        assert_type(event, ResponsesServerEvent)
        if event.type == "response.output_text.delta":
            assert_type(event, ResponseTextWsDelta)
            assert isinstance(event, ResponseTextDeltaEvent)
        await responses.response.create(modle="gpt-5")  # E: unknown argument
    secret = await client.realtime.translations.client_secrets.create(session={"model": "gpt-realtime-translate"})
    assert_type(secret, RealtimeTranslationClientSecretCreateResponse)
    async with client.realtime.translations.connect(model="gpt-realtime-translate") as translation:
        await translation.session.update(session={"audio": {"output": {"language": "fr"}}})
        await translation.session.input_audio_buffer.append(audio="AAAA")
        await translation.session.close()
        assert_type(await translation.recv(), RealtimeTranslationServerEvent)
        await translation.session.input_audio_buffer.append(audio=b"\0")  # E: audio is base64 text
    from openai_core.resources.live.connection import LiveErrorEvent, LiveServerEvent

    async with client.live.connect() as live:
        await live.session.start(session={"type": "live", "model": "gpt-live-1"})
        await live.session.input_audio.append(audio="AAAA")
        await live.session.instructions.append(content="hi", delegation_id=None)
        await live.decision.create(event_id="e1")
        await live.response.item.create(item={"type": "message", "role": "user", "content": "x"})
        assert_type(await live.recv(), LiveErrorEvent | LiveServerEvent)
        await live.session.instructions.append(content="hi")  # E: delegation_id is required
    from openai_core.types.websocket_reconnection import ReconnectingEvent, ReconnectingOverrides

    def retry(event: ReconnectingEvent) -> ReconnectingOverrides | None:
        return {"abort": True} if event.close_code == 1011 else None

    client.realtime.connect(model="gpt-realtime", on_reconnecting=retry, max_retries=2, initial_delay=0.1)
    client.live.sideband.connect(session_id="s", on_reconnecting=lambda event: {"extra_query": {"a": 1}})
    client.realtime.connect(model="m", on_reconnecting=lambda event: {"abort": "yes"})  # E: abort is a bool
    async with client.live.forks.connect(session_id="sess_1") as fork:
        await fork.session.start(session={})
    async with client.live.sideband.connect(session_id="sess_1", graceful_close=True) as sideband:
        await sideband.transport.dtmf.send(event="1")
        await sideband.session.start(session={})  # E: a sideband does not start the session


async def realtime_mistakes(client: AsyncOpenAI) -> None:
    async with client.realtime.connect(model="gpt-realtime") as connection:
        await connection.session.update(session={"type": "chat"})  # E: not a session type
        await connection.input_audio_buffer.append(audio=b"\0")  # E: audio is base64 text
        await connection.response.create(respons={})  # E: unknown argument
        await connection.send({"type": "response.create", "extra": 1})  # E: not a client event
    client.realtime.connect(model="m", websocket_connection_options={"max_sise": 1})  # E: unknown option
    await client.realtime.calls.refer("rtc_1")  # E: target_uri missing
# -- the generated surface (scripts/generate.py) ----------------------------------------------------------


async def generated_surface(client: AsyncOpenAI, path: Path, payload: bytes, headers: dict[str, str]) -> None:
    from openai_core._binary import HttpxBinaryResponseContent
    from openai_core.types import (
        ContainerCreateResponse,
        ContentProvenanceCheck,
        Decision,
        EvalCreateResponse,
        Skill,
        VectorStore,
        VectorStoreSearchResponse,
        Video,
    )
    from openai_core.types.audio import Voice, VoiceConsent
    from openai_core.types.evals import RunCreateResponse
    from openai_core.types.evals.runs import OutputItemListResponse
    from openai_core.types.fine_tuning.alpha import GraderRunResponse
    from openai_core.types.fine_tuning.checkpoints import PermissionCreateResponse, PermissionListResponse
    from openai_core.types.responses import CompactedResponse
    from openai_core.types.safety import SafetyAlert, SafetyCase
    from openai_core.types.skills import SkillVersion
    from openai_core.types.vector_stores import FileContentResponse, VectorStoreFile, VectorStoreFileBatch
    from openai_core.types.webhooks import UnwrapWebhookEvent, WebhookEndpoint, WebhookEndpointWithSecret

    store = await client.vector_stores.create(name="docs", file_ids=["file-1"], expires_after={
        "anchor": "last_active_at", "days": 7})
    assert_type(store, VectorStore)
    assert_type(store.file_counts.completed, int)
    assert_type(await client.vector_stores.retrieve(store.id), VectorStore)
    assert_type(await client.vector_stores.update(store.id, name="x", expires_after=None), VectorStore)
    assert_type(await client.vector_stores.list(limit=2), AsyncCursorPage[VectorStore])
    assert_type((await client.vector_stores.delete(store.id)).deleted, bool)
    hits = await client.vector_stores.search(store.id, query="refunds", filters={"type": "eq", "key": "a",
                                                                                 "value": "b"})
    assert_type(hits, AsyncPage[VectorStoreSearchResponse])
    await client.vector_stores.search(store.id)  # E: missing query
    vsf = await client.vector_stores.files.create(store.id, file_id="file-1", chunking_strategy={"type": "auto"})
    assert_type(vsf, VectorStoreFile)
    assert_type(await client.vector_stores.files.retrieve("file-1", vector_store_id=store.id), VectorStoreFile)
    await client.vector_stores.files.retrieve("file-1")  # E: vector_store_id is required
    assert_type(await client.vector_stores.files.update("file-1", vector_store_id=store.id, attributes={"k": 1}),
                VectorStoreFile)
    async for listed in client.vector_stores.files.list(store.id, filter="completed"):
        assert_type(listed, VectorStoreFile)
    assert_type((await client.vector_stores.files.delete("file-1", vector_store_id=store.id)).deleted, bool)
    chunks = await client.vector_stores.files.content("file-1", vector_store_id=store.id)
    assert_type(chunks, AsyncPage[FileContentResponse])
    assert_type(await client.vector_stores.files.poll("file-1", vector_store_id=store.id), VectorStoreFile)
    assert_type(await client.vector_stores.files.create_and_poll("file-1", vector_store_id=store.id,
                                                                 max_wait_seconds=60), VectorStoreFile)
    assert_type(await client.vector_stores.files.upload(vector_store_id=store.id, file=path), VectorStoreFile)
    assert_type(await client.vector_stores.files.upload_and_poll(vector_store_id=store.id, file=path),
                VectorStoreFile)
    batch = await client.vector_stores.file_batches.create(store.id, file_ids=["file-1"])
    assert_type(batch, VectorStoreFileBatch)
    assert_type(await client.vector_stores.file_batches.retrieve(batch.id, vector_store_id=store.id),
                VectorStoreFileBatch)
    assert_type(await client.vector_stores.file_batches.cancel(batch.id, vector_store_id=store.id),
                VectorStoreFileBatch)
    assert_type(await client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id),
                AsyncCursorPage[VectorStoreFile])
    assert_type(await client.vector_stores.file_batches.poll(batch.id, vector_store_id=store.id),
                VectorStoreFileBatch)
    assert_type(await client.vector_stores.file_batches.create_and_poll(store.id, file_ids=["f"]),
                VectorStoreFileBatch)
    assert_type(await client.vector_stores.file_batches.upload_and_poll(store.id, files=[path]),
                VectorStoreFileBatch)

    box = await client.containers.create(name="sandbox", memory_limit="4g")
    assert_type(box, ContainerCreateResponse)
    await client.containers.create(name="sandbox", memory_limit="3g")  # E: not a memory limit
    assert_type((await client.containers.retrieve(box.id)).id, str)
    async for listed_box in client.containers.list():
        assert_type(listed_box.name, str)
    assert_type(await client.containers.delete(box.id), None)
    assert_type((await client.containers.files.create(box.id, file=path)).path, str)
    assert_type((await client.containers.files.retrieve("cf", container_id=box.id)).bytes, int)
    assert_type((await client.containers.files.list(box.id)).data[0].id, str)
    assert_type(await client.containers.files.delete("cf", container_id=box.id), None)
    assert_type(await client.containers.files.content.retrieve("cf", container_id=box.id), HttpxBinaryResponseContent)

    made = await client.evals.create(data_source_config={"type": "custom", "item_schema": {}},
                                     testing_criteria=[{"type": "string_check", "name": "x", "input": "a",
                                                        "reference": "b", "operation": "eq"}])
    assert_type(made, EvalCreateResponse)
    assert_type((await client.evals.retrieve(made.id)).name, str)
    assert_type((await client.evals.update(made.id, name="v2")).id, str)
    assert_type((await client.evals.list(order_by="created_at")).data[0].id, str)
    assert_type((await client.evals.delete(made.id)).deleted, bool)
    run = await client.evals.runs.create(made.id, data_source={"type": "jsonl", "source": {
        "type": "file_id", "id": "file-1"}})
    assert_type(run, RunCreateResponse)
    assert_type((await client.evals.runs.retrieve(run.id, eval_id=made.id)).status, str)
    assert_type((await client.evals.runs.list(made.id)).data[0].id, str)
    assert_type((await client.evals.runs.cancel(run.id, eval_id=made.id)).id, str)
    assert_type((await client.evals.runs.delete(run.id, eval_id=made.id)).deleted, bool | None)
    items = await client.evals.runs.output_items.list(run.id, eval_id=made.id, status="pass")
    assert_type(items, AsyncCursorPage[OutputItemListResponse])
    assert_type((await client.evals.runs.output_items.retrieve("i", eval_id=made.id, run_id=run.id)).id, str)

    video = await client.videos.create(prompt="a cat", seconds="4", input_reference=path)
    assert_type(video, Video)
    await client.videos.create(prompt="a cat", seconds="5")  # E: not a duration
    assert_type(await client.videos.retrieve(video.id), Video)
    assert_type(await client.videos.remix(video.id, prompt="night"), Video)
    assert_type(await client.videos.edit(prompt="blue", video=path), Video)
    assert_type(await client.videos.extend(prompt="more", seconds="8", video=path), Video)
    async for clip in client.videos.list():
        assert_type(clip, Video)
    assert_type((await client.videos.delete(video.id)).deleted, bool)
    assert_type(await client.videos.download_content(video.id, variant="thumbnail"), HttpxBinaryResponseContent)
    assert_type((await client.videos.create_character(name="Mia", video=path)).created_at, int)
    assert_type((await client.videos.get_character("char_1")).name, str | None)
    assert_type(await client.videos.poll(video.id, poll_interval_ms=500), Video)
    assert_type(await client.videos.create_and_poll(prompt="a wave", poll_interval_ms=500), Video)

    skill = await client.skills.create(files=[path])
    assert_type(skill, Skill)
    assert_type(await client.skills.retrieve(skill.id), Skill)
    assert_type(await client.skills.update(skill.id, default_version="2"), Skill)
    assert_type(await client.skills.list(), AsyncCursorPage[Skill])
    assert_type((await client.skills.delete(skill.id)).deleted, bool)
    assert_type(await client.skills.content.retrieve(skill.id), HttpxBinaryResponseContent)
    version = await client.skills.versions.create(skill.id, files=path, default=True)
    assert_type(version, SkillVersion)
    assert_type(await client.skills.versions.retrieve("2", skill_id=skill.id), SkillVersion)
    assert_type(await client.skills.versions.list(skill.id), AsyncCursorPage[SkillVersion])
    assert_type((await client.skills.versions.delete("2", skill_id=skill.id)).version, str)
    assert_type(await client.skills.versions.content.retrieve("2", skill_id=skill.id), HttpxBinaryResponseContent)

    ckpt = "ft:gpt-4o-mini:org::ckpt"
    granted = await client.fine_tuning.checkpoints.permissions.create(ckpt, project_ids=["proj_1"])
    assert_type(granted, AsyncPage[PermissionCreateResponse])
    async for permission in client.fine_tuning.checkpoints.permissions.list(ckpt):
        assert_type(permission, PermissionListResponse)
    assert_type((await client.fine_tuning.checkpoints.permissions.retrieve(ckpt)).has_more, bool)  # deprecated
    assert_type((await client.fine_tuning.checkpoints.permissions.delete(
        "perm_1", fine_tuned_model_checkpoint=ckpt)).deleted, bool)
    grade = await client.fine_tuning.alpha.graders.run(
        grader={"type": "string_check", "name": "x", "input": "a", "reference": "b", "operation": "eq"},
        model_sample="a")
    assert_type(grade, GraderRunResponse)
    assert_type(grade.reward, float)
    _ = await client.fine_tuning.alpha.graders.validate(grader={"type": "python", "name": "p", "source": "x"})

    assert_type(await client.audio.voices.create(name="v", audio_sample=path, consent="c"), Voice)
    assert_type((await client.audio.voices.delete("voice_1")).deleted, bool)
    consent = await client.audio.voice_consents.create(language="en", name="Ann", recording=path)
    assert_type(consent, VoiceConsent)
    assert_type(await client.audio.voice_consents.retrieve(consent.id), VoiceConsent)
    assert_type(await client.audio.voice_consents.update(consent.id, name="B"), VoiceConsent)
    assert_type(await client.audio.voice_consents.list(), AsyncCursorPage[VoiceConsent])
    assert_type((await client.audio.voice_consents.delete(consent.id)).deleted, bool)
    assert_type(await client.content_provenance_checks.create(file=path), ContentProvenanceCheck)

    hook = await client.webhooks.create(name="ci", url="https://example.test", event_types=["batch.completed"])
    assert_type(hook, WebhookEndpointWithSecret)
    await client.webhooks.create(name="ci", url="https://x", event_types=["batch.done"])  # E: not an event type
    assert_type(await client.webhooks.retrieve(hook.id), WebhookEndpoint)
    assert_type(await client.webhooks.update(hook.id, name="renamed"), WebhookEndpoint)
    assert_type(await client.webhooks.list(), AsyncCursorPage[WebhookEndpoint])
    assert_type((await client.webhooks.delete(hook.id)).deleted, bool)
    assert_type(await client.webhooks.rotate_secret(hook.id), WebhookEndpointWithSecret)
    assert_type((await client.webhooks.test(hook.id, event_type="batch.completed")).status_code, int)
    assert_type((await client.webhooks.event_types.list()).data, list[str])
    event = client.webhooks.unwrap(payload, headers, secret="whsec_x")
    assert_type(event, UnwrapWebhookEvent)
    if event.type == "batch.completed":
        assert_type(event.data.id, str)
    assert_type(client.webhooks.verify_signature(payload, headers, tolerance=60), None)

    assert_type(await client.safety.alerts.retrieve("alert_1"), SafetyAlert)
    assert_type(await client.safety.cases.retrieve("case_1"), SafetyCase)
    assert_type(await client.decisions.create(model="m", input="x", questions=[{"type": "predicate"}]), Decision)
    assert_type(await client.responses.compact(model="gpt-5.5", input="x"), CompactedResponse)
    await client.responses.create(model="gpt-5.5", input="x", access_programs={"cyber": "standard"})
    joined = await client.live.create(session={"type": "live"}, transport={"type": "webrtc", "sdp": "v=0"})
    assert_type(joined.session.id, str)
    assert_type(await client.live.sessions.accept(joined.session.id, session={"type": "live"}), None)
    assert_type(await client.live.sessions.download_recording("s"), HttpxBinaryResponseContent)
    assert_type((await client.live.sessions.fork("s", transport={"type": "webrtc", "sdp": "v=0"})).transport.sdp, str)
    assert_type(await client.live.sessions.hangup("s"), None)
    assert_type(await client.live.sessions.refer("s", target_uri="sip:a@b"), None)
    assert_type(await client.live.sessions.reject("s", status_code=486), None)

async def admin_surface(client: AsyncOpenAI) -> None:
    """Every ``admin.organization.*`` method, called as the official SDK's signature allows (arguments as the
    admin wire entries sample them)."""
    from openai_core.pagination import (
        AsyncConversationCursorPage,
        AsyncCursorPage,
        AsyncNextCursorPage,
        AsyncPage,
    )
    from openai_core.types.admin.organization.admin_api_key import AdminAPIKey
    from openai_core.types.admin.organization.admin_api_key_create_response import AdminAPIKeyCreateResponse
    from openai_core.types.admin.organization.admin_api_key_delete_response import AdminAPIKeyDeleteResponse
    from openai_core.types.admin.organization.audit_log_list_response import AuditLogListResponse
    from openai_core.types.admin.organization.certificate import Certificate
    from openai_core.types.admin.organization.certificate_activate_response import CertificateActivateResponse
    from openai_core.types.admin.organization.certificate_deactivate_response import (
        CertificateDeactivateResponse,
    )
    from openai_core.types.admin.organization.certificate_delete_response import CertificateDeleteResponse
    from openai_core.types.admin.organization.certificate_list_response import CertificateListResponse
    from openai_core.types.admin.organization.external_key import ExternalKey
    from openai_core.types.admin.organization.external_key_validate_response import (
        ExternalKeyValidateResponse,
    )
    from openai_core.types.admin.organization.external_storage_configuration import (
        ExternalStorageConfiguration,
    )
    from openai_core.types.admin.organization.external_storage_deleted import ExternalStorageDeleted
    from openai_core.types.admin.organization.group import Group
    from openai_core.types.admin.organization.group_delete_response import GroupDeleteResponse
    from openai_core.types.admin.organization.group_update_response import GroupUpdateResponse
    from openai_core.types.admin.organization.groups.organization_group_user import OrganizationGroupUser
    from openai_core.types.admin.organization.groups.role_create_response import (
        RoleCreateResponse as GroupsRoleCreateResponse,
    )
    from openai_core.types.admin.organization.groups.role_delete_response import (
        RoleDeleteResponse as GroupsRoleDeleteResponse,
    )
    from openai_core.types.admin.organization.groups.role_list_response import (
        RoleListResponse as GroupsRoleListResponse,
    )
    from openai_core.types.admin.organization.groups.role_retrieve_response import (
        RoleRetrieveResponse as GroupsRoleRetrieveResponse,
    )
    from openai_core.types.admin.organization.groups.user_create_response import UserCreateResponse
    from openai_core.types.admin.organization.groups.user_delete_response import (
        UserDeleteResponse as GroupsUserDeleteResponse,
    )
    from openai_core.types.admin.organization.groups.user_retrieve_response import UserRetrieveResponse
    from openai_core.types.admin.organization.invite import Invite
    from openai_core.types.admin.organization.invite_delete_response import InviteDeleteResponse
    from openai_core.types.admin.organization.organization_data_retention import OrganizationDataRetention
    from openai_core.types.admin.organization.organization_spend_alert import OrganizationSpendAlert
    from openai_core.types.admin.organization.organization_spend_alert_deleted import (
        OrganizationSpendAlertDeleted,
    )
    from openai_core.types.admin.organization.organization_spend_limit import OrganizationSpendLimit
    from openai_core.types.admin.organization.organization_spend_limit_deleted import (
        OrganizationSpendLimitDeleted,
    )
    from openai_core.types.admin.organization.organization_user import OrganizationUser
    from openai_core.types.admin.organization.project import Project
    from openai_core.types.admin.organization.projects.api_key_delete_response import APIKeyDeleteResponse
    from openai_core.types.admin.organization.projects.certificate_activate_response import (
        CertificateActivateResponse as ProjectsCertificateActivateResponse,
    )
    from openai_core.types.admin.organization.projects.certificate_deactivate_response import (
        CertificateDeactivateResponse as ProjectsCertificateDeactivateResponse,
    )
    from openai_core.types.admin.organization.projects.certificate_list_response import (
        CertificateListResponse as ProjectsCertificateListResponse,
    )
    from openai_core.types.admin.organization.projects.group_delete_response import (
        GroupDeleteResponse as ProjectsGroupDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.groups.role_create_response import (
        RoleCreateResponse as ProjectsGroupsRoleCreateResponse,
    )
    from openai_core.types.admin.organization.projects.groups.role_delete_response import (
        RoleDeleteResponse as ProjectsGroupsRoleDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.groups.role_list_response import (
        RoleListResponse as ProjectsGroupsRoleListResponse,
    )
    from openai_core.types.admin.organization.projects.groups.role_retrieve_response import (
        RoleRetrieveResponse as ProjectsGroupsRoleRetrieveResponse,
    )
    from openai_core.types.admin.organization.projects.project_api_key import ProjectAPIKey
    from openai_core.types.admin.organization.projects.project_data_retention import ProjectDataRetention
    from openai_core.types.admin.organization.projects.project_group import ProjectGroup
    from openai_core.types.admin.organization.projects.project_hosted_tool_permissions import (
        ProjectHostedToolPermissions,
    )
    from openai_core.types.admin.organization.projects.project_model_permissions import (
        ProjectModelPermissions,
    )
    from openai_core.types.admin.organization.projects.project_model_permissions_deleted import (
        ProjectModelPermissionsDeleted,
    )
    from openai_core.types.admin.organization.projects.project_rate_limit import ProjectRateLimit
    from openai_core.types.admin.organization.projects.project_service_account import ProjectServiceAccount
    from openai_core.types.admin.organization.projects.project_service_tier_settings import (
        ProjectServiceTierSettings,
    )
    from openai_core.types.admin.organization.projects.project_spend_alert import ProjectSpendAlert
    from openai_core.types.admin.organization.projects.project_spend_alert_deleted import (
        ProjectSpendAlertDeleted,
    )
    from openai_core.types.admin.organization.projects.project_spend_limit import ProjectSpendLimit
    from openai_core.types.admin.organization.projects.project_spend_limit_deleted import (
        ProjectSpendLimitDeleted,
    )
    from openai_core.types.admin.organization.projects.project_user import ProjectUser
    from openai_core.types.admin.organization.projects.role_delete_response import (
        RoleDeleteResponse as ProjectsRoleDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.service_account_create_response import (
        ServiceAccountCreateResponse,
    )
    from openai_core.types.admin.organization.projects.service_account_delete_response import (
        ServiceAccountDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.service_accounts.api_key_create_response import (
        APIKeyCreateResponse,
    )
    from openai_core.types.admin.organization.projects.user_delete_response import (
        UserDeleteResponse as ProjectsUserDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.users.role_create_response import (
        RoleCreateResponse as ProjectsUsersRoleCreateResponse,
    )
    from openai_core.types.admin.organization.projects.users.role_delete_response import (
        RoleDeleteResponse as ProjectsUsersRoleDeleteResponse,
    )
    from openai_core.types.admin.organization.projects.users.role_list_response import (
        RoleListResponse as ProjectsUsersRoleListResponse,
    )
    from openai_core.types.admin.organization.projects.users.role_retrieve_response import (
        RoleRetrieveResponse as ProjectsUsersRoleRetrieveResponse,
    )
    from openai_core.types.admin.organization.role import Role
    from openai_core.types.admin.organization.role_delete_response import RoleDeleteResponse
    from openai_core.types.admin.organization.usage_audio_speeches_response import UsageAudioSpeechesResponse
    from openai_core.types.admin.organization.usage_audio_transcriptions_response import (
        UsageAudioTranscriptionsResponse,
    )
    from openai_core.types.admin.organization.usage_code_interpreter_sessions_response import (
        UsageCodeInterpreterSessionsResponse,
    )
    from openai_core.types.admin.organization.usage_completions_response import UsageCompletionsResponse
    from openai_core.types.admin.organization.usage_costs_response import UsageCostsResponse
    from openai_core.types.admin.organization.usage_decisions_response import UsageDecisionsResponse
    from openai_core.types.admin.organization.usage_embeddings_response import UsageEmbeddingsResponse
    from openai_core.types.admin.organization.usage_file_search_calls_response import (
        UsageFileSearchCallsResponse,
    )
    from openai_core.types.admin.organization.usage_images_response import UsageImagesResponse
    from openai_core.types.admin.organization.usage_moderations_response import UsageModerationsResponse
    from openai_core.types.admin.organization.usage_vector_stores_response import UsageVectorStoresResponse
    from openai_core.types.admin.organization.usage_web_search_calls_response import (
        UsageWebSearchCallsResponse,
    )
    from openai_core.types.admin.organization.user_delete_response import UserDeleteResponse
    from openai_core.types.admin.organization.users.role_create_response import (
        RoleCreateResponse as UsersRoleCreateResponse,
    )
    from openai_core.types.admin.organization.users.role_delete_response import (
        RoleDeleteResponse as UsersRoleDeleteResponse,
    )
    from openai_core.types.admin.organization.users.role_list_response import (
        RoleListResponse as UsersRoleListResponse,
    )
    from openai_core.types.admin.organization.users.role_retrieve_response import (
        RoleRetrieveResponse as UsersRoleRetrieveResponse,
    )
    from openai_core.types.admin.organization.workload_identity_provider import WorkloadIdentityProvider
    from openai_core.types.admin.organization.workload_identity_provider_deleted import (
        WorkloadIdentityProviderDeleted,
    )
    from openai_core.types.admin.organization.workload_identity_providers.federation_rule import (
        FederationRule,
    )
    from openai_core.types.admin.organization.workload_identity_providers.federation_rule_deleted import (
        FederationRuleDeleted,
    )

    assert_type(
        await client.admin.organization.admin_api_keys.create(name="name_1", expires_in_seconds=1),
        AdminAPIKeyCreateResponse,
    )
    assert_type(await client.admin.organization.admin_api_keys.delete("key_id_1"), AdminAPIKeyDeleteResponse)
    assert_type(
        await client.admin.organization.admin_api_keys.list(after="after_1", limit=1, order="asc"),
        AsyncCursorPage[AdminAPIKey],
    )
    assert_type(await client.admin.organization.admin_api_keys.retrieve("key_id_1"), AdminAPIKey)
    assert_type(
        await client.admin.organization.audit_logs.list(
            actor_emails=["actor_emails_1"],
            actor_ids=["actor_ids_1"],
            after="after_1",
            before="before_1",
            effective_at={"gt": 1, "gte": 1, "lt": 1, "lte": 1},
            event_types=["api_key.created"],
            limit=1,
            project_ids=["project_ids_1"],
            resource_ids=["resource_ids_1"],
            tenant_only=True,
        ),
        AsyncConversationCursorPage[AuditLogListResponse],
    )
    assert_type(
        await client.admin.organization.certificates.activate(certificate_ids=["certificate_ids_1"]),
        AsyncPage[CertificateActivateResponse],
    )
    assert_type(
        await client.admin.organization.certificates.create(certificate="certificate_1", name="name_1"),
        Certificate,
    )
    assert_type(
        await client.admin.organization.certificates.deactivate(certificate_ids=["certificate_ids_1"]),
        AsyncPage[CertificateDeactivateResponse],
    )
    assert_type(
        await client.admin.organization.certificates.delete("certificate_id_1"), CertificateDeleteResponse
    )
    assert_type(
        await client.admin.organization.certificates.list(after="after_1", limit=1, order="asc"),
        AsyncConversationCursorPage[CertificateListResponse],
    )
    assert_type(
        await client.admin.organization.certificates.retrieve("certificate_id_1", include=["content"]),
        Certificate,
    )
    assert_type(
        await client.admin.organization.certificates.update("certificate_id_1", name="name_1"), Certificate
    )
    assert_type(await client.admin.organization.data_retention.retrieve(), OrganizationDataRetention)
    assert_type(
        await client.admin.organization.data_retention.update(retention_type="zero_data_retention"),
        OrganizationDataRetention,
    )
    assert_type(
        await client.admin.organization.external_keys.create(
            external_id="external_id_1",
            kms_arn="kms_arn_1",
            name="name_1",
            role_arn="role_arn_1",
            type="aws",
            purpose="ekm",
            audience="audience_1",
            kms_key_location="kms_key_location_1",
            kms_key_name="kms_key_name_1",
            kms_key_ring_name="kms_key_ring_name_1",
            kms_project_id="kms_project_id_1",
            workload_identity_pool_id="workload_identity_pool_id_1",
            workload_identity_project_number="workload_identity_project_number_1",
            workload_identity_provider_id="workload_identity_provider_id_1",
            kms_key_version="kms_key_version_1",
            key_name="key_name_1",
            tenant_id="tenant_id_1",
            vault_uri="vault_uri_1",
            key_version="key_version_1",
            key_ocid="key_ocid_1",
            region="region_1",
            vault_ocid="vault_ocid_1",
            key_version_ocid="key_version_ocid_1",
        ),
        ExternalKey,
    )
    assert_type(await client.admin.organization.external_keys.delete("external_key_id_1"), ExternalKey)
    assert_type(
        await client.admin.organization.external_keys.list(
            after="after_1", limit=1, order="asc", purpose="ekm"
        ),
        AsyncCursorPage[ExternalKey],
    )
    assert_type(await client.admin.organization.external_keys.retrieve("external_key_id_1"), ExternalKey)
    assert_type(
        await client.admin.organization.external_keys.validate("external_key_id_1"),
        ExternalKeyValidateResponse,
    )
    assert_type(
        await client.admin.organization.external_storage.create(
            project_id="project_id_1",
            provider={"bucket": "bucket_1", "role_arn": "role_arn_1", "type": "aws"},
        ),
        ExternalStorageConfiguration,
    )
    assert_type(
        await client.admin.organization.external_storage.delete("external_storage_id_1"),
        ExternalStorageDeleted,
    )
    assert_type(
        await client.admin.organization.external_storage.list(
            after="after_1", limit=1, order="asc", project_id="project_id_1"
        ),
        AsyncCursorPage[ExternalStorageConfiguration],
    )
    assert_type(
        await client.admin.organization.external_storage.retrieve("external_storage_id_1"),
        ExternalStorageConfiguration,
    )
    assert_type(
        await client.admin.organization.external_storage.validate("external_storage_id_1"),
        ExternalStorageConfiguration,
    )
    assert_type(await client.admin.organization.groups.create(name="name_1"), Group)
    assert_type(await client.admin.organization.groups.delete("group_id_1"), GroupDeleteResponse)
    assert_type(
        await client.admin.organization.groups.list(after="after_1", limit=1, order="asc"),
        AsyncNextCursorPage[Group],
    )
    assert_type(await client.admin.organization.groups.retrieve("group_id_1"), Group)
    assert_type(
        await client.admin.organization.groups.roles.create("group_id_1", role_id="role_id_1"),
        GroupsRoleCreateResponse,
    )
    assert_type(
        await client.admin.organization.groups.roles.delete("role_id_1", group_id="group_id_1"),
        GroupsRoleDeleteResponse,
    )
    assert_type(
        await client.admin.organization.groups.roles.list(
            "group_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[GroupsRoleListResponse],
    )
    assert_type(
        await client.admin.organization.groups.roles.retrieve("role_id_1", group_id="group_id_1"),
        GroupsRoleRetrieveResponse,
    )
    assert_type(
        await client.admin.organization.groups.update("group_id_1", name="name_1"), GroupUpdateResponse
    )
    assert_type(
        await client.admin.organization.groups.users.create("group_id_1", user_id="user_id_1"),
        UserCreateResponse,
    )
    assert_type(
        await client.admin.organization.groups.users.delete("user_id_1", group_id="group_id_1"),
        GroupsUserDeleteResponse,
    )
    assert_type(
        await client.admin.organization.groups.users.list(
            "group_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[OrganizationGroupUser],
    )
    assert_type(
        await client.admin.organization.groups.users.retrieve("user_id_1", group_id="group_id_1"),
        UserRetrieveResponse,
    )
    assert_type(
        await client.admin.organization.invites.create(
            email="email_1", role="reader", projects=[{"id": "id_1", "role": "member"}]
        ),
        Invite,
    )
    assert_type(await client.admin.organization.invites.delete("invite_id_1"), InviteDeleteResponse)
    assert_type(
        await client.admin.organization.invites.list(after="after_1", limit=1),
        AsyncConversationCursorPage[Invite],
    )
    assert_type(await client.admin.organization.invites.retrieve("invite_id_1"), Invite)
    assert_type(
        await client.admin.organization.projects.api_keys.delete("api_key_id_1", project_id="project_id_1"),
        APIKeyDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.api_keys.list(
            "project_id_1", after="after_1", limit=1, owner_project_access="active"
        ),
        AsyncConversationCursorPage[ProjectAPIKey],
    )
    assert_type(
        await client.admin.organization.projects.api_keys.retrieve("api_key_id_1", project_id="project_id_1"),
        ProjectAPIKey,
    )
    assert_type(
        await client.admin.organization.projects.api_keys.update(
            "api_key_id_1", project_id="project_id_1", expires_in_seconds=1, scopes=["scopes_1"]
        ),
        ProjectAPIKey,
    )
    assert_type(await client.admin.organization.projects.archive("project_id_1"), Project)
    assert_type(
        await client.admin.organization.projects.certificates.activate(
            "project_id_1", certificate_ids=["certificate_ids_1"]
        ),
        AsyncPage[ProjectsCertificateActivateResponse],
    )
    assert_type(
        await client.admin.organization.projects.certificates.deactivate(
            "project_id_1", certificate_ids=["certificate_ids_1"]
        ),
        AsyncPage[ProjectsCertificateDeactivateResponse],
    )
    assert_type(
        await client.admin.organization.projects.certificates.list(
            "project_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncConversationCursorPage[ProjectsCertificateListResponse],
    )
    assert_type(
        await client.admin.organization.projects.create(
            name="name_1", external_key_id="external_key_id_1", geography="geography_1", residency="GLOBAL"
        ),
        Project,
    )
    assert_type(
        await client.admin.organization.projects.data_retention.retrieve("project_id_1"), ProjectDataRetention
    )
    assert_type(
        await client.admin.organization.projects.data_retention.update(
            "project_id_1", retention_type="organization_default"
        ),
        ProjectDataRetention,
    )
    assert_type(
        await client.admin.organization.projects.groups.create(
            "project_id_1", group_id="group_id_1", role="role_1"
        ),
        ProjectGroup,
    )
    assert_type(
        await client.admin.organization.projects.groups.delete("group_id_1", project_id="project_id_1"),
        ProjectsGroupDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.groups.list(
            "project_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[ProjectGroup],
    )
    assert_type(
        await client.admin.organization.projects.groups.retrieve(
            "group_id_1", project_id="project_id_1", group_type="group"
        ),
        ProjectGroup,
    )
    assert_type(
        await client.admin.organization.projects.groups.roles.create(
            "group_id_1", project_id="project_id_1", role_id="role_id_1"
        ),
        ProjectsGroupsRoleCreateResponse,
    )
    assert_type(
        await client.admin.organization.projects.groups.roles.delete(
            "role_id_1", project_id="project_id_1", group_id="group_id_1"
        ),
        ProjectsGroupsRoleDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.groups.roles.list(
            "group_id_1", project_id="project_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[ProjectsGroupsRoleListResponse],
    )
    assert_type(
        await client.admin.organization.projects.groups.roles.retrieve(
            "role_id_1", project_id="project_id_1", group_id="group_id_1"
        ),
        ProjectsGroupsRoleRetrieveResponse,
    )
    assert_type(
        await client.admin.organization.projects.hosted_tool_permissions.retrieve("project_id_1"),
        ProjectHostedToolPermissions,
    )
    assert_type(
        await client.admin.organization.projects.hosted_tool_permissions.update(
            "project_id_1",
            code_interpreter={"enabled": True},
            file_search={"enabled": True},
            image_generation={"enabled": True},
            mcp={"enabled": True},
            web_search={"enabled": True},
        ),
        ProjectHostedToolPermissions,
    )
    assert_type(
        await client.admin.organization.projects.list(after="after_1", include_archived=True, limit=1),
        AsyncConversationCursorPage[Project],
    )
    assert_type(
        await client.admin.organization.projects.model_permissions.delete("project_id_1"),
        ProjectModelPermissionsDeleted,
    )
    assert_type(
        await client.admin.organization.projects.model_permissions.retrieve("project_id_1"),
        ProjectModelPermissions,
    )
    assert_type(
        await client.admin.organization.projects.model_permissions.update(
            "project_id_1", mode="allow_list", model_ids=["model_ids_1"]
        ),
        ProjectModelPermissions,
    )
    assert_type(
        await client.admin.organization.projects.rate_limits.list_rate_limits(
            "project_id_1", after="after_1", before="before_1", limit=1
        ),
        AsyncConversationCursorPage[ProjectRateLimit],
    )
    assert_type(
        await client.admin.organization.projects.rate_limits.update_rate_limit(
            "rate_limit_id_1",
            project_id="project_id_1",
            batch_1_day_max_input_tokens=1,
            max_audio_megabytes_per_1_minute=1,
            max_images_per_1_minute=1,
            max_requests_per_1_day=1,
            max_requests_per_1_minute=1,
            max_tokens_per_1_minute=1,
        ),
        ProjectRateLimit,
    )
    assert_type(await client.admin.organization.projects.retrieve("project_id_1"), Project)
    assert_type(
        await client.admin.organization.projects.roles.create(
            "project_id_1",
            permissions=["permissions_1"],
            role_name="role_name_1",
            description="description_1",
        ),
        Role,
    )
    assert_type(
        await client.admin.organization.projects.roles.delete("role_id_1", project_id="project_id_1"),
        ProjectsRoleDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.roles.list(
            "project_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[Role],
    )
    assert_type(
        await client.admin.organization.projects.roles.retrieve("role_id_1", project_id="project_id_1"), Role
    )
    assert_type(
        await client.admin.organization.projects.roles.update(
            "role_id_1",
            project_id="project_id_1",
            description="description_1",
            permissions=["permissions_1"],
            role_name="role_name_1",
        ),
        Role,
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.api_keys.create(
            "service_account_id_1",
            project_id="project_id_1",
            expires_in_seconds=1,
            name="name_1",
            scopes=["scopes_1"],
        ),
        APIKeyCreateResponse,
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.create(
            "project_id_1", name="name_1", create_service_account_only=True, expires_in_seconds=1
        ),
        ServiceAccountCreateResponse,
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.delete(
            "service_account_id_1", project_id="project_id_1"
        ),
        ServiceAccountDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.list(
            "project_id_1", after="after_1", limit=1
        ),
        AsyncConversationCursorPage[ProjectServiceAccount],
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.retrieve(
            "service_account_id_1", project_id="project_id_1"
        ),
        ProjectServiceAccount,
    )
    assert_type(
        await client.admin.organization.projects.service_accounts.update(
            "service_account_id_1", project_id="project_id_1", name="name_1", role="member"
        ),
        ProjectServiceAccount,
    )
    assert_type(
        await client.admin.organization.projects.service_tier_settings.retrieve("project_id_1"),
        ProjectServiceTierSettings,
    )
    assert_type(
        await client.admin.organization.projects.service_tier_settings.update(
            "project_id_1", default="standard", enabled_tiers="all"
        ),
        ProjectServiceTierSettings,
    )
    assert_type(
        await client.admin.organization.projects.spend_alerts.create(
            "project_id_1",
            currency="USD",
            interval="month",
            notification_channel={
                "recipients": ["recipients_1"],
                "type": "email",
                "subject_prefix": "subject_prefix_1",
            },
            threshold_amount=1,
        ),
        ProjectSpendAlert,
    )
    assert_type(
        await client.admin.organization.projects.spend_alerts.delete("alert_id_1", project_id="project_id_1"),
        ProjectSpendAlertDeleted,
    )
    assert_type(
        await client.admin.organization.projects.spend_alerts.list(
            "project_id_1", after="after_1", before="before_1", limit=1, order="asc"
        ),
        AsyncConversationCursorPage[ProjectSpendAlert],
    )
    assert_type(
        await client.admin.organization.projects.spend_alerts.retrieve(
            "alert_id_1", project_id="project_id_1"
        ),
        ProjectSpendAlert,
    )
    assert_type(
        await client.admin.organization.projects.spend_alerts.update(
            "alert_id_1",
            project_id="project_id_1",
            currency="USD",
            interval="month",
            notification_channel={
                "recipients": ["recipients_1"],
                "type": "email",
                "subject_prefix": "subject_prefix_1",
            },
            threshold_amount=1,
        ),
        ProjectSpendAlert,
    )
    assert_type(
        await client.admin.organization.projects.spend_limit.delete("project_id_1"), ProjectSpendLimitDeleted
    )
    assert_type(
        await client.admin.organization.projects.spend_limit.retrieve("project_id_1"), ProjectSpendLimit
    )
    assert_type(
        await client.admin.organization.projects.spend_limit.update(
            "project_id_1", currency="USD", interval="month", threshold_amount=1
        ),
        ProjectSpendLimit,
    )
    assert_type(
        await client.admin.organization.projects.update(
            "project_id_1", external_key_id="external_key_id_1", geography="geography_1", name="name_1"
        ),
        Project,
    )
    assert_type(
        await client.admin.organization.projects.users.create(
            "project_id_1", role="role_1", email="email_1", user_id="user_id_1"
        ),
        ProjectUser,
    )
    assert_type(
        await client.admin.organization.projects.users.delete("user_id_1", project_id="project_id_1"),
        ProjectsUserDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.users.list("project_id_1", after="after_1", limit=1),
        AsyncConversationCursorPage[ProjectUser],
    )
    assert_type(
        await client.admin.organization.projects.users.retrieve("user_id_1", project_id="project_id_1"),
        ProjectUser,
    )
    assert_type(
        await client.admin.organization.projects.users.roles.create(
            "user_id_1", project_id="project_id_1", role_id="role_id_1"
        ),
        ProjectsUsersRoleCreateResponse,
    )
    assert_type(
        await client.admin.organization.projects.users.roles.delete(
            "role_id_1", project_id="project_id_1", user_id="user_id_1"
        ),
        ProjectsUsersRoleDeleteResponse,
    )
    assert_type(
        await client.admin.organization.projects.users.roles.list(
            "user_id_1", project_id="project_id_1", after="after_1", limit=1, order="asc"
        ),
        AsyncNextCursorPage[ProjectsUsersRoleListResponse],
    )
    assert_type(
        await client.admin.organization.projects.users.roles.retrieve(
            "role_id_1", project_id="project_id_1", user_id="user_id_1"
        ),
        ProjectsUsersRoleRetrieveResponse,
    )
    assert_type(
        await client.admin.organization.projects.users.update(
            "user_id_1", project_id="project_id_1", role="role_1"
        ),
        ProjectUser,
    )
    assert_type(
        await client.admin.organization.roles.create(
            permissions=["permissions_1"], role_name="role_name_1", description="description_1"
        ),
        Role,
    )
    assert_type(await client.admin.organization.roles.delete("role_id_1"), RoleDeleteResponse)
    assert_type(
        await client.admin.organization.roles.list(after="after_1", limit=1, order="asc"),
        AsyncNextCursorPage[Role],
    )
    assert_type(await client.admin.organization.roles.retrieve("role_id_1"), Role)
    assert_type(
        await client.admin.organization.roles.update(
            "role_id_1", description="description_1", permissions=["permissions_1"], role_name="role_name_1"
        ),
        Role,
    )
    assert_type(
        await client.admin.organization.spend_alerts.create(
            currency="USD",
            interval="month",
            notification_channel={
                "recipients": ["recipients_1"],
                "type": "email",
                "subject_prefix": "subject_prefix_1",
            },
            threshold_amount=1,
        ),
        OrganizationSpendAlert,
    )
    assert_type(
        await client.admin.organization.spend_alerts.delete("alert_id_1"), OrganizationSpendAlertDeleted
    )
    assert_type(
        await client.admin.organization.spend_alerts.list(
            after="after_1", before="before_1", limit=1, order="asc"
        ),
        AsyncConversationCursorPage[OrganizationSpendAlert],
    )
    assert_type(await client.admin.organization.spend_alerts.retrieve("alert_id_1"), OrganizationSpendAlert)
    assert_type(
        await client.admin.organization.spend_alerts.update(
            "alert_id_1",
            currency="USD",
            interval="month",
            notification_channel={
                "recipients": ["recipients_1"],
                "type": "email",
                "subject_prefix": "subject_prefix_1",
            },
            threshold_amount=1,
        ),
        OrganizationSpendAlert,
    )
    assert_type(await client.admin.organization.spend_limit.delete(), OrganizationSpendLimitDeleted)
    assert_type(await client.admin.organization.spend_limit.retrieve(), OrganizationSpendLimit)
    assert_type(
        await client.admin.organization.spend_limit.update(
            currency="USD", interval="month", threshold_amount=1
        ),
        OrganizationSpendLimit,
    )
    assert_type(
        await client.admin.organization.usage.audio_speeches(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageAudioSpeechesResponse,
    )
    assert_type(
        await client.admin.organization.usage.audio_transcriptions(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageAudioTranscriptionsResponse,
    )
    assert_type(
        await client.admin.organization.usage.code_interpreter_sessions(
            start_time=1,
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            page="page_1",
            project_ids=["project_ids_1"],
        ),
        UsageCodeInterpreterSessionsResponse,
    )
    assert_type(
        await client.admin.organization.usage.completions(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            batch=True,
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageCompletionsResponse,
    )
    assert_type(
        await client.admin.organization.usage.costs(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1d",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            line_items=["line_items_1"],
            page="page_1",
            project_ids=["project_ids_1"],
        ),
        UsageCostsResponse,
    )
    assert_type(
        await client.admin.organization.usage.decisions(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            batch=True,
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageDecisionsResponse,
    )
    assert_type(
        await client.admin.organization.usage.embeddings(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageEmbeddingsResponse,
    )
    assert_type(
        await client.admin.organization.usage.file_search_calls(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
            vector_store_ids=["vector_store_ids_1"],
        ),
        UsageFileSearchCallsResponse,
    )
    assert_type(
        await client.admin.organization.usage.images(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            sizes=["256x256"],
            sources=["image.generation"],
            user_ids=["user_ids_1"],
        ),
        UsageImagesResponse,
    )
    assert_type(
        await client.admin.organization.usage.moderations(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageModerationsResponse,
    )
    assert_type(
        await client.admin.organization.usage.vector_stores(
            start_time=1,
            bucket_width="1m",
            end_time=1,
            group_by=["project_id"],
            limit=1,
            page="page_1",
            project_ids=["project_ids_1"],
        ),
        UsageVectorStoresResponse,
    )
    assert_type(
        await client.admin.organization.usage.web_search_calls(
            start_time=1,
            api_key_ids=["api_key_ids_1"],
            bucket_width="1m",
            context_levels=["low"],
            end_time=1,
            group_by=["project_id"],
            limit=1,
            models=["models_1"],
            page="page_1",
            project_ids=["project_ids_1"],
            user_ids=["user_ids_1"],
        ),
        UsageWebSearchCallsResponse,
    )
    assert_type(await client.admin.organization.users.delete("user_id_1"), UserDeleteResponse)
    assert_type(
        await client.admin.organization.users.list(after="after_1", emails=["emails_1"], limit=1),
        AsyncConversationCursorPage[OrganizationUser],
    )
    assert_type(await client.admin.organization.users.retrieve("user_id_1"), OrganizationUser)
    assert_type(
        await client.admin.organization.users.roles.create("user_id_1", role_id="role_id_1"),
        UsersRoleCreateResponse,
    )
    assert_type(
        await client.admin.organization.users.roles.delete("role_id_1", user_id="user_id_1"),
        UsersRoleDeleteResponse,
    )
    assert_type(
        await client.admin.organization.users.roles.list("user_id_1", after="after_1", limit=1, order="asc"),
        AsyncNextCursorPage[UsersRoleListResponse],
    )
    assert_type(
        await client.admin.organization.users.roles.retrieve("role_id_1", user_id="user_id_1"),
        UsersRoleRetrieveResponse,
    )
    assert_type(
        await client.admin.organization.users.update(
            "user_id_1",
            developer_persona="developer_persona_1",
            role="role_1",
            role_id="role_id_1",
            technical_level="technical_level_1",
        ),
        OrganizationUser,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.create(
            audience="audience_1",
            issuer="issuer_1",
            name="name_1",
            type="oidc",
            attribute_transformations=[{"attribute": "attribute_1", "expression": "expression_1"}],
            description="description_1",
            enabled=True,
            verification={"discovery_url": "discovery_url_1", "type": "discovery"},
        ),
        WorkloadIdentityProvider,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.delete("workload_identity_provider_id_1"),
        WorkloadIdentityProviderDeleted,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.federation_rules.create(
            "workload_identity_provider_id_1",
            attribute_matchers={"key": "attribute_matchers_1"},
            project_id="project_id_1",
            service_account_id="service_account_id_1",
            description="description_1",
            enabled=True,
            name="name_1",
            permissions={"type": "service_account_default"},
        ),
        FederationRule,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.federation_rules.delete(
            "workload_identity_federation_rule_id_1",
            workload_identity_provider_id="workload_identity_provider_id_1",
        ),
        FederationRuleDeleted,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.federation_rules.list(
            "workload_identity_provider_id_1",
            after="after_1",
            limit=1,
            order="asc",
            service_account_id="service_account_id_1",
        ),
        AsyncCursorPage[FederationRule],
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.federation_rules.retrieve(
            "workload_identity_federation_rule_id_1",
            workload_identity_provider_id="workload_identity_provider_id_1",
        ),
        FederationRule,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.federation_rules.update(
            "workload_identity_federation_rule_id_1",
            workload_identity_provider_id="workload_identity_provider_id_1",
            attribute_matchers={"key": "attribute_matchers_1"},
            description="description_1",
            enabled=True,
            name="name_1",
            permissions={"type": "service_account_default"},
        ),
        FederationRule,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.list(
            after="after_1", limit=1, order="asc"
        ),
        AsyncCursorPage[WorkloadIdentityProvider],
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.retrieve(
            "workload_identity_provider_id_1"
        ),
        WorkloadIdentityProvider,
    )
    assert_type(
        await client.admin.organization.workload_identity_providers.update(
            "workload_identity_provider_id_1",
            attribute_transformations=[{"attribute": "attribute_1", "expression": "expression_1"}],
            audience="audience_1",
            description="description_1",
            enabled=True,
            issuer="issuer_1",
            name="name_1",
            verification={"discovery_url": "discovery_url_1", "type": "discovery"},
        ),
        WorkloadIdentityProvider,
    )

    await client.admin.organization.invites.create(email="a@example.com")  # E: role is required
    await client.admin.organization.invites.retrieve()  # E: invite_id is required
    AsyncOpenAI(admin_api_key=1)  # E: the admin key is a str


def provider_usage() -> None:
    import openai_core.providers

    vertex = AsyncOpenAI(provider=openai.providers.vertex(project="p", location="us-central1"))
    assert_type(vertex, AsyncOpenAI)
    bedrock = openai.OpenAI(provider=openai_core.providers.bedrock(region="us-east-1", endpoint="runtime"))
    assert_type(bedrock, openai.OpenAI)
    assert_type(vertex.with_options(provider=None), AsyncOpenAI)
    assert_type(bedrock.copy(provider=openai_core.providers.bedrock(api_key="k")), openai.OpenAI)
    openai_core.providers.bedrock(endpoint="edge")  # type: ignore[arg-type]
