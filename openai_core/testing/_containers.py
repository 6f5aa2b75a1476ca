"""Containers and their files (uploaded, or copied from the server's files), with downloads; and videos,
which are ``queued`` when created, ``in_progress`` at the first retrieve and ``completed`` from the second
(``videos.poll`` sees every state), their content a few deterministic bytes naming the prompt."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, RawReply, dumps
from ._files import file_parts, form_fields, parse_form
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["ContainerStore", "register"]

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


class ContainerStore:
    def __init__(self) -> None:
        self.containers: list[dict[str, Any]] = []
        self.files: dict[str, list[dict[str, Any]]] = {}
        self.contents: dict[tuple[str, str], bytes] = {}
        self.videos: list[dict[str, Any]] = []
        self.video_reads: dict[str, int] = {}
        self._next = 1

    def new_id(self, prefix: str) -> str:
        self._next += 1
        return f"{prefix}_{self._next - 1:06d}"

    def container(self, container_id: str) -> dict[str, Any]:
        for found in self.containers:
            if found["id"] == container_id:
                found["last_active_at"] = int(time.time())
                return found
        raise ApiError(404, f"No container found with id '{container_id}'.", param="container_id")

    def file(self, container_id: str, file_id: str) -> dict[str, Any]:
        self.container(container_id)
        for found in self.files[container_id]:
            if found["id"] == file_id:
                return found
        raise ApiError(404, f"No file found with id '{file_id}' in container '{container_id}'.", param="file_id")

    def video(self, video_id: str) -> dict[str, Any]:
        for found in self.videos:
            if found["id"] == video_id:
                return found
        raise ApiError(404, f"Video with id '{video_id}' not found.", param="video_id")


def create_container(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    if not isinstance(body.get("name"), str):
        raise ApiError(400, "Missing required parameter: 'name'.", param="name", code="missing_required_parameter")
    store = state.containers
    container = {"id": store.new_id("cntr"), "object": "container", "name": body["name"],
                 "created_at": int(time.time()), "status": "running", "last_active_at": int(time.time()),
                 "expires_after": body.get("expires_after") or {"anchor": "last_active_at", "minutes": 20},
                 "memory_limit": body.get("memory_limit") or "1g"}
    store.containers.insert(0, container)
    store.files[container["id"]] = []
    for file_id in body.get("file_ids") or []:
        _copy_file(state, container["id"], file_id)
    return dumps(container)


def get_container(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.containers.container(request.match_info["container_id"]))


def list_containers(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, state.containers.containers)


def delete_container(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    store = state.containers
    container = store.container(request.match_info["container_id"])
    store.containers.remove(container)
    del store.files[container["id"]]
    return RawReply(b"", "application/json")


def _store_file(state: ServerState, container_id: str, filename: str, data: bytes, source: str) -> dict[str, Any]:
    store = state.containers
    entry: dict[str, Any] = {"id": store.new_id("cfile"), "object": "container.file", "container_id": container_id,
             "created_at": int(time.time()), "bytes": len(data), "path": f"/mnt/data/{filename}", "source": source}
    store.files[container_id].insert(0, entry)
    store.contents[(container_id, entry["id"])] = data
    return entry


def _copy_file(state: ServerState, container_id: str, file_id: str) -> dict[str, Any]:
    source = state.files.get(file_id)
    return _store_file(state, container_id, source["filename"], state.files.contents[file_id], "user")


def create_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    container_id = request.match_info["container_id"]
    state.containers.container(container_id)
    if request.headers.get("Content-Type", "").startswith("application/json"):
        body = json.loads(raw or b"{}")
        if not isinstance(body.get("file_id"), str):
            raise ApiError(400, "Provide a file or a file_id.", param="file")
        return dumps(_copy_file(state, container_id, body["file_id"]))
    parts = parse_form(request, raw)
    uploads = file_parts(parts, "file")
    if uploads:
        return dumps(_store_file(state, container_id, uploads[0].filename or "file", uploads[0].data, "user"))
    file_id = form_fields(parts).get("file_id")
    if not isinstance(file_id, str):
        raise ApiError(400, "Provide a file or a file_id.", param="file")
    return dumps(_copy_file(state, container_id, file_id))


def get_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.containers.file(request.match_info["container_id"], request.match_info["file_id"]))


def list_files(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    container_id = request.match_info["container_id"]
    state.containers.container(container_id)
    return paginate(request, state.containers.files[container_id])


def delete_file(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    container_id, file_id = request.match_info["container_id"], request.match_info["file_id"]
    entry = state.containers.file(container_id, file_id)
    state.containers.files[container_id].remove(entry)
    del state.containers.contents[(container_id, file_id)]
    return RawReply(b"", "application/json")


def file_content(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    container_id, file_id = request.match_info["container_id"], request.match_info["file_id"]
    state.containers.file(container_id, file_id)
    return RawReply(state.containers.contents[(container_id, file_id)], "application/octet-stream")


# -- videos ------------------------------------------------------------------------------------------------


def _video(state: ServerState, fields: dict[str, Any], *, remix_of: str | None = None) -> dict[str, Any]:
    prompt = fields.get("prompt")
    if not isinstance(prompt, str) or not prompt:
        raise ApiError(400, "Missing required parameter: 'prompt'.", param="prompt", code="missing_required_parameter")
    video = {"id": state.containers.new_id("video"), "object": "video", "model": fields.get("model") or "sora-2",
             "status": "queued", "progress": 0, "created_at": int(time.time()), "completed_at": None,
             "expires_at": None, "prompt": prompt, "size": fields.get("size") or "720x1280",
             "seconds": str(fields.get("seconds") or "4"), "remixed_from_video_id": remix_of, "error": None}
    state.containers.videos.insert(0, video)
    return video


def _fields(request: web.Request, raw: bytes) -> dict[str, Any]:
    if request.headers.get("Content-Type", "").startswith("multipart/form-data"):
        return dict(form_fields(parse_form(request, raw)))
    body = json.loads(raw or b"{}")
    return body if isinstance(body, dict) else {}


def create_video(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(_video(state, _fields(request, raw)))


def get_video(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    video = state.containers.video(request.match_info["video_id"])
    if video["status"] == "queued":
        video.update(status="in_progress", progress=50)
    elif video["status"] == "in_progress":
        video.update(status="completed", progress=100, completed_at=int(time.time()),
                     expires_at=int(time.time()) + 3600)
    return dumps(video)


def list_videos(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    page = json.loads(paginate(request, state.containers.videos))
    if page["data"]:
        page["first_id"], page["last_id"] = page["data"][0]["id"], page["data"][-1]["id"]
    return dumps(page)


def delete_video(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    video = state.containers.video(request.match_info["video_id"])
    state.containers.videos.remove(video)
    return dumps({"id": video["id"], "object": "video.deleted", "deleted": True})


def remix_video(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    source = state.containers.video(request.match_info["video_id"])
    return dumps(_video(state, {**source, "prompt": body.get("prompt")}, remix_of=source["id"]))


def video_content(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    video = state.containers.video(request.match_info["video_id"])
    if video["status"] != "completed":
        raise ApiError(400, f"Video '{video['id']}' is not completed yet.", param="video_id")
    variant = request.query.get("variant", "video")
    body = MP4_HEAD + f"{variant}:{video['prompt']}".encode()
    return RawReply(body, "image/webp" if variant == "thumbnail" else "video/mp4")


def register(post: Any, get: Any, delete: Any) -> None:
    post("/v1/containers", create_container)
    get("/v1/containers", list_containers)
    get("/v1/containers/{container_id}", get_container)
    delete("/v1/containers/{container_id}", delete_container)
    post("/v1/containers/{container_id}/files", create_file, json_body=False)  # multipart or JSON
    get("/v1/containers/{container_id}/files", list_files)
    get("/v1/containers/{container_id}/files/{file_id}", get_file)
    delete("/v1/containers/{container_id}/files/{file_id}", delete_file)
    get("/v1/containers/{container_id}/files/{file_id}/content", file_content)
    post("/v1/videos", create_video, json_body=False)  # multipart
    get("/v1/videos", list_videos)
    get("/v1/videos/{video_id}", get_video)
    delete("/v1/videos/{video_id}", delete_video)
    post("/v1/videos/{video_id}/remix", remix_video)
    get("/v1/videos/{video_id}/content", video_content)
