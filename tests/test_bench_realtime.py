"""Smoke of the realtime benchmark (``benchmarks/bench_realtime.py``): every cell runs and measures
something on each client kind. Speed is the benchmark's business, never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_realtime_bench_runs_every_cell(tmp_path: Path) -> None:
    out = tmp_path / "realtime.json"
    proc = subprocess.run(
        [sys.executable, "benchmarks/bench_realtime.py", "--sessions", "2", "--repeats", "1", "--events", "300",
         "--words", "20", "--json", str(out)],
        capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    runs = json.loads(out.read_text())["runs"]
    assert {(r["client"], r["sessions"]) for r in runs} == {
        (k, 2) for k in ("core-httpx", "core-aiohttp", "openai")
    }
    for run in runs:
        assert "failed" not in run, run
        assert run["events"] >= 300 and run["events_per_response"] == 29  # 21 deltas + 8 other events
        assert run["events_per_s"] > 0 and run["cpu_us_per_event"] > 0
    assert "| core-aiohttp | 2 |" in proc.stdout and "vs official" in proc.stdout
