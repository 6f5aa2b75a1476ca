"""``openai-core batch`` against the embedded server over loopback, on both transports: every custom_id
exactly once (also after kill -9 at random points and a torn last line), a rerun read back through the
plan and the done journal, bad input refused before anything is sent, 429 storms, transient and
permanent failures, Ctrl-C, RPM/TPM-bound pacing (and the limiter's schedule), and the server-side Batch
API end to end."""

from __future__ import annotations

import gc
import itertools
import json
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from openai_core import batch
from openai_core.batch import BatchInputError, BatchOutputError
from openai_core.testing import MockServer

from ._batch_helpers import (
    assert_exactly_once,
    batch_command,
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


# -- crashes and interrupts ------------------------------------------------------------------------


async def test_a_torn_last_line_is_repaired(server: MockServer, transport: str, tmp_path: Path) -> None:
    lines = [chat_line(i) for i in range(30)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport, progress=False)
    kept = output.read_bytes().splitlines(keepends=True)
    output.write_bytes(b"".join(kept[:20]) + kept[20][: len(kept[20]) // 2])  # as a crash mid-write leaves it
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport,
                               progress=False)
    assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert summary.torn_bytes_repaired == len(kept[20]) // 2
    assert summary.answered_before == 20 and summary.sent_this_run == 10
    assert gc.get_freeze_count() == 0  # the heap frozen for the run is given back to the collector


def test_a_rerun_reads_back_through_the_plan_and_the_done_journal(server: MockServer, transport: str,
                                                                  tmp_path: Path) -> None:
    from openai_core.batch._input import scan_input
    from openai_core.batch._output import OutputFile

    key = own_key("rpm-6000")  # 100/s: the 200 requests take 2 s
    lines = [chat_line(i, max_tokens=7) for i in range(200)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, key)
    args = ("--transport", transport, "--quiet")
    proc = subprocess.Popen(batch_command(source, output, *args), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (output.exists() and output.read_bytes().count(b"\n") >= 80):
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    plan_file, done_file = tmp_path / "out.jsonl.plan", tmp_path / "out.jsonl.done"
    assert plan_file.exists() and done_file.exists()

    def read_back() -> tuple[int, int, int, int]:
        out = OutputFile(output)
        plan = scan_input(source, out.plan_path)
        assert plan.cached and plan.total == 200  # the unchanged input is not parsed again
        state = out.open(plan.ids)
        out.close()
        return state.rows, state.failed, state.prompt_tokens, state.completion_tokens

    first = read_back()
    rows = read_output(output)  # the torn last line, if any, was cut off by the read-back
    assert first == (len(rows), 0, *usage_totals(rows)) and len(rows) >= 80
    # After a read-back the journal covers every line, the ones the killed run had not flushed too.
    assert (done_file.stat().st_size - 24) // 40 == len(rows)

    # A journal whose last record does not match its line is rebuilt from the output, not trusted.
    raw = bytearray(done_file.read_bytes())
    raw[-40:-32] = b"\xff" * 8
    done_file.write_bytes(bytes(raw))
    assert read_back() == first
    # One that belongs to another file (its header names another inode) too.
    raw = bytearray(done_file.read_bytes())
    raw[16:24] = b"\x00" * 8
    done_file.write_bytes(bytes(raw))
    assert read_back() == first

    code, summary, stderr = run_batch_cli(source, output, env, *args)
    assert code == 0, stderr
    assert summary is not None and summary["answered_before"] == len(rows)
    rows = assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert (summary["prompt_tokens"], summary["completion_tokens"]) == usage_totals(rows)
    assert not plan_file.exists() and not done_file.exists()  # complete: gone with the journal


def test_an_edited_input_is_validated_again(server: MockServer, tmp_path: Path) -> None:
    from openai_core.batch._input import scan_input

    source = write_jsonl(tmp_path / "in.jsonl", [chat_line(i) for i in range(5)])
    plan_file = tmp_path / "out.jsonl.plan"
    assert not scan_input(source, plan_file).cached and scan_input(source, plan_file).cached
    with source.open("a") as f:  # the same custom_id again: the plan no longer describes the file
        f.write(json.dumps(chat_line(0)) + "\n")
    with pytest.raises(BatchInputError, match="line 6: duplicate custom_id 'req-0'"):
        scan_input(source, plan_file)
    source.write_text(source.read_text().replace("line 4", "line 40"))  # same size, new content
    write_jsonl(source, [chat_line(i) for i in range(5)])
    assert not scan_input(source, plan_file).cached


# Three seeds, the transports taking turns (each kill test is three runner processes).
@pytest.mark.parametrize(("seed", "transport"), [(1, "httpx"), (2, "aiohttp"), (3, "aiohttp"), (4, "httpx")])
def test_exactly_once_after_kill_9_at_random_points(server: MockServer, transport: str, tmp_path: Path,
                                                     seed: int) -> None:
    rng = random.Random(seed)
    key = own_key("rpm-12000")  # 200/s: the 300 requests take ~1.5 s, long enough to be killed mid-way
    lines = [chat_line(i) for i in range(300)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, key)
    args = ("--transport", transport, "--max-concurrency", "32", "--quiet")
    kills = 0
    for _ in range(2):
        proc = subprocess.Popen([*batch_command(source, output, *args)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        target = rng.randint(20, 260)
        while time.monotonic() < deadline and proc.poll() is None:
            if output.exists() and output.read_bytes().count(b"\n") >= target:
                break
            time.sleep(0.005)
        time.sleep(rng.random() * 0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += proc.returncode == -signal.SIGKILL
    code, summary, stderr = run_batch_cli(source, output, env, *args)
    assert code == 0, stderr
    assert summary is not None and summary["complete"]
    assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert kills >= 1
    # Resent requests reach the server twice; the last run counts (at least) those it resent, and no
    # more than one worker pool's worth per kill.
    admitted = server.state.rate_limits.admitted_by_key[key]
    assert admitted - 300 <= summary["sent_again"] + 2 * 32
    assert summary["sent_again"] <= 2 * 32


def test_ctrl_c_drains_in_flight_requests_and_resumes(server: MockServer, transport: str, tmp_path: Path) -> None:
    slow = "fault:kind=slow_headers;delay=0.4"
    lines = [chat_line(i, model=slow) for i in range(120)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, own_key("test"))
    summary_path = tmp_path / "summary.json"
    args = ("--transport", transport, "--max-concurrency", "20", "--progress-interval", "0.2")
    proc = subprocess.Popen([*batch_command(source, output, *args), "--summary-json", str(summary_path)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (output.exists() and output.stat().st_size):
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)  # requests are in flight now: 20 at a time, 0.4 s each
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    first = json.loads(summary_path.read_text())
    assert first["interrupted"] and not first["complete"] and 0 < first["answered"] < 120
    assert "stopping; finishing the requests in flight" in stderr and "rerun the same command" in stderr
    assert "Traceback" not in stderr
    assert first["answered"] == first["sent_this_run"]  # drained: every request sent got its line
    code, second, stderr = run_batch_cli(source, output, env, *args)
    assert code == 0, stderr
    assert second is not None and second["sent_again"] == 0 and second["answered_before"] == first["answered"]
    assert_exactly_once(output, [line["custom_id"] for line in lines])


def test_a_second_run_on_the_same_output_is_refused(server: MockServer, tmp_path: Path) -> None:
    lines = [chat_line(i, model="fault:kind=slow_headers;delay=0.3") for i in range(40)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, own_key("test"))
    proc = subprocess.Popen(batch_command(source, output, "--max-concurrency", "4", "--quiet"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not output.exists():
            time.sleep(0.01)
        code, _, stderr = run_batch_cli(source, output, env, "--quiet")
        assert code == 2 and "is being written by another run" in stderr
    finally:
        proc.kill()
        proc.wait()


# -- through the server-side Batch API -------------------------------------------------------------


async def test_via_batch_api_end_to_end(server: MockServer, transport: str, tmp_path: Path) -> None:
    lines = [chat_line(i) for i in range(70)]
    lines += [{"custom_id": f"emb-{i}", "method": "POST", "url": "/v1/embeddings",
               "body": {"model": "text-embedding-3-small", "input": f"t{i}"}} for i in range(20)]
    lines.append({**chat_line(99), "body": {"messages": [{"role": "user", "content": "no model"}]}})
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    created_before = len(server.state.batches.batches)
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, transport=transport,
                               progress=False, via="batch-api", poll_interval=0.01, batch_max_requests=30)
    rows = {r["custom_id"]: r for r in assert_exactly_once(output, [line["custom_id"] for line in lines])}
    assert summary.complete and summary.failed == 1 and summary.succeeded == 90
    assert rows["req-5"]["response"]["body"]["choices"][0]["message"]["content"] == "echo: line 5"
    assert rows["emb-3"]["response"]["body"]["object"] == "list"
    assert rows["req-99"]["response"]["status_code"] == 400
    assert (summary.prompt_tokens, summary.completion_tokens) == usage_totals(list(rows.values()))
    # 71 chat lines in files of 30 and 20 embeddings: 3 + 1 batches, each with its own endpoint
    made = server.state.batches.batches[: len(server.state.batches.batches) - created_before]
    assert sorted(b["endpoint"] for b in made) == ["/v1/chat/completions"] * 3 + ["/v1/embeddings"]
    assert all(b["status"] == "completed" for b in made)
    assert not output.with_name("out.jsonl.batches").exists()


async def test_via_batch_api_sends_expired_requests_again(server: MockServer, tmp_path: Path) -> None:
    lines = [chat_line(i) for i in range(60)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    # Every batch stops after 10 lines: 20 run in round 1 (two files), 20 in round 2, 10 in round 3.
    summary = await batch.arun(source, output, api_key="sk-test", base_url=server.base_url, progress=False,
                               via="batch-api", poll_interval=0.01, batch_max_requests=30,
                               batch_metadata={"mock_expire_after": "10"})
    rows = assert_exactly_once(output, [line["custom_id"] for line in lines])
    expired = [r for r in rows if r["error"] is not None]
    assert len(expired) == 10 and all(r["error"]["code"] == "batch_expired" for r in expired)
    assert summary.succeeded == 50 and summary.failed == 10


def test_via_batch_api_resumes_the_recorded_batches(server: MockServer, tmp_path: Path) -> None:
    lines = [chat_line(i) for i in range(40)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, own_key("test"))
    state = tmp_path / "out.jsonl.batches" / "state.json"
    args = ("--via", "batch-api", "--batch-max-requests", "25", "--quiet")
    proc = subprocess.Popen(batch_command(source, output, *args, "--poll-interval", "60"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if state.exists() and sum(p["batch_id"] is not None for p in json.loads(state.read_text())["parts"]) == 2:
                break
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    recorded = [p["batch_id"] for p in json.loads(state.read_text())["parts"]]
    assert len(recorded) == 2 and all(recorded)
    code, summary, stderr = run_batch_cli(source, output, env, *args, "--poll-interval", "0.01")
    assert code == 0, stderr
    assert summary is not None and summary["extra"]["batches"] == recorded  # polled, not created again
    assert_exactly_once(output, [line["custom_id"] for line in lines])


# -- the pure parts ----------------------------------------------------------------------------------


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
    start = limiter._next_request
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
