"""Checked by mypy --strict (tests/test_typing.py), never run: ``client.beta`` as a user's editor sees it."""

from __future__ import annotations

from typing import assert_type

from pydantic import BaseModel

from openai_core import AsyncOpenAI, AsyncStream, HttpxBinaryResponseContent
from openai_core.lib.streaming.chat import AsyncChatCompletionStream
from openai_core.pagination import AsyncConversationCursorPage, AsyncCursorPage, AsyncTokenPage
from openai_core.types.beta import (
    Agent,
    AgentDeleted,
    AgentSession,
    AgentSessionDeleted,
    AgentSessionEvent,
    AgentSessionItem,
    Assistant,
    AssistantDeleted,
    AssistantStreamEvent,
    BetaCompactedResponse,
    BetaResponse,
    BetaResponseItem,
    BetaResponseStreamEvent,
    Subagent,
    Thread,
    ThreadDeleted,
)
from openai_core.types.beta.agents import Automation, AutomationDeleted, EnvironmentInfo, Vault, VaultDeleted
from openai_core.types.beta.agents.automations import AutomationInvocation
from openai_core.types.beta.agents.environments import (
    EnvironmentFile,
    EnvironmentTemplate,
    EnvironmentTemplateDeleted,
)
from openai_core.types.beta.agents.sessions import SessionArtifact, SessionArtifactDeleted, SessionTrace, Turn
from openai_core.types.beta.agents.vaults import Credential, CredentialDeleted
from openai_core.types.beta.chatkit import ChatKitThread, ChatSession, ThreadDeleteResponse
from openai_core.types.beta.chatkit.chatkit_thread_item_list import Data
from openai_core.types.beta.responses import InputTokenCountResponse
from openai_core.types.beta.threads import Message, MessageDeleted, Run
from openai_core.types.beta.threads.runs import RunStep
from openai_core.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionDeleted,
    ParsedChatCompletion,
)


class Answer(BaseModel):
    text: str


async def assistants_and_threads(client: AsyncOpenAI, flag: bool) -> None:
    beta = client.beta
    assistant = await client.beta.assistants.create(model="gpt-4o", tools=[{"type": "code_interpreter"}],
                                                    response_format="auto")
    assert_type(assistant, Assistant)
    assert_type(await client.beta.assistants.retrieve(assistant.id), Assistant)
    assert_type(await client.beta.assistants.update(assistant.id, name="x"), Assistant)
    assert_type(await client.beta.assistants.list(limit=2), AsyncCursorPage[Assistant])
    assert_type(await client.beta.assistants.delete(assistant.id), AssistantDeleted)
    await beta.assistants.create(name="no model")  # E: model is required

    thread = await client.beta.threads.create(messages=[{"role": "user", "content": "Hi"}])
    assert_type(thread, Thread)
    assert_type(await client.beta.threads.retrieve(thread.id), Thread)
    assert_type(await client.beta.threads.update(thread.id, metadata={"k": "v"}), Thread)
    assert_type(await client.beta.threads.delete(thread.id), ThreadDeleted)

    assert_type(await client.beta.threads.create_and_run(assistant_id=assistant.id), Run)
    events = await client.beta.threads.create_and_run(assistant_id=assistant.id, stream=True)
    assert_type(events, AsyncStream[AssistantStreamEvent])
    assert_type(await client.beta.threads.create_and_run(assistant_id="a", stream=flag),
                Run | AsyncStream[AssistantStreamEvent])

    message = await client.beta.threads.messages.create(thread.id, role="user", content="Hi")
    assert_type(message, Message)
    assert_type(await client.beta.threads.messages.retrieve(message.id, thread_id=thread.id), Message)
    assert_type(await client.beta.threads.messages.update(message.id, thread_id=thread.id, metadata={}), Message)
    async for listed in client.beta.threads.messages.list(thread.id, order="asc"):
        assert_type(listed, Message)
    assert_type(await client.beta.threads.messages.delete(message.id, thread_id=thread.id), MessageDeleted)
    await client.beta.threads.messages.retrieve(message.id)  # E: thread_id is required

    run = await client.beta.threads.runs.create(
        thread.id, assistant_id=assistant.id, include=["step_details.tool_calls[*].file_search.results[*].content"])
    assert_type(run, Run)
    stream = await client.beta.threads.runs.create(thread.id, assistant_id=assistant.id, stream=True)
    assert_type(stream, AsyncStream[AssistantStreamEvent])
    async for event in stream:
        if event.event == "thread.run.completed":
            assert_type(event.data, Run)
    assert_type(await client.beta.threads.runs.retrieve(run.id, thread_id=thread.id), Run)
    assert_type(await client.beta.threads.runs.update(run.id, thread_id=thread.id, metadata={}), Run)
    assert_type(await client.beta.threads.runs.list(thread.id), AsyncCursorPage[Run])
    assert_type(await client.beta.threads.runs.cancel(run.id, thread_id=thread.id), Run)
    done = await client.beta.threads.runs.submit_tool_outputs(run.id, thread_id=thread.id,
                                                              tool_outputs=[{"tool_call_id": "c", "output": "1"}])
    assert_type(done, Run)
    more = await client.beta.threads.runs.submit_tool_outputs(run.id, thread_id=thread.id, tool_outputs=[],
                                                              stream=True)
    assert_type(more, AsyncStream[AssistantStreamEvent])
    assert_type(await client.beta.threads.runs.steps.retrieve("s", thread_id=thread.id, run_id=run.id), RunStep)
    assert_type(await client.beta.threads.runs.steps.list(run.id, thread_id=thread.id), AsyncCursorPage[RunStep])
    await client.beta.threads.runs.create(thread.id, assistant_id="a", stream="yes")  # E: stream is a bool

    assert_type(await client.beta.threads.runs.poll(run.id, thread.id, poll_interval_ms=500), Run)
    assert_type(await client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id="a"), Run)
    polled = await client.beta.threads.runs.submit_tool_outputs_and_poll(run_id=run.id, thread_id=thread.id,
                                                                        tool_outputs=[{"tool_call_id": "c"}])
    assert_type(polled, Run)
    assert_type(await client.beta.threads.create_and_run_poll(assistant_id="a", extra_headers={"X": "1"}), Run)
    await client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id="a", stream=True)  # E: no stream


