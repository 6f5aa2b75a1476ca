"""The benchmark's table, ratios and chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["render_table", "write_chart"]

SATURATED_PCT = 90.0
# (numerator, denominator): ratios the issue's targets are stated in.
RATIOS = [
    ("core-aiohttp", "raw-aiohttp"),
    ("core-httpx", "raw-httpx"),
    ("core-aiohttp", "openai"),
    ("core-httpx", "openai"),
]


def _fmt(value: Any, spec: str = ",.0f") -> str:
    return "-" if value is None else format(value, spec)


def _throughput(cell: dict[str, Any]) -> float:
    return float(cell["chunks_per_s"] if cell["scenario"] == "stream" else cell["req_per_s"])


def render_table(cells: list[dict[str, Any]], *, remote: bool = False) -> str:
    head = (f"{'scenario':<8} {'conc':>5} {'client':<14} {'req/s':>8} {'chunks/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'cpu us/req':>10} {'rss MB':>7} {'conns':>6} {'errors':>6} {'server cpu':>10}")
    if remote:
        head += f" {'ttft ms':>8} {'gap p50':>8} {'gap p99':>8}"
    lines = [head, "-" * len(head)]
    for c in cells:
        if "failed" in c:
            lines.append(f"{c['scenario']:<8} {c['concurrency']:>5} {c['client']:<14} FAILED")
            continue
        server = c.get("server_cpu_pct")
        server_txt = "-" if server is None else f"{server:.0f}%" + (" SAT" if server >= SATURATED_PCT else "")
        line = (f"{c['scenario']:<8} {c['concurrency']:>5} {c['client']:<14} {_fmt(c['req_per_s']):>8} "
                f"{_fmt(c['chunks_per_s'] or None):>10} {_fmt(c['p50_ms'], ',.1f'):>8} {_fmt(c['p99_ms'], ',.1f'):>8} "
                f"{_fmt(c['cpu_us_per_req']):>10} {_fmt(c['peak_rss_mb']):>7} {_fmt(c['connections']):>6} "
                f"{sum(c['errors'].values()):>6} {server_txt:>10}")
        if remote:
            line += (f" {_fmt(c['ttft_p50_ms'], ',.1f'):>8} {_fmt(c['gap_p50_ms'], ',.2f'):>8}"
                     f" {_fmt(c['gap_p99_ms'], ',.2f'):>8}")
        lines.append(line)
    lines.append("")
    lines.append("ratios (throughput: req/s for chat, chunks/s for stream; same run):")
    by_key = {(c["scenario"], c["concurrency"], c["client"]): c for c in cells if "failed" not in c}
    for scenario, concurrency in sorted({(c["scenario"], c["concurrency"]) for c in cells}):
        parts = []
        for top, bottom in RATIOS:
            a, b = by_key.get((scenario, concurrency, top)), by_key.get((scenario, concurrency, bottom))
            if a and b and _throughput(b):
                parts.append(f"{top}/{bottom} {_throughput(a) / _throughput(b):.2f}x")
        if parts:
            lines.append(f"  {scenario:<6} c={concurrency:<4} " + "   ".join(parts))
    if any((c.get("server_cpu_pct") or 0) >= SATURATED_PCT for c in cells):
        lines.append("  SAT: the server used >= 90% of its core in that cell: the server, not the client, may be the limit")
    return "\n".join(lines)


def write_chart(cells: list[dict[str, Any]], path: Path) -> Path | None:
    """Throughput against concurrency, one line per client, one panel per scenario (needs matplotlib)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    ok = [c for c in cells if "failed" not in c]
    scenarios = sorted({c["scenario"] for c in ok})
    if not scenarios:
        return None
    fig, axes = plt.subplots(1, len(scenarios), figsize=(6 * len(scenarios), 4), squeeze=False)
    for ax, scenario in zip(axes[0], scenarios, strict=True):
        for client in sorted({c["client"] for c in ok}):
            points = sorted((c["concurrency"], _throughput(c)) for c in ok if c["scenario"] == scenario and c["client"] == client)
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=client)
        ax.set_xscale("log", base=2)
        ax.set_xlabel("concurrent requests")
        ax.set_ylabel("chunks/s" if scenario == "stream" else "requests/s")
        ax.set_title(f"{scenario}: throughput vs concurrency")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
