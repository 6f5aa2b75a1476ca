"""Evals: evals, runs over JSONL data (inline ``file_content`` or an uploaded file), graded for real by
``string_check`` and ``text_similarity`` criteria, and their output items; ``fine_tuning.alpha.graders``
run the same graders.

A data row is ``{"item": {...}, "sample": {"output_text": "..."}}``; templates ``{{item.x}}`` and
``{{sample.output_text}}`` are filled from it (a row without a sample has empty output). A run is
``queued`` when created and graded at its first retrieve (``completed``); ``cancel`` before that makes it
``canceled``. Other grader types are reported as errored, not faked.
"""

from __future__ import annotations

import difflib
import json
import re
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps, metadata_field
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["EvalStore", "grade", "register"]

_TEMPLATE = re.compile(r"\{\{\s*(item|sample)\.([\w.]+)\s*\}\}")


class EvalStore:
    def __init__(self) -> None:
        self.evals: list[dict[str, Any]] = []
        self.runs: dict[str, list[dict[str, Any]]] = {}
        self.items: dict[str, list[dict[str, Any]]] = {}
        self._next = 1

    def new_id(self, prefix: str) -> str:
        self._next += 1
        return f"{prefix}_{self._next - 1:06d}"

    def eval(self, eval_id: str) -> dict[str, Any]:
        for found in self.evals:
            if found["id"] == eval_id:
                return found
        raise ApiError(404, f"Eval with id '{eval_id}' not found.", param="eval_id")

    def run(self, eval_id: str, run_id: str) -> dict[str, Any]:
        self.eval(eval_id)
        for found in self.runs[eval_id]:
            if found["id"] == run_id:
                return found
        raise ApiError(404, f"Run with id '{run_id}' not found.", param="run_id")


def _fill(template: Any, row: dict[str, Any]) -> str:
    def lookup(match: re.Match[str]) -> str:
        value: Any = row.get(match.group(1)) or {}
        for key in match.group(2).split("."):
            value = value.get(key, "") if isinstance(value, dict) else ""
        return value if isinstance(value, str) else json.dumps(value)

    return _TEMPLATE.sub(lookup, template) if isinstance(template, str) else ""


