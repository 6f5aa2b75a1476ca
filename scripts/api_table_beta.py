"""The naming table's ``client.beta`` part (imported by ``api_table.py``), written by
``scripts/derive_beta_table.py`` from the pinned official SDK's beta resource classes: do not edit by hand,
rerun the script when the pin moves and review the diff."""

from __future__ import annotations

from api_table import Method, Resource

__all__ = ["BETA_METHODS", "BETA_RESOURCES"]

M, R = Method, Resource
ASSISTANTS = "The Assistants API is deprecated in favor of the Responses API"

BETA_RESOURCES: list[Resource] = [
    R("beta.assistants", "beta/assistants.py", "Assistants", "``client.beta.assistants`` of the official SDK.", {"OpenAI-Beta": "assistants=v2"}),
    R("beta.chatkit", "beta/chatkit/chatkit.py", "ChatKit", "``client.beta.chatkit`` of the official SDK."),
    R("beta.chatkit.sessions", "beta/chatkit/sessions.py", "Sessions", "``client.beta.chatkit.sessions`` of the official SDK.", {"OpenAI-Beta": "chatkit_beta=v1"}),
    R("beta.chatkit.threads", "beta/chatkit/threads.py", "Threads", "``client.beta.chatkit.threads`` of the official SDK.", {"OpenAI-Beta": "chatkit_beta=v1"}),
    R("beta.threads", "beta/threads/threads.py", "Threads", "``client.beta.threads`` of the official SDK.", {"OpenAI-Beta": "assistants=v2"}, helpers=("create_and_run_poll",)),
    R("beta.threads.messages", "beta/threads/messages.py", "Messages", "``client.beta.threads.messages`` of the official SDK.", {"OpenAI-Beta": "assistants=v2"}),
    R("beta.threads.runs", "beta/threads/runs/runs.py", "Runs", "``client.beta.threads.runs`` of the official SDK.", {"OpenAI-Beta": "assistants=v2"}, helpers=("create_and_poll", "poll", "submit_tool_outputs_and_poll")),
    R("beta.threads.runs.steps", "beta/threads/runs/steps.py", "Steps", "``client.beta.threads.runs.steps`` of the official SDK.", {"OpenAI-Beta": "assistants=v2"}),
]

