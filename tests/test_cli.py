"""The `openai-core` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys

from openai_core.testing import MockServerProcess


def test_demo_runs_every_seed_example_on_both_transports() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "openai_core", "demo", "--requests", "200", "--concurrency", "16"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    for transport in ("httpx", "aiohttp"):
        section = out.split(f"[{transport}]", 1)[1].split("\n\n", 1)[0]
        assert "chat        echo: Hello!" in section
        assert "'echo: stream these five words'" in section
        assert "45 jobs over 3 pages" in section
        assert "RateLimitError status=429" in section
        assert "req/s (200 requests, 16 concurrent)" in section


def test_mock_server_process_serves_and_stops() -> None:
    import httpx

    with MockServerProcess() as server:
        assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/v1")
        r = httpx.get(f"{server.base_url}/models", headers={"Authorization": "Bearer k"})
        assert r.status_code == 200 and r.json()["object"] == "list"
        used = server.cpu_seconds()
        assert used is None or used >= 0
        proc_pid = server.pid
    assert server.pid is None and proc_pid is not None
