"""What every benchmark cell shares: it runs in a child process (its own interpreter, CPU and memory
counted alone), on the event loop its spec names, and reports one JSON line on stdout."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any


def loop_factory(name: str) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """``asyncio.Runner``'s loop factory for ``"asyncio"`` (None: the default) or ``"uvloop"``."""
    if name == "uvloop":
        import uvloop

        return uvloop.new_event_loop
    return None


def run_child(args: list[str], *, timeout: float, identity: dict[str, Any]) -> dict[str, Any]:
    """``python <args>``'s last JSON line, or ``identity`` with the tail of its stderr under ``failed``."""
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {**identity, "failed": proc.stderr.strip()[-600:]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result
