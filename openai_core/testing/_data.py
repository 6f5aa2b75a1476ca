"""Deterministic data: models, the echo reply, embedding vectors, fine-tuning jobs/events/checkpoints."""

from __future__ import annotations

import base64
import hashlib
import math
import re
import struct
from typing import Any

from ._common import dumps

__all__ = [
    "BASE_TIME",
    "MODELS",
    "MODELS_BY_ID",
    "MODEL_LIST_BODY",
    "ORG_ID",
    "cancel_event",
    "embedding_vector",
    "encode_base64",
    "generated_job",
    "make_checkpoints",
    "make_events",
    "make_job",
    "message_text",
    "split_words",
    "truncate_words",
    "word_count",
]

#: Fixed "now" of the generated data (2025-01-01T00:00:00Z), so every run sees the same objects.
BASE_TIME = 1_735_689_600

MODELS: list[dict[str, Any]] = [
    {"id": "gpt-4", "object": "model", "created": 1_687_882_411, "owned_by": "openai"},
    {"id": "gpt-4o", "object": "model", "created": 1_715_367_049, "owned_by": "system"},
    {"id": "gpt-4o-mini", "object": "model", "created": 1_721_172_741, "owned_by": "system"},
    {"id": "text-embedding-3-small", "object": "model", "created": 1_705_948_997, "owned_by": "system"},
]
MODELS_BY_ID: dict[str, dict[str, Any]] = {m["id"]: m for m in MODELS}
MODEL_LIST_BODY: bytes = dumps({"object": "list", "data": MODELS})

# --------------------------------------------------------------------------------------------- text

_WORD_RE = re.compile(r"\S+\s*")


