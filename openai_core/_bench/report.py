"""The benchmark's table, ratios and chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["render_table", "render_targets", "write_chart"]

SATURATED_PCT = 90.0
# (numerator, denominator): ratios the issue's targets are stated in.
RATIOS = [
    ("core-aiohttp", "raw-aiohttp"),
    ("core-httpx", "raw-httpx"),
    ("core-aiohttp", "openai"),
    ("core-httpx", "openai"),
    ("core-aiohttp", "litellm"),
]


def _fmt(value: Any, spec: str = ",.0f") -> str:
    return "-" if value is None else format(value, spec)


def _throughput(cell: dict[str, Any]) -> float:
    return float(cell["chunks_per_s"] if cell["scenario"] == "stream" else cell["req_per_s"])


def _loop(cell: dict[str, Any]) -> str:
    """The cell's group: its event loop, +tls, and a gc setting other than the default."""
    gc_mode = cell.get("gc", "default")
    return (str(cell.get("loop", "asyncio")) + ("+tls" if cell.get("tls") else "")
            + ("" if gc_mode == "default" else f"+gc:{gc_mode}"))


def _width(cells: list[dict[str, Any]]) -> int:
    return max([11] + [len(_loop(c)) for c in cells])


def _compare(by_key: dict[tuple[str, str, int, str], dict[str, Any]], cells: list[dict[str, Any]],
             top: str, bottom: str) -> list[str]:
    """Throughput of group ``top`` over group ``bottom``, client by client, cell by cell."""
    lines = [f"{top} / {bottom}, each client (throughput; same run):"]
    for scenario, concurrency in sorted({(c["scenario"], c["concurrency"]) for c in cells}):
        parts = []
        for client in sorted({c["client"] for c in cells}):
            a, b = by_key.get((top, scenario, concurrency, client)), by_key.get((bottom, scenario, concurrency, client))
            if a and b and _throughput(b):
                parts.append(f"{client} {_throughput(a) / _throughput(b):.2f}x")
        if parts:
            lines.append(f"  {scenario:<6} c={concurrency:<4} " + "   ".join(parts))
    return lines