def grade(grader: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """One grader's result on one row: name, type, score, passed (or an error for unsupported graders)."""
    kind, name = grader.get("type"), grader.get("name", "")
    given, reference = _fill(grader.get("input"), row), _fill(grader.get("reference"), row)
    if kind == "string_check":
        operation = grader.get("operation")
        checks = {"eq": given == reference, "ne": given != reference, "like": reference in given,
                  "ilike": reference.lower() in given.lower()}
        if operation not in checks:
            raise ApiError(400, f"Invalid string_check operation: {operation!r}.", param="operation")
        score = 1.0 if checks[operation] else 0.0
        return {"name": name, "type": kind, "score": score, "passed": score == 1.0, "sample": None}
    if kind == "text_similarity":
        score = round(difflib.SequenceMatcher(None, given, reference).ratio(), 4)
        threshold = float(grader.get("pass_threshold", 1.0))
        return {"name": name, "type": kind, "score": score, "passed": score >= threshold, "sample": None}
    return {"name": name, "type": kind, "score": 0.0, "passed": False, "sample": None,
            "error": f"the embedded server does not run {kind!r} graders"}


def create_eval(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    config, criteria = body.get("data_source_config"), body.get("testing_criteria")
    if not isinstance(config, dict) or not isinstance(criteria, list) or not criteria:
        raise ApiError(400, "data_source_config and testing_criteria are required.", param="testing_criteria")
    evals = state.evals
    made: dict[str, Any] = {"id": evals.new_id("eval"), "object": "eval", "name": body.get("name") or "eval",
            "created_at": int(time.time()), "metadata": metadata_field(body.get("metadata")),
            "data_source_config": {"type": config.get("type"), "schema": config.get("item_schema") or {}},
            "testing_criteria": criteria}
    evals.evals.insert(0, made)
    evals.runs[made["id"]] = []
    return dumps(made)


def get_eval(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.evals.eval(request.match_info["eval_id"]))


def update_eval(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    found = state.evals.eval(request.match_info["eval_id"])
    if "name" in body:
        found["name"] = body["name"]
    if "metadata" in body:
        found["metadata"] = metadata_field(body["metadata"])
    return dumps(found)


def list_evals(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, state.evals.evals)


def delete_eval(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    found = state.evals.eval(request.match_info["eval_id"])
    state.evals.evals.remove(found)
    return dumps({"object": "eval.deleted", "deleted": True, "eval_id": found["id"]})


def _rows(state: ServerState, source: dict[str, Any]) -> list[dict[str, Any]]:
    if source.get("type") == "file_content":
        return [row for row in source.get("content") or [] if isinstance(row, dict)]
    if source.get("type") == "file_id":
        text = state.files.contents.get(source.get("id", ""))
        if text is None:
            raise ApiError(404, f"No such File object: {source.get('id')}", param="data_source")
        return [json.loads(line) for line in text.decode().splitlines() if line.strip()]
    raise ApiError(400, "The embedded server runs jsonl data sources only.", param="data_source")


def create_run(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    found = state.evals.eval(request.match_info["eval_id"])
    source = body.get("data_source")
    if not isinstance(source, dict) or source.get("type") != "jsonl":
        raise ApiError(400, "The embedded server runs jsonl data sources only.", param="data_source")
    rows = _rows(state, source.get("source") or {})
    run = {"id": state.evals.new_id("evalrun"), "object": "eval.run", "eval_id": found["id"], "status": "queued",
           "model": body.get("model") or "echo", "name": body.get("name") or "run", "created_at": int(time.time()),
           "report_url": f"https://platform.example/evals/{found['id']}", "data_source": source,
           "metadata": metadata_field(body.get("metadata")), "error": None, "per_model_usage": [],
           "per_testing_criteria_results": [], "result_counts": {"total": len(rows), "errored": 0, "failed": 0,
                                                                 "passed": 0}, "_rows": rows}
    state.evals.runs[found["id"]].insert(0, run)
    return dumps(_public(run))


def _public(run: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in run.items() if not k.startswith("_")}


def _execute(state: ServerState, found: dict[str, Any], run: dict[str, Any]) -> None:
    items, counts = [], {"total": 0, "errored": 0, "failed": 0, "passed": 0}
    per_criterion = {c.get("name", ""): {"testing_criteria": c.get("name", ""), "passed": 0, "failed": 0}
                     for c in found["testing_criteria"]}
    for index, row in enumerate(run.pop("_rows")):
        results = [grade(c, row) for c in found["testing_criteria"]]
        errored = any("error" in r for r in results)
        passed = not errored and all(r["passed"] for r in results)
        counts["total"] += 1
        counts["errored" if errored else "passed" if passed else "failed"] += 1
        for result in results:
            per_criterion[result["name"]]["passed" if result["passed"] else "failed"] += 1
        items.append({"id": state.evals.new_id("outputitem"), "object": "eval.run.output_item", "run_id": run["id"],
                      "eval_id": found["id"], "created_at": int(time.time()), "datasource_item_id": index,
                      "datasource_item": row.get("item") or {}, "status": "pass" if passed else "fail",
                      "results": results, "sample": {
                          "input": [], "output": [{"role": "assistant",
                                                   "content": (row.get("sample") or {}).get("output_text", "")}],
                          "finish_reason": "stop", "model": run["model"], "error": None, "seed": 0,
                          "temperature": 1.0, "max_completion_tokens": 0, "top_p": 1.0,
                          "usage": {"total_tokens": 0, "completion_tokens": 0, "prompt_tokens": 0,
                                    "cached_tokens": 0}}})
    run.update(status="completed", result_counts=counts, per_testing_criteria_results=list(per_criterion.values()))
    state.evals.items[run["id"]] = items


def get_run(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    run = state.evals.run(info["eval_id"], info["run_id"])
    if run["status"] == "queued":
        _execute(state, state.evals.eval(info["eval_id"]), run)
    return dumps(_public(run))


def list_runs(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    state.evals.eval(request.match_info["eval_id"])
    wanted = request.query.get("status")
    runs = [_public(r) for r in state.evals.runs[request.match_info["eval_id"]] if wanted in (None, r["status"])]
    return paginate(request, runs)


def cancel_run(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    run = state.evals.run(request.match_info["eval_id"], request.match_info["run_id"])
    if run["status"] == "queued":
        run.pop("_rows", None)
        run["status"] = "canceled"
    return dumps(_public(run))


def delete_run(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    run = state.evals.run(info["eval_id"], info["run_id"])
    state.evals.runs[info["eval_id"]].remove(run)
    state.evals.items.pop(run["id"], None)
    return dumps({"object": "eval.run.deleted", "deleted": True, "run_id": run["id"]})


def list_items(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    state.evals.run(info["eval_id"], info["run_id"])
    wanted = request.query.get("status")
    items = [i for i in state.evals.items.get(info["run_id"], []) if wanted in (None, i["status"])]
    return paginate(request, items)


def get_item(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    state.evals.run(info["eval_id"], info["run_id"])
    for item in state.evals.items.get(info["run_id"], []):
        if item["id"] == info["output_item_id"]:
            return dumps(item)
    raise ApiError(404, f"Output item with id '{info['output_item_id']}' not found.", param="output_item_id")


def run_grader(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    grader = body.get("grader")
    if not isinstance(grader, dict) or not isinstance(body.get("model_sample"), str):
        raise ApiError(400, "grader and model_sample are required.", param="grader")
    result = grade(grader, {"item": body.get("item") or {}, "sample": {"output_text": body["model_sample"]}})
    errors = {"other_error": "error" in result}
    return dumps({"reward": result["score"], "sub_rewards": {}, "model_grader_token_usage_per_model": {},
                  "metadata": {"name": result["name"], "type": result["type"], "errors": errors,
                               "execution_time": 0.0, "scores": {}, "token_usage": None,
                               "sampled_model_name": None}})


def validate_grader(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    grader = body.get("grader")
    if not isinstance(grader, dict) or not isinstance(grader.get("type"), str):
        raise ApiError(400, "grader is required.", param="grader")
    return dumps({"grader": grader})


def register(post: Any, get: Any, delete: Any) -> None:
    run = "/v1/evals/{eval_id}/runs/{run_id}"
    post("/v1/evals", create_eval)
    get("/v1/evals", list_evals)
    get("/v1/evals/{eval_id}", get_eval)
    post("/v1/evals/{eval_id}", update_eval)
    delete("/v1/evals/{eval_id}", delete_eval)
    post("/v1/evals/{eval_id}/runs", create_run)
    get("/v1/evals/{eval_id}/runs", list_runs)
    get(run, get_run)
    post(run, cancel_run, json_body=False)  # the spec's cancel
    post(run + "/cancel", cancel_run, json_body=False)  # the official SDK's
    delete(run, delete_run)
    get(run + "/output_items", list_items)
    get(run + "/output_items/{output_item_id}", get_item)
    post("/v1/fine_tuning/alpha/graders/run", run_grader)
    post("/v1/fine_tuning/alpha/graders/validate", validate_grader)