async def chatkit(client: AsyncOpenAI) -> None:
    session = await client.beta.chatkit.sessions.create(user="u", workflow={"id": "wf"})
    assert_type(session, ChatSession)
    assert_type(await client.beta.chatkit.sessions.cancel(session.id), ChatSession)
    assert_type(await client.beta.chatkit.threads.retrieve("t"), ChatKitThread)
    assert_type(await client.beta.chatkit.threads.list(), AsyncConversationCursorPage[ChatKitThread])
    assert_type(await client.beta.chatkit.threads.delete("t"), ThreadDeleteResponse)
    assert_type(await client.beta.chatkit.threads.list_items("t"), AsyncConversationCursorPage[Data])
    await client.beta.chatkit.sessions.create(user="u")  # E: workflow is required


async def beta_chat(client: AsyncOpenAI) -> None:
    # The client's chat under `beta`, as frameworks call it.
    created = await client.beta.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert_type(created, ChatCompletion)
    chunks = await client.beta.chat.completions.create(model="m", messages=[], stream=True)
    assert_type(chunks, AsyncStream[ChatCompletionChunk])
    parsed = await client.beta.chat.completions.parse(model="m", messages=[], response_format=Answer)
    assert_type(parsed, ParsedChatCompletion[Answer])
    async with client.beta.chat.completions.stream(model="m", messages=[]) as chat_stream:
        assert_type(chat_stream, AsyncChatCompletionStream[None])
    assert_type(await client.beta.chat.completions.retrieve("c"), ChatCompletion)
    assert_type(await client.beta.chat.completions.update("c", metadata={}), ChatCompletion)
    await client.beta.chat.completions.list()
    assert_type(await client.beta.chat.completions.delete("c"), ChatCompletionDeleted)
    await client.beta.chat.completions.messages.list("c")