def render_table(cells: list[dict[str, Any]], *, remote: bool = False) -> str:
    w = _width(cells)
    head = (f"{'loop':<{w}} {'scenario':<8} {'conc':>5} {'client':<14} {'req/s':>8} {'chunks/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'cpu us/req':>10} {'rss MB':>7} {'conns':>6} {'new':>5} {'errors':>6} {'server cpu':>10} {'srv us/req':>10}")
    if remote:
        head += f" {'ttft ms':>8} {'gap p50':>8} {'gap p99':>8}"
    lines = [head, "-" * len(head)]
    for c in cells:
        if "failed" in c:
            lines.append(f"{_loop(c):<{w}} {c['scenario']:<8} {c['concurrency']:>5} {c['client']:<14} FAILED")
            continue
        server = c.get("server_cpu_pct")
        server_txt = "-" if server is None else f"{server:.0f}%" + (" SAT" if server >= SATURATED_PCT else "")
        line = (f"{_loop(c):<{w}} {c['scenario']:<8} {c['concurrency']:>5} {c['client']:<14} {_fmt(c['req_per_s']):>8} "
                f"{_fmt(c['chunks_per_s'] or None):>10} {_fmt(c['p50_ms'], ',.1f'):>8} {_fmt(c['p99_ms'], ',.1f'):>8} "
                f"{_fmt(c['cpu_us_per_req']):>10} {_fmt(c['peak_rss_mb']):>7} {_fmt(c['connections']):>6} "
                f"{_fmt(c.get('new_connections')):>5} {sum(c['errors'].values()):>6} {server_txt:>10} "
                f"{_fmt(c.get('server_cpu_us_per_req')):>10}")
        if remote:
            line += (f" {_fmt(c['ttft_p50_ms'], ',.1f'):>8} {_fmt(c['gap_p50_ms'], ',.2f'):>8}"
                     f" {_fmt(c['gap_p99_ms'], ',.2f'):>8}")
        lines.append(line)
    lines.append("")
    lines.append("ratios (throughput: req/s for chat, chunks/s for stream; same run):")
    by_key = {(_loop(c), c["scenario"], c["concurrency"], c["client"]): c for c in cells if "failed" not in c}
    loops = sorted({_loop(c) for c in cells})
    for loop, scenario, concurrency in sorted({(_loop(c), c["scenario"], c["concurrency"]) for c in cells}):
        parts = []
        for top, bottom in RATIOS:
            a, b = by_key.get((loop, scenario, concurrency, top)), by_key.get((loop, scenario, concurrency, bottom))
            if a and b and _throughput(b):
                parts.append(f"{top}/{bottom} {_throughput(a) / _throughput(b):.2f}x")
        if parts:
            lines.append(f"  {loop:<{w}} {scenario:<6} c={concurrency:<4} " + "   ".join(parts))
    for group in loops:
        if group.startswith("asyncio") and "uvloop" + group.removeprefix("asyncio") in loops:
            lines += _compare(by_key, cells, "uvloop" + group.removeprefix("asyncio"), group)
        base, _, gc_mode = group.partition("+gc:")
        if gc_mode and base in loops:
            lines += _compare(by_key, cells, group, base)
    tls_cells = [c for c in cells if c.get("tls") and "failed" not in c]
    if tls_cells:
        lines.append("TLS connections opened per cell (= handshakes; warm-up + measured window), over the "
                     "measured requests: reuse means ~ concurrency, not ~ requests:")
        for loop, scenario, concurrency in sorted({(_loop(c), c["scenario"], c["concurrency"]) for c in tls_cells}):
            parts = [f"{c['client']} {_opened(c)} ({c.get('new_connections', 0)} measured) / {c['requests']:,} req"
                     for c in tls_cells if (_loop(c), c["scenario"], c["concurrency"]) == (loop, scenario, concurrency)]
            lines.append(f"  {loop:<{w}} {scenario:<6} c={concurrency:<4} " + "   ".join(parts))
    if any((c.get("server_cpu_pct") or 0) >= SATURATED_PCT for c in cells):
        lines.append("  SAT: the server used >= 90% of its core in that cell: the server, not the client, may be the limit")
    return "\n".join(lines)


def _opened(cell: dict[str, Any]) -> int:
    return int(cell.get("warmup_connections") or 0) + int(cell.get("new_connections") or 0)


def _check(label: str, value: float | None, op: str, bar: float, note: str = "") -> str:
    if value is None:
        return f"  [ n/a ] {label}: not measured in this run"
    ok = value >= bar if op == ">=" else value <= bar
    return f"  [{' met ' if ok else 'MISSED'}] {label}: {value:.2f}x (target {op} {bar}x){note}"


def render_targets(cells: list[dict[str, Any]], micro: dict[str, Any]) -> str:
    """The issue's targets, each with the ratio this run measured, for every loop (and TLS) in the run."""
    lines = ["targets (same run):"]
    w = _width(cells)
    groups = sorted({_loop(c) for c in cells})
    for group in groups:
        prefix = f"{group:<{w}} " if groups != ["asyncio"] else ""
        lines += _loop_targets([c for c in cells if _loop(c) == group], prefix)
    imports = micro.get("imports_s") or {}
    if "openai" in imports:
        for name in ("openai_core", "openai_core.AsyncOpenAI"):
            if name in imports:
                lines.append(_check(f"import {name} ({imports[name] * 1e3:.0f} ms) / import openai "
                                    f"({imports['openai'] * 1e3:.0f} ms)", imports[name] / imports["openai"], "<=", 0.25))
    sse = micro.get("sse")
    if sse:
        lines.append(_check(f"SSE decoder events/s vs the official SDK's ({sse['events']} events, same bytes)",
                            sse["ratio"], ">=", 4.0))
    return "\n".join(lines)


def _fastest_core(by_key: dict[tuple[str, int, str], dict[str, Any]], scenario: str, conc: int) -> str:
    """The core-<transport> client with the highest throughput in that cell ("core+fastest backend")."""
    cores = [v for (s, c, k), v in by_key.items() if s == scenario and c == conc and k.startswith("core-")]
    return str(max(cores, key=_throughput)["client"]) if cores else "core-aiohttp"


