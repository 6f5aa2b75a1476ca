"""CI smoke of the benchmark suite: it runs end to end, every cell measures something, nothing errs.
(Speed is the benchmark's business, never asserted here.)"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from openai_core._bench.report import render_table, render_targets
from openai_core.testing import MockServer


def test_bench_smoke_runs_every_cell(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--smoke", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    cells = data["cells"]
    # every client on both loops (uvloop: the `speed` extra, which the test extra includes)
    assert {(c["loop"], c["scenario"], c["client"]) for c in cells} == {
        (lp, s, k) for lp in ("asyncio", "uvloop") for s in ("chat", "stream")
        for k in ("raw-aiohttp", "core-httpx", "core-aiohttp")
    }
    for cell in cells:
        assert cell["requests"] > 0 and cell["errors"] == {}
        assert cell["p99_ms"] >= cell["p50_ms"] > 0
        assert cell["cpu_us_per_req"] > 0
        if cell["scenario"] == "stream":
            # 200 echoed words + the role and finish chunks, per stream
            assert cell["chunks"] == 202 * cell["requests"]
        assert cell["server_cpu_pct"] is not None and cell["server_cpu_us_per_req"] is not None
        # Warm-up opens every worker's connection; the measured window reuses them. (This failed for
        # the typed clients while warm-up was time-only: their first call's imports outlasted it.)
        assert cell["warmup_connections"] == 4 and cell["new_connections"] == 0
        assert cell["connections"] == 4
    assert "core-aiohttp/raw-aiohttp" in proc.stdout
    assert "uvloop / asyncio, each client" in proc.stdout
    assert data["meta"]["target"] == "granian server (own process)"
    assert data["meta"]["versions"]["granian"]


def test_bench_falls_back_to_the_embedded_server_and_repeats_cells(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--smoke", "--server", "embedded", "--repeat", "2",
         "--clients", "core-aiohttp", "--scenarios", "chat", "--loop", "asyncio", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["meta"]["target"] == "embedded server (own process)"
    [cell] = data["cells"]
    assert len(cell["repeats"]) == 2 and round(cell["req_per_s"], 1) == max(cell["repeats"])
    assert cell["requests"] > 0 and cell["errors"] == {}


def test_bench_against_a_base_url_reports_stream_timings(tmp_path: Path, server: MockServer) -> None:
    server.clear()  # the session's server: count only this run's requests
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--base-url", server.base_url, "--clients", "core-httpx",
         "--scenarios", "stream", "--concurrency", "2", "--duration", "5", "--max-requests", "6", "--loop", "asyncio",
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["meta"]["target"] == "remote"
    [cell] = data["cells"]
    # bounded by count: exactly the budget, no warm-up requests against someone else's server
    assert cell["requests"] == 6 and len(server.state.requests) == 6
    assert cell["ttft_p50_ms"] > 0 and cell["gap_p99_ms"] >= cell["gap_p50_ms"] >= 0
    assert "ttft ms" in proc.stdout and "targets" not in proc.stdout


def test_targets_report_each_ratio_as_met_or_missed() -> None:
    base = {"chunks_per_s": 0.0, "p50_ms": 10.0, "p99_ms": 20.0, "cpu_us_per_req": 100.0,
            "peak_rss_mb": 40.0, "connections": 64, "errors": {}}
    cells = [
        {**base, "scenario": "chat", "concurrency": 64, "client": "raw-aiohttp", "req_per_s": 1000.0},
        {**base, "scenario": "chat", "concurrency": 64, "client": "core-aiohttp", "req_per_s": 750.0},
        {**base, "scenario": "chat", "concurrency": 64, "client": "openai", "req_per_s": 50.0},
        {**base, "scenario": "chat", "concurrency": 64, "client": "core-httpx", "req_per_s": 300.0, "p99_ms": 40.0},
    ]
    text = render_targets(cells, {"imports_s": {"openai_core": 0.05, "openai": 1.0}, "sse": {"events": 203, "ratio": 5.0}})
    # issue 16's bars, against the fastest core backend of the cell
    assert "[MISSED] chat   c=64   core-aiohttp / raw-aiohttp req/s: 0.75x (target >= 1.2x)" in text
    assert "[ met ] chat   c=64   core-aiohttp / openai: 15.00x (target >= 15.0x)" in text
    assert "[ met ] chat   c=64   core-httpx p99 / p50 (no collapse): 4.00x" not in text
    assert "[MISSED] chat   c=64   core-httpx p99 / p50 (no collapse): 4.00x (target <= 3.0x)" in text
    assert "[ n/a ] chat   c=64   core-httpx / raw-httpx" in text
    assert "import openai_core (50 ms) / import openai (1000 ms): 0.05x" in text
    assert "[ met ] SSE decoder" in text and "5.00x" in text


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


def test_targets_are_reported_per_loop_against_the_fastest_core_backend() -> None:
    base = {"scenario": "chat", "concurrency": 64, "chunks_per_s": 0.0, "p50_ms": 1.0, "p99_ms": 2.0,
            "cpu_us_per_req": 100.0, "peak_rss_mb": 40.0, "connections": 64, "errors": {}}
    cells = [
        {**base, "loop": "asyncio", "client": "raw-aiohttp", "req_per_s": 1000.0},
        {**base, "loop": "asyncio", "client": "core-aiohttp", "req_per_s": 900.0},
        {**base, "loop": "asyncio", "client": "core-httpx", "req_per_s": 1300.0},
        {**base, "loop": "uvloop", "client": "raw-aiohttp", "req_per_s": 2000.0},
        {**base, "loop": "uvloop", "client": "core-aiohttp", "req_per_s": 2600.0},
    ]
    text = render_targets(cells, {})
    assert "[ met ] asyncio     chat   c=64   core-httpx / raw-aiohttp req/s: 1.30x (target >= 1.2x)" in text
    assert "[ met ] uvloop      chat   c=64   core-aiohttp / raw-aiohttp req/s: 1.30x" in text
    table = render_table(cells)
    assert "uvloop      chat   c=64   core-aiohttp/raw-aiohttp 1.30x" in table
    assert "chat   c=64   core-aiohttp 2.89x   raw-aiohttp 2.00x" in table


def test_bench_over_tls_trusts_the_bench_ca_and_reuses_connections(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "openai_core", "bench", "--smoke", "--tls", "--clients", "raw-aiohttp", "core-httpx",
         "core-aiohttp", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["meta"]["target"] == "granian server (own process), HTTPS (trustme CA)"
    cells = data["cells"]
    assert {(c["loop"], c["client"]) for c in cells} == {
        (lp, k) for lp in ("asyncio", "uvloop") for k in ("raw-aiohttp", "core-httpx", "core-aiohttp")
    }
    for cell in cells:
        assert cell["tls"] is True and cell["requests"] > 0 and cell["errors"] == {}
        # one handshake per worker, every one in the warm-up: reuse, not a connection per request
        assert cell["warmup_connections"] == 4 and cell["new_connections"] == 0
    assert "TLS connections opened per cell" in proc.stdout
    assert "core-aiohttp 4 (0 measured)" in proc.stdout


def test_gateway_holds_every_stream_open_together_then_relays_them_all(tmp_path: Path) -> None:
    out = tmp_path / "gateway.json"
    proc = subprocess.run(
        [sys.executable, "benchmarks/bench_gateway.py", "--streams", "40", "--loop", "both", "--trace",
         "--json", str(out)],
        capture_output=True, text=True, timeout=240, cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    cells = json.loads(out.read_text())["cells"]
    assert {(c["loop"], c["client"], c["traced"]) for c in cells} == {
        *((lp, k, False) for lp in ("asyncio", "uvloop") for k in ("raw-aiohttp", "core-aiohttp")),
        ("asyncio", "raw-aiohttp", True), ("asyncio", "core-aiohttp", True),
    }
    for cell in cells:
        # the server held each stream after its first event: all 40 were open at the same moment
        assert cell["opened_together"] == cell["completed"] == 40 and cell["errors"] == {}
        assert cell["chunks"] == 52 * 40 and cell["relayed_bytes"] > 0
        assert cell["cpu_us_per_chunk"] > 0 and cell["peak_rss_mb"] > 0
    traced = next(c for c in cells if c["traced"] and c["client"] == "core-aiohttp")
    assert traced["by_package_bytes_per_stream"]["aiohttp"] > 0 and "openai_core" in traced["by_package_bytes_per_stream"]
    assert "core-aiohttp / raw-aiohttp  cpu per chunk" in proc.stdout and "tracemalloc" in proc.stdout


def test_gc_settings_are_groups_of_their_own_compared_with_the_default() -> None:
    base = {"scenario": "chat", "concurrency": 512, "chunks_per_s": 0.0, "p50_ms": 1.0, "p99_ms": 2.0,
            "cpu_us_per_req": 100.0, "peak_rss_mb": 40.0, "connections": 512, "errors": {}, "loop": "asyncio"}
    cells = [
        {**base, "gc": "default", "client": "raw-aiohttp", "req_per_s": 1000.0},
        {**base, "gc": "default", "client": "core-aiohttp", "req_per_s": 900.0},
        {**base, "gc": "freeze", "client": "raw-aiohttp", "req_per_s": 1100.0},
        {**base, "gc": "freeze", "client": "core-aiohttp", "req_per_s": 1170.0},
    ]
    table = render_table(cells)
    assert "asyncio+gc:freeze / asyncio, each client" in table
    assert "chat   c=512  core-aiohttp 1.30x   raw-aiohttp 1.10x" in table
    assert "asyncio+gc:freeze chat   c=512  core-aiohttp/raw-aiohttp 1.06x" in table


def test_gc_knob_freezes_and_relaxes_the_collector_only_when_asked() -> None:
    import gc

    from openai_core._bench.cell import _tune_gc

    before = gc.get_threshold()
    try:
        _tune_gc("default")
        assert gc.get_threshold() == before and gc.get_freeze_count() == 0
        _tune_gc("relaxed")
        assert gc.get_threshold()[0] == 20_000 and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    with pytest.raises(ValueError, match="unknown gc mode"):
        _tune_gc("off")
