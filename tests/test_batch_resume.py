"""``openai-core batch`` after crashes and interrupts, on both transports: a torn last line repaired, a
rerun read back through the plan and the done journal, an edited input validated again, every custom_id
exactly once after kill -9 at random points, Ctrl-C draining, a second run on the same output refused."""

from __future__ import annotations

import gc
import json
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from openai_core import batch
from openai_core.batch import BatchInputError
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
