"""Table entries (see ``tests/_calls.py``) for ``client.beta``: assistants, threads (+ messages, runs, steps),
chatkit, and ``beta.chat`` (the client's chat under the name frameworks still call). The recorder's answers
are in ``_recorder_beta.py``; ``check`` functions assert what Prism's spec-built answer parses to."""

from __future__ import annotations

from typing import Any

from openai_core.types import beta as beta_t
from openai_core.types.beta import chatkit as chatkit_t
from openai_core.types.beta import threads as threads_t
from openai_core.types.beta.threads import runs as runs_t

from ._calls import CALLS, WIRE_ONLY, api_call, collect, no_check
from ._calls_stores import is_, page_of

ASST, THREAD, RUN = "asst_abc", "thread_abc", "run_abc"
ASSISTANT = is_(beta_t.Assistant, id=str, object="assistant")
THREAD_ = is_(beta_t.Thread, id=str, object="thread")
RUN_ = is_(threads_t.Run, id=str, object="thread.run")
MESSAGE = is_(threads_t.Message, id=str, object="thread.message")
STEP = is_(runs_t.RunStep, id=str, object="thread.run.step")
SESSION = is_(chatkit_t.ChatSession, id=str, object="chatkit.session")
# Prism answers the spec's example session, whose workflow lacks the `tracing` its schema (and the official SDK)
# require: the lenient parser keeps it.
NO_TRACING = "the spec's example ChatSession has no workflow.tracing, which its own schema requires"
CK_THREAD = is_(chatkit_t.ChatKitThread, id=str, object="chatkit.thread")

# -- assistants --------------------------------------------------------------------------------------------


