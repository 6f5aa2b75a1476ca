"""``openai-core batch --via batch-api`` end to end against the embedded server, which runs batches for
real: the merged output, expired requests sent again, a rerun picking up the recorded batches."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

from openai_core import batch
from openai_core.testing import MockServer

from ._batch_helpers import (
    assert_exactly_once,
    batch_command,
    batch_env,
    chat_line,
    own_key,
    run_batch_cli,
    usage_totals,
    write_jsonl,
)


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
