"""The recorder's canned answers (``tests/_recorder.py``) for ``client.beta``: assistants, threads (+ messages,
runs, steps) and chatkit. Objects carry every field both SDKs' models require; a streamed run answers the
Assistants event stream (``event: thread.run.created`` ... ``event: done``)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ._recorder_breadth import CREATED, _deleted, _paged, _polled, _route

__all__ = ["beta_routes"]

_TOOLS = [{"type": "code_interpreter"}, {"type": "file_search"}]


def _assistant(assistant_id: str = "asst_wire") -> dict[str, Any]:
    return {"id": assistant_id, "object": "assistant", "created_at": CREATED, "name": "Helper", "description": None,
            "model": "gpt-4o", "instructions": "Be brief.", "tools": _TOOLS, "metadata": {"team": "core"},
            "temperature": 1.0, "top_p": 1.0, "response_format": "auto",
            "tool_resources": {"code_interpreter": {"file_ids": ["file-1"]}}}


def _thread(thread_id: str = "thread_wire") -> dict[str, Any]:
    return {"id": thread_id, "object": "thread", "created_at": CREATED, "metadata": {"topic": "billing"},
            "tool_resources": None}


def _run(run_id: str = "run_wire", status: str = "completed") -> dict[str, Any]:
    return {"id": run_id, "object": "thread.run", "created_at": CREATED, "thread_id": "thread_abc",
            "assistant_id": "asst_abc", "status": status, "model": "gpt-4o", "instructions": "Be brief.",
            "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}],
            "parallel_tool_calls": True, "metadata": {}, "required_action": None, "last_error": None,
            "expires_at": None, "started_at": CREATED, "cancelled_at": None, "failed_at": None,
            "completed_at": CREATED + 2, "incomplete_details": None,
            "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8},
            "temperature": 1.0, "top_p": 1.0, "max_prompt_tokens": None, "max_completion_tokens": None,
            "truncation_strategy": {"type": "auto", "last_messages": None}, "response_format": "auto",
            "tool_choice": "auto"}


def _message(message_id: str = "msg_wire") -> dict[str, Any]:
    return {"id": message_id, "object": "thread.message", "created_at": CREATED, "thread_id": "thread_abc",
            "status": "completed", "role": "assistant", "assistant_id": "asst_abc", "run_id": "run_abc",
            "attachments": [], "metadata": {}, "incomplete_details": None, "completed_at": CREATED,
            "incomplete_at": None,
            "content": [{"type": "text", "text": {"value": "Hello", "annotations": [
                {"type": "file_citation", "text": "[1]", "start_index": 0, "end_index": 3,
                 "file_citation": {"file_id": "file-1"}}]}}]}


def _step(step_id: str = "step_wire") -> dict[str, Any]:
    return {"id": step_id, "object": "thread.run.step", "created_at": CREATED, "assistant_id": "asst_abc",
            "thread_id": "thread_abc", "run_id": "run_abc", "type": "tool_calls", "status": "completed",
            "cancelled_at": None, "completed_at": CREATED, "expired_at": None, "failed_at": None,
            "last_error": None, "metadata": None, "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                                          "total_tokens": 2},
            "step_details": {"type": "tool_calls", "tool_calls": [
                {"id": "call_1", "type": "code_interpreter",
                 "code_interpreter": {"input": "1+1", "outputs": [{"type": "logs", "logs": "2"}]}},
                {"id": "call_2", "type": "function",
                 "function": {"name": "lookup", "arguments": "{}", "output": None}}]}}


def _chat_session(session_id: str = "cksess_wire", status: str = "active") -> dict[str, Any]:
    return {"id": session_id, "object": "chatkit.session", "expires_at": CREATED + 600, "client_secret": "ek_wire",
            "user": "user_1", "max_requests_per_1_minute": 10, "status": status,
            "workflow": {"id": "wf_1", "version": "3", "state_variables": None, "tracing": {"enabled": True}},
            "rate_limits": {"max_requests_per_1_minute": 10},
            "chatkit_configuration": {"automatic_thread_titling": {"enabled": True},
                                      "file_upload": {"enabled": False, "max_file_size": None, "max_files": None},
                                      "history": {"enabled": True, "recent_threads": None}}}


def _chatkit_thread(thread_id: str = "cthr_wire") -> dict[str, Any]:
    return {"id": thread_id, "object": "chatkit.thread", "created_at": CREATED, "title": "Refunds",
            "status": {"type": "active"}, "user": "user_1"}


def _chatkit_item(item_id: str = "cthi_wire") -> dict[str, Any]:
    return {"id": item_id, "object": "chatkit.thread_item", "created_at": CREATED, "thread_id": "cthr_1",
            "type": "chatkit.assistant_message",
            "content": [{"type": "output_text", "text": "Hi", "annotations": []}]}


# Faults a streamed run can carry (tests/test_beta_streams.py), chosen by the thread id.
_FAULTS = {
    "thread_error_event": b'event: thread.run.created\ndata: {"id": "run_1"}\n\n'
                          b'event: error\ndata: {"error": {"message": "server melted", "code": "server_error"}}\n\n',
    "thread_bad_data": b"event: thread.run.created\ndata: {not json\n\n",
    "thread_unknown_event": b'event: thread.run.teleported\ndata: {"id": "run_1"}\n\n',
}


def _run_events(ctx: Any) -> Any:
    """A streamed run as the Assistants API sends it: one named event per state, then ``done``."""
    fault = _FAULTS.get(ctx.match.groupdict().get("tid") or "")
    if ctx.stream and fault is not None:
        return fault
    if not ctx.stream:
        return _run("run_queued", "queued")  # retrieved: in progress once, then completed (the poll helpers)
    events = [("thread.run.created", _run("run_wire", "queued")),
              ("thread.run.in_progress", _run("run_wire", "in_progress")),
              ("thread.message.delta", {"id": "msg_1", "object": "thread.message.delta",
                                        "delta": {"content": [{"index": 0, "type": "text",
                                                               "text": {"value": "Hel"}}]}}),
              ("thread.run.completed", _run("run_wire", "completed"))]
    out = b"".join(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode() for name, data in events)
    return out + b"event: done\ndata: [DONE]\n\n"


T = r"/threads/(?P<tid>[^/]+)"
RUN = T + r"/runs/(?P<id>[^/]+)"


def beta_routes() -> list[tuple[str, re.Pattern[str], Callable[[Any], Any]]]:
    r = _route
    return [
        r("POST", r"/assistants", lambda ctx: {**_assistant(), "name": ctx.body.get("name")}),
        r("GET", r"/assistants", _paged(_assistant, "asst")),
        r("GET", r"/assistants/(?P<id>[^/]+)", lambda ctx: _assistant(ctx.match["id"])),
        r("POST", r"/assistants/(?P<id>[^/]+)", lambda ctx: {**_assistant(ctx.match["id"]),
                                                            "instructions": ctx.body.get("instructions")}),
        r("DELETE", r"/assistants/(?P<id>[^/]+)", _deleted("assistant.deleted")),
        r("POST", r"/threads", lambda ctx: _thread()),
        r("POST", r"/threads/runs", _run_events),
        r("GET", r"/threads/(?P<id>[^/]+)", lambda ctx: _thread(ctx.match["id"])),
        r("POST", r"/threads/(?P<id>[^/]+)", lambda ctx: {**_thread(ctx.match["id"]),
                                                         "metadata": ctx.body.get("metadata")}),
        r("DELETE", r"/threads/(?P<id>[^/]+)", _deleted("thread.deleted")),
        r("POST", T + r"/messages", lambda ctx: _message()),
        r("GET", T + r"/messages", _paged(_message, "msg")),
        r("GET", T + r"/messages/(?P<id>[^/]+)", lambda ctx: _message(ctx.match["id"])),
        r("POST", T + r"/messages/(?P<id>[^/]+)", lambda ctx: {**_message(ctx.match["id"]),
                                                              "metadata": ctx.body.get("metadata")}),
        r("DELETE", T + r"/messages/(?P<id>[^/]+)", _deleted("thread.message.deleted")),
        r("POST", T + r"/runs", _run_events),
        r("GET", T + r"/runs", _paged(_run, "run")),
        r("GET", RUN, _polled(_run, "in_progress", "completed")),
        r("POST", RUN, lambda ctx: {**_run(ctx.match["id"]), "metadata": ctx.body.get("metadata")}),
        r("POST", RUN + r"/cancel", lambda ctx: _run(ctx.match["id"], "cancelling")),
        r("POST", RUN + r"/submit_tool_outputs", _run_events),
        r("GET", RUN + r"/steps", _paged(_step, "step")),
        r("GET", RUN + r"/steps/(?P<sid>[^/]+)", lambda ctx: _step(ctx.match["sid"])),
        r("POST", r"/chatkit/sessions", lambda ctx: {**_chat_session(), "user": ctx.body.get("user")}),
        r("POST", r"/chatkit/sessions/(?P<id>[^/]+)/cancel", lambda ctx: _chat_session(ctx.match["id"], "cancelled")),
        r("GET", r"/chatkit/threads", _paged(_chatkit_thread, "cthr")),
        r("GET", r"/chatkit/threads/(?P<id>[^/]+)", lambda ctx: _chatkit_thread(ctx.match["id"])),
        r("DELETE", r"/chatkit/threads/(?P<id>[^/]+)", _deleted("chatkit.thread.deleted")),
        r("GET", r"/chatkit/threads/[^/]+/items", _paged(_chatkit_item, "cthi")),
    ]