BETA_METHODS: list[Method] = [
    M("beta.assistants.create", "POST /assistants", "beta.assistant:Assistant", "beta.assistant_create_params:AssistantCreateParams", deprecated="deprecated"),
    M("beta.assistants.retrieve", "GET /assistants/{assistant_id}", "beta.assistant:Assistant", deprecated="deprecated"),
    M("beta.assistants.update", "POST /assistants/{assistant_id}", "beta.assistant:Assistant", "beta.assistant_update_params:AssistantUpdateParams", deprecated="deprecated"),
    M("beta.assistants.list", "GET /assistants", "beta.assistant:Assistant", "beta.assistant_list_params:AssistantListParams", page="cursor", deprecated="deprecated"),
    M("beta.assistants.delete", "DELETE /assistants/{assistant_id}", "beta.assistant_deleted:AssistantDeleted", deprecated="deprecated"),
    M("beta.chatkit.sessions.create", "POST /chatkit/sessions", "beta.chatkit.chat_session:ChatSession", "beta.chatkit.session_create_params:SessionCreateParams"),
    M("beta.chatkit.sessions.cancel", "POST /chatkit/sessions/{session_id}/cancel", "beta.chatkit.chat_session:ChatSession"),
    M("beta.chatkit.threads.retrieve", "GET /chatkit/threads/{thread_id}", "beta.chatkit.chatkit_thread:ChatKitThread"),
    M("beta.chatkit.threads.list", "GET /chatkit/threads", "beta.chatkit.chatkit_thread:ChatKitThread", "beta.chatkit.thread_list_params:ThreadListParams", page="conversation"),
    M("beta.chatkit.threads.delete", "DELETE /chatkit/threads/{thread_id}", "beta.chatkit.thread_delete_response:ThreadDeleteResponse"),
    M("beta.chatkit.threads.list_items", "GET /chatkit/threads/{thread_id}/items", "beta.chatkit.chatkit_thread_item_list:Data", "beta.chatkit.thread_list_items_params:ThreadListItemsParams", page="conversation"),
    M("beta.threads.create", "POST /threads", "beta.thread:Thread", "beta.thread_create_params:ThreadCreateParams", deprecated=ASSISTANTS),
    M("beta.threads.retrieve", "GET /threads/{thread_id}", "beta.thread:Thread", deprecated=ASSISTANTS),
    M("beta.threads.update", "POST /threads/{thread_id}", "beta.thread:Thread", "beta.thread_update_params:ThreadUpdateParams", deprecated=ASSISTANTS),
    M("beta.threads.delete", "DELETE /threads/{thread_id}", "beta.thread_deleted:ThreadDeleted", deprecated=ASSISTANTS),
    M("beta.threads.create_and_run", "POST /threads/runs", "beta.threads.run:Run", "beta.thread_create_and_run_params:ThreadCreateAndRunParamsBase", stream="beta.assistant_stream_event:AssistantStreamEvent", deprecated=ASSISTANTS),
    M("beta.threads.messages.create", "POST /threads/{thread_id}/messages", "beta.threads.message:Message", "beta.threads.message_create_params:MessageCreateParams", deprecated=ASSISTANTS),
    M("beta.threads.messages.retrieve", "GET /threads/{thread_id}/messages/{message_id}", "beta.threads.message:Message", deprecated=ASSISTANTS),
    M("beta.threads.messages.update", "POST /threads/{thread_id}/messages/{message_id}", "beta.threads.message:Message", "beta.threads.message_update_params:MessageUpdateParams", deprecated=ASSISTANTS),
    M("beta.threads.messages.list", "GET /threads/{thread_id}/messages", "beta.threads.message:Message", "beta.threads.message_list_params:MessageListParams", page="cursor", deprecated=ASSISTANTS),
    M("beta.threads.messages.delete", "DELETE /threads/{thread_id}/messages/{message_id}", "beta.threads.message_deleted:MessageDeleted", deprecated=ASSISTANTS),
    M("beta.threads.runs.create", "POST /threads/{thread_id}/runs", "beta.threads.run:Run", "beta.threads.run_create_params:RunCreateParamsBase", stream="beta.assistant_stream_event:AssistantStreamEvent", deprecated=ASSISTANTS),
    M("beta.threads.runs.retrieve", "GET /threads/{thread_id}/runs/{run_id}", "beta.threads.run:Run", deprecated=ASSISTANTS),
    M("beta.threads.runs.update", "POST /threads/{thread_id}/runs/{run_id}", "beta.threads.run:Run", "beta.threads.run_update_params:RunUpdateParams", deprecated=ASSISTANTS),
    M("beta.threads.runs.list", "GET /threads/{thread_id}/runs", "beta.threads.run:Run", "beta.threads.run_list_params:RunListParams", page="cursor", deprecated=ASSISTANTS),
    M("beta.threads.runs.cancel", "POST /threads/{thread_id}/runs/{run_id}/cancel", "beta.threads.run:Run", deprecated=ASSISTANTS),
    M("beta.threads.runs.submit_tool_outputs", "POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs", "beta.threads.run:Run", "beta.threads.run_submit_tool_outputs_params:RunSubmitToolOutputsParamsBase", stream="beta.assistant_stream_event:AssistantStreamEvent", deprecated=ASSISTANTS),
    M("beta.threads.runs.steps.retrieve", "GET /threads/{thread_id}/runs/{run_id}/steps/{step_id}", "beta.threads.runs.run_step:RunStep", "beta.threads.runs.step_retrieve_params:StepRetrieveParams", deprecated=ASSISTANTS),
    M("beta.threads.runs.steps.list", "GET /threads/{thread_id}/runs/{run_id}/steps", "beta.threads.runs.run_step:RunStep", "beta.threads.runs.step_list_params:StepListParams", page="cursor", deprecated=ASSISTANTS),
]
