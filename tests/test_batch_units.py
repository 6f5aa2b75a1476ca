"""The batch runner's pure parts, without a server: the cluster budget's blocks, the local limiter's even
schedule and what it does with the server's headers, the id set, and Ray staying unimported."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import time
from pathlib import Path

import pytest


def test_cluster_budget_blocks_never_overlap() -> None:
    from openai_core.batch._lease import ClusterBudget

    rng = random.Random(7)
    budget = ClusterBudget(6000, None, server_share=0.98, burst_seconds=0.02)  # 100 requests a second
    instants: list[float] = []
    now = 1000.0
    for _ in range(200):  # workers asking in turn at jittered times, blocks of 1 to 9 requests
        now += rng.random() * 0.02
        block = [0.0] * rng.randint(1, 9)
        instants += budget.lease(block, now).instants(block)
    gaps = [b - a for a, b in itertools.pairwise(instants)]
    assert min(gaps) >= 60 / 6000 - 1e-9  # one request every 10 ms, whoever leased
    window = max(sum(1 for t in instants if s <= t < s + 1.0 - 1e-9) for s in instants)
    assert window <= 100

    budget.adopt("requests", 3000, now)  # the server says 3,000/min: 98 % of it from here on
    later = budget.lease([0.0, 0.0], now).instants([0.0, 0.0])
    assert later[0] >= instants[-1] + 0.01 - 1e-9 and later[1] - later[0] == pytest.approx(60 / (0.98 * 3000))
    budget.pause(5.0, now)
    assert budget.lease([0.0], now).instants([0.0])[0] >= now + 5.0

    tokens = ClusterBudget(None, 60_000, server_share=0.98, burst_seconds=0.0)  # 1,000 tokens a second
    at = tokens.lease([500.0, 500.0, 500.0], 0.0).instants([500.0, 500.0, 500.0])
    assert at == pytest.approx([0.0, 0.5, 1.0])
    assert tokens.lease([100.0], 0.0).instants([100.0])[0] == pytest.approx(1.5)


def test_batch_limiter_paces_evenly_and_catches_up_only_a_little() -> None:
    from openai_core._types import RateLimit
    from openai_core.batch._limiter import _RELEASED_AT, TOLERANCE_SECONDS, BatchLimiter
    from openai_core.batch._progress import Counters

    limiter = BatchLimiter(RateLimit(requests_per_minute=12_000), Counters(), server_share=0.98)
    limiter.observe(200, {"x-ratelimit-limit-requests": "12000"})  # the server's limit: 98 % of it, 196/s
    # The schedule opens with the first request, however long after the limiter was built (start-up),
    # and starts empty: at once, only the tolerance's worth goes (not a second's, nor the start-up's).
    start = time.monotonic() + 5.0
    at_once = 0
    while limiter._wait(0.0, start) <= 0:
        limiter._take(0.0, start)
        at_once += 1
    assert 1 <= at_once <= 1 + int(TOLERANCE_SECONDS * 196) + 1
    limiter = BatchLimiter(RateLimit(requests_per_minute=12_000), Counters(), server_share=0.98)
    limiter.observe(200, {"x-ratelimit-limit-requests": "12000"})
    releases: list[float] = []
    now = start
    while now < start + 3.0:
        stalled = start + 1.0 <= now < start + 1.2  # the event loop is busy for 200 ms
        if not stalled and limiter._wait(0.0, now) <= 0:
            limiter._take(0.0, now)
            releases.append(now)
        else:
            now += 0.0005
    window = max(sum(1 for t in releases if s <= t < s + 1.0) for s in releases)
    assert window <= 196
    after = [t for t in releases if t >= start + 1.2]
    assert sum(1 for t in after if t < start + 1.2 + 1e-6) <= int(TOLERANCE_SECONDS * 196) + 1  # no clump
    # Evenly spaced after it: no tenth of a second holds more than its share plus the tolerance's.
    assert max(sum(1 for t in after if s <= t < s + 0.1) for s in after) <= 0.1 * 196 + TOLERANCE_SECONDS * 196 + 1
    assert len(releases) == pytest.approx(196 * 2.8, abs=8)  # the stall's time is lost, not caught up

    # A spent budget reported on an answer that took 2 s was true 2 s ago: no pause now.
    _RELEASED_AT.set(time.monotonic() - 2.0)
    spent = {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "500ms"}
    limiter.observe(200, spent)
    assert limiter._paused_until < time.monotonic()
    _RELEASED_AT.set(time.monotonic())
    limiter.observe(200, spent)
    assert limiter._paused_until == pytest.approx(time.monotonic() + 0.5, abs=0.1)
    limiter.observe(429, {"retry-after-ms": "2000"})  # a 429 comes back at once: its pause runs from now
    assert limiter._paused_until == pytest.approx(time.monotonic() + 2.0, abs=0.1)
    assert limiter.counters.rate_limited == 1


def test_429s_stretch_the_schedule_a_little_and_it_recovers() -> None:
    from openai_core._types import RateLimit
    from openai_core.batch._limiter import MAX_SLOWDOWN, SLOWDOWN_RECOVERY, BatchLimiter
    from openai_core.batch._progress import Counters

    limiter = BatchLimiter(RateLimit(requests_per_minute=12_000), Counters(), server_share=0.98)  # 200/s

    def spacing(at: float) -> float:
        limiter._take(0.0, at)
        booked = limiter._next_request
        limiter._take(0.0, booked)
        return limiter._next_request - booked

    now = time.monotonic()
    assert spacing(now) == pytest.approx(1 / 200)
    limiter.observe(429, {"retry-after-ms": "1"})
    assert spacing(time.monotonic()) == pytest.approx(1.01 / 200, rel=1e-3)
    for _ in range(20):
        limiter.observe(429, {"retry-after-ms": "1"})
    assert spacing(time.monotonic()) == pytest.approx(MAX_SLOWDOWN / 200, rel=1e-3)  # capped
    later = time.monotonic() + 10.0  # ten seconds without a 429 give back 2 %
    assert spacing(later) == pytest.approx((MAX_SLOWDOWN - 10 * SLOWDOWN_RECOVERY) / 200, rel=1e-3)
    assert spacing(later + 60.0) == pytest.approx(1 / 200)  # and then all of it


def test_id_set_spans_runs_and_finds_duplicates() -> None:
    from openai_core.batch._idset import RUN, IdSet, id_digest

    ids = IdSet()
    for i in range(RUN + 10):
        ids.add_id(f"id-{i}")
    ids.add_id("id-3")  # a duplicate in the second run of a value in the first
    ids.freeze()
    assert len(ids) == RUN + 11 and ids.nbytes() == 8 * (RUN + 11)
    assert ids.duplicates() == {id_digest("id-3")}
    assert "id-5" in ids and f"id-{RUN + 9}" in ids and "id-x" not in ids
    assert id_digest("abc") == id_digest("abc")  # stable across processes (the journal relies on it)
    contains = ids.membership()
    assert contains(id_digest("id-7")) and not contains(id_digest("id-x"))

    some = IdSet([id_digest(f"id-{i}") for i in range(0, RUN + 10, 3)]).freeze()
    assert ids.covers(some) and not some.covers(ids)
    assert not ids.covers(IdSet([id_digest("id-1"), id_digest("elsewhere")]).freeze())
    assert IdSet.from_runs(ids.runs()).covers(some)
    single = IdSet([1, 2, 3]).freeze()
    assert single.duplicates() == set() and IdSet([5, 1, 5]).freeze().duplicates() == {5}


def test_ray_is_imported_by_the_ray_engine_only() -> None:
    import re
    import sys

    package = Path(__file__).resolve().parent.parent / "openai_core"
    ray_import = re.compile(r"^\s*(import|from)\s+ray\b", re.MULTILINE)
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py") if ray_import.search(p.read_text())]
    assert offenders == ["batch/_ray.py"]
    code = "import sys; import openai_core.batch, openai_core.cli; assert 'ray' not in sys.modules; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize(("body", "kept", "usage"), [
    (b'{"id":"c","usage":{"prompt_tokens":3,"completion_tokens":4}}', None, (3, 4)),  # passed through as bytes
    (b'{\n  "usage": {"input_tokens": 2, "output_tokens": 5}\n}', None, (2, 5)),  # spans lines: parsed once
    (b'{"content":"a \\"usage\\": {} in text","usage":{"prompt_tokens":1}}', None, (1, 0)),
    (b"upstream says no", "upstream says no", (0, 0)),  # not JSON: kept as a string
    (b'{"torn":', '{"torn":', (0, 0)),
    (b"", None, (0, 0)),
])
def test_an_answer_becomes_one_json_line_with_the_usage_a_rerun_reads_back(
        body: bytes, kept: object, usage: tuple[int, int]) -> None:
    from openai_core.batch._output import answer_line, read_back_line

    line, counted = answer_line("req-1", 200, "req_9", body)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    row = json.loads(line)
    assert row["custom_id"] == "req-1" and row["response"]["request_id"] == "req_9"
    assert row["response"]["body"] == (json.loads(body) if kept is None and body else kept)
    assert counted == usage == read_back_line(line)[2]


def _requests_file(path: Path, n: int, *, blank_every: int = 0) -> Path:
    lines = []
    for i in range(n):
        if blank_every and i and i % blank_every == 0:
            lines.append("\n")
        body = {"model": "m", "messages": [{"role": "user", "content": f"line {i}"}]}
        lines.append(json.dumps({"custom_id": f"req-{i}", "method": "POST", "url": "/v1/chat/completions",
                                 "body": body}) + "\n")
    path.write_text("".join(lines))
    return path


@pytest.mark.parametrize("blank_every", [0, 7])  # dense (lines matched by position) and not
def test_a_resume_yields_exactly_the_unanswered_lines_in_order(tmp_path: Path, blank_every: int) -> None:
    from openai_core.batch._idset import IdSet, id_digest
    from openai_core.batch._input import _dense, iter_requests, scan_input

    source = _requests_file(tmp_path / "in.jsonl", 3000, blank_every=blank_every)
    plan = scan_input(source, tmp_path / "out.plan")
    assert plan.order is not None and _dense(plan.order) == (blank_every == 0)
    rng = random.Random(blank_every)
    answered = {i for i in range(3000) if rng.random() < 0.9} | {0, 2999}
    done = IdSet(id_digest(f"req-{i}") for i in answered).freeze()
    pending = list(iter_requests(source, done, plan.order))
    assert [r.custom_id for r in pending] == [f"req-{i}" for i in range(3000) if i not in answered]
    assert all(json.loads(r.raw)["custom_id"] == r.custom_id for r in pending)
    # The same as the path without the plan (every line parsed).
    assert [r.custom_id for r in iter_requests(source, done, None)] == [r.custom_id for r in pending]


@pytest.mark.parametrize("change", ["edited", "truncated", "appended"])
def test_an_input_changed_under_a_resume_is_refused(tmp_path: Path, change: str) -> None:
    from openai_core import OpenAIError
    from openai_core.batch._idset import IdSet, id_digest
    from openai_core.batch._input import iter_requests, scan_input

    source = _requests_file(tmp_path / "in.jsonl", 50)
    plan = scan_input(source, tmp_path / "out.plan")
    assert plan.order is not None
    done = IdSet(id_digest(f"req-{i}") for i in range(40)).freeze()
    lines = source.read_text().splitlines(keepends=True)
    if change == "edited":  # a line still to send names another id
        lines[45] = lines[45].replace("req-45", "req-x")
    elif change == "truncated":
        lines = lines[:48]
    else:
        lines.append(lines[0].replace("req-0", "req-50"))
    source.write_text("".join(lines))
    with pytest.raises(OpenAIError, match="changed while the batch ran"):
        list(iter_requests(source, done, plan.order))


def test_the_ticking_selector_rounds_waits_up_to_a_tick_only_while_pacing(monkeypatch: pytest.MonkeyPatch) -> None:
    import selectors
    import socket

    from openai_core.batch import _loop

    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(_loop, "monotonic", lambda: clock[0])
    monkeypatch.setattr(_loop, "sleep", sleep)
    a, b = socket.socketpair()
    selector = _loop.TickingSelector(tick=0.015)
    try:
        selector.register(a, selectors.EVENT_READ)
        b.send(b"x")  # always readable: every select returns at once with it
        pacing = [False]
        selector.pacing = lambda: pacing[0]
        assert len(selector.select(None)) == 1 and len(selector.select(5.0)) == 1 and slept == []
        pacing[0] = True
        clock[0] += 0.004  # 4 ms after the last wake-up: the wait is rounded up to the tick
        assert len(selector.select(5.0)) == 1
        assert slept == [pytest.approx(0.011)]
        assert len(selector.select(0)) == 1 and len(selector.select(-1)) == 1  # a poll never sleeps
        assert slept == [pytest.approx(0.011)]
        clock[0] += 0.02  # a tick has passed already: no sleep
        assert len(selector.select(None)) == 1 and len(slept) == 1
        assert len(selector.select(None)) == 1 and slept[-1] == pytest.approx(0.015)
    finally:
        selector.close()
        a.close()
        b.close()
