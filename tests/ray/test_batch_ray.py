"""``openai-core batch --engine ray`` on a two-node local cluster (``ray.cluster_utils.Cluster``, one CPU
a node: two in all) against the embedded server with a rate-limited key, on both transports.

Not collected by the main run (``norecursedirs`` in pyproject.toml); its own CI step runs it in a venv
with the ``ray`` extra: ``python -m pytest -q tests/ray``."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray
from ray.cluster_utils import Cluster

from openai_core import batch
from openai_core.testing import MockServer

from .._batch_helpers import (
    assert_exactly_once,
    batch_command,
    batch_env,
    chat_line,
    own_key,
    run_batch_cli,
    write_jsonl,
)

LOOPBACK = "127.0.0.1"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    # Every node on loopback: Ray would otherwise bind to the machine's outward address.
    nodes = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "node_ip_address": LOOPBACK})
    nodes.add_node(num_cpus=1, node_ip_address=LOOPBACK)
    nodes.wait_for_nodes()
    assert nodes.address.startswith(LOOPBACK + ":")
    ray.init(address=nodes.address, _node_ip_address=LOOPBACK, include_dashboard=False, log_to_driver=False)
    try:
        yield nodes
    finally:
        ray.shutdown()
        nodes.shutdown()


def test_two_nodes_share_one_rate_limit(cluster: Cluster, server: MockServer, transport: str, tmp_path: Path) -> None:
    key = own_key("rpm-6000")  # 100 requests a second for the whole cluster
    lines = [chat_line(i) for i in range(500)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    summary = batch.run(source, output, api_key=key, base_url=server.base_url, transport=transport,
                        engine="ray", ray_workers=2, max_concurrency=8, progress=False)
    rows = assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert summary.complete and summary.failed == 0
    assert all(row["response"]["status_code"] == 200 for row in rows)
    info = summary.extra["ray"]
    assert info["nodes"] == 2 and len(set(info["worker_nodes"])) == 2  # one worker a node
    assert all(n > 50 for n in info["requests_per_worker"]) and sum(info["requests_per_worker"]) == 500
    assert info["requests_per_minute"] == pytest.approx(0.98 * 6000)  # adopted from the server's headers
    assert info["leases"] < 500  # slots are leased in blocks (of what waits), not one call a request
    limits = server.state.rate_limits
    assert limits.peak_by_key[key] <= 100 and limits.admitted_by_key[key] == 500
    assert summary.rate_limited_this_run <= 0.02 * 500


def test_resume_after_the_driver_is_killed(cluster: Cluster, server: MockServer, transport: str,
                                           tmp_path: Path) -> None:
    key = own_key("rpm-12000")
    lines = [chat_line(i) for i in range(600)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    output = tmp_path / "out.jsonl"
    env = batch_env(server, key)
    args = ("--engine", "ray", "--ray-address", cluster.address, "--ray-workers", "2", "--transport", transport,
            "--max-concurrency", "8", "--quiet")
    proc = subprocess.Popen(batch_command(source, output, *args), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= 150:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < output.read_bytes().count(b"\n") < 600
    code, summary, stderr = run_batch_cli(source, output, env, *args, timeout=180)
    assert code == 0, stderr
    assert summary is not None and summary["complete"] and summary["answered_before"] >= 150
    assert_exactly_once(output, [line["custom_id"] for line in lines])
    assert summary["sent_again"] <= 2 * 2 * 8 + 2 * 16 * 3  # at most what the workers held in flight
