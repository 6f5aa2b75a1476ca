"""``AsyncVertexOpenAI``: the OpenAI API served by Google Vertex AI, configured with the arguments and
environment variables of the official SDK's ``openai.providers.vertex(...)`` (``project``, ``location``,
``base_url``, ``token_provider``, ``credentials``; ``GOOGLE_CLOUD_PROJECT``, ``GOOGLE_CLOUD_LOCATION``). The
official SDK has no Vertex client class, only that provider, passed as ``OpenAI(provider=vertex(...))``;
here it is both: this client, and ``AsyncOpenAI(provider=openai_core.providers.vertex(...))``, which makes one
of these (``lib/_providers.py``).

Every request carries ``Authorization: Bearer``: from ``token_provider`` (sync or async, asked every request)
or from Google credentials (the given ones, else Application Default Credentials) through google-auth (the
``vertex`` extra, imported at the first request), refreshed by google-auth when expired. How the URL and
the credential are resolved: ``_vertex_common``.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any, Self

import anyio  # unasync: async-only
from typing_extensions import override
from yarl import URL

from .._client import AsyncOpenAI
from .._exceptions import OpenAIError
from .._interop import is_sentinel
from .._pipeline import RequestOptions
from .._types import NOT_GIVEN, NotGiven, Omit, Timeout, TimeoutTypes
from ..transports.base import HTTPHeaders
from ._vertex_common import (
    OWNED_HEADERS,
    GoogleAuth,
    bearer_header,
    check_origin,
    refused_header,
    resolve_vertex_base_url,
)

__all__ = ["AsyncVertexOpenAI", "AsyncVertexTokenProvider"]

AsyncVertexTokenProvider = Callable[[], "str | Awaitable[str]"]  # unasync: async-only
# unasync: sync-only: VertexTokenProvider = Callable[[], str]
_PLACEHOLDER_KEY = "<vertex credentials>"  # the base client wants a key; never sent


class AsyncVertexOpenAI(AsyncOpenAI):
    """The asynchronous client for Vertex AI's OpenAI-compatible API (see the module). ``project`` is the
    Google Cloud project; OpenAI's ``api_key``, ``organization`` and project headers are refused, as the
    official Vertex provider refuses them. Every other argument is ``AsyncOpenAI``'s."""

    def __init__(
        self,
        *,
        project: str | None = None,
        location: str | None = None,
        base_url: str | URL | None = None,
        token_provider: AsyncVertexTokenProvider | None = None,  # unasync: async-only
        # unasync: sync-only: token_provider: VertexTokenProvider | None = None,
        credentials: object | None = None,
        api_key: str | None = None,
        organization: str | None = None,
        webhook_secret: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = 2,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        transport: str | None = None,
        **options: Any,
    ) -> None:
        if api_key is not None:
            raise OpenAIError("Vertex cannot be combined with `api_key`; it authenticates with Google credentials "
                              "or `token_provider`.")
        refused_header({"openai-organization": organization} if organization is not None else None)
        refused_header(default_headers)
        self._vertex_url = resolve_vertex_base_url(project, location, base_url, token_provider, credentials)
        self._vertex_project = project
        self._vertex_location = location
        self._token_provider = token_provider
        self._credentials = credentials
        self._google = None if token_provider is not None else GoogleAuth(credentials)
        options.pop("project", None)
        super().__init__(api_key=_PLACEHOLDER_KEY, webhook_secret=webhook_secret, base_url=self._vertex_url,
                         timeout=timeout, max_retries=max_retries, default_headers=default_headers,
                         default_query=default_query, http_client=http_client, transport=transport, **options)
        # OpenAI's own organization/project (OPENAI_ORG_ID / OPENAI_PROJECT_ID) mean nothing to Vertex.
        self.organization = None
        self.project = None
        self._pipeline.prepare = self._authenticate

    @override
    def _build_headers(self) -> HTTPHeaders:
        headers = super()._build_headers()
        for name in OWNED_HEADERS:
            headers.popall(name, None)  # added per request by _authenticate; the OpenAI ones never
        return headers

    async def _authenticate(self, options: RequestOptions) -> RequestOptions:
        refused_header(options.extra_headers)
        url = self._vertex_url.with_path(self._vertex_url.path.rstrip("/") + options.path, encoded=False)
        check_origin(url, self._vertex_url)
        if self._google is not None:
            timeout = self.timeout if is_sentinel(options.timeout) else Timeout.coerce(options.timeout)
            google = self._google
            # google-auth blocks (a refresh is an HTTPS call to Google): off the event loop.
            headers = await anyio.to_thread.run_sync(  # unasync: async-only
                google.headers, options.method, str(url), timeout.connect, timeout.read)  # unasync: async-only
            # unasync: sync-only: headers = google.headers(options.method, str(url), timeout.connect, timeout.read)
        else:
            provider = self._token_provider
            assert provider is not None
            try:
                token: object = provider()
                if inspect.isawaitable(token):  # unasync: async-only
                    token = await token  # unasync: async-only
            except OpenAIError:
                raise
            except Exception:
                raise OpenAIError("Vertex token provider failed.") from None
            # unasync: sync-only: if inspect.isawaitable(token):
            # unasync: sync-only:     getattr(token, "close", lambda: None)()  # no "never awaited" warning
            # The message names the async class: split, or the generator would rename it.
            # unasync: sync-only:     raise OpenAIError("Use Async" "OpenAI with an async Vertex token provider.")
            headers = bearer_header(token)
        return replace(options, extra_headers={**headers, **(options.extra_headers or {})})

    @property
    @override
    def api_key(self) -> str:
        return ""  # as the official client with a provider: there is no OpenAI key

    @property
    def vertex_project(self) -> str | None:
        return self._vertex_project

    @property
    def vertex_location(self) -> str | None:
        return self._vertex_location

    @override
    def copy(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | URL | None = None,
        websocket_base_url: str | URL | None = None,
        webhook_secret: str | None = None,
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
        """A client with some options changed, sharing this one's transport (and Google credentials, so a
        copy does not look them up again) unless ``http_client`` is given."""
        if not is_sentinel(provider):
            raise OpenAIError("Configure `provider` on `AsyncOpenAI`, not on `AsyncVertexOpenAI.with_options()`.")
        extra = dict(_extra_kwargs or {})
        location = extra.pop("location", None)
        moved = project is not None or location is not None or base_url is not None
        client = type(self)(
            project=project or self._vertex_project,
            location=location or self._vertex_location,
            base_url=base_url if base_url is not None else None if moved else self._vertex_url,
            token_provider=extra.pop("token_provider", self._token_provider),
            credentials=extra.pop("credentials", self._credentials),
            api_key=api_key,
            organization=organization,
            **self._copied_options(
                timeout=timeout, max_retries=max_retries, default_headers=default_headers,
                set_default_headers=set_default_headers, default_query=default_query,
                set_default_query=set_default_query, http_client=http_client,
                websocket_base_url=websocket_base_url, webhook_secret=webhook_secret,
                max_response_bytes=max_response_bytes, max_event_bytes=max_event_bytes,
                admin_api_key=admin_api_key,
            ),
            **extra,
        )
        if client._google is not None and self._google is not None and client._credentials is self._credentials:
            client._google = self._google
        return client

    with_options = copy