def _loop_targets(cells: list[dict[str, Any]], prefix: str) -> list[str]:
    by_key = {(c["scenario"], c["concurrency"], c["client"]): c for c in cells if "failed" not in c}

    def ratio(scenario: str, conc: int, top: str, bottom: str, metric: Any = _throughput) -> float | None:
        a, b = by_key.get((scenario, conc, top)), by_key.get((scenario, conc, bottom))
        if not a or not b or not metric(b):
            return None
        return float(metric(a) / metric(b))

    def by_cpu(scenario: str, conc: int, top: str, bottom: str) -> str:
        # Client CPU per request barely moves when other processes take the core; throughput does.
        a, b = by_key.get((scenario, conc, top)), by_key.get((scenario, conc, bottom))
        if not a or not b or not a.get("cpu_us_per_req") or not b.get("cpu_us_per_req"):
            return ""
        return f"; by client CPU per request {b['cpu_us_per_req'] / a['cpu_us_per_req']:.2f}x"

    lines = []
    concs = sorted({c["concurrency"] for c in cells if c["concurrency"] >= 64})
    # issue 16: core + its fastest backend ahead of the hand-written aiohttp loop, far ahead of the SDK
    for scenario, bar, sdk_bar in (("chat", 1.2, 15.0), ("stream", 1.3, 20.0)):
        unit = "req/s" if scenario == "chat" else "chunks/s"
        for conc in concs:
            best = _fastest_core(by_key, scenario, conc)
            lines.append(_check(f"{prefix}{scenario:<6} c={conc:<4} {best} / raw-aiohttp {unit}",
                                ratio(scenario, conc, best, "raw-aiohttp"), ">=", bar,
                                by_cpu(scenario, conc, best, "raw-aiohttp")))
        for conc in concs:
            best = _fastest_core(by_key, scenario, conc)
            lines.append(_check(f"{prefix}{scenario:<6} c={conc:<4} {best} / openai",
                                ratio(scenario, conc, best, "openai"), ">=", sdk_bar))
    for scenario in ("chat", "stream"):
        for conc in concs:
            lines.append(_check(f"{prefix}{scenario:<6} c={conc:<4} core-httpx / raw-httpx",
                                ratio(scenario, conc, "core-httpx", "raw-httpx"), ">=", 0.9,
                                by_cpu(scenario, conc, "core-httpx", "raw-httpx")))
    for scenario in ("chat", "stream"):
        cell = by_key.get((scenario, max(concs, default=0), "core-httpx"))
        spread = cell["p99_ms"] / cell["p50_ms"] if cell and cell["p50_ms"] else None
        lines.append(_check(f"{prefix}{scenario:<6} c={max(concs, default=0):<4} core-httpx p99 / p50 (no collapse)",
                            spread, "<=", 3.0))
    reuse = [(_opened(cell) / conc, f"{scenario} c={conc} {client}") for (scenario, conc, client), cell
             in sorted(by_key.items()) if cell.get("tls") and client.startswith("core-") and conc in concs]
    if reuse:
        worst = max(reuse)
        lines.append(_check(f"{prefix}TLS connections opened / concurrency, worst core cell ({worst[1]})",
                            worst[0], "<=", 1.1))
    lines.append(_check(f"{prefix}stream c={max(concs, default=0):<4} core-aiohttp / raw-aiohttp peak RSS",
                        ratio("stream", max(concs, default=0), "core-aiohttp", "raw-aiohttp",
                              lambda c: c["peak_rss_mb"]), "<=", 1.3))
    return lines


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
        loops = sorted({_loop(c) for c in ok})
        clients = sorted({c["client"] for c in ok})
        for loop, client in sorted({(_loop(c), c["client"]) for c in ok}):
            points = sorted((c["concurrency"], _throughput(c)) for c in ok
                            if c["scenario"] == scenario and c["client"] == client and _loop(c) == loop)
            if points:
                # one colour per client, one line style per loop group
                ax.plot([p[0] for p in points], [p[1] for p in points], marker="o",
                        color=f"C{clients.index(client) % 10}",
                        linestyle=["-", "--", ":", "-."][loops.index(loop) % 4],
                        label=client if len(loops) == 1 else f"{client} ({loop})")
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