@api_call("beta.assistants.create", ASSISTANT)
async def assistants_create(client: Any) -> Any:
    return await client.beta.assistants.create(
        model="gpt-4o", name="Helper", instructions="Be brief.", metadata={"team": "core"}, temperature=0.2,
        tools=[{"type": "code_interpreter"}, {"type": "file_search", "file_search": {"max_num_results": 5}},
               {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}],
        tool_resources={"code_interpreter": {"file_ids": ["file-1"]}},
        response_format={"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}}},
    )


@api_call("beta.assistants.retrieve", ASSISTANT)
async def assistants_retrieve(client: Any) -> Any:
    return await client.beta.assistants.retrieve(ASST)


@api_call("beta.assistants.update", ASSISTANT)
async def assistants_update(client: Any) -> Any:
    return await client.beta.assistants.update(ASST, instructions="Be briefer.", top_p=0.9,
                                               extra_headers={"X-Call-Header": "asst"})


@api_call("beta.assistants.list", page_of(beta_t.Assistant, id=str))
async def assistants_list(client: Any) -> Any:
    return await client.beta.assistants.list(limit=2, order="desc", before="asst_9")


@api_call("beta.assistants.list[all pages]", no_check, prism=WIRE_ONLY)
async def assistants_list_all(client: Any) -> Any:
    # Wire only: Prism's static pages say has_more forever.
    return [a.id for a in await collect(client.beta.assistants.list(limit=2))]


@api_call("beta.assistants.delete", is_(beta_t.AssistantDeleted, id=str, deleted=bool))
async def assistants_delete(client: Any) -> Any:
    return await client.beta.assistants.delete(ASST)


# -- threads -----------------------------------------------------------------------------------------------


@api_call("beta.threads.create", THREAD_)
async def threads_create(client: Any) -> Any:
    return await client.beta.threads.create(
        messages=[{"role": "user", "content": "Refund?", "attachments": [
            {"file_id": "file-1", "tools": [{"type": "file_search"}]}]},
                  {"role": "user", "content": [{"type": "text", "text": "Order 42"},
                                               {"type": "image_url", "image_url": {"url": "https://x.test/a.png"}}]}],
        metadata={"topic": "billing"},
        tool_resources={"file_search": {"vector_store_ids": ["vs_1"]}},
    )


@api_call("beta.threads.retrieve", THREAD_)
async def threads_retrieve(client: Any) -> Any:
    return await client.beta.threads.retrieve(THREAD)


@api_call("beta.threads.update", THREAD_)
async def threads_update(client: Any) -> Any:
    return await client.beta.threads.update(THREAD, metadata={"topic": "refunds"})


@api_call("beta.threads.delete", is_(beta_t.ThreadDeleted, id=str, deleted=bool))
async def threads_delete(client: Any) -> Any:
    return await client.beta.threads.delete(THREAD)


@api_call("beta.threads.create_and_run", RUN_)
async def threads_create_and_run(client: Any) -> Any:
    return await client.beta.threads.create_and_run(
        assistant_id=ASST, thread={"messages": [{"role": "user", "content": "Hi"}], "metadata": {"k": "v"}},
        instructions="Be brief.", max_completion_tokens=256, parallel_tool_calls=False,
        tool_choice={"type": "function", "function": {"name": "lookup"}},
        truncation_strategy={"type": "last_messages", "last_messages": 4},
    )


@api_call("beta.threads.create_and_run[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def threads_create_and_run_stream(client: Any) -> Any:
    # Wire only, as every streamed entry of the generated surface: the recorder answers the named events.
    stream = await client.beta.threads.create_and_run(assistant_id=ASST, stream=True,
                                                      thread={"messages": [{"role": "user", "content": "Hi"}]})
    return [event async for event in stream]


# -- threads.messages ---------------------------------------------------------------------------------------


@api_call("beta.threads.messages.create", MESSAGE)
async def messages_create(client: Any) -> Any:
    return await client.beta.threads.messages.create(
        THREAD, role="user", content=[{"type": "text", "text": "See file"},
                                      {"type": "image_file", "image_file": {"file_id": "file-2", "detail": "low"}}],
        attachments=[{"file_id": "file-1", "tools": [{"type": "code_interpreter"}]}], metadata={"n": "1"},
    )


@api_call("beta.threads.messages.retrieve", MESSAGE)
async def messages_retrieve(client: Any) -> Any:
    return await client.beta.threads.messages.retrieve("msg_abc", thread_id=THREAD)


@api_call("beta.threads.messages.update", MESSAGE)
async def messages_update(client: Any) -> Any:
    return await client.beta.threads.messages.update("msg_abc", thread_id=THREAD, metadata={"seen": "yes"})


@api_call("beta.threads.messages.list", page_of(threads_t.Message, id=str))
async def messages_list(client: Any) -> Any:
    return await client.beta.threads.messages.list(THREAD, limit=2, order="asc", run_id=RUN)


@api_call("beta.threads.messages.list[all pages]", no_check, prism=WIRE_ONLY)
async def messages_list_all(client: Any) -> Any:
    return [m.id for m in await collect(client.beta.threads.messages.list(THREAD, limit=2))]


@api_call("beta.threads.messages.delete", is_(threads_t.MessageDeleted, id=str, deleted=bool))
async def messages_delete(client: Any) -> Any:
    return await client.beta.threads.messages.delete("msg_abc", thread_id=THREAD)


# -- threads.runs -------------------------------------------------------------------------------------------


@api_call("beta.threads.runs.create", RUN_)
async def runs_create(client: Any) -> Any:
    # `include` goes in the query (`include[]=...`), everything else in the body: as the official SDK sends it.
    return await client.beta.threads.runs.create(
        THREAD, assistant_id=ASST, include=["step_details.tool_calls[*].file_search.results[*].content"],
        additional_instructions="Cite.", additional_messages=[{"role": "user", "content": "More"}],
        model="gpt-4o", reasoning_effort="low", response_format={"type": "json_object"}, temperature=0.5,
    )


@api_call("beta.threads.runs.create[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def runs_create_stream(client: Any) -> Any:
    stream = await client.beta.threads.runs.create(THREAD, assistant_id=ASST, stream=True, include=["x"])
    events = [event async for event in stream]
    # Typed by the `event:` line: the run events carry a Run, the delta a MessageDeltaEvent.
    assert [type(e).__name__ for e in events] == ["ThreadRunCreated", "ThreadRunInProgress", "ThreadMessageDelta",
                                                  "ThreadRunCompleted"]
    assert events[-1].data.status == "completed"
    return events


@api_call("beta.threads.runs.retrieve", RUN_)
async def runs_retrieve(client: Any) -> Any:
    return await client.beta.threads.runs.retrieve(RUN, thread_id=THREAD)


@api_call("beta.threads.runs.update", RUN_)
async def runs_update(client: Any) -> Any:
    return await client.beta.threads.runs.update(RUN, thread_id=THREAD, metadata={"k": "v"})


@api_call("beta.threads.runs.list", page_of(threads_t.Run, id=str))
async def runs_list(client: Any) -> Any:
    return await client.beta.threads.runs.list(THREAD, limit=2, after="run_0")


@api_call("beta.threads.runs.cancel", RUN_)
async def runs_cancel(client: Any) -> Any:
    return await client.beta.threads.runs.cancel(RUN, thread_id=THREAD)


@api_call("beta.threads.runs.submit_tool_outputs", RUN_)
async def runs_submit_tool_outputs(client: Any) -> Any:
    return await client.beta.threads.runs.submit_tool_outputs(
        RUN, thread_id=THREAD, tool_outputs=[{"tool_call_id": "call_1", "output": "42"}, {"tool_call_id": "call_2"}])


@api_call("beta.threads.runs.submit_tool_outputs[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def runs_submit_tool_outputs_stream(client: Any) -> Any:
    stream = await client.beta.threads.runs.submit_tool_outputs(
        RUN, thread_id=THREAD, stream=True, tool_outputs=[{"tool_call_id": "call_1", "output": "42"}])
    return [event async for event in stream]


@api_call("beta.threads.runs.steps.retrieve", STEP)
async def steps_retrieve(client: Any) -> Any:
    return await client.beta.threads.runs.steps.retrieve(
        "step_abc", thread_id=THREAD, run_id=RUN, include=["step_details.tool_calls[*].file_search.results[*].content"])


@api_call("beta.threads.runs.steps.list", page_of(runs_t.RunStep, id=str))
async def steps_list(client: Any) -> Any:
    return await client.beta.threads.runs.steps.list(RUN, thread_id=THREAD, limit=2, order="asc")


# -- the polling helpers (wire only: Prism's run is `queued` forever, the status enum's first value) ------------


@api_call("beta.threads.runs.poll", no_check, prism=WIRE_ONLY)
async def runs_poll(client: Any) -> Any:
    # `run_queued` answers in_progress once, then completed: two retrieves in both SDKs.
    return await client.beta.threads.runs.poll("run_queued", THREAD, poll_interval_ms=1)


@api_call("beta.threads.runs.create_and_poll", no_check, prism=WIRE_ONLY)
async def runs_create_and_poll(client: Any) -> Any:
    # The create goes out with `stream: false` and the request options repeat on every retrieve, as the official
    # SDK sends them.
    return await client.beta.threads.runs.create_and_poll(
        thread_id=THREAD, assistant_id=ASST, include=["x"], instructions="Be brief.", poll_interval_ms=1,
        extra_headers={"X-Call-Header": "poll"}, extra_query={"trace": "1"})


@api_call("beta.threads.runs.submit_tool_outputs_and_poll", no_check, prism=WIRE_ONLY)
async def runs_submit_tool_outputs_and_poll(client: Any) -> Any:
    return await client.beta.threads.runs.submit_tool_outputs_and_poll(
        run_id=RUN, thread_id=THREAD, tool_outputs=[{"tool_call_id": "call_1", "output": "42"}], poll_interval_ms=1)


@api_call("beta.threads.create_and_run_poll", no_check, prism=WIRE_ONLY)
async def threads_create_and_run_poll(client: Any) -> Any:
    return await client.beta.threads.create_and_run_poll(
        assistant_id=ASST, thread={"messages": [{"role": "user", "content": "Hi"}]}, poll_interval_ms=1)


# -- chatkit ------------------------------------------------------------------------------------------------


@api_call("beta.chatkit.sessions.create", SESSION, lenient=NO_TRACING)
async def chatkit_sessions_create(client: Any) -> Any:
    return await client.beta.chatkit.sessions.create(
        user="user_1", workflow={"id": "wf_1", "version": "3", "state_variables": {"tier": "gold", "beta": True}},
        expires_after={"anchor": "created_at", "seconds": 600}, rate_limits={"max_requests_per_1_minute": 10},
        chatkit_configuration={"history": {"enabled": True, "recent_threads": 5}},
    )


@api_call("beta.chatkit.sessions.cancel", SESSION, lenient=NO_TRACING)
async def chatkit_sessions_cancel(client: Any) -> Any:
    return await client.beta.chatkit.sessions.cancel("cksess_abc")


@api_call("beta.chatkit.threads.retrieve", CK_THREAD)
async def chatkit_threads_retrieve(client: Any) -> Any:
    return await client.beta.chatkit.threads.retrieve("cthr_abc")


@api_call("beta.chatkit.threads.list", page_of(chatkit_t.ChatKitThread, id=str))
async def chatkit_threads_list(client: Any) -> Any:
    return await client.beta.chatkit.threads.list(limit=2, order="desc", user="user_1")


@api_call("beta.chatkit.threads.delete", is_(chatkit_t.ThreadDeleteResponse, id=str, deleted=bool))
async def chatkit_threads_delete(client: Any) -> Any:
    return await client.beta.chatkit.threads.delete("cthr_abc")


@api_call("beta.chatkit.threads.list_items", lambda result: None)
async def chatkit_threads_list_items(client: Any) -> Any:
    # A page of a union of item kinds: the wire test compares both SDKs' parse of the same items.
    return await client.beta.chatkit.threads.list_items("cthr_abc", limit=2, after="cthi_0")


# -- beta.responses: client.responses' calls with ?beta=true, answering the Beta* types ----------------------

BETAS = ["responses_multi_agent=v1"]
BETA_RESPONSE = is_(beta_t.BetaResponse, id=str, object="response")


@api_call("beta.responses.create", BETA_RESPONSE)
async def beta_responses_create(client: Any) -> Any:
    return await client.beta.responses.create(
        model="gpt-4o", input="Tell me a three sentence bedtime story about a unicorn.", instructions="Be kind.",
        temperature=0.7, max_output_tokens=200, metadata={"suite": "wire"}, store=False, truncation="auto",
        betas=BETAS,
    )


@api_call("beta.responses.create[tools, text format, extra_*]", BETA_RESPONSE)
async def beta_responses_create_items(client: Any) -> Any:
    return await client.beta.responses.create(
        model="o4-mini",
        input=[{"role": "developer", "content": "Answer as JSON."},
               {"type": "function_call_output", "call_id": "call_1", "output": "sunny"}],
        tools=[{"type": "function", "name": "get_weather", "parameters": {"type": "object"}, "strict": True}],
        tool_choice="auto", reasoning={"effort": "low"}, include=["reasoning.encrypted_content"],
        text={"format": {"type": "json_schema", "name": "answer", "schema": {"type": "object"}}},
        extra_headers={"X-Call-Header": "beta-responses", "openai-beta": "mine"}, extra_query={"trace": "4"},
        extra_body={"service_tier": "auto"}, betas=BETAS, timeout=60,
    )


@api_call("beta.responses.create[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def beta_responses_create_stream(client: Any) -> Any:
    # Wire only, as responses.create[stream]: Prism is slow to refuse an event stream on POST /responses.
    return await collect(await client.beta.responses.create(model="gpt-4o", input="Hi", stream=True, betas=BETAS))


@api_call("beta.responses.retrieve", BETA_RESPONSE)
async def beta_responses_retrieve(client: Any) -> Any:
    return await client.beta.responses.retrieve("resp_abc123", include=["message.output_text.logprobs"],
                                                betas=BETAS)


@api_call("beta.responses.retrieve[stream]", no_check, stream=True)
async def beta_responses_retrieve_stream(client: Any) -> Any:
    return await collect(await client.beta.responses.retrieve("resp_abc123", stream=True, starting_after=2))


@api_call("beta.responses.cancel", BETA_RESPONSE)
async def beta_responses_cancel(client: Any) -> Any:
    return await client.beta.responses.cancel("resp_abc123", betas=BETAS)


def check_none(result: Any) -> None:
    assert result is None


def check_beta_item_page(result: Any) -> None:
    assert len(result.data) == 1 and type(result.data[0]).__name__.startswith("Beta"), result.data


@api_call("beta.responses.delete", check_none)
async def beta_responses_delete(client: Any) -> Any:
    return await client.beta.responses.delete("resp_abc123", betas=BETAS)


@api_call("beta.responses.compact", is_(beta_t.BetaCompactedResponse, id=str, object="response.compaction"),
          lenient="as responses.compact: the spec's example compacted response disagrees with its own "
                  "BetaCompactedResponse schema in its output messages, their text parts and its usage")
async def beta_responses_compact(client: Any) -> Any:
    return await client.beta.responses.compact(model="gpt-5.5", input="Summarize our plan", instructions="Be brief",
                                               betas=BETAS)


@api_call("beta.responses.input_items.list", check_beta_item_page)
async def beta_responses_input_items(client: Any) -> Any:
    return await client.beta.responses.input_items.list(
        "resp_abc123", limit=2, order="asc", after="msg-0", include=["message.output_text.logprobs"], betas=BETAS)


@api_call("beta.responses.input_items.list[all pages]", no_check, prism=WIRE_ONLY)
async def beta_responses_input_items_all(client: Any) -> Any:
    # Wire only: Prism's static pages say has_more forever. The next pages keep `beta=true`.
    return await collect(client.beta.responses.input_items.list("resp_abc123", limit=2))


@api_call("beta.responses.input_tokens.count", is_(beta_t.responses.InputTokenCountResponse,
                                                   object="response.input_tokens", input_tokens=int))
async def beta_responses_input_tokens(client: Any) -> Any:
    return await client.beta.responses.input_tokens.count(
        model="gpt-4o", instructions="be brief", input=[{"role": "user", "content": "How many tokens is this?"}],
        truncation="auto", betas=BETAS)


# -- beta.chat: the client's chat under the name LangChain calls ----------------------------------------------


class _ChatUnderBeta:
    """A client whose ``chat`` is its ``beta.chat``: the chat entries, run through it, prove the alias."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return self._client.beta.chat if name == "chat" else getattr(self._client, name)


def _under_beta(source: str) -> None:
    entry = next(call for call in CALLS if call.name == source)

    async def call(client: Any) -> Any:
        return await entry.call(_ChatUnderBeta(client))

    # Wire only: the chat entries themselves run on Prism; these prove the same calls go out under beta.
    api_call("beta." + source, no_check, stream=entry.stream, prism=WIRE_ONLY)(call)


for _source in ("chat.completions.create", "chat.completions.create[stream]", "chat.completions.parse",
                "chat.completions.stream", "chat.completions.retrieve", "chat.completions.update",
                "chat.completions.list", "chat.completions.delete", "chat.completions.messages.list"):
    _under_beta(_source)
