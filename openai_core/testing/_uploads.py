"""Uploads in parts: ``POST /v1/uploads`` starts one, ``/parts`` adds a part (multipart field ``data``),
``/complete`` joins the named parts, in order, into a File (checking the declared size and, if given,
the MD5), ``/cancel`` abandons it."""

from __future__ import annotations

import hashlib
import itertools
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps
from ._files import PURPOSES, parse_form, required_file

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["UploadStore", "add_part", "cancel_upload", "complete_upload", "create_upload"]

_HOUR = 3600


class UploadStore:
    def __init__(self) -> None:
        self.uploads: dict[str, dict[str, Any]] = {}
        self.parts: dict[str, dict[str, bytes]] = {}  # upload id -> part id -> bytes
        self._ids = itertools.count(1)

    def get(self, upload_id: str, *, pending: bool = False) -> dict[str, Any]:
        upload = self.uploads.get(upload_id)
        if upload is None:
            raise ApiError(404, f"No such Upload: {upload_id}", param="upload_id", code="not_found")
        if pending and upload["status"] != "pending":
            raise ApiError(400, f"Upload {upload_id} is {upload['status']}, not pending.", param="upload_id",
                           code="invalid_state")
        return upload


def create_upload(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    for name in ("bytes", "filename", "mime_type", "purpose"):
        if name not in body:
            raise ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")
    if body["purpose"] not in PURPOSES:
        raise ApiError(400, f"'{body['purpose']}' is not one of {sorted(PURPOSES)} - 'purpose'", param="purpose",
                       code="invalid_value")
    if not isinstance(body["bytes"], int) or not 0 < body["bytes"] <= 8 * 1024**3:
        raise ApiError(400, "'bytes' must be an integer between 1 and 8 GB.", param="bytes", code="invalid_value")
    store = state.uploads
    upload_id = f"upload_{next(store._ids):06d}"
    created = int(time.time())
    upload = {"id": upload_id, "object": "upload", "bytes": body["bytes"], "created_at": created,
              "expires_at": created + _HOUR, "filename": body["filename"], "purpose": body["purpose"],
              "status": "pending", "file": None}
    store.uploads[upload_id] = upload
    store.parts[upload_id] = {}
    return dumps(upload)


def add_part(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    upload = state.uploads.get(request.match_info["upload_id"], pending=True)
    data = required_file(parse_form(request, raw), "data").data
    if len(data) > 64 * 1024 * 1024:
        raise ApiError(400, "A part may be at most 64 MB.", param="data", code="invalid_value")
    parts = state.uploads.parts[upload["id"]]
    part_id = f"part_{upload['id'][7:]}_{len(parts) + 1}"
    parts[part_id] = data
    return dumps({"id": part_id, "object": "upload.part", "created_at": int(time.time()), "upload_id": upload["id"]})


def complete_upload(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    upload = state.uploads.get(request.match_info["upload_id"], pending=True)
    part_ids = body.get("part_ids")
    if not isinstance(part_ids, list) or not part_ids:
        raise ApiError(400, "Missing required parameter: 'part_ids'.", param="part_ids",
                       code="missing_required_parameter")
    parts = state.uploads.parts[upload["id"]]
    unknown = [p for p in part_ids if p not in parts]
    if unknown:
        raise ApiError(400, f"Unknown part ids: {unknown}.", param="part_ids", code="invalid_value")
    data = b"".join(parts[p] for p in part_ids)
    if len(data) != upload["bytes"]:
        raise ApiError(400, f"The parts hold {len(data)} bytes; the upload was created for {upload['bytes']}.",
                       param="part_ids", code="invalid_value")
    md5 = body.get("md5")
    if md5 is not None and md5 != hashlib.md5(data).hexdigest():
        raise ApiError(400, "The MD5 of the parts does not match 'md5'.", param="md5", code="invalid_value")
    upload["file"] = state.files.add(upload["filename"], upload["purpose"], data)
    upload["status"] = "completed"
    del state.uploads.parts[upload["id"]]
    return dumps(upload)


def cancel_upload(state: ServerState, request: web.Request, body: Any) -> bytes:
    upload = state.uploads.get(request.match_info["upload_id"], pending=True)
    upload["status"] = "cancelled"
    state.uploads.parts[upload["id"]].clear()
    return dumps(upload)
