"""Table entries (see ``tests/_calls.py``) for the Agents API, ``client.beta.agents.*`` (agents, automations
and their invocations, environments and their files and templates, sessions and their artifacts, events,
items, subagents, traces and turns, vaults and their credentials).

Made as the admin entries are (``tests/_calls_admin.py``): each official method's signature gives the
arguments (every parameter, the optional ones too, sampled from its type hints) and its return annotation
the result, which the recorder answers with a full sample of (``tests/_recorder_admin.py``). The spec of
2026-08-21 has none of these operations (their types come from ``scripts/openapi_supplement_agents.yaml``),
so they are wire-only: the official SDK is the reference.
"""

from __future__ import annotations

from typing import Any

import openai
from openai.types.beta import Agent, AgentSessionEvent
from openai.types.beta.agents import Vault
from openai.types.beta.agents.environments import EnvironmentFile
from openai.types.beta.environment_param import EnvironmentParam

from ._calls import WIRE_ONLY, api_call, collect, no_check
from ._calls_admin import _has, _register, _walk_every_page
from ._recorder_admin import answer_with_events, sample

__all__ = ["AGENTS_METHODS"]

# Not one JSON answer: the artifact's bytes (an entry of its own below).
_BINARY = {"beta.agents.sessions.artifacts.content"}
# Event streams: entries of their own below.
_STREAMED = {"beta.agents.sessions.events.stream"}
# The official sessions.create's own client-side arguments (its runtime: parsing the output into a type, running
# tool handlers), which openai_core does not have: the call is the plain one (its `stream=True` form below).
_WITHOUT = {"beta.agents.sessions.create": ("output_type", "tool_handlers", "stream")}


def _official_tree() -> dict[str, Any]:
    """Every official ``beta.agents.*`` method, dotted, with its unbound function."""
    client = openai.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    found: dict[str, Any] = {}

    def walk(obj: Any, prefix: str) -> None:
        for name in dir(type(obj)):
            if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
                continue
            value = getattr(obj, name)
            if isinstance(value, openai._resource.AsyncAPIResource):
                walk(value, f"{prefix}{name}.")
            elif callable(value):
                found[f"{prefix}{name}"] = getattr(type(obj), name)

    walk(client.beta.agents, "beta.agents.")
    return found


_TREE = _official_tree()
# Only the methods openai_core has: docs/compatibility.md lists the others ("Not covered").
AGENTS_METHODS = sorted(m for m in _TREE if _has(m))
for _method in AGENTS_METHODS:
    if _method not in _BINARY | _STREAMED:
        _register(_method, _TREE[_method], wire_only=True, without=_WITHOUT.get(_method, ()))
_walk_every_page("beta.agents.list", Agent, "AsyncCursorPage")
_walk_every_page("beta.agents.vaults.list", Vault, "AsyncCursorPage")
# The environment files page by the token the answer names (`page=<next>`).
_walk_every_page("beta.agents.environments.files.list", EnvironmentFile, "AsyncTokenPage", "environment_1")


@api_call("beta.agents.sessions.events.stream", no_check, stream=True, prism=WIRE_ONLY)
async def agents_session_events_stream(client: Any) -> Any:
    # Every one of the 33 event types once, the `error` one too: an item of this stream, not an exception.
    answer_with_events(AgentSessionEvent)
    stream = await client.beta.agents.sessions.events.stream("session_1", include_obfuscation=False)
    return await collect(stream)


@api_call("beta.agents.sessions.create[stream]", no_check, stream=True, prism=WIRE_ONLY)
async def agents_session_create_stream(client: Any) -> Any:
    answer_with_events(AgentSessionEvent)
    stream = await client.beta.agents.sessions.create(
        environment=sample(EnvironmentParam, "environment"), agent_id="agent_1", input="Hi", stream=True,
        stream_options={"include_obfuscation": False},
    )
    return await collect(stream)


@api_call("beta.agents.sessions.artifacts.content", no_check, prism=WIRE_ONLY)
async def agents_artifact_content(client: Any) -> Any:
    return (await client.beta.agents.sessions.artifacts.content("artifact_1", session_id="session_1")).content
