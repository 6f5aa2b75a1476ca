"""LiteLLM as a peer client of ``openai-core bench`` (the `bench-peers` extra; the interop extra installs the
same pinned LiteLLM, so this runs in that virtualenv, where .ci/run runs tests/interop)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_bench_runs_litellm_as_a_peer_on_loopback_only(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--smoke", "--clients", "core-aiohttp", "litellm",
         "--loop", "asyncio", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    cells = json.loads((tmp_path / "results.json").read_text())["cells"]
    lite = [c for c in cells if c["client"] == "litellm"]
    assert {c["scenario"] for c in lite} == {"chat", "stream"}
    for cell in lite:
        assert cell["requests"] > 0 and cell["errors"] == {}
        if cell["scenario"] == "stream":
            assert cell["chunks"] >= 200 * cell["requests"]
    assert "core-aiohttp/litellm" in proc.stdout
