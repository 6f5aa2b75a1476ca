"""Shared by tests/test_batch*.py and tests/ray/: input files, reading outputs back, running the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from openai_core.testing import MockServer


def chat_line(i: int, *, model: str = "gpt-4o-mini", max_tokens: int | None = None, **body: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": f"line {i}"}], **body}
    if max_tokens is not None:
        payload["max_tokens"] = max_tokens
    return {"custom_id": f"req-{i}", "method": "POST", "url": "/v1/chat/completions", "body": payload}


def write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def read_output(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "the output ends in a torn line"
    return [json.loads(line) for line in raw.splitlines()]


def assert_exactly_once(path: Path, expected_ids: list[str]) -> list[dict[str, Any]]:
    rows = read_output(path)
    counts = Counter(row["custom_id"] for row in rows)
    twice = [cid for cid, n in counts.items() if n > 1]
    assert not twice, f"written more than once: {twice[:5]}"
    assert set(counts) == set(expected_ids), (
        f"missing {sorted(set(expected_ids) - set(counts))[:5]}, unexpected {sorted(set(counts) - set(expected_ids))[:5]}"
    )
    return rows


def usage_totals(rows: list[dict[str, Any]]) -> tuple[int, int]:
    prompt = completion = 0
    for row in rows:
        body = (row.get("response") or {}).get("body")
        usage = body.get("usage") if isinstance(body, dict) else None
        if isinstance(usage, dict):
            prompt += usage.get("prompt_tokens", usage.get("input_tokens", 0))
            completion += usage.get("completion_tokens", usage.get("output_tokens", 0))
    return prompt, completion


def own_key(prefix: str) -> str:
    """A key with its own budget (and request counters) on the embedded server."""
    return f"sk-{prefix}-{uuid.uuid4().hex[:12]}"


def batch_command(input_path: Path, output_path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "openai_core", "batch", str(input_path), "--output", str(output_path), *args]


def batch_env(server: MockServer | str, key: str) -> dict[str, str]:
    base_url = server if isinstance(server, str) else server.base_url
    return {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": key, "PYTHONUNBUFFERED": "1"}


def run_batch_cli(input_path: Path, output_path: Path, env: dict[str, str], *args: str,
                  timeout: float = 120) -> tuple[int, dict[str, Any] | None, str]:
    """(exit code, the summary JSON, stderr) of one ``openai-core batch`` run to its end."""
    summary = output_path.with_name(output_path.name + f".summary-{uuid.uuid4().hex[:6]}.json")
    proc = subprocess.run(batch_command(input_path, output_path, *args, "--summary-json", str(summary)),
                          env=env, capture_output=True, text=True, timeout=timeout)
    data = json.loads(summary.read_text()) if summary.exists() else None
    return proc.returncode, data, proc.stderr
