"""The benchmark's clients: one request function per client kind, each trusting the bench CA over TLS.

A cell (``cell.py``) calls ``make_client(spec)`` once and then the returned function in a closed loop.
Every client sends the same request and parses the same answer; over TLS each one is given an
``ssl.SSLContext`` that trusts the run's trustme CA (``spec["ca_file"]``), and ``SSL_CERT_FILE`` points
at it too (set by the cell) for a plug-in transport that takes no context argument.
"""

from __future__ import annotations

import json
import os
import ssl
import time
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["Close", "Request", "client_kinds", "make_client"]

Request = Callable[[], Awaitable[list[float]]]  # one call; returns chunk arrival times (empty: not a stream)
Close = Callable[[], Awaitable[None]]

# How each built-in transport takes an ssl.SSLContext; other plug-ins fall back to SSL_CERT_FILE.
_TLS_KWARG = {"aiohttp": "ssl", "httpx": "verify", "httpx2": "verify"}


def client_kinds() -> list[str]:
    """Every client kind this machine can run, in the table's order."""
    import importlib.util

    from ..transports import available_transports

    kinds = ["raw-aiohttp", "raw-httpx"] + [f"core-{name}" for name in available_transports()]
    if importlib.util.find_spec("h2") is not None:  # the `http2` extra: httpx over HTTP/2 (TLS cells only)
        kinds.append("core-httpx-h2")
    if importlib.util.find_spec("openai") is not None:
        kinds.append("openai")
    if importlib.util.find_spec("litellm") is not None:  # the `bench-peers` extra
        kinds.append("litellm")
    return kinds


def _body(spec: dict[str, Any], stream: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"model": spec["model"], "messages": [{"role": "user", "content": spec["prompt"]}]}
    if stream:
        body["stream"] = True
    return body


def tls_context(spec: dict[str, Any]) -> ssl.SSLContext | None:
    ca_file = spec.get("ca_file")
    return ssl.create_default_context(cafile=ca_file) if ca_file else None


async def make_client(spec: dict[str, Any]) -> tuple[Request, Close]:
    """The request function for the cell's client kind, and how to close what it opened."""
    kind: str = spec["client"]
    stream = spec["scenario"] == "stream"
    url = spec["base_url"].rstrip("/") + "/chat/completions"
    headers = {"Authorization": f"Bearer {spec['api_key']}", "Content-Type": "application/json"}
    payload = json.dumps(_body(spec, stream)).encode()
    context = tls_context(spec)
    now = time.perf_counter

    if kind == "raw-aiohttp":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=0, ssl=context if context is not None else True)
        session = aiohttp.ClientSession(connector=connector)

        async def raw_aiohttp() -> list[float]:
            async with session.post(url, data=payload, headers=headers) as resp:
                if resp.status != 200:
                    raise RuntimeError(f"status {resp.status}")
                if not stream:
                    json.loads(await resp.read())
                    return []
                arrivals = []
                async for line in resp.content:
                    if line.startswith(b"data: ") and not line.startswith(b"data: [DONE]"):
                        json.loads(line[6:])
                        arrivals.append(now())
                return arrivals

        return raw_aiohttp, session.close

    if kind == "raw-httpx":
        import httpx

        client = httpx.AsyncClient(limits=httpx.Limits(max_connections=None, max_keepalive_connections=None),
                                   verify=context if context is not None else True)

        async def raw_httpx() -> list[float]:
            if not stream:
                resp = await client.post(url, content=payload, headers=headers)
                resp.raise_for_status()
                json.loads(resp.content)
                return []
            arrivals = []
            async with client.stream("POST", url, content=payload, headers=headers) as resp:
                async for line in resp.aiter_lines():
                    if line.startswith("data: ") and line != "data: [DONE]":
                        json.loads(line[6:])
                        arrivals.append(now())
            return arrivals

        return raw_httpx, client.aclose

    if kind == "openai":
        import openai

        # Default configuration; over TLS its default httpx client, given the CA.
        http_client = openai.DefaultAsyncHttpxClient(verify=context) if context is not None else None
        sdk = openai.AsyncOpenAI(api_key=spec["api_key"], base_url=spec["base_url"], max_retries=0,
                                 http_client=http_client)
        return _typed_client(sdk, spec, stream), sdk.close

    if kind == "litellm":
        return _litellm_client(spec, stream, context)

    if kind == "core-httpx-h2":
        import openai_core
        from openai_core import DefaultAsyncHttpxClient

        if context is None:
            raise ValueError("core-httpx-h2 needs --tls: HTTP/2 is negotiated by ALPN")
        core = openai_core.AsyncOpenAI(api_key=spec["api_key"], base_url=spec["base_url"], max_retries=0,
                                       http_client=DefaultAsyncHttpxClient(http2=True, verify=context))
        return _typed_client(core, spec, stream), core.close

    if kind.startswith("core-"):
        import openai_core
        from openai_core.transports import resolve_transport

        name = kind.removeprefix("core-")
        if context is not None and name in _TLS_KWARG:
            transport = resolve_transport(name)(**{_TLS_KWARG[name]: context})
            core = openai_core.AsyncOpenAI(api_key=spec["api_key"], base_url=spec["base_url"], max_retries=0,
                                           http_client=transport)
        else:
            core = openai_core.AsyncOpenAI(api_key=spec["api_key"], base_url=spec["base_url"], max_retries=0,
                                           transport=name)
        return _typed_client(core, spec, stream), core.close

    raise ValueError(f"unknown client kind {kind!r}")


def _litellm_client(spec: dict[str, Any], stream: bool, context: ssl.SSLContext | None) -> tuple[Request, Close]:
    """LiteLLM's ``acompletion`` through its OpenAI provider, as a multi-provider app calls it."""
    import importlib

    # LiteLLM fetches its model cost map from GitHub at import unless told to use its bundled copy.
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    litellm: Any = importlib.import_module("litellm")  # the `bench-peers` extra; untyped
    litellm.suppress_debug_info = True

    litellm.telemetry = False
    if spec.get("ca_file"):
        litellm.ssl_verify = spec["ca_file"]
    model = "openai/" + spec["model"]
    messages = [{"role": "user", "content": spec["prompt"]}]
    now = time.perf_counter

    async def call() -> list[float]:
        if not stream:
            await litellm.acompletion(model=model, messages=messages, api_base=spec["base_url"],
                                      api_key=spec["api_key"], max_retries=0)
            return []
        arrivals = []
        response = await litellm.acompletion(model=model, messages=messages, api_base=spec["base_url"],
                                             api_key=spec["api_key"], max_retries=0, stream=True)
        async for _chunk in response:
            arrivals.append(now())
        return arrivals

    async def close() -> None:
        closer = getattr(litellm, "close_litellm_async_clients", None)
        if closer is not None:
            await closer()

    return call, close


def _typed_client(client: Any, spec: dict[str, Any], stream: bool) -> Request:
    messages = [{"role": "user", "content": spec["prompt"]}]
    now = time.perf_counter

    async def call() -> list[float]:
        if not stream:
            await client.chat.completions.create(model=spec["model"], messages=messages)
            return []
        arrivals = []
        async for _chunk in await client.chat.completions.create(model=spec["model"], messages=messages, stream=True):
            arrivals.append(now())
        return arrivals

    return call
