"""The child side of ``openai_core._bench.hostile.run_case``: build one client, make one call, print what
happened as one JSON line. Memory is capped with RLIMIT_AS, so a client that holds whatever a server sends
fails with MemoryError instead of taking the machine down."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import resource
import sys
import textwrap
import time
import traceback
from typing import Any

from .hostile import PASSWORD, SECRET


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _label(exc: BaseException, sdk: str) -> str:
    module = type(exc).__module__
    if module == "builtins" or module.partition(".")[0] == sdk:
        return type(exc).__qualname__
    return f"{module}.{type(exc).__qualname__}"


def _printable(exc: BaseException, client: object, logs: str) -> list[str]:
    texts = [repr(exc), str(exc), "".join(traceback.format_exception(exc)), repr(client), logs]
    for name in ("request", "response"):
        value = getattr(exc, name, None)
        if value is not None:
            headers = getattr(value, "headers", None)
            texts += [repr(value), str(value), repr(headers), str(headers)]
    return texts


async def _run(kind: str, spec: dict[str, Any], logs: io.StringIO) -> dict[str, Any]:
    sdk = "openai" if kind == "official" else "openai_core"
    if kind == "official":
        import openai
    else:
        import openai_core as openai  # type: ignore[no-redef]
    namespace: dict[str, Any] = {"openai": openai, "BASE_URL_WITH_USERINFO": spec["userinfo_url"]}
    overrides = eval(f"dict({spec['kwargs']})", namespace)  # the case's own source, not input
    exec("async def call(client):\n" + textwrap.indent(spec["call"], "    "), namespace)

    def make() -> Any:
        options: dict[str, Any] = {"api_key": SECRET, "base_url": spec["base_url"]}
        if kind != "official":
            options["transport"] = kind
        options.update(overrides)
        return openai.AsyncOpenAI(**options)

    client = None if spec["construct_in_call"] else make()
    if client is not None:  # load the resources now, so their lazy imports are not timed
        _ = client.chat.completions, client.files, client.models
    baseline = _rss_mib()
    out: dict[str, Any] = {"name": spec["name"]}
    logs.seek(0)
    logs.truncate()
    started = time.monotonic()
    try:
        if client is None:
            client = make()
        out["result"] = str(await namespace["call"](client))[:200]
    except Exception as exc:
        out["elapsed"] = time.monotonic() - started
        out["error"] = _label(exc, sdk)
        out["message"] = str(exc)[:300]
        texts = _printable(exc, client, logs.getvalue())
        out["leaked"] = any(secret in text for text in texts for secret in (SECRET, PASSWORD))
    else:
        out["elapsed"] = time.monotonic() - started
        out["leaked"] = any(secret in text for text in (repr(client), logs.getvalue()) for secret in (SECRET, PASSWORD))
    finally:
        if client is not None:
            try:
                await client.close()
            except Exception as exc:  # a client that cannot close is an outcome too
                out.setdefault("notes", []).append(f"close() raised {_label(exc, sdk)}")
    out["rss_mib"] = _rss_mib()
    out["rss_growth_mib"] = out["rss_mib"] - baseline
    return out


def main() -> None:
    job = json.loads(sys.argv[1])
    cap = job["rss_cap_mib"] << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    logs = io.StringIO()
    root = logging.getLogger()
    root.addHandler(logging.StreamHandler(logs))
    root.setLevel(logging.DEBUG)
    for spec in job["cases"]:
        print(json.dumps(asyncio.run(_run(job["kind"], spec, logs))), flush=True)


if __name__ == "__main__":
    main()
