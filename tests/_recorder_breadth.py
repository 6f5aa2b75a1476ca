"""The recorder's canned answers (``tests/_recorder.py``) for the generated surface: small objects of the
right shape, enough for both SDKs to parse the same thing. Polled ids ending in ``pending`` / ``queued``
answer "still working" once, then done, so a poll helper makes exactly two retrieves."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from aiohttp import web

__all__ = ["breadth_routes"]

CREATED = 1_700_000_000
BINARY = b"PK\x03\x04binary-download\x00\xff"


def _vs(vs_id: str = "vs_wire") -> dict[str, Any]:
    return {"id": vs_id, "object": "vector_store", "created_at": CREATED, "name": "docs", "usage_bytes": 10,
            "status": "completed", "metadata": {"team": "core"}, "last_active_at": CREATED, "expires_at": None,
            "file_counts": {"in_progress": 0, "completed": 1, "failed": 0, "cancelled": 0, "total": 1}}


def _vsf(file_id: str = "file-wire", status: str = "completed") -> dict[str, Any]:
    return {"id": file_id, "object": "vector_store.file", "created_at": CREATED, "usage_bytes": 10,
            "vector_store_id": "vs_abc", "status": status, "last_error": None, "attributes": {"lang": "en"}}


def _vsb(batch_id: str = "vsfb_wire", status: str = "completed") -> dict[str, Any]:
    return {"id": batch_id, "object": "vector_store.files_batch", "created_at": CREATED, "vector_store_id": "vs_abc",
            "status": status, "file_counts": {"in_progress": int(status == "in_progress"),
                                              "completed": int(status != "in_progress"), "failed": 0,
                                              "cancelled": 0, "total": 1}}


def _container(container_id: str = "cntr_wire") -> dict[str, Any]:
    return {"id": container_id, "object": "container", "name": "sandbox", "created_at": CREATED, "status": "running",
            "expires_after": {"anchor": "last_active_at", "minutes": 20}, "memory_limit": "4g"}


def _cfile(file_id: str = "cfile_wire") -> dict[str, Any]:
    return {"id": file_id, "object": "container.file", "container_id": "cntr_1", "created_at": CREATED,
            "bytes": 8, "path": "/mnt/data/data.csv", "source": "user"}


def _eval(eval_id: str = "eval_wire") -> dict[str, Any]:
    return {"id": eval_id, "object": "eval", "name": "capitals", "created_at": CREATED, "metadata": None,
            "data_source_config": {"type": "custom", "schema": {"type": "object"}},
            "testing_criteria": [{"type": "string_check", "name": "exact", "input": "{{sample.output_text}}",
                                  "reference": "{{item.expected}}", "operation": "eq"}]}


def _run(run_id: str = "run_wire", status: str = "queued") -> dict[str, Any]:
    return {"id": run_id, "object": "eval.run", "eval_id": "eval_1", "status": status, "model": "gpt-4o-mini",
            "name": "first", "created_at": CREATED, "report_url": "https://platform.example/r", "metadata": None,
            "result_counts": {"total": 1, "errored": 0, "failed": 0, "passed": 1}, "per_model_usage": [],
            "per_testing_criteria_results": [], "error": {"code": "", "message": ""},
            "data_source": {"type": "jsonl", "source": {"type": "file_id", "id": "file-1"}}}


def _output_item(item_id: str = "item_wire") -> dict[str, Any]:
    return {"id": item_id, "object": "eval.run.output_item", "run_id": "run_1", "eval_id": "eval_1",
            "created_at": CREATED, "status": "pass", "datasource_item_id": 0, "datasource_item": {"q": "x"},
            "results": [{"name": "exact", "sample": None, "passed": True, "score": 1.0}],
            "sample": {"input": [], "output": [], "finish_reason": "stop", "model": "gpt-4o-mini",
                       "usage": {"total_tokens": 1, "completion_tokens": 1, "prompt_tokens": 0,
                                 "cached_tokens": 0}, "error": {"code": "", "message": ""},
                       "temperature": 1.0, "max_completion_tokens": 10, "top_p": 1.0, "seed": 1}}


def _video(video_id: str = "video_wire", status: str = "completed") -> dict[str, Any]:
    return {"id": video_id, "object": "video", "model": "sora-2", "status": status,
            "progress": 100 if status == "completed" else 10, "created_at": CREATED, "completed_at": None,
            "expires_at": None, "size": "720x1280", "seconds": "4", "remixed_from_video_id": None, "error": None}


def _skill(skill_id: str = "skill_wire") -> dict[str, Any]:
    return {"id": skill_id, "object": "skill", "name": "greet", "description": "Say hi", "created_at": CREATED,
            "default_version": "1", "latest_version": "2"}


def _version(version: str = "1") -> dict[str, Any]:
    return {"id": f"skillver_{version}", "object": "skill.version", "skill_id": "skill_1", "version": version,
            "created_at": CREATED, "name": "greet", "description": "Say hi"}


def _permission(permission_id: str = "perm_wire") -> dict[str, Any]:
    return {"id": permission_id, "object": "checkpoint.permission", "created_at": CREATED, "project_id": "proj_1"}


def _consent(consent_id: str = "cons_wire") -> dict[str, Any]:
    return {"id": consent_id, "object": "audio.voice_consent", "name": "Ann", "language": "en-US",
            "created_at": CREATED}


def _deleted(kind: str, key: str = "id") -> Callable[[Any], dict[str, Any]]:
    return lambda ctx: {key: ctx.match["id"], "object": kind, "deleted": True}


def _polled(make: Callable[[str, str], dict[str, Any]], waiting: str, done: str) -> Callable[[Any], dict[str, Any]]:
    """An object still ``waiting`` on the first retrieve of an id ending in pending/queued, ``done`` after."""
    seen: set[str] = set()

    def answer(ctx: Any) -> dict[str, Any]:
        object_id = ctx.match["id"]
        if object_id.endswith(("pending", "queued")) and object_id not in seen:
            seen.add(object_id)
            return make(object_id, waiting)
        seen.discard(object_id)
        return make(object_id, done)

    return answer


def _paged(make: Callable[..., dict[str, Any]], prefix: str, *, conversation: bool = False) -> Callable[[Any], Any]:
    def answer(ctx: Any) -> dict[str, Any]:
        page = 2 if "after" in ctx.query else 1
        data = [make(f"{prefix}-{page}a"), make(f"{prefix}-{page}b")]
        return {"object": "list", "data": data, "first_id": data[0]["id"], "last_id": data[-1]["id"],
                "has_more": page == 1}

    return answer


def _binary(ctx: Any) -> web.Response:
    return web.Response(body=BINARY, content_type="application/octet-stream")


def _route(method: str, path: str, make: Callable[[Any], Any]) -> tuple[str, re.Pattern[str], Callable[[Any], Any]]:
    return method, re.compile(path), make


VS = r"/vector_stores/[^/]+"
RUN = r"/evals/[^/]+/runs/(?P<id>[^/]+)"
CKPT = r"/fine_tuning/checkpoints/[^/]+/permissions"


def _endpoint(endpoint_id: str = "we_wire", *, secret: bool = False) -> dict[str, Any]:
    endpoint = {"id": endpoint_id, "object": "webhook_endpoint", "created_at": CREATED, "name": "ci",
                "url": "https://example.test/hook", "event_types": ["batch.completed"],
                "signing_secret_hint": "whsec_...abcd", "updated_at": None}
    return {**endpoint, "signing_secret": "whsec_c2VjcmV0"} if secret else endpoint


WH = r"/webhook_endpoints/(?P<id>[^/]+)"


def breadth_routes() -> list[tuple[str, re.Pattern[str], Callable[[Any], Any]]]:
    r = _route
    return [
        r("POST", r"/vector_stores", lambda ctx: _vs()),
        r("GET", r"/vector_stores", _paged(_vs, "vs")),
        r("GET", r"/vector_stores/(?P<id>[^/]+)", lambda ctx: _vs(ctx.match["id"])),
        r("POST", r"/vector_stores/(?P<id>[^/]+)", lambda ctx: {**_vs(ctx.match["id"]), "name": ctx.body.get("name")}),
        r("DELETE", r"/vector_stores/(?P<id>[^/]+)", _deleted("vector_store.deleted")),
        r("POST", VS + r"/search", lambda ctx: {
            "object": "vector_store.search_results.page", "search_query": ctx.body.get("query"), "has_more": False,
            "next_page": None, "data": [{"file_id": "file-1", "filename": "doc.txt", "score": 0.9,
                                         "attributes": {"lang": "en"},
                                         "content": [{"type": "text", "text": "refunds within 30 days"}]}]}),
        r("POST", VS + r"/files", lambda ctx: _vsf(ctx.body.get("file_id", "file-wire"))),
        r("GET", VS + r"/files", _paged(_vsf, "file")),
        r("GET", VS + r"/files/(?P<id>[^/]+)", _polled(_vsf, "in_progress", "completed")),
        r("POST", VS + r"/files/(?P<id>[^/]+)", lambda ctx: {**_vsf(ctx.match["id"]),
                                                            "attributes": ctx.body.get("attributes")}),
        r("DELETE", VS + r"/files/(?P<id>[^/]+)", _deleted("vector_store.file.deleted")),
        r("GET", VS + r"/files/[^/]+/content", lambda ctx: {
            "object": "vector_store.file_content.page", "has_more": False, "next_page": None,
            "data": [{"type": "text", "text": "chunk one"}]}),
        r("POST", VS + r"/file_batches", lambda ctx: _vsb("vsfb_pending", "in_progress")),
        r("GET", VS + r"/file_batches/(?P<id>[^/]+)", _polled(_vsb, "in_progress", "completed")),
        r("POST", VS + r"/file_batches/(?P<id>[^/]+)/cancel", lambda ctx: _vsb(ctx.match["id"], "cancelled")),
        r("GET", VS + r"/file_batches/[^/]+/files", _paged(_vsf, "file")),
        r("POST", r"/containers", lambda ctx: _container()),
        r("GET", r"/containers", _paged(_container, "cntr")),
        r("GET", r"/containers/(?P<id>[^/]+)", lambda ctx: _container(ctx.match["id"])),
        r("DELETE", r"/containers/(?P<id>[^/]+)", lambda ctx: web.Response(status=200)),
        r("POST", r"/containers/[^/]+/files", lambda ctx: _cfile()),
        r("GET", r"/containers/[^/]+/files", _paged(_cfile, "cfile")),
        r("GET", r"/containers/[^/]+/files/(?P<id>[^/]+)", lambda ctx: _cfile(ctx.match["id"])),
        r("DELETE", r"/containers/[^/]+/files/(?P<id>[^/]+)", lambda ctx: web.Response(status=200)),
        r("GET", r"/containers/[^/]+/files/[^/]+/content", _binary),
        r("POST", r"/evals", lambda ctx: _eval()),
        r("GET", r"/evals", _paged(_eval, "eval")),
        r("GET", r"/evals/(?P<id>[^/]+)", lambda ctx: _eval(ctx.match["id"])),
        r("POST", r"/evals/(?P<id>[^/]+)", lambda ctx: {**_eval(ctx.match["id"]), "name": ctx.body.get("name")}),
        r("DELETE", r"/evals/(?P<id>[^/]+)", _deleted("eval.deleted", "eval_id")),
        r("POST", r"/evals/[^/]+/runs", lambda ctx: _run()),
        r("GET", r"/evals/[^/]+/runs", _paged(_run, "run")),
        r("GET", RUN, lambda ctx: _run(ctx.match["id"])),
        r("POST", RUN + r"/cancel", lambda ctx: _run(ctx.match["id"], "canceled")),
        r("DELETE", RUN, _deleted("eval.run.deleted", "run_id")),
        r("GET", r"/evals/[^/]+/runs/[^/]+/output_items", _paged(_output_item, "item")),
        r("GET", r"/evals/[^/]+/runs/[^/]+/output_items/(?P<id>[^/]+)", lambda ctx: _output_item(ctx.match["id"])),
        r("POST", r"/videos", lambda ctx: _video("video_queued", "queued")),
        r("GET", r"/videos", _paged(_video, "video")),
        r("GET", r"/videos/(?P<id>[^/]+)", _polled(_video, "in_progress", "completed")),
        r("DELETE", r"/videos/(?P<id>[^/]+)", _deleted("video.deleted")),
        r("POST", r"/videos/(?P<id>[^/]+)/remix", lambda ctx: {**_video("video_remix"),
                                                              "remixed_from_video_id": ctx.match["id"]}),
        r("GET", r"/videos/[^/]+/content", _binary),
        r("POST", r"/videos/(edits|extensions)", lambda ctx: _video()),
        r("POST", r"/videos/characters", lambda ctx: {"id": "char_wire", "name": ctx.body.get("name"),
                                                      "created_at": CREATED}),
        r("GET", r"/videos/characters/(?P<id>[^/]+)", lambda ctx: {"id": ctx.match["id"], "name": "Mia",
                                                                   "created_at": CREATED}),
        r("POST", r"/skills", lambda ctx: _skill()),
        r("GET", r"/skills", _paged(_skill, "skill")),
        r("GET", r"/skills/(?P<id>[^/]+)", lambda ctx: _skill(ctx.match["id"])),
        r("POST", r"/skills/(?P<id>[^/]+)", lambda ctx: {**_skill(ctx.match["id"]),
                                                        "default_version": ctx.body.get("default_version")}),
        r("DELETE", r"/skills/(?P<id>[^/]+)", _deleted("skill.deleted")),
        r("GET", r"/skills/[^/]+/content", _binary),
        r("POST", r"/skills/[^/]+/versions", lambda ctx: _version("2")),
        r("GET", r"/skills/[^/]+/versions", _paged(_version, "v")),
        r("GET", r"/skills/[^/]+/versions/(?P<id>[^/]+)", lambda ctx: _version(ctx.match["id"])),
        r("DELETE", r"/skills/[^/]+/versions/(?P<id>[^/]+)", lambda ctx: {
            "id": f"skillver_{ctx.match['id']}", "object": "skill.version.deleted", "deleted": True,
            "version": ctx.match["id"]}),
        r("GET", r"/skills/[^/]+/versions/[^/]+/content", _binary),
        r("POST", CKPT, lambda ctx: {"object": "list", "data": [_permission(f"perm_{p}") for p in
                                                                ctx.body.get("project_ids", [])],
                                     "has_more": False}),
        r("GET", CKPT, _paged(_permission, "perm")),
        r("DELETE", CKPT + r"/(?P<id>[^/]+)", _deleted("checkpoint.permission")),
        r("POST", r"/fine_tuning/alpha/graders/run", lambda ctx: {
            "reward": 1.0, "sub_rewards": {}, "model_grader_token_usage_per_model": {},
            "metadata": {"name": "exact", "type": "string_check", "errors": {}, "execution_time": 0.01,
                         "scores": {}, "token_usage": None, "sampled_model_name": None}}),
        r("POST", r"/fine_tuning/alpha/graders/validate", lambda ctx: {"grader": ctx.body.get("grader")}),
        r("POST", r"/audio/voices", lambda ctx: {"id": "voice_wire", "object": "audio.voice",
                                                 "name": ctx.body.get("name"), "created_at": CREATED}),
        r("DELETE", r"/audio/voices/(?P<id>[^/]+)", _deleted("audio.voice.deleted")),
        r("POST", r"/audio/voice_consents", lambda ctx: _consent()),
        r("GET", r"/audio/voice_consents", _paged(_consent, "cons")),
        r("GET", r"/audio/voice_consents/(?P<id>[^/]+)", lambda ctx: _consent(ctx.match["id"])),
        r("POST", r"/audio/voice_consents/(?P<id>[^/]+)", lambda ctx: {**_consent(ctx.match["id"]),
                                                                      "name": ctx.body.get("name")}),
        r("DELETE", r"/audio/voice_consents/(?P<id>[^/]+)", _deleted("audio.voice_consent")),
        r("POST", r"/webhook_endpoints", lambda ctx: _endpoint(secret=True)),
        r("GET", r"/webhook_endpoints", _paged(_endpoint, "we")),
        r("GET", WH, lambda ctx: _endpoint(ctx.match["id"])),
        r("POST", WH, lambda ctx: {**_endpoint(ctx.match["id"]), "name": ctx.body.get("name")}),
        r("DELETE", WH, _deleted("webhook_endpoint.deleted")),
        r("POST", WH + r"/rotate_secret", lambda ctx: _endpoint(ctx.match["id"], secret=True)),
        r("POST", WH + r"/test", lambda ctx: {"object": "webhook_endpoint.test", "event_type": ctx.body.get("event_type"),
                                             "status_code": 200, "success": True,
                                             "webhook_endpoint_id": ctx.match["id"]}),
        r("GET", r"/webhook_event_types", lambda ctx: {"object": "list", "data": ["batch.completed", "video.failed"]}),
        r("GET", r"/safety/alerts/(?P<id>[^/]+)", lambda ctx: {
            "id": ctx.match["id"], "object": "safety.alert", "created_at": CREATED, "error_type": "other",
            "model": "gpt-5.5", "request_id": "req_1", "request_paused": False, "response_id": "resp_1"}),
        r("GET", r"/safety/cases/(?P<id>[^/]+)", lambda ctx: {
            "id": ctx.match["id"], "object": "safety.case", "created_at": CREATED, "entity_identifier": "user-1",
            "notice": {"type": "warning"}}),
        r("POST", r"/decisions", lambda ctx: {
            "model": ctx.body.get("model"), "answers": [{"type": "predicate", "name": "refund", "probability": 0.97}],
            "usage": {"input_tokens": 20, "input_tokens_details": {"cache_write_tokens": 0, "cached_tokens": 0},
                      "output_tokens": 1, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 21}}),
        r("POST", r"/responses/compact", lambda ctx: {
            "id": "resp_cmp", "object": "response.compaction", "created_at": CREATED,
            "output": [{"type": "message", "id": "msg_1", "role": "user", "status": "completed",
                        "content": [{"type": "input_text", "text": "plan"}]}],
            "usage": {"input_tokens": 5, "output_tokens": 2, "total_tokens": 7,
                      "input_tokens_details": {"cached_tokens": 0},
                      "output_tokens_details": {"reasoning_tokens": 0}}}),
        r("POST", r"/live/sessions", lambda ctx: {"session": {"id": "sess_wire"},
                                                  "transport": {"type": "webrtc", "sdp": "v=0 answer"}}),
        r("POST", r"/live/sessions/(?P<id>[^/]+)/fork", lambda ctx: {"session": {"id": ctx.match["id"] + "_fork"},
                                                                     "transport": {"type": "webrtc", "sdp": "v=0"}}),
        r("POST", r"/live/sessions/[^/]+/(accept|hangup|refer|reject)", lambda ctx: web.Response(status=200)),
        r("GET", r"/live/sessions/[^/]+/content", _binary),
        r("POST", r"/content_provenance_checks", lambda ctx: {
            "object": "content_provenance_check", "created_at": CREATED,
            "results": [{"type": "c2pa", "status": "not_found"}]}),
    ]
