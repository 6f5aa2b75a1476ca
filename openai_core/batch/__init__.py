"""``openai-core batch``: Batch-API JSONL through the live API at the account's full rate, exactly once
across crashes, or through the server-side Batch API (``via="batch-api"``), or on a Ray cluster
(``engine="ray"``). See docs/batch.md.

    from openai_core import batch

    summary = batch.run("requests.jsonl", "results.jsonl", requests_per_minute=5_000)
    print(summary.render())
"""

from ._input import ENDPOINTS, BatchInputError
from ._job import BatchOptions, arun, run
from ._output import BatchOutputError
from ._progress import BatchSummary

__all__ = ["ENDPOINTS", "BatchInputError", "BatchOptions", "BatchOutputError", "BatchSummary", "arun", "run"]
