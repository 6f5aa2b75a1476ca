"""``AsyncAzureOpenAI``: the client for Azure OpenAI, with the official SDK's names, arguments and
environment variables (``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_AD_TOKEN``, ``OPENAI_API_VERSION``,
``AZURE_OPENAI_ENDPOINT``).

What differs from ``AsyncOpenAI``, all of it decided before a request is built:

- the base URL is ``{azure_endpoint}/openai`` (or ``.../openai/deployments/{azure_deployment}``), and every
  request carries ``api-version`` in its query;
- the credential is an ``api-key`` header, a static Entra ID token (``Authorization: Bearer``) or a token
  provider called for every request (it may be async); a header of that name given by the caller wins;
- calls served per deployment (chat, completions, embeddings, audio, image generations and edits) go to
  ``/deployments/{model}/...`` unless the base URL names a deployment already; with ``azure_deployment``
  set, the other calls (files, batches, ...) go to the endpoint's ``/openai/...`` instead.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any, Self

from typing_extensions import override
from yarl import URL

from .._client import AsyncOpenAI
from .._exceptions import OpenAIError
from .._interop import is_sentinel
from .._pipeline import RequestOptions
from .._types import NOT_GIVEN, NotGiven, Omit, TimeoutTypes
from .._version import __version__
from ..resources._paths import path_param
from ..transports.base import HTTPHeaders
from ._azure_common import (
    API_KEY_SENTINEL,
    DEPLOYMENT_ENDPOINTS,
    MISSING_CREDENTIALS,
    MutuallyExclusiveAuthError,
    azure_base_url,
    has_header,
    resolve_credentials,
)

__all__ = ["AsyncAzureADTokenProvider", "AsyncAzureOpenAI", "MutuallyExclusiveAuthError"]

AsyncAzureADTokenProvider = Callable[[], "str | Awaitable[str]"]  # unasync: async-only
# unasync: sync-only: AzureADTokenProvider = Callable[[], str]

class AsyncAzureOpenAI(AsyncOpenAI):
    """The asynchronous Azure OpenAI client. Pass one credential at most (``api_key``, ``azure_ad_token``
    or ``azure_ad_token_provider``, which is called for every request and may be a coroutine function);
    ``api_version`` and ``azure_endpoint`` (or ``base_url``) are required, from the arguments or the
    environment. Every other argument is ``AsyncOpenAI``'s."""

    def __init__(
        self,
        *,
        api_version: str | None = None,
        azure_endpoint: str | None = None,
        azure_deployment: str | None = None,
        api_key: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,  # unasync: async-only
        # unasync: sync-only: azure_ad_token_provider: AzureADTokenProvider | None = None,
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
        **options: Any,
    ) -> None:
        api_key, azure_ad_token = resolve_credentials(api_key, azure_ad_token, azure_ad_token_provider)
        if api_key is None and azure_ad_token is None and azure_ad_token_provider is None:
            raise OpenAIError(MISSING_CREDENTIALS)
        if api_version is None:
            api_version = os.environ.get("OPENAI_API_VERSION")
        if api_version is None:
            raise ValueError(
                "Must provide either the `api_version` argument or the `OPENAI_API_VERSION` environment variable"
            )
        url = azure_base_url(base_url, azure_endpoint, azure_deployment)
        if azure_endpoint is None and base_url is None:
            azure_endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT")
        self._api_version = api_version
        self._azure_key = api_key
        self._azure_ad_token = azure_ad_token
        self._azure_ad_token_provider = azure_ad_token_provider
        self._azure_endpoint = URL(azure_endpoint) if azure_endpoint and base_url is None else None
        self._azure_deployment = azure_deployment if self._azure_endpoint is not None else None
        super().__init__(
            api_key=api_key or API_KEY_SENTINEL,
            organization=organization,
            project=project,
            webhook_secret=webhook_secret,
            base_url=url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query={**(default_query or {}), "api-version": api_version},
            http_client=http_client,
            transport=transport,
            **options,
        )
        self._pipeline.prepare = self._prepare

    @override
    def _build_headers(self) -> HTTPHeaders:
        headers = super()._build_headers()
        headers["User-Agent"] = f"AsyncAzureOpenAI/Python {__version__} (openai-core)"
        custom = self._custom_headers
        if not has_header(custom, "authorization"):
            headers.popall("Authorization", None)
            if self._azure_ad_token is not None:
                headers["Authorization"] = f"Bearer {self._azure_ad_token}"
        if self._azure_key is not None and self._azure_ad_token is None and not has_header(custom, "api-key"):
            headers["api-key"] = self._azure_key
        return headers

    @property
    def api_version(self) -> str:
        return self._api_version

    @property
    @override
    def default_headers(self) -> dict[str, str]:
        return {name: ("<redacted>" if name.lower() == "api-key" else value)
                for name, value in super().default_headers.items()}

    # -- per request ------------------------------------------------------------------------------

    async def _prepare(self, options: RequestOptions) -> RequestOptions:
        path = options.path
        if path in DEPLOYMENT_ENDPOINTS:
            model = (options.body or {}).get("model")
            if isinstance(model, str) and "/deployments" not in self.base_url.path:
                options = replace(options, path=f"/deployments/{path_param('model', model)}{path}")
        elif self._azure_deployment is not None and self._azure_endpoint is not None:
            # The base URL names a deployment, which this call is not served under: the resource's URL.
            base = str(self._azure_endpoint).rstrip("/")
            options = replace(options, path=f"{base}/openai/{path.lstrip('/')}")
        provider = self._azure_ad_token_provider
        if provider is not None and not has_header(options.extra_headers, "authorization"):
            token: object = provider()
            if inspect.isawaitable(token):  # unasync: async-only
                token = await token  # unasync: async-only
            if not isinstance(token, str) or not token:
                raise ValueError("Expected `azure_ad_token_provider` argument to return a non-empty string.")
            options = replace(options, extra_headers={"Authorization": f"Bearer {token}",
                                                      **(options.extra_headers or {})})
        return options

    # -- copies -----------------------------------------------------------------------------------

    @override
    def copy(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,  # unasync: async-only
        # unasync: sync-only: azure_ad_token_provider: AzureADTokenProvider | None = None,
        api_version: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | URL | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str | Omit] | None = None,
        set_default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | URL | None = None,
        max_response_bytes: int | NotGiven | None = NOT_GIVEN,
        max_event_bytes: int | NotGiven | None = NOT_GIVEN,
        provider: object | NotGiven | None = NOT_GIVEN,
        _extra_kwargs: Mapping[str, Any] | None = None,
    ) -> Self:
        """A client with some options changed, sharing this one's transport unless ``http_client`` is
        given. A new credential replaces the old one (switching from a key to a token drops the key)."""
        if not is_sentinel(provider):
            raise OpenAIError("Configure `provider` on `AsyncOpenAI`, not on `AsyncAzureOpenAI.with_options()`.")
        if api_key is None and azure_ad_token is None and azure_ad_token_provider is None:
            api_key, azure_ad_token = self._azure_key, self._azure_ad_token
            azure_ad_token_provider = self._azure_ad_token_provider
        endpoint = str(self._azure_endpoint) if self._azure_endpoint is not None and base_url is None else None
        return type(self)(
            api_version=api_version or self._api_version,
            azure_endpoint=endpoint,
            azure_deployment=self._azure_deployment if endpoint else None,
            api_key=api_key,
            azure_ad_token=azure_ad_token,
            azure_ad_token_provider=azure_ad_token_provider,
            organization=organization or self.organization,
            project=project or self.project,
            base_url=None if endpoint else (base_url or self.base_url),
            **self._copied_options(
                timeout=timeout, max_retries=max_retries, default_headers=default_headers,
                set_default_headers=set_default_headers, default_query=default_query,
                set_default_query=set_default_query, http_client=http_client,
                websocket_base_url=websocket_base_url, webhook_secret=webhook_secret,
                max_response_bytes=max_response_bytes, max_event_bytes=max_event_bytes,
                admin_api_key=admin_api_key,
            ),
            **(_extra_kwargs or {}),
        )

    with_options = copy

    @override
    def _inherited_query(self) -> dict[str, object]:
        return {k: v for k, v in self._custom_query.items() if k != "api-version"}  # the copy adds its own
