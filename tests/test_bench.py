"""CI smoke of the benchmark suite: it runs end to end, every cell measures something, nothing errs.
(Speed is the benchmark's business, never asserted here.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openai_core._bench.report import render_table


def test_bench_smoke_runs_every_cell(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--smoke", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    cells = data["cells"]
    assert {(c["scenario"], c["client"]) for c in cells} == {
        (s, k) for s in ("chat", "stream") for k in ("raw-aiohttp", "core-httpx", "core-aiohttp")
    }
    for cell in cells:
        assert cell["requests"] > 0 and cell["errors"] == {}
        assert cell["p99_ms"] >= cell["p50_ms"] > 0
        assert cell["cpu_us_per_req"] > 0
        if cell["scenario"] == "stream":
            # 200 echoed words + the role and finish chunks, per stream
            assert cell["chunks"] == 202 * cell["requests"]
        assert "server_cpu_pct" in cell
    assert "core-aiohttp/raw-aiohttp" in proc.stdout
    assert data["meta"]["target"].startswith("embedded server")


def test_table_flags_a_saturated_server_and_computes_ratios() -> None:
    base = {"scenario": "chat", "concurrency": 64, "chunks_per_s": 0.0, "p50_ms": 1.0, "p99_ms": 2.0,
            "cpu_us_per_req": 100.0, "peak_rss_mb": 40.0, "connections": 64, "errors": {}}
    cells = [
        {**base, "client": "raw-aiohttp", "req_per_s": 1000.0, "server_cpu_pct": 95.0},
        {**base, "client": "core-aiohttp", "req_per_s": 850.0, "server_cpu_pct": 50.0},
    ]
    table = render_table(cells)
    assert "core-aiohttp/raw-aiohttp 0.85x" in table
    assert "95% SAT" in table and "50%" in table


def test_micro_benchmarks_run(capsys: object) -> None:
    import importlib.util

    root = Path(__file__).resolve().parent.parent / "benchmarks"
    for name, kwargs in (("bench_parse", {"number": 50}), ("bench_pipeline", {"n": 50})):
        spec = importlib.util.spec_from_file_location(name, root / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main(**kwargs)
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "openai_core parse_json (one pass)" in out
    assert "openai_core pipeline" in out and "us/call" in out
