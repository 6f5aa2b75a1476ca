"""Hostile-server cases run in a child process each, on openai_core (httpx, aiohttp) and on the official
SDK: what the call raised or returned, how long it took, how much memory it held, and whether a secret
showed up in anything printable (the exception, its chain, its request, the client, log lines).

``benchmarks/hostile.py`` prints the table in ``docs/reliability.md``; ``tests/hostile/`` asserts
openai_core's outcomes through :func:`run_case`. The server (``openai_core.testing.hostile``) runs in
the parent; the child only runs the client, so its peak RSS is the client's.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field

import psutil  # type: ignore[import-untyped]

from ..testing.hostile import HANDLERS
from ..testing.raw import RawServer

__all__ = ["CASES", "KINDS", "SECRET", "Case", "Outcome", "run_case", "run_cases"]

SECRET = "sk-SECRET-0123456789abcdef"
PASSWORD = "hunter2-SECRET"
KINDS = ("httpx", "aiohttp", "official")

_CHAT = 'await client.chat.completions.create(model="m", messages=[{{"role": "user", "content": "hi"}}]{extra})'
_STREAM = (
    'items = []\n'
    'async for item in await client.chat.completions.create(model="m", messages=[{{"role": "user", '
    '"content": "hi"}}], stream=True{extra}):\n'
    '    items.append(item)\n'
    'return f"{{len(items)}} events, then the stream ended normally"'
)


def _chat(extra: str = "") -> str:
    return "return " + _CHAT.format(extra=extra)


@dataclass(frozen=True)
class Case:
    name: str
    handler: str
    what: str
    call: str  # body of `async def call(client)`; `openai` is the client's package
    expect: str  # what openai_core raises (class name), or "ok"
    ours: str = ""  # extra client keyword arguments (source), openai_core
    official: str = ""  # the same for the official SDK (its nearest equivalent)
    construct_in_call: bool = False  # the client is built inside the call (input checked at construction)
    rss_cap_mib: int = 3072
    wall_limit: float = 20.0


_T2 = ("timeout=openai.Timeout(2.0, total=2.0), max_retries=2", "timeout=2.0, max_retries=2")

CASES: list[Case] = [
    Case("smuggle", "smuggle", "Content-Length shorter than the body, a 2nd response behind it",
         'await client.models.list()\nreturn "2nd call got " + (await client.models.list()).data[0].id', "ok"),
    Case("smuggle_late", "smuggle_late", "an unasked-for 2nd response arrives on the idle connection",
         'import asyncio\nawait client.models.list()\nawait asyncio.sleep(0.2)\n'
         'return "2nd call got " + (await client.models.list()).data[0].id', "ok"),
    Case("huge_json", "huge_json", "200 JSON body of 2 GiB (Content-Length)", _chat(), "APIResponseValidationError"),
    Case("endless_json", "endless_json", "200 chunked JSON body that never ends", _chat(), "APIResponseValidationError"),
    Case("gzip_bomb", "gzip_bomb", "gzip body: 2 MB on the wire, 2 GiB decoded", _chat(), "APIResponseValidationError"),
    Case("endless_error", "endless_error", "500 whose body never ends (max_retries=0)", _chat(),
         "InternalServerError", ours="max_retries=0", official="max_retries=0"),
    Case("sse_huge_line", "sse_huge_line", "SSE line of 512 MiB without a line end", _STREAM.format(extra=""), "APIError"),
    Case("sse_cut_mid_event", "sse_cut_mid_event", "SSE body ends cleanly in the middle of an event",
         _STREAM.format(extra=""), "APIConnectionError"),
    Case("sse_not_json", "sse_not_json", "SSE event data that is not JSON", _STREAM.format(extra=""),
         "APIResponseValidationError"),
    Case("sse_wrong_shape", "sse_wrong_shape", "SSE event data that is JSON but not an object",
         _STREAM.format(extra=""), "APIResponseValidationError"),
    Case("deep_error_body", "deep_error_body", "400 error body nested 100,000 deep", _chat(), "BadRequestError"),
    Case("deep_sse_error", "deep_sse_error", "SSE error event nested 100,000 deep", _STREAM.format(extra=""), "APIError"),
    Case("deep_json", "deep_json", "200 JSON nested 100,000 deep", _chat(), "APIResponseValidationError"),
    Case("missing_choices", "missing_choices", "200 chat completion without `choices`; then read `.choices`",
         "r = " + _CHAT.format(extra="") + "\nreturn repr(r.choices)", "AttributeError"),
    Case("slowloris_headers", "slowloris_headers", "headers trickled a byte every 0.2 s, total=2 s",
         _chat(), "APITimeoutError", ours=_T2[0], official=_T2[1]),
    Case("slowloris_body", "slowloris_body", "body trickled a byte every 0.2 s, total=2 s",
         _chat(), "APITimeoutError", ours=_T2[0], official=_T2[1]),
    Case("slowloris_stream", "slowloris_stream", "SSE keep-alive comments every 0.2 s, no event, total=2 s",
         _STREAM.format(extra=""), "APITimeoutError", ours=_T2[0], official=_T2[1]),
    Case("silent", "silent", "server never answers; total=2 s, 2 retries", _chat(), "APITimeoutError",
         ours=_T2[0], official=_T2[1]),
    Case("early_413", "early_413", "413 while a 64 MiB upload is still being sent",
         'return await client.files.create(file=("big.jsonl", b"x" * (64 << 20)), purpose="batch")',
         "APIStatusError", ours="max_retries=2", official="max_retries=2"),
    Case("key_non_ascii", "ok", "API key with a non-ASCII character", _chat(), "OpenAIError",
         ours=f'api_key="{SECRET}\\u2019"', official=f'api_key="{SECRET}\\u2019"', construct_in_call=True),
    Case("key_crlf", "ok", "API key ending in CR/LF (pasted with its line end)", _chat(), "OpenAIError",
         ours=f'api_key="{SECRET}\\r\\n"', official=f'api_key="{SECRET}\\r\\n"', construct_in_call=True),
    Case("header_crlf", "ok", "extra_headers value with CR/LF (header injection)",
         _chat(', extra_headers={"X-Trace": "a\\r\\nX-Injected: 1"}'), "OpenAIError"),
    Case("base_url_userinfo", "ok", "base_url with user:password@", _chat(), "ValueError",
         ours="base_url=BASE_URL_WITH_USERINFO", official="base_url=BASE_URL_WITH_USERINFO", construct_in_call=True),
    Case("secret_headers", "unauthorized", "401 with api-key / Cookie / Authorization sent: any secret printed?",
         _chat(), "AuthenticationError", ours=f'default_headers={{"api-key": "{SECRET}", "Cookie": "s={SECRET}"}}',
         official=f'default_headers={{"api-key": "{SECRET}", "Cookie": "s={SECRET}"}}'),
]


@dataclass
class Outcome:
    kind: str
    case: str
    error: str | None = None  # exception class name (with its module when not the SDK's own)
    message: str = ""
    result: str = ""
    elapsed: float = 0.0
    rss_mib: float = 0.0  # peak RSS of the child
    rss_growth_mib: float = 0.0  # peak minus the RSS with the client built and nothing sent
    leaked: bool = False  # a secret appeared in something printable
    requests: int = 0  # requests the server saw
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.error if self.error is not None else "ok"


def run_case(case: Case, kind: str, *, rss_cap_mib: int | None = None, python: str = sys.executable) -> Outcome:
    """Run ``case`` with client ``kind`` ("httpx", "aiohttp" or "official") in a child process whose
    address space is capped at ``rss_cap_mib`` (default: the case's)."""
    return run_cases([case], kind, rss_cap_mib=rss_cap_mib or case.rss_cap_mib, python=python)[0]


def run_cases(cases: list[Case], kind: str, *, rss_cap_mib: int = 1024, python: str = sys.executable) -> list[Outcome]:
    """Run ``cases`` one after the other in one child process (cheaper than a child each; the memory
    figures are then the child's peak over all of them, each case's growth over the peak before it)."""
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(RawServer(HANDLERS[case.handler])) for case in cases]
        specs = [
            {
                "name": case.name, "base_url": server.base_url, "call": case.call,
                "construct_in_call": case.construct_in_call,
                "kwargs": case.official if kind == "official" else case.ours,
                "userinfo_url": server.base_url.replace("http://", f"http://user:{PASSWORD}@"),
            }
            for case, server in zip(cases, servers, strict=True)
        ]
        wall_limit = sum(case.wall_limit for case in cases)
        started = time.monotonic()
        command = [python, "-m", "openai_core._bench.hostile_child",
                   json.dumps({"kind": kind, "rss_cap_mib": rss_cap_mib, "cases": specs})]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"}) as child:
            # Sampled from outside too: a child killed at the wall limit reports nothing itself.
            watched = psutil.Process(child.pid)
            peak_rss = 0
            status: int | None = None
            while time.monotonic() - started < wall_limit:
                with contextlib.suppress(psutil.Error):
                    peak_rss = max(peak_rss, watched.memory_info().rss)
                try:
                    status = child.wait(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    continue
            if status is None:
                child.kill()
            stdout, stderr = child.communicate()
        requests = [len(server.requests) for server in servers]
    results = {r.pop("name"): r for r in (json.loads(line) for line in stdout.splitlines() if line.startswith("{"))}
    outcomes: list[Outcome] = []
    for case, seen in zip(cases, requests, strict=True):
        result = results.get(case.name)
        if result is not None:
            outcomes.append(Outcome(kind, case.name, requests=seen, **result))
            continue
        # This case killed the child, or outlived the wall limit: the cases after it never ran.
        if status is None:
            message = f"killed after {wall_limit:.0f} s at {peak_rss / 2**20:,.0f} MiB RSS"
        else:
            message = (stderr.strip().splitlines() or [f"exit status {status}"])[-1][:200]
        error = "(still running)" if status is None else "(child died)"
        outcomes.append(Outcome(kind, case.name, error=error, message=message, requests=seen,
                                elapsed=time.monotonic() - started))
        break
    return outcomes
