"""``openai-core batch`` runs to their end against the embedded server over loopback, on both transports:
bad input refused before anything is sent, every endpoint exactly once with its token totals, transient
and permanent failures, 429 storms and RPM/TPM-bound pacing. Crashes and resumes are in
test_batch_resume.py, the server-side Batch API in test_batch_via_api.py, the pure parts (limiter,
cluster budget, id set) in test_batch_units.py."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from openai_core import batch
from openai_core.batch import BatchInputError, BatchOutputError
from openai_core.testing import MockServer

from ._batch_helpers import (
    assert_exactly_once,
    batch_env,
    chat_line,
    own_key,
    read_output,
    run_batch_cli,
    usage_totals,
    write_jsonl,
)


def requests_for(server: MockServer, key: str) -> int:
    return sum(1 for r in list(server.requests) if r.headers.get("authorization") == f"Bearer {key}")



# -- input checks ----------------------------------------------------------------------------------


async def test_bad_lines_are_refused_before_anything_is_sent(server: MockServer, tmp_path: Path) -> None:
    key = own_key("test")
    lines = [json.dumps(chat_line(i)) for i in range(5)]
    lines[2] = json.dumps(chat_line(0))  # custom_id req-0 again
    lines.insert(3, "{not json")
    lines.append(json.dumps({**chat_line(9), "url": "/v1/images/generations"}))
    lines.append(json.dumps({**chat_line(10), "body": {"model": "m", "messages": [], "stream": True}}))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    with pytest.raises(BatchInputError) as caught:
        await batch.arun(source, tmp_path / "out.jsonl", api_key=key, base_url=server.base_url, progress=False)
    problems = caught.value.problems
    assert any(p.startswith("line 4: not valid JSON") for p in problems), problems
    assert any("line 7: 'url' '/v1/images/generations'" in p for p in problems), problems
    assert any(p.startswith("line 8: 'body' asks for a stream") for p in problems), problems
    assert requests_for(server, key) == 0

    # Once the file parses, duplicates are named with the line that came first.
    del lines[3]
    source.write_text("\n".join(lines[:5]) + "\n")
    code, summary, stderr = run_batch_cli(source, tmp_path / "out.jsonl", batch_env(server, key), "--quiet")
    assert code == 2 and summary is None
    assert "line 3: duplicate custom_id 'req-0' (first on line 1)" in stderr and "nothing was sent" in stderr
    assert requests_for(server, key) == 0


async def test_output_of_another_job_is_refused(server: MockServer, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [chat_line(i) for i in range(3)])
    output = tmp_path / "out.jsonl"
    output.write_text(json.dumps({"id": "x", "custom_id": "someone-else", "response": None, "error": None}) + "\n")
    with pytest.raises(BatchOutputError, match="not in the input"):
        await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, progress=False)


# -- a run to the end ----------------------------------------------------------------------------


async def test_every_endpoint_once_with_token_totals(server: MockServer, transport: str, tmp_path: Path) -> None:
    lines = []
    for i in range(150):
        kind = i % 5
        if kind == 0:
            lines.append(chat_line(i, max_tokens=2))
        elif kind == 1:
            lines.append({"custom_id": f"req-{i}", "method": "POST", "url": "/v1/embeddings",
                          "body": {"model": "text-embedding-3-small", "input": f"text {i}"}})
        elif kind == 2:
            lines.append({"custom_id": f"req-{i}", "method": "POST", "url": "/v1/completions",
                          "body": {"model": "gpt-3.5-turbo-instruct", "prompt": f"say {i}"}})
        elif kind == 3:
            lines.append({"custom_id": f"req-{i}", "method": "POST", "url": "/v1/moderations",
                          "body": {"input": "kill" if i % 2 else "fine"}})
        else:
            lines.append({"custom_id": f"req-{i}", "method": "POST", "url": "/v1/responses",
                          "body": {"model": "gpt-4o", "input": f"respond {i}"}})
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport,
                               progress=False, max_concurrency=32)
    rows = assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert summary.complete and summary.succeeded == 150 and summary.failed == 0
    assert (summary.prompt_tokens, summary.completion_tokens) == usage_totals(rows)
    assert summary.prompt_tokens > 0 and summary.completion_tokens > 0
    by_id = {row["custom_id"]: row for row in rows}
    assert by_id["req-0"]["response"]["body"]["choices"][0]["message"]["content"] == "echo: line"  # max_tokens=2 words
    assert by_id["req-1"]["response"]["body"]["object"] == "list"
    assert by_id["req-3"]["response"]["body"]["results"][0]["flagged"] is True
    assert by_id["req-4"]["response"]["body"]["object"] == "response"
    assert all(row["response"]["status_code"] == 200 and row["response"]["request_id"].startswith("req_")
               and row["id"].startswith("batch_req_") and row["error"] is None for row in rows)
    assert not output.with_name("out.jsonl.sent").exists()  # complete: the journal is gone

    again = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, progress=False)
    assert again.sent_this_run == 0 and again.answered_before == 150 and again.prompt_tokens == summary.prompt_tokens


async def test_transient_and_permanent_failures(server: MockServer, transport: str, tmp_path: Path) -> None:
    flaky = "fault:kind=status;code=500;times=2;retry_after_ms=5"
    lines = [chat_line(i) for i in range(20)]
    lines += [chat_line(20, model=flaky), chat_line(21, model=flaky)]
    lines.append({**chat_line(22), "body": {"messages": [{"role": "user", "content": "no model"}]}})  # 400
    lines.append(chat_line(23, model="fault:kind=status;code=503;retry_after_ms=5"))  # never recovers
    lines.append(chat_line(24, model="fault:kind=reset"))  # no answer at all
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport,
                               progress=False, max_retries=2)
    rows = {row["custom_id"]: row for row in assert_exactly_once(output, [line["custom_id"] for line in lines])}
    assert rows["req-20"]["response"]["status_code"] == 200 and rows["req-21"]["response"]["status_code"] == 200
    bad = rows["req-22"]["response"]
    assert bad["status_code"] == 400 and bad["body"]["error"]["param"] == "model" and bad["request_id"]
    assert rows["req-23"]["response"]["status_code"] == 503
    assert rows["req-24"]["response"] is None and rows["req-24"]["error"]["code"] == "connection_error"
    assert summary.complete and summary.succeeded == 22 and summary.failed == 3
    # 2 + 2 retried 500s, 2 retries of the 503 and 2 of the reset
    assert summary.attempts_this_run - summary.sent_this_run == 8
    assert summary.server_errors_this_run == 2 + 2 + 3


async def test_a_429_storm_loses_nothing(server: MockServer, transport: str, tmp_path: Path) -> None:
    # Every request is refused three times; with one pipeline retry, the runner itself must resend.
    storm = "fault:kind=status;code=429;times=3;retry_after_ms=10"
    lines = [chat_line(i, model=storm) for i in range(40)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport,
                               progress=False, max_retries=1, requests_per_minute=60_000)
    rows = assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert all(row["response"]["status_code"] == 200 for row in rows)
    assert summary.failed == 0 and summary.rate_limited_this_run == 3 * 40
    quota = write_jsonl(tmp_path / "quota.jsonl", [chat_line(0, model="fault:kind=status;code=429;should_retry=false")])
    summary = await batch.arun(quota, tmp_path / "quota-out.jsonl", api_key="sk-test", base_url=server.base_url,
                               transport=transport, progress=False, max_retries=1)
    assert summary.failed == 1 and read_output(tmp_path / "quota-out.jsonl")[0]["response"]["status_code"] == 429


async def test_a_rate_limited_key_is_paced_from_its_headers(server: MockServer, transport: str, tmp_path: Path) -> None:
    # No budget given: the first answer's x-ratelimit-limit-requests (1,800/min = 30/s) sets it.
    key = own_key("rpm-1800")
    lines = [chat_line(i) for i in range(75)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    started = time.monotonic()
    summary = await batch.arun(source, tmp_path / "out.jsonl", api_key=key, base_url=server.base_url,
                               transport=transport, progress=False)
    elapsed = time.monotonic() - started
    assert_exactly_once(tmp_path / "out.jsonl", [line["custom_id"] for line in lines])
    limits = server.state.rate_limits
    assert limits.peak_by_key[key] <= 30 and limits.admitted_by_key[key] == 75
    assert summary.rate_limited_this_run <= 1 and limits.rejected_by_key[key] == summary.rate_limited_this_run
    assert elapsed >= 74 / 30  # paced, not burst


async def test_a_token_budget_paces_the_run(server: MockServer, transport: str, tmp_path: Path) -> None:
    # 60,000 tokens/min = 1,000/s at the server; each request costs about 100 (its text / 4 + max_tokens).
    key = own_key("tpm-60000")
    lines = [chat_line(i, max_tokens=95) for i in range(40)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    started = time.monotonic()
    summary = await batch.arun(source, tmp_path / "out.jsonl", api_key=key, base_url=server.base_url,
                               transport=transport, progress=False, tokens_per_minute=60_000)
    elapsed = time.monotonic() - started
    assert_exactly_once(tmp_path / "out.jsonl", [line["custom_id"] for line in lines])
    limits = server.state.rate_limits
    assert summary.failed == 0 and summary.rate_limited_this_run <= 1
    assert limits.token_peak_by_key[key] <= 1000
    # Bound by tokens, not requests: the server counted ~4,000 tokens, so at least ~3 s at 1,000/s
    # (less the first second's worth, which an empty window admits at once).
    assert elapsed >= limits.tokens_by_key[key] / 1000 - 1.1


def test_run_on_its_own_loop_ticks_while_paced_and_keeps_the_rate(
    server: MockServer, transport: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batch.run (the command's way) owns its loop: it wakes once a tick while requests wait for slots.
    from openai_core.batch import _loop

    loops: list[_loop.TickingEventLoop] = []
    slept: list[float] = []

    class Recorded(_loop.TickingEventLoop):
        def __init__(self) -> None:
            super().__init__()
            loops.append(self)

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        time.sleep(seconds)

    monkeypatch.setattr(_loop, "TickingEventLoop", Recorded)
    monkeypatch.setattr(_loop, "sleep", sleep)
    key = own_key("rpm-6000")  # 100/s, learnt from the first answer's headers
    lines = [chat_line(i) for i in range(150)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    started = time.monotonic()
    summary = batch.run(source, tmp_path / "out.jsonl", api_key=key, base_url=server.base_url, transport=transport,
                        progress=False)
    elapsed = time.monotonic() - started
    assert summary.complete
    assert_exactly_once(tmp_path / "out.jsonl", [line["custom_id"] for line in lines])
    limits = server.state.rate_limits
    assert limits.peak_by_key[key] <= 100 and limits.rejected_by_key[key] <= 1
    assert elapsed >= 149 / 100
    (loop,) = loops
    assert loop.ticker.tick == _loop.TICK_SECONDS
    # It slept to round its waits up to a tick (never longer), and stops once the run is over.
    assert len(slept) >= 20 and max(slept) <= _loop.TICK_SECONDS
    assert loop.ticker.pacing() is False
