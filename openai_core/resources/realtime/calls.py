"""``client.realtime.calls``: SIP and WebRTC calls: create one from an SDP offer, then accept, refer,
reject or hang up calls by id."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from typing_extensions import Unpack

from ..._binary import HttpxBinaryResponseContent
from ..._files import MultipartForm
from ..._params import ParamSpec
from ..._resource import (
    AsyncAPIResource,
    AsyncResourceWithRawResponse,
    AsyncResourceWithStreamingResponse,
    RequestOptionsParams,
    options,
    to_custom_streamed_response,
    to_raw_response,
    to_streamed_response,
)
from ..._response import AsyncStreamedBinaryAPIResponse
from ...types.realtime.call_accept_params import CallAcceptParams
from ...types.realtime.call_create_params import CallCreateParams
from ...types.realtime.call_refer_params import CallReferParams
from ...types.realtime.call_reject_params import CallRejectParams
from .._paths import path_param

__all__ = ["AsyncCalls", "AsyncCallsWithRawResponse", "AsyncCallsWithStreamingResponse"]


class CreateParams(CallCreateParams, RequestOptionsParams, total=False):
    pass


class AcceptParams(CallAcceptParams, RequestOptionsParams, total=False):
    pass


class ReferParams(CallReferParams, RequestOptionsParams, total=False):
    pass


class RejectParams(CallRejectParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", CallCreateParams)
_ACCEPT = ParamSpec("accept", CallAcceptParams)
_REFER = ParamSpec("refer", CallReferParams)
_REJECT = ParamSpec("reject", CallRejectParams)


def _call_path(call_id: str, action: str) -> str:
    return f"/realtime/calls/{path_param('call_id', call_id)}/{action}"


class AsyncCalls(AsyncAPIResource):
    __slots__ = ()

    @property
    def with_raw_response(self) -> AsyncCallsWithRawResponse:
        return AsyncCallsWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncCallsWithStreamingResponse:
        return AsyncCallsWithStreamingResponse(self)

    async def create(self, **params: Unpack[CreateParams]) -> HttpxBinaryResponseContent:
        """Start a WebRTC call from an SDP offer; the answer is the server's SDP. With only ``sdp`` the
        body is the offer itself (``application/sdp``); with ``session`` too, a multipart form of the two
        parts (the session as JSON), as the official SDK sends them."""
        body, request_options = _CREATE.split(params)
        fields = {**body, **(request_options.pop("extra_body", None) or {})}
        sdp = fields.pop("sdp")
        if not isinstance(sdp, str):
            raise TypeError(f"sdp must be a str, not {type(sdp).__name__}")
        call = options("POST", "/realtime/calls", request_options)
        call.accept = "application/sdp"
        if not fields:
            call.content, call.content_type = sdp.encode(), "application/sdp"
        else:
            parts: list[tuple[str, object]] = [("sdp", (None, sdp.encode(), "application/sdp"))]
            if "session" in fields:
                # Compact and unescaped, as the official SDK encodes the JSON part.
                session = json.dumps(fields.pop("session"), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                parts.append(("session", (None, session.encode(), "application/json")))
            form = MultipartForm([(key, str(value)) for key, value in fields.items()], parts)
            call.content_type = form.content_type
            call.content = form.buffered if form.buffered is not None else form.aiter_bytes()
        response = await self._pipeline.request_bytes(call)
        return HttpxBinaryResponseContent(await response.aread(), response)

    async def accept(self, call_id: str, **params: Unpack[AcceptParams]) -> None:
        """Answer an incoming call with this session configuration."""
        body, request_options = _ACCEPT.split(params)
        await self._empty(_call_path(call_id, "accept"), request_options, body)

    async def hangup(self, call_id: str, **request_options: Unpack[RequestOptionsParams]) -> None:
        await self._empty(_call_path(call_id, "hangup"), request_options, None)

    async def refer(self, call_id: str, **params: Unpack[ReferParams]) -> None:
        """Transfer the call to ``target_uri`` (a SIP URI or tel: number)."""
        body, request_options = _REFER.split(params)
        await self._empty(_call_path(call_id, "refer"), request_options, body)

    async def reject(self, call_id: str, **params: Unpack[RejectParams]) -> None:
        """Decline an incoming call (``status_code``: the SIP status to answer with, 603 by default)."""
        body, request_options = _REJECT.split(params)
        await self._empty(_call_path(call_id, "reject"), request_options, body)

    async def _empty(self, path: str, request_options: Mapping[str, Any], body: dict[str, object] | None) -> None:
        call = options("POST", path, request_options, body=body)
        call.accept = "*/*"
        response = await self._pipeline.request_bytes(call)
        await response.aread()


class AsyncCallsWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create = to_raw_response(AsyncCalls.create)
    accept = to_raw_response(AsyncCalls.accept)
    hangup = to_raw_response(AsyncCalls.hangup)
    refer = to_raw_response(AsyncCalls.refer)
    reject = to_raw_response(AsyncCalls.reject)


class AsyncCallsWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create = to_custom_streamed_response(AsyncCalls.create, AsyncStreamedBinaryAPIResponse)
    accept = to_streamed_response(AsyncCalls.accept)
    hangup = to_streamed_response(AsyncCalls.hangup)
    refer = to_streamed_response(AsyncCalls.refer)
    reject = to_streamed_response(AsyncCalls.reject)