def message_text(content: Any) -> str:
    """The text of a message ``content``: a string, or the text parts of a list joined by spaces."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [p["text"] for p in content
                 if isinstance(p, dict) and isinstance(p.get("text"), str)]
        return " ".join(texts)
    return ""


def word_count(text: str) -> int:
    return len(text.split())


def split_words(text: str) -> list[str]:
    """Stream pieces: each word with its trailing whitespace, so ``"".join(pieces)`` is ``text``
    (minus any leading whitespace)."""
    return _WORD_RE.findall(text)


def truncate_words(text: str, limit: int | None) -> tuple[str, bool]:
    """``text`` cut to ``limit`` words; the flag says whether anything was cut."""
    if limit is None:
        return text, False
    pieces = split_words(text)
    if len(pieces) <= limit:
        return text, False
    return "".join(pieces[:limit]).rstrip(), True


# ---------------------------------------------------------------------------------------- embeddings


def embedding_vector(key: bytes, dimensions: int) -> list[float]:
    """A unit-length vector derived from ``sha256(key)``; every value is exactly a float32, so the
    float and base64 encodings carry the same numbers."""
    seed = hashlib.sha256(key).digest()
    raw = bytearray()
    block = 0
    while len(raw) < 4 * dimensions:
        raw += hashlib.sha256(seed + block.to_bytes(4, "little")).digest()
        block += 1
    ints = struct.unpack(f"<{dimensions}I", bytes(raw[: 4 * dimensions]))
    values = [u / 2_147_483_648.0 - 1.0 for u in ints]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    packed = struct.pack(f"<{dimensions}f", *(v / norm for v in values))
    return list(struct.unpack(f"<{dimensions}f", packed))


def encode_base64(vector: list[float]) -> str:
    """Little-endian float32 bytes, base64 encoded (the API's ``encoding_format: "base64"``)."""
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")


# ------------------------------------------------------------------------------------- fine-tuning

_FT_MODELS = ("gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "gpt-3.5-turbo-0125")
_LR = (0.5, 1.0, 1.8, 2.0)
ORG_ID = "org-mock"


def _method(hyperparameters: dict[str, Any]) -> dict[str, Any]:
    return {"type": "supervised", "supervised": {"hyperparameters": dict(hyperparameters)}}


def make_job(
    job_id: str,
    *,
    created_at: int,
    model: str,
    training_file: str,
    validation_file: str | None = None,
    status: str = "validating_files",
    hyperparameters: dict[str, Any] | None = None,
    seed: int = 0,
    suffix: str | None = None,
    metadata: dict[str, Any] | None = None,
    integrations: list[Any] | None = None,
    index: int | None = None,
) -> dict[str, Any]:
    """A ``fine_tuning.job`` object. With ``index`` (the generated jobs) it is a finished job."""
    hp = hyperparameters or {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"}
    job: dict[str, Any] = {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": created_at,
        "model": model,
        "fine_tuned_model": None,
        "organization_id": ORG_ID,
        "status": status,
        "hyperparameters": hp,
        "training_file": training_file,
        "validation_file": validation_file,
        "result_files": [],
        "trained_tokens": None,
        "error": None,
        "finished_at": None,
        "seed": seed,
        "estimated_finish": None,
        "integrations": integrations,
        "metadata": metadata,
        "user_provided_suffix": suffix,
        "method": _method(hp),
    }
    if index is not None:
        job["fine_tuned_model"] = f"ft:{model}:mock-org::{job_id.removeprefix('ftjob-')}"
        job["result_files"] = [f"file-result{index:05d}"]
        job["trained_tokens"] = 10_000 + 137 * index
        job["finished_at"] = created_at + 1_200
    return job


def generated_job(index: int) -> dict[str, Any]:
    """Job number ``index`` of the jobs that exist at startup (0 is the newest)."""
    hp = {"n_epochs": 1 + index % 4, "batch_size": 2 ** (index % 3), "learning_rate_multiplier": _LR[index % 4]}
    return make_job(
        f"ftjob-{index:05d}",
        created_at=BASE_TIME - 3_600 * index,
        model=_FT_MODELS[index % len(_FT_MODELS)],
        training_file=f"file-train{index:05d}",
        validation_file=None if index % 2 else f"file-valid{index:05d}",
        status="succeeded",
        hyperparameters=hp,
        seed=1_000 + index,
        index=index,
    )


def _event(job_id: str, n: int, created_at: int, message: str, level: str = "info") -> dict[str, Any]:
    return {
        "id": f"ftevent-{job_id.removeprefix('ftjob-')}-{n:02d}",
        "object": "fine_tuning.job.event",
        "created_at": created_at,
        "level": level,
        "message": message,
        "type": "message",
        "data": {},
    }


def make_events(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The job's events, newest first."""
    jid, t = job["id"], job["created_at"]
    events = [
        _event(jid, 0, t, f"Created fine-tuning job: {jid}"),
        _event(jid, 1, t + 1, f"Validating training file: {job['training_file']}"),
    ]
    if job["status"] == "succeeded":
        events += [
            _event(jid, 2, t + 60, "Fine-tuning job started"),
            _event(jid, 3, t + 1_190, f"New fine-tuned model created: {job['fine_tuned_model']}"),
            _event(jid, 4, t + 1_200, "The job has successfully completed"),
        ]
    events.reverse()
    return events


def cancel_event(job: dict[str, Any], events: list[dict[str, Any]], now: int) -> dict[str, Any]:
    return _event(job["id"], len(events), now, "Fine-tuning job cancelled")


def make_checkpoints(job: dict[str, Any]) -> list[dict[str, Any]]:
    """Checkpoints of a finished job, newest first (none for unfinished jobs)."""
    if job["status"] != "succeeded":
        return []
    jid, t = job["id"], job["created_at"]
    out = []
    for n, step in enumerate((10, 20, 30)):
        loss = round(1.0 / (1 + n), 4)
        out.append({
            "id": f"ftckpt-{jid.removeprefix('ftjob-')}-{step}",
            "object": "fine_tuning.job.checkpoint",
            "created_at": t + 300 * (n + 1),
            "fine_tuned_model_checkpoint": f"{job['fine_tuned_model']}:ckpt-step-{step}",
            "fine_tuning_job_id": jid,
            "step_number": step,
            "metrics": {
                "step": float(step),
                "train_loss": loss,
                "train_mean_token_accuracy": round(0.6 + 0.1 * n, 4),
                "valid_loss": loss + 0.05,
                "valid_mean_token_accuracy": round(0.55 + 0.1 * n, 4),
                "full_valid_loss": loss + 0.06,
                "full_valid_mean_token_accuracy": round(0.54 + 0.1 * n, 4),
            },
        })
    out.reverse()
    return out
