"""``client.realtime.client_secrets``: ephemeral keys for browsers and apps to open realtime sessions
without the API key."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import (
    AsyncAPIResource,
    AsyncResourceWithRawResponse,
    AsyncResourceWithStreamingResponse,
    RequestOptionsParams,
    options,
    to_raw_response,
    to_streamed_response,
)
from ...types.realtime.client_secret_create_params import ClientSecretCreateParams
from ...types.realtime.client_secret_create_response import ClientSecretCreateResponse

__all__ = ["AsyncClientSecrets", "AsyncClientSecretsWithRawResponse", "AsyncClientSecretsWithStreamingResponse"]


class CreateParams(ClientSecretCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", ClientSecretCreateParams)


class AsyncClientSecrets(AsyncAPIResource):
    __slots__ = ()

    @property
    def with_raw_response(self) -> AsyncClientSecretsWithRawResponse:
        return AsyncClientSecretsWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncClientSecretsWithStreamingResponse:
        return AsyncClientSecretsWithStreamingResponse(self)

    async def create(self, **params: Unpack[CreateParams]) -> ClientSecretCreateResponse:
        """A short-lived key (``value``, ``ek_...``) with the session configuration it opens, for a client
        to connect with (``AsyncOpenAI(api_key=secret.value)``) instead of the API key."""
        body, request_options = _CREATE.split(params)
        call = options("POST", "/realtime/client_secrets", request_options, body=body)
        return await self._pipeline.request(call, ClientSecretCreateResponse)


class AsyncClientSecretsWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create = to_raw_response(AsyncClientSecrets.create)


class AsyncClientSecretsWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create = to_streamed_response(AsyncClientSecrets.create)
