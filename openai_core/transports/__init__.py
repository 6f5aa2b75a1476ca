"""Pluggable HTTP backends.

A backend is any object with ``async send(Request) -> Response`` and ``async aclose()``
(``AsyncTransport``). Built-in backends are picked by name (``"httpx"``, ``"aiohttp"``); third-party ones
register a zero-argument factory under the ``openai_core.transports`` entry-point group and are then
picked by their entry-point name, exactly like the built-ins.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .base import (
    AsyncTransport,
    Request,
    Response,
    TransportConnectionError,
    TransportError,
    TransportTimeoutError,
)
from .mock import MockTransport

__all__ = [
    "TRANSPORT_ENV",
    "AsyncTransport",
    "MockTransport",
    "Request",
    "Response",
    "TransportConnectionError",
    "TransportError",
    "TransportTimeoutError",
    "available_transports",
    "create_transport",
    "resolve_transport",
    "transport_from_env",
]

ENTRY_POINT_GROUP = "openai_core.transports"  # unasync: async-only
# unasync: sync-only: ENTRY_POINT_GROUP = "openai_core.sync_transports"

# Built-ins resolve without scanning entry points (that scan costs milliseconds at import).
_BUILTIN: dict[str, str] = {
    "httpx": "openai_core.transports._httpx:HttpxTransport",
    "aiohttp": "openai_core.transports._aiohttp:AioHttpTransport",  # unasync: async-only
}
# Backends that exist on one side only, with the reason given to a user who asks for them there.
_UNAVAILABLE: dict[str, str] = {}  # unasync: async-only
# unasync: sync-only: _UNAVAILABLE = {"aiohttp": "aiohttp is asyncio-only: the sync client runs on httpx (the default); use the async client for aiohttp", "lean": "the lean backend is asyncio-only: the sync client runs on httpx (the default); use the async client for lean"}


def _load(target: str) -> Callable[[], AsyncTransport]:
    module_name, _, attr = target.partition(":")
    factory: Callable[[], AsyncTransport] = getattr(importlib.import_module(module_name), attr)
    return factory


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def _own_entry_point(name: str) -> Any | None:
    """``name`` among this package's own plug-ins (``lean``, ``httpx2``), read from its distribution alone:
    scanning every installed distribution's entry points takes tens of milliseconds, this a fraction of one.
    None when not ours (or when running from a source tree without installed metadata)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        found = distribution("openai-core").entry_points
    except PackageNotFoundError:
        return None
    return next((ep for ep in found if ep.group == ENTRY_POINT_GROUP and ep.name == name), None)


TRANSPORT_ENV = "OPENAI_CORE_TRANSPORT"


def transport_from_env() -> str | None:
    """The backend named by ``OPENAI_CORE_TRANSPORT``, unless this side cannot use it: one variable
    configures an application's async clients, and its sync clients keep their default then."""
    import os

    name = os.environ.get(TRANSPORT_ENV) or None
    if name is not None and name.strip().lower() in _UNAVAILABLE:
        return None
    return name


def available_transports() -> list[str]:
    """Names ``transport=`` accepts: the built-ins and every installed plug-in."""
    return sorted(set(_BUILTIN) | set(_entry_points()))


def resolve_transport(name: str) -> Callable[[], AsyncTransport]:
    """The factory registered under ``name``; a clear error listing the choices otherwise."""
    key = name.strip().lower()
    if key in _UNAVAILABLE:
        raise ValueError(_UNAVAILABLE[key])
    if key in _BUILTIN:
        try:
            return _load(_BUILTIN[key])
        except ImportError as exc:
            raise ImportError(
                f"the {key!r} transport needs its library: pip install \"openai-core[{key}]\" ({exc})"
            ) from exc
    own = _own_entry_point(key)
    if own is not None:
        factory: Callable[[], AsyncTransport] = own.load()
        return factory
    plugins = _entry_points()
    if key in plugins:
        factory = plugins[key].load()
        return factory
    raise ValueError(f"unknown transport {name!r}; available: {', '.join(available_transports())}")


def create_transport(http_client: object | None, name: str | None) -> tuple[AsyncTransport, bool]:
    """The transport a client should use, and whether the client owns (and so closes) it.

    ``http_client`` wins over ``name``: a Transport is used as is (the client closes it: the user handed
    it over), a ready ``httpx.AsyncClient`` or ``aiohttp.ClientSession`` is wrapped and left open for its
    owner to close. With neither, ``name`` (default ``"httpx"``) picks a registered backend.
    """
    if http_client is None:
        return resolve_transport(name or "httpx")(), True
    module = type(http_client).__module__.partition(".")[0]
    if module == "httpx":
        from ._httpx import HttpxTransport

        return HttpxTransport(http_client), True  # type: ignore[arg-type]
    if module in _UNAVAILABLE:
        raise TypeError(_UNAVAILABLE[module])
    # unasync: begin-async-only
    if module == "aiohttp":
        from ._aiohttp import AioHttpTransport

        return AioHttpTransport(http_client), True  # type: ignore[arg-type]
    # unasync: end-async-only
    if isinstance(http_client, AsyncTransport):
        return http_client, True
    raise TypeError(
        "http_client must be a transport (e.g. DefaultAioHttpClient()), an httpx.AsyncClient or an "
        f"aiohttp.ClientSession, got {type(http_client).__name__}"
    )
