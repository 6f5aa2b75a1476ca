"""Per-server state: the request log, fault attempt counters, id counters, fine-tuning jobs."""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from ._batches import BatchStore
from ._containers import ContainerStore
from ._conversations import ConversationStore
from ._evals import EvalStore
from ._files import FileStore
from ._finetune import FineTuningStore
from ._ratelimit import RateLimits
from ._responses import ResponseStore
from ._stored_chat import StoredChats
from ._uploads import UploadStore
from ._vector_stores import VectorStoreStore
from ._webhooks import WebhookStore

__all__ = ["RecordedRequest", "ServerState"]


@dataclass(slots=True)
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    """Query parameters; for a repeated name the last value wins."""
    headers: dict[str, str]
    """Header names are lower-case; for a repeated name the last value wins."""
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (body decoded as UTF-8, undecodable bytes replaced)."""
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body.decode("utf-8", "replace"),
        }


class ServerState:
    """Everything one server instance remembers. Mutated only on the server's event loop, except
    :meth:`clear` (and reads of :attr:`requests` / :meth:`attempts`), which other threads may call."""

    def __init__(self, *, num_jobs: int = 45, max_recorded: int | None = None, latency: float = 0.0) -> None:
        self.requests: list[RecordedRequest] = []
        #: Seconds each model call (chat, completions, embeddings, moderations, responses) takes to answer.
        self.latency = latency
        self.max_recorded = max_recorded
        self.attempt_counts: dict[str, int] = {}
        self.fine_tuning = FineTuningStore(num_jobs)
        self.rate_limits = RateLimits()
        self.responses = ResponseStore()
        self.stored_chats = StoredChats()
        self.conversations = ConversationStore()
        self.uploads = UploadStore()
        self.files = FileStore()
        self.batches = BatchStore()
        self.vector_stores = VectorStoreStore()
        self.containers = ContainerStore()  # and videos
        self.evals = EvalStore()
        self.webhooks = WebhookStore()
        self._lock = threading.Lock()
        self._request_ids = itertools.count(1)
        self._object_ids = itertools.count(1)

    # -- ids ---------------------------------------------------------------------------------------

    def request_id(self) -> str:
        return f"req_{next(self._request_ids):016x}"

    def object_id(self, prefix: str) -> str:
        """``chatcmpl-1``, ``cmpl-2``, ...: one counter shared by all object kinds."""
        return f"{prefix}-{next(self._object_ids)}"

    # -- request log -------------------------------------------------------------------------------

    def record(self, request: web.BaseRequest, body: bytes) -> None:
        query = dict(request.query.items()) if request.query_string else {}
        headers = {k.lower(): v for k, v in request.headers.items()}
        self.requests.append(RecordedRequest(request.method, request.path, query, headers, body))
        limit = self.max_recorded
        if limit is not None and len(self.requests) > limit + limit // 8:
            with self._lock:
                # Drop the oldest entries in batches (amortised O(1) per request); between trims the
                # log holds up to 12.5% more than `limit`.
                del self.requests[: len(self.requests) - limit]

    # -- fault attempts ----------------------------------------------------------------------------

    def bump_attempt(self, key: str) -> int:
        n = self.attempt_counts.get(key, 0) + 1
        self.attempt_counts[key] = n
        return n

    def attempts(self, key: str) -> int:
        return self.attempt_counts.get(key, 0)

    def clear(self) -> None:
        """Forget the recorded requests and the fault attempt counters (jobs are kept)."""
        with self._lock:
            self.requests.clear()
            self.attempt_counts.clear()
