"""Table entries (see ``tests/_calls.py``) for the organization admin API, ``client.admin.organization.*``.

One entry per official admin method, derived from the official SDK itself rather than written out 143
times: its signature gives the arguments (``sample`` fills every parameter, the optional ones too, from
the method's own type hints; path ids are ``<name>_1``), its return annotation the result (the official
model, which the recorder answers a full sample of; and openai_core's class of the same module path,
which the Prism check asserts). The call itself is the same code on both clients, as every entry's is:
``client.admin.organization.<...>(*args, **kwargs)``. Calls the spec of 2026-08-21 lacks are wire-only.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from typing import Any

import openai
import pytest
from openai.types.admin.organization import Invite, Role

from ._calls import WIRE_ONLY, api_call, collect, probe_client
from ._recorder_admin import answer_with, sample

__all__ = ["ADMIN_METHODS"]

_EXTRAS = ("extra_headers", "extra_query", "extra_body", "timeout")
# Not in the spec of 2026-08-21 (Prism serves the spec): the official SDK is their reference.
NOT_IN_SPEC = ("admin.organization.usage.decisions", "admin.organization.external_keys.",
               "admin.organization.workload_identity_providers.", "admin.organization.external_storage.",
               "admin.organization.projects.api_keys.update", "admin.organization.projects.service_tier_settings.")
# Arguments a sample cannot guess: values the spec constrains (Prism checks them).
ARGUMENTS: dict[str, dict[str, Any]] = {}


def _official_tree() -> dict[str, Any]:
    """Every official ``admin.*`` method, dotted, with its unbound function."""
    client = openai.AsyncOpenAI(api_key="sk-none", admin_api_key="sk-admin-none", base_url="http://127.0.0.1:9/v1")
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

    walk(client.admin, "admin.")
    return found


def _ours(official_model: type) -> type:
    module = importlib.import_module(official_model.__module__.replace("openai.", "openai_core.", 1))
    return typing.cast(type, getattr(module, official_model.__name__))


def _check(model: Any, page: str | None) -> Any:
    if model is type(None):
        return lambda result: None if result is None else pytest.fail(f"{result!r} for a call answering nothing")
    # A union result (``beta.agents``' Automation): openai_core's class of one of its members.
    members = typing.get_args(model) if not isinstance(model, type) else (model,)
    # sessions.create's `AgentSession | AgentSessionEventStream[OutputT]`: the stream is the official runtime's.
    members = tuple(m for m in members if getattr(m, "__module__", "").startswith("openai.types."))
    ours = tuple(_ours(member) for member in members)

    def check(result: Any) -> None:
        if page:
            assert type(result).__name__.split("[")[0] == page, type(result)
            assert len(result.data) == 1
            result = result.data[0]
        assert isinstance(result, ours), type(result)

    return check


def _register(method: str, function: Any, wire_only: bool = False, without: tuple[str, ...] = ()) -> None:
    """``without``: parameters left out of the call (the official SDK's client-side ones)."""
    hints = typing.get_type_hints(function)
    params = [p for p in list(inspect.signature(function).parameters.values())[1:] if p.name not in without]
    args = tuple(sample(hints[p.name], p.name) for p in params if p.kind is p.POSITIONAL_OR_KEYWORD)
    kwargs = {p.name: sample(hints[p.name], p.name) for p in params
              if p.kind is p.KEYWORD_ONLY and p.name not in _EXTRAS}
    kwargs.update(ARGUMENTS.get(method, {}))
    returns = hints["return"]
    page = None
    if typing.get_origin(returns) is not None and typing.get_origin(returns).__name__ == "AsyncPaginator":
        model, page_type = typing.get_args(returns)
        page = page_type.__name__.split("[")[0]  # a parametrized pydantic model, not a typing alias
    else:
        model = returns
    not_in_spec = any(method == p or (p.endswith(".") and method.startswith(p)) for p in NOT_IN_SPEC)
    prism = WIRE_ONLY if wire_only or not_in_spec else None

    async def call(client: Any) -> Any:
        answer_with(model, page)
        target = client
        for name in method.split("."):
            target = getattr(target, name)
        return await target(*args, **kwargs)

    call.__name__ = method.replace(".", "_")
    api_call(method, _check(model, page), prism=prism)(call)


def _walk_every_page(method: str, model: Any, page: str, *args: str) -> None:
    async def call(client: Any) -> Any:
        answer_with(model, page)
        target = client
        for name in method.split("."):
            target = getattr(target, name)
        return await collect(target(*args, limit=1))

    call.__name__ = method.replace(".", "_") + "_all_pages"
    api_call(f"{method}[all pages]", lambda result: None, prism=WIRE_ONLY)(call)


_PROBE = probe_client()
_TREE = _official_tree()


def _has(method: str) -> bool:
    target: Any = _PROBE
    try:
        for name in method.split("."):
            target = getattr(target, name)
    except AttributeError:
        return False
    return callable(target)


# Only the methods openai_core has: docs/compatibility.md lists the others ("Not covered").
ADMIN_METHODS = sorted(m for m in _TREE if _has(m))
for _method in ADMIN_METHODS:
    _register(_method, _TREE[_method])
# Walking every page: each page kind the admin lists use (the role lists' `next` cursor, the others' last id).
_walk_every_page("admin.organization.roles.list", Role, "AsyncNextCursorPage")
_walk_every_page("admin.organization.invites.list", Invite,
                 "AsyncConversationCursorPage")
