"""Files: multipart/form-data parsing, the in-memory file store, the ``/v1/files`` handlers, and the
writer for non-JSON answers (downloads, audio, plain text)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, RawReply, dumps
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = [
    "FileStore",
    "FormPart",
    "create_file",
    "delete_file",
    "file_content",
    "get_file",
    "list_files",
    "parse_form",
    "write_raw",
]

PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})
_PARAM_RE = re.compile(r';\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


@dataclass(frozen=True, slots=True)
class FormPart:
    """One part of a multipart/form-data body."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def _params(value: str) -> dict[str, str]:
    params = {}
    for key, raw in _PARAM_RE.findall(value):
        raw = raw.strip()
        if raw.startswith('"'):
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        params[key.lower()] = raw
    return params


def parse_form(request: web.BaseRequest, raw: bytes) -> list[FormPart]:
    """The parts of a multipart/form-data request body (RFC 7578). A body that is not one is a 400,
    as the API answers."""
    content_type = request.headers.get("Content-Type", "")
    boundary = _params(content_type).get("boundary")
    if not content_type.lower().startswith("multipart/form-data") or not boundary:
        raise ApiError(400, "Invalid Content-Type header: expected multipart/form-data with a boundary.",
                       code="invalid_content_type")
    delimiter = b"--" + boundary.encode("latin-1")
    end = raw.rfind(b"\r\n" + delimiter + b"--")
    if not raw.startswith(delimiter) or end < 0:
        raise ApiError(400, "Malformed multipart body.", code="invalid_multipart")
    parts = []
    # Every delimiter but the first follows a CRLF (RFC 2046), which belongs to the delimiter.
    for chunk in raw[len(delimiter):end].split(b"\r\n" + delimiter):
        if not chunk.startswith(b"\r\n"):
            raise ApiError(400, "Malformed multipart part.", code="invalid_multipart")
        head, sep, data = chunk[2:].partition(b"\r\n\r\n")
        if not sep:
            raise ApiError(400, "Multipart part without headers.", code="invalid_multipart")
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = _params(headers.get("content-disposition", ""))
        if "name" not in disposition:
            raise ApiError(400, "Multipart part without a name.", code="invalid_multipart")
        parts.append(FormPart(disposition["name"], disposition.get("filename"), headers.get("content-type"), data))
    return parts


def form_fields(parts: list[FormPart]) -> dict[str, str | list[str]]:
    """The non-file parts as a dict; a ``key[]`` field collects its values in a list."""
    fields: dict[str, str | list[str]] = {}
    for part in parts:
        if part.filename is not None:
            continue
        value = part.data.decode("utf-8", "replace")
        if part.name.endswith("[]"):
            existing = fields.setdefault(part.name[:-2], [])
            if isinstance(existing, list):
                existing.append(value)
        else:
            fields[part.name] = value
    return fields


def file_parts(parts: list[FormPart], name: str) -> list[FormPart]:
    return [part for part in parts if part.filename is not None and part.name in (name, f"{name}[]")]


def required_file(parts: list[FormPart], name: str) -> FormPart:
    found = file_parts(parts, name)
    if not found:
        raise ApiError(400, f"Missing required parameter: '{name}'.", param=name, code="missing_required_parameter")
    return found[0]


class FileStore:
    """Uploaded files, newest first, with their bytes. A ``fine-tune`` upload is ``uploaded`` at first and
    becomes ``processed`` at its second retrieve, as if validated in between (``files.wait_for_processing``
    has something to wait for); other purposes are ``processed`` at once."""

    def __init__(self) -> None:
        self.files: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, bytes] = {}
        self.retrieves: dict[str, int] = {}
        self._next = 1

    def add(self, filename: str, purpose: str, data: bytes, *, expires_after: int | None = None) -> dict[str, Any]:
        file_id = f"file-{self._next:06d}"
        self._next += 1
        newest = self.files[0]["created_at"] if self.files else 0
        created = max(int(time.time()), newest)
        obj = {
            "id": file_id, "object": "file", "bytes": len(data), "created_at": created, "filename": filename,
            "purpose": purpose, "status": "uploaded" if purpose == "fine-tune" else "processed",
            "expires_at": created + expires_after if expires_after is not None else None,
            "status_details": None,
        }
        self.files.insert(0, obj)
        self.by_id[file_id] = obj
        self.contents[file_id] = data
        return obj

    def get(self, file_id: str) -> dict[str, Any]:
        obj = self.by_id.get(file_id)
        if obj is None:
            raise ApiError(404, f"No such File object: {file_id}", param="id", code=None)
        return obj

    def delete(self, file_id: str) -> None:
        obj = self.get(file_id)
        self.files.remove(obj)
        del self.by_id[file_id]
        del self.contents[file_id]


def create_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    parts = parse_form(request, raw)
    fields = form_fields(parts)
    upload = required_file(parts, "file")
    purpose = fields.get("purpose")
    if not isinstance(purpose, str) or not purpose:
        raise ApiError(400, "Missing required parameter: 'purpose'.", param="purpose",
                       code="missing_required_parameter")
    if purpose not in PURPOSES:
        raise ApiError(400, f"'{purpose}' is not one of {sorted(PURPOSES)} - 'purpose'", param="purpose",
                       code="invalid_value")
    expires = fields.get("expires_after[seconds]")
    seconds = int(expires) if isinstance(expires, str) and expires.isdigit() else None
    return dumps(state.files.add(upload.filename or "upload", purpose, upload.data, expires_after=seconds))


def list_files(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    files = state.files.files
    purpose = request.query.get("purpose")
    if purpose:
        files = [f for f in files if f["purpose"] == purpose]
    if request.query.get("order") == "asc":
        files = files[::-1]
    return paginate(request, files, default_limit=10_000)


def get_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    obj = state.files.get(request.match_info["file_id"])
    if obj["status"] == "uploaded":
        seen = state.files.retrieves[obj["id"]] = state.files.retrieves.get(obj["id"], 0) + 1
        if seen >= 2:
            obj["status"] = "processed"
    return dumps(obj)


def delete_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    file_id = request.match_info["file_id"]
    state.files.delete(file_id)
    return dumps({"id": file_id, "object": "file", "deleted": True})


def file_content(state: ServerState, request: web.Request, raw: bytes) -> RawReply:
    file_id = request.match_info["file_id"]
    state.files.get(file_id)
    return RawReply(state.files.contents[file_id], "application/octet-stream", chunk_size=64 * 1024)


async def write_raw(request: web.BaseRequest, reply: RawReply, request_id: str) -> web.StreamResponse:
    headers = {"Content-Type": reply.content_type, "x-request-id": request_id}
    if reply.chunk_size is None:
        return web.Response(body=reply.body, headers=headers)
    response = web.StreamResponse(headers=headers)
    response.enable_chunked_encoding()
    await response.prepare(request)
    body = memoryview(reply.body)
    try:
        for start in range(0, len(body), reply.chunk_size):
            await response.write(body[start:start + reply.chunk_size])
        await response.write_eof()
    except ConnectionError:
        pass  # the client left mid-download (it read what it wanted): nothing to answer
    return response