async def agents(client: AsyncOpenAI) -> None:
    assert_type(await client.beta.agents.create(model="gpt-5", compaction={"async_": True}), Agent)
    assert_type(await client.beta.agents.update("agent_1", name="a"), Agent)
    await client.beta.agents.create(compaction={"async": True})  # E: the official key is `async_`
    assert_type(await client.beta.agents.retrieve("agent_1"), Agent)
    assert_type(await client.beta.agents.list(limit=2), AsyncCursorPage[Agent])
    assert_type(await client.beta.agents.delete("agent_1"), AgentDeleted)
    await client.beta.agents.retrieve()  # E: agent_id is required

    automation = await client.beta.agents.automations.retrieve("auto_1")
    assert_type(automation, Automation)
    assert_type(await client.beta.agents.automations.create(
        name="daily", type="periodic", expression="0 9 * * *",
        target={"type": "existing_session", "session_id": "sess_1", "instructions": "Summarize the day."},
    ), Automation)
    assert_type(await client.beta.agents.automations.update("auto_1", name="weekly"), Automation)
    assert_type(await client.beta.agents.automations.list(), AsyncCursorPage[Automation])
    assert_type(await client.beta.agents.automations.delete("auto_1"), AutomationDeleted)
    assert_type(await client.beta.agents.automations.pause("auto_1"), Automation)
    assert_type(await client.beta.agents.automations.resume("auto_1"), Automation)
    assert_type(await client.beta.agents.automations.invocations.create("auto_1"), AutomationInvocation)
    assert_type(await client.beta.agents.automations.invocations.retrieve("inv_1", automation_id="auto_1"), AutomationInvocation)
    assert_type(await client.beta.agents.automations.invocations.list("auto_1"), AsyncCursorPage[AutomationInvocation])

    assert_type(await client.beta.agents.environments.create(environment={"type": "openai_hosted"},
                                                             idempotency_key="key_1"), EnvironmentInfo)
    await client.beta.agents.environments.create(environment={"type": "openai_hosted"}, idempotency_key=1)  # E: a str
    assert_type(await client.beta.agents.environments.files.list("env_1"), AsyncTokenPage[EnvironmentFile])
    assert_type(await client.beta.agents.environments.retrieve("env_1"), EnvironmentInfo)
    assert_type(await client.beta.agents.environments.list(), AsyncCursorPage[EnvironmentInfo])
    assert_type(await client.beta.agents.environments.files.create("env_1", type="file_id", file_id="file_1", path="a.txt"),
                EnvironmentFile)
    await client.beta.agents.environments.files.create("env_1", type="file_id")  # E: path is required
    assert_type(await client.beta.agents.environments.templates.create(), EnvironmentTemplate)
    assert_type(await client.beta.agents.environments.templates.retrieve("tpl_1"), EnvironmentTemplate)
    assert_type(await client.beta.agents.environments.templates.update("tpl_1"), EnvironmentTemplate)
    assert_type(await client.beta.agents.environments.templates.list(), AsyncCursorPage[EnvironmentTemplate])
    assert_type(await client.beta.agents.environments.templates.delete("tpl_1"), EnvironmentTemplateDeleted)

    assert_type(await client.beta.agents.sessions.create(environment={"type": "openai_hosted"}, agent_id="agent_1"),
                AgentSession)
    events = await client.beta.agents.sessions.create(environment={"type": "openai_hosted"}, stream=True)
    assert_type(events, AsyncStream[AgentSessionEvent])
    assert_type(await client.beta.agents.sessions.events.stream("sess_1"), AsyncStream[AgentSessionEvent])
    assert_type(await client.beta.agents.sessions.events.create("sess_1", events=[], idempotency_key="key_1"), None)
    assert_type(await client.beta.agents.sessions.retrieve("sess_1"), AgentSession)
    assert_type(await client.beta.agents.sessions.update("sess_1"), AgentSession)
    assert_type(await client.beta.agents.sessions.list(), AsyncCursorPage[AgentSession])
    assert_type(await client.beta.agents.sessions.delete("sess_1"), AgentSessionDeleted)
    assert_type(await client.beta.agents.sessions.artifacts.retrieve("art_1", session_id="sess_1"), SessionArtifact)
    assert_type(await client.beta.agents.sessions.artifacts.list("sess_1"), AsyncCursorPage[SessionArtifact])
    assert_type(await client.beta.agents.sessions.artifacts.delete("art_1", session_id="sess_1"), SessionArtifactDeleted)
    assert_type(await client.beta.agents.sessions.artifacts.content("art_1", session_id="sess_1"), HttpxBinaryResponseContent)
    await client.beta.agents.sessions.artifacts.content("art_1")  # E: session_id is required
    assert_type(await client.beta.agents.sessions.items.list("sess_1"), AsyncCursorPage[AgentSessionItem])
    assert_type(await client.beta.agents.sessions.subagents.retrieve("sub_1", session_id="sess_1"), Subagent)
    assert_type(await client.beta.agents.sessions.subagents.list("sess_1"), AsyncCursorPage[Subagent])
    assert_type(await client.beta.agents.sessions.subagents.items.list("sub_1", session_id="sess_1"), AsyncCursorPage[AgentSessionItem])
    assert_type(await client.beta.agents.sessions.subagents.turns.retrieve("turn_1", session_id="sess_1", subagent_id="sub_1"), Turn)
    assert_type(await client.beta.agents.sessions.subagents.turns.list("sub_1", session_id="sess_1"), AsyncCursorPage[Turn])
    assert_type(await client.beta.agents.sessions.subagents.turns.items.list("turn_1", session_id="sess_1", subagent_id="sub_1"),
                AsyncCursorPage[AgentSessionItem])
    assert_type(await client.beta.agents.sessions.traces.list("sess_1"), AsyncCursorPage[SessionTrace])
    assert_type(await client.beta.agents.sessions.turns.retrieve("turn_1", session_id="sess_1"), Turn)
    assert_type(await client.beta.agents.sessions.turns.list("sess_1"), AsyncCursorPage[Turn])
    assert_type(await client.beta.agents.sessions.turns.items.list("turn_1", session_id="sess_1"),
                AsyncConversationCursorPage[AgentSessionItem])

    assert_type(await client.beta.agents.vaults.create(), Vault)
    assert_type(await client.beta.agents.vaults.retrieve("vault_1"), Vault)
    assert_type(await client.beta.agents.vaults.update("vault_1"), Vault)
    assert_type(await client.beta.agents.vaults.list(), AsyncCursorPage[Vault])
    assert_type(await client.beta.agents.vaults.delete("vault_1"), VaultDeleted)
    credential = await client.beta.agents.vaults.credentials.create(
        "vault_1", name="ci", auth={"type": "static_bearer", "token": "t", "mcp_server_url": "https://mcp.example"})
    assert_type(credential, Credential)
    await client.beta.agents.vaults.credentials.create("vault_1", name="ci")  # E: auth is required
    assert_type(await client.beta.agents.vaults.credentials.retrieve("cred_1", vault_id="vault_1"), Credential)
    assert_type(await client.beta.agents.vaults.credentials.update("cred_1", vault_id="vault_1"), Credential)
    assert_type(await client.beta.agents.vaults.credentials.list("vault_1"), AsyncCursorPage[Credential])
    assert_type(await client.beta.agents.vaults.credentials.delete("cred_1", vault_id="vault_1"), CredentialDeleted)

    # -- beta.responses: client.responses' calls with ?beta=true, the Beta* types --------------------------
    assert_type(await client.beta.responses.create(model="gpt-5", input="hi", betas=["responses_multi_agent=v1"]),
                BetaResponse)
    assert_type(await client.beta.responses.create(model="gpt-5", input="hi", stream=True),
                AsyncStream[BetaResponseStreamEvent])
    assert_type(await client.beta.responses.retrieve("resp_1"), BetaResponse)
    assert_type(await client.beta.responses.retrieve("resp_1", stream=True, starting_after=2),
                AsyncStream[BetaResponseStreamEvent])
    assert_type(await client.beta.responses.cancel("resp_1"), BetaResponse)
    assert_type(await client.beta.responses.delete("resp_1"), None)
    assert_type(await client.beta.responses.compact(model="gpt-5", input="summarize"), BetaCompactedResponse)
    assert_type(await client.beta.responses.input_items.list("resp_1", limit=2), AsyncCursorPage[BetaResponseItem])
    assert_type(await client.beta.responses.input_tokens.count(model="gpt-5", input="hi"), InputTokenCountResponse)
    await client.beta.responses.create(model="gpt-5", betas=["v2"])  # E: not a beta the API knows
