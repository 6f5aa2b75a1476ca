"""``AsyncBedrockOpenAI``: the OpenAI API served by Amazon Bedrock, with the official SDK's names, arguments
and environment variables (``AWS_BEARER_TOKEN_BEDROCK``, ``AWS_REGION`` / ``AWS_DEFAULT_REGION``,
``AWS_BEDROCK_BASE_URL``); how the mode, region and URL are chosen: ``_bedrock_common``.

A bearer credential goes out as ``Authorization: Bearer`` (a token provider, sync or async, is asked on
every request through the pipeline's ``prepare`` hook). AWS credentials sign each attempt with SigV4 at
the transport boundary, where the request is final (its URL, headers and body bytes): the client's
transport is wrapped by :class:`SigV4Transport`. A streamed (one-shot, over 4 MiB) upload cannot be
signed, so SigV4 refuses it with a clear error before sending; use bearer authentication for those.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any, Self

import anyio
from multidict import CIMultiDict
from typing_extensions import override
from yarl import URL

from .._client import AsyncOpenAI
from .._exceptions import OpenAIError
from .._interop import is_sentinel
from .._pipeline import RequestOptions
from .._types import NOT_GIVEN, NotGiven, Omit, TimeoutTypes
from ..transports.base import AsyncTransport, HTTPHeaders, Request, Response
from ._bedrock_common import SIGNING_HEADERS, BedrockConfig, SigV4Signer, resolve_bedrock

__all__ = ["AsyncBedrockOpenAI", "AsyncBedrockTokenProvider", "SigV4Transport"]

AsyncBedrockTokenProvider = Callable[[], "str | Awaitable[str]"]  # unasync: async-only
# unasync: sync-only: BedrockTokenProvider = Callable[[], str]
_PLACEHOLDER_KEY = "<bedrock credentials>"  # the base client wants a key; never sent


class SigV4Transport:
    """Signs every request (each attempt afresh: a retry gets a new date and signature) and hands it on."""

    def __init__(self, inner: AsyncTransport, signer: SigV4Signer) -> None:
        self._inner = inner
        self._signer = signer

    async def send(self, request: Request) -> Response:
        body = request.content
        if body is not None and not isinstance(body, bytes | bytearray):
            raise OpenAIError("Bedrock SigV4 authentication requires a replayable request body. Buffer the body "
                              "before sending or use bearer authentication.")
        headers = {name: value for name, value in request.headers.items() if name.lower() not in SIGNING_HEADERS}

        def sign() -> dict[str, str]:
            return self._signer.sign(request.method, str(request.url), headers, bytes(body) if body else None)

        # Resolving default-chain credentials can block (instance metadata): off the event loop.
        signed = await anyio.to_thread.run_sync(sign)  # unasync: async-only
        # unasync: sync-only: signed = sign()
        request.headers = CIMultiDict(signed)
        return await self._inner.send(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class AsyncBedrockOpenAI(AsyncOpenAI):
    """The asynchronous client for Amazon Bedrock's OpenAI-compatible API. Configure one credential mode
    at most (see the module): a bearer ``api_key`` / ``bedrock_token_provider``, or AWS credentials (the
    ``bedrock`` extra, botocore, signs with SigV4). Every other argument is ``AsyncOpenAI``'s."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        bedrock_token_provider: AsyncBedrockTokenProvider | None = None,  # unasync: async-only
        # unasync: sync-only: bedrock_token_provider: BedrockTokenProvider | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        aws_credentials_provider: Callable[[], object] | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        base_url: str | URL | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = 2,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        transport: str | None = None,
        _bedrock_config: BedrockConfig | None = None,
        **options: Any,
    ) -> None:
        # ``_bedrock_config``: settled already, by ``providers.bedrock(...)`` (``provider=``), not from these arguments.
        config = _bedrock_config or resolve_bedrock(
            api_key=api_key, token_provider=bedrock_token_provider, aws_region=aws_region, aws_profile=aws_profile,
            aws_access_key_id=aws_access_key_id, aws_secret_access_key=aws_secret_access_key,
            aws_session_token=aws_session_token, aws_credentials_provider=aws_credentials_provider,
            base_url=base_url)
        self._bedrock = config
        self._token_provider = bedrock_token_provider
        self._aws: dict[str, Any] = {"aws_profile": aws_profile, "aws_access_key_id": aws_access_key_id,
                     "aws_secret_access_key": aws_secret_access_key, "aws_session_token": aws_session_token,
                     "aws_credentials_provider": aws_credentials_provider}
        signer = None
        if config.mode == "aws":
            signer = SigV4Signer(config, profile=aws_profile, access_key_id=aws_access_key_id,
                                 secret_access_key=aws_secret_access_key, session_token=aws_session_token,
                                 credentials_provider=aws_credentials_provider)
        super().__init__(api_key=config.api_key or _PLACEHOLDER_KEY, organization=organization, project=project,
                         webhook_secret=webhook_secret, base_url=config.base_url, timeout=timeout,
                         max_retries=max_retries, default_headers=default_headers, default_query=default_query,
                         http_client=http_client, transport=transport, **options)
        if signer is not None and not isinstance(self._transport, SigV4Transport):
            self._pipeline.transport = SigV4Transport(self._transport, signer)
        if config.mode == "token_provider":
            self._pipeline.prepare = self._with_token

    @override
    def _build_headers(self) -> HTTPHeaders:
        headers = super()._build_headers()
        if self._bedrock.mode != "bearer" and "authorization" not in {k.lower() for k in self._custom_headers}:
            headers.popall("Authorization", None)  # signed or asked for per request instead
        return headers

    @property
    def aws_region(self) -> str | None:
        return self._bedrock.region

    async def _with_token(self, options: RequestOptions) -> RequestOptions:
        provider = self._token_provider
        assert provider is not None
        try:
            token: object = provider()
            if inspect.isawaitable(token):  # unasync: async-only
                token = await token  # unasync: async-only
        except OpenAIError:
            raise
        except Exception as exc:
            raise OpenAIError("Failed to resolve a bearer credential for Bedrock.") from exc
        # unasync: sync-only: if inspect.isawaitable(token):
        # unasync: sync-only:     getattr(token, "close", lambda: None)()  # no "never awaited" warning
        # The message names the async class: split, or the generator would rename it.
        # unasync: sync-only:     raise OpenAIError("An async Bedrock token provider requires `Async" "OpenAI`.")
        if not isinstance(token, str) or not token.strip():
            raise OpenAIError("The Bedrock bearer credential provider must return a non-empty string.")
        return replace(options, extra_headers={"Authorization": f"Bearer {token}", **(options.extra_headers or {})})

    @override
    def copy(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        bedrock_token_provider: AsyncBedrockTokenProvider | None = None,  # unasync: async-only
        # unasync: sync-only: bedrock_token_provider: BedrockTokenProvider | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        aws_credentials_provider: Callable[[], object] | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | URL | None = None,
        base_url: str | URL | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        http_client: object | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str | Omit] | None = None,
        set_default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        max_response_bytes: int | NotGiven | None = NOT_GIVEN,
        max_event_bytes: int | NotGiven | None = NOT_GIVEN,
        provider: object | NotGiven | None = NOT_GIVEN,
        _extra_kwargs: Mapping[str, Any] | None = None,
    ) -> Self:
        """A client with some options changed, sharing this one's transport unless ``http_client`` is
        given. A credential given replaces this client's credential mode; none given keeps it (and its
        region and URL)."""
        if not is_sentinel(provider):
            raise OpenAIError("Configure `provider` on `AsyncOpenAI`, not on `AsyncBedrockOpenAI.with_options()`.")
        aws: dict[str, Any] = {"aws_profile": aws_profile, "aws_access_key_id": aws_access_key_id,
               "aws_secret_access_key": aws_secret_access_key, "aws_session_token": aws_session_token,
               "aws_credentials_provider": aws_credentials_provider}
        if api_key is None and bedrock_token_provider is None and all(v is None for v in aws.values()):
            api_key = self._bedrock.api_key if self._bedrock.mode == "bearer" else None
            bedrock_token_provider = self._token_provider
            aws = self._aws if self._bedrock.mode == "aws" else {}
        # The plain transport is shared: the copy signs with its own credentials (SigV4Transport wraps it).
        return type(self)(
            api_key=api_key,
            bedrock_token_provider=bedrock_token_provider,
            aws_region=aws_region or self._bedrock.region,
            base_url=base_url or self._bedrock.base_url,
            organization=organization or self.organization,
            project=project or self.project,
            **self._copied_options(
                timeout=timeout, max_retries=max_retries, default_headers=default_headers,
                set_default_headers=set_default_headers, default_query=default_query,
                set_default_query=set_default_query, http_client=http_client,
                websocket_base_url=websocket_base_url, webhook_secret=webhook_secret,
                max_response_bytes=max_response_bytes, max_event_bytes=max_event_bytes,
                admin_api_key=admin_api_key,
            ),
            **aws,
            **(_extra_kwargs or {}),
        )

    with_options = copy



