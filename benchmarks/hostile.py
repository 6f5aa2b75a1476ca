"""Hostile servers and inputs, on openai_core (httpx, aiohttp backends) and on the official ``openai`` SDK:
the table in docs/reliability.md.

    python benchmarks/hostile.py [--cases smuggle,gzip_bomb] [--kinds httpx,aiohttp,official] [--json out.json]

Each (case, client) runs in its own child process under a 3 GiB address-space cap (a client that holds
what a server sends dies of MemoryError instead of taking the machine with it) and a wall-clock limit; the
servers (``openai_core.testing.hostile``) run in this process. Reported per cell: what the call raised
or returned, how long it took, the child's RSS growth when notable, how many requests the server saw
when more than one, and whether a secret showed up in anything printable (exception, chain, request,
client, log lines at DEBUG).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from openai_core._bench.hostile import CASES, KINDS, Case, Outcome, run_case

TABLE_HEAD = "| case | openai_core httpx | openai_core aiohttp | official SDK |\n|---|---|---|---|"
_MULTI_CALL = {"smuggle", "smuggle_late"}  # cases that make more than one call by design


def cell(case: Case, outcome: Outcome) -> str:
    if outcome.error is None:
        result = outcome.result if len(outcome.result) <= 60 else outcome.result[:57] + "..."
        parts = [f"ok: {result}"]
    else:
        parts = [f"`{outcome.error}`"]
        if outcome.error.startswith("("):
            parts.append(outcome.message)
    parts.append(f"{outcome.elapsed:.1f} s")
    if outcome.rss_growth_mib >= 20:
        parts.append(f"+{outcome.rss_growth_mib:,.0f} MiB")
    if outcome.requests > 1 and case.name not in _MULTI_CALL:
        parts.append(f"{outcome.requests} requests")
    if outcome.leaked:
        parts.append("**secret printed**")
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: httpx, aiohttp, official")
    parser.add_argument("--json", help="also write every outcome to this file")
    parser.add_argument("--render", help="print the table from a file --json wrote, running nothing")
    args = parser.parse_args(argv)
    if args.render:
        with open(args.render) as saved:
            outcomes = [Outcome(**o) for o in json.load(saved)]
        by_case = {case.name: case for case in CASES}
        print(TABLE_HEAD)
        for case in CASES:
            row = {o.kind: cell(case, o) for o in outcomes if o.case == case.name}
            if row:
                print(f"| {by_case[case.name].what} | " + " | ".join(row.get(kind, "") for kind in KINDS) + " |")
        return 0
    wanted = set(args.cases.split(",")) if args.cases else None
    kinds = args.kinds.split(",")
    cases = [case for case in CASES if wanted is None or case.name in wanted]

    outcomes: list[Outcome] = []
    print(TABLE_HEAD)
    for case in cases:
        cells = {}
        for kind in kinds:
            outcome = run_case(case, kind)
            outcomes.append(outcome)
            cells[kind] = cell(case, outcome)
        print(f"| {case.what} | " + " | ".join(cells.get(kind, "") for kind in KINDS) + " |", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump([asdict(o) for o in outcomes], out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
