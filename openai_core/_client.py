"""``AsyncOpenAI``: configuration (arguments over environment), the transport, and the resources."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, cast

from typing_extensions import override
from yarl import URL

from ._exceptions import OpenAIError
from ._interop import bridged_class, is_sentinel
from ._limits import DEFAULT_MAX_EVENT_BYTES, DEFAULT_MAX_RESPONSE_BYTES, check_limit
from ._pipeline import Pipeline, RequestOptions
from ._ratelimit import AsyncRateLimiter
from ._types import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    NotGiven,
    Omit,
    RateLimit,
    Timeout,
    TimeoutTypes,
)
from ._version import __version__
from .transports import create_transport, transport_from_env
from .transports.base import SECRET_HEADERS, AsyncTransport, HTTPHeaders, header_problem

if TYPE_CHECKING:
    from ._resource import AsyncOpenAIWithRawResponse, AsyncOpenAIWithStreamingResponse
    from .providers import Provider
    from .resources.admin import AsyncAdmin
    from .resources.audio import AsyncAudio
    from .resources.batches import AsyncBatches
    from .resources.beta import AsyncBeta
    from .resources.chat import AsyncChat
    from .resources.completions import AsyncCompletions
    from .resources.containers import AsyncContainers
    from .resources.content_provenance_checks import AsyncContentProvenanceChecks
    from .resources.conversations import AsyncConversations
    from .resources.decisions import AsyncDecisions
    from .resources.embeddings import AsyncEmbeddings
    from .resources.evals import AsyncEvals
    from .resources.files import AsyncFiles
    from .resources.fine_tuning import AsyncFineTuning
    from .resources.images import AsyncImages
    from .resources.live import AsyncLive
    from .resources.models import AsyncModels
    from .resources.moderations import AsyncModerations
    from .resources.realtime import AsyncRealtime
    from .resources.responses import AsyncResponses
    from .resources.safety import AsyncSafety
    from .resources.skills import AsyncSkills
    from .resources.uploads import AsyncUploads
    from .resources.vector_stores import AsyncVectorStores
    from .resources.videos import AsyncVideos
    from .resources.webhooks import AsyncWebhooks

__all__ = ["AsyncOpenAI"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"

_MISSING_KEY = (
    "Missing credentials. Please pass an `api_key`, `admin_api_key`, or set the `OPENAI_API_KEY` or "
    "`OPENAI_ADMIN_KEY` environment variable."
)
# The official SDK's words (a TypeError, before anything is sent) for a call with no credential of its kind:
# an admin call without ``admin_api_key``, another call on a client holding only the admin key.
_NO_AUTHORIZATION = (
    "Could not resolve authentication method. Expected either api_key or admin_api_key to be set. Or for the "
    "`Authorization` header to be explicitly omitted."
)


def _has_authorization(headers: Mapping[str, object] | None) -> bool:
    """An ``Authorization`` header among ``headers``, as a value or an ``omit``: the caller's own choice."""
    return headers is not None and any(name.lower() == "authorization" for name in headers)


async def _require_authorization(options: RequestOptions) -> RequestOptions:
    """The pipeline's hook on a client without ``api_key``: a call that would go out with no credential is
    refused before sending, as the official SDK does."""
    if not _has_authorization(options.extra_headers):
        raise TypeError(_NO_AUTHORIZATION)
    return options


def _setup_logging() -> None:
    level = os.environ.get("OPENAI_LOG", "").lower()
    if level in ("debug", "info"):
        logger = logging.getLogger("openai_core")
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"))
            logger.addHandler(handler)


def _checked_base_url(base_url: str | URL) -> URL:
    """``base_url`` as a URL, refusing what cannot work or would leak: a non-http(s) URL, no host, and
    user info (``user:password@``), which httpx would send as Basic auth in place of the key, aiohttp
    refuses, and which would show up in reprs and logs. Error messages never quote a password."""
    try:
        url = URL(str(base_url))
    except ValueError:
        raise ValueError("base_url is not a valid URL") from None
    if url.user is not None or url.password is not None:
        raise ValueError(
            f"base_url must not contain user info (user:password@), got {str(url.with_user(None))!r}; pass the "
            "key as api_key= (sent as a Bearer token) or a header in default_headers="
        )
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {str(url)!r}")
    return url


class AsyncOpenAI:
    """The asynchronous client. Arguments left out fall back to ``OPENAI_API_KEY``, ``OPENAI_ADMIN_KEY``,
    ``OPENAI_BASE_URL``, ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID`` and ``OPENAI_CORE_TRANSPORT``.

    ``admin_api_key`` is the bearer of the ``admin.*`` calls (as in the official SDK), ``api_key`` of the
    others; a client may hold either or both.

    ``http_client`` takes a transport (``DefaultAioHttpClient()``, ``DefaultAsyncHttpxClient()``, a
    plug-in's) which the client then owns and closes, or a ready ``httpx.AsyncClient`` /
    ``aiohttp.ClientSession``, which is wrapped and left for its owner to close. ``transport="aiohttp"``
    picks a registered backend by name instead.

    ``max_response_bytes`` (default 64 MiB, decoded; None: no limit) bounds a body read whole and
    ``max_event_bytes`` (default 16 MiB) one server-sent event: past them the call raises
    ``APIResponseValidationError`` / ``APIError`` instead of holding whatever a server sends.
    """

    def __new__(cls, *args: Any, provider: Provider | None = None, **kwargs: Any) -> Self:
        """With ``provider=`` (``openai_core.providers``) the client made is that cloud's client class, which
        takes the provider's configuration (``lib/_providers.py``; why: docs/architecture.md)."""
        if provider is None:
            return super().__new__(cls)
        from .lib._providers import provider_client_class

        return cast(Self, super().__new__(provider_client_class(cls, provider)))

    def __init__(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | URL | None = None,
        websocket_base_url: str | URL | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        transport: str | None = None,
        webhook_secret: str | None = None,
        max_concurrency: int | None = None,
        rate_limit: RateLimit | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        max_event_bytes: int | None = DEFAULT_MAX_EVENT_BYTES,
        _shared_transport: AsyncTransport | None = None,
        _shared_limiter: AsyncRateLimiter | None = None,
        provider: Provider | None = None,
    ) -> None:
        if provider is not None:  # taken by the cloud client class ``__new__`` picked; not this one
            raise TypeError("make the client as AsyncOpenAI(provider=...): the provider picks its class")
        if api_key is None:
            api_key = os.environ.get("OPENAI_API_KEY")
        if admin_api_key is None:
            admin_api_key = os.environ.get("OPENAI_ADMIN_KEY")
        if not api_key and admin_api_key is None:
            raise OpenAIError(_MISSING_KEY)
        for name, key in (("api_key", api_key), ("admin_api_key", admin_api_key)):
            if not key:
                continue
            if not isinstance(key, str):
                raise TypeError(f"{name} must be a str, not {type(key).__name__}")
            problem = header_problem("Authorization", key)
            if problem is not None:
                # A key pasted with its line end, or with a typographic character: caught here, by name.
                raise OpenAIError(problem.replace("header 'Authorization'", name) + " (the key is not shown)")
        if organization is None:
            organization = os.environ.get("OPENAI_ORG_ID") or None
        if webhook_secret is None:
            webhook_secret = os.environ.get("OPENAI_WEBHOOK_SECRET") or None
        if project is None:
            project = os.environ.get("OPENAI_PROJECT_ID") or None
        if base_url is None:
            base_url = os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        url = _checked_base_url(base_url)
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be a non-negative int, got {max_retries!r}")
        self.max_response_bytes = check_limit("max_response_bytes", max_response_bytes)
        self.max_event_bytes = check_limit("max_event_bytes", max_event_bytes)

        self._api_key = api_key or ""
        self._admin_api_key = admin_api_key
        self._webhook_secret = webhook_secret
        self.organization = organization
        self.project = project
        self.base_url = url
        # The realtime API's WebSocket base (default: base_url with ws/wss for http/https).
        self.websocket_base_url = None if websocket_base_url is None else URL(str(websocket_base_url))
        default_timeout = DEFAULT_TIMEOUT if is_sentinel(timeout) else Timeout.coerce(timeout)
        self._custom_headers: dict[str, str | Omit] = dict(default_headers or {})
        self._custom_query: dict[str, object] = dict(default_query or {})

        headers = self._build_headers()  # before the transport: a refused header must leave nothing open
        if _shared_transport is not None:
            self._transport, self._owns_transport = _shared_transport, False
        else:
            self._transport, self._owns_transport = create_transport(http_client, transport or transport_from_env())
        self._closed = False
        self._transport_closed = False
        self._pipeline = Pipeline(
            transport=self._transport,
            base_url=url,
            headers=headers,
            default_query=self._custom_query,
            timeout=default_timeout,
            max_retries=max_retries,
            limiter=_shared_limiter
            if _shared_limiter is not None
            else (AsyncRateLimiter(rate_limit, max_concurrency) if rate_limit or max_concurrency else None),
            max_response_bytes=self.max_response_bytes,
            max_event_bytes=self.max_event_bytes,
        )
        if not self._api_key and not _has_authorization(self._custom_headers):
            self._pipeline.prepare = _require_authorization  # an admin-only client: admin calls carry their own
        _setup_logging()

    def _build_headers(self) -> HTTPHeaders:
        headers = HTTPHeaders()
        headers["Accept"] = "application/json"
        headers["User-Agent"] = f"AsyncOpenAI/Python {__version__} (openai-core)"
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        for name, value in self._custom_headers.items():
            if is_sentinel(value):
                headers.popall(name, None)
            else:
                headers[name] = value
        # Refused here, by name, rather than by the backend at the first request: httpx's error quotes the
        # value (the key, for Authorization), and the pipeline would retry it as a connection failure.
        for name, value in headers.items():
            problem = header_problem(name, value)
            if problem is not None:
                raise OpenAIError(f"{problem} (the value is not shown)")
        return headers

    # -- configuration ----------------------------------------------------------------------------

    @property
    def api_key(self) -> str:
        return self._api_key

    @property
    def admin_api_key(self) -> str | None:
        return self._admin_api_key

    def _admin_headers(self, extra_headers: Mapping[str, object] | None) -> dict[str, str]:
        """The ``Authorization`` of an ``admin.*`` call: the admin key, unless the caller's default or
        per-call headers set (or omit) ``Authorization`` themselves, which win as in the official SDK."""
        if _has_authorization(self._custom_headers) or _has_authorization(extra_headers):
            return {}
        if self._admin_api_key is None:
            raise TypeError(_NO_AUTHORIZATION)
        return {"Authorization": f"Bearer {self._admin_api_key}"}

    # Settable, as on the official client (frameworks assign ``client.max_retries = 0`` to retry themselves);
    # the pipeline holds the value every request reads.
    @property
    def max_retries(self) -> int:
        return self._pipeline.max_retries

    @max_retries.setter
    def max_retries(self, value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"max_retries must be a non-negative int, got {value!r}")
        self._pipeline.max_retries = value

    @property
    def timeout(self) -> Timeout:
        return self._pipeline.timeout

    @timeout.setter
    def timeout(self, value: float | Timeout | None) -> None:
        self._pipeline.timeout = Timeout.coerce(value)

    @property
    def webhook_secret(self) -> str | None:
        """The secret ``webhooks.verify_signature`` / ``unwrap`` check against (``OPENAI_WEBHOOK_SECRET``)."""
        return self._webhook_secret

    @property
    def transport(self) -> AsyncTransport:
        """The backend doing the I/O."""
        return self._transport

    @property
    def _client(self) -> AsyncTransport:
        """The official SDK's name for the HTTP client a client holds: frameworks hand it back to
        ``with_options(http_client=client._client, ...)`` to keep the connection pool, which :meth:`copy`
        then shares (as when ``http_client`` is left out) instead of taking ownership of it."""
        return self._transport

    @property
    def default_headers(self) -> dict[str, str]:
        """Headers sent with every request, the Authorization value redacted."""
        return {
            name: ("<redacted>" if name.lower() in SECRET_HEADERS else value)
            for name, value in self._pipeline._headers.items()
        }

    def copy(
        self,
        *,
        api_key: str | None = None,
        admin_api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | URL | None = None,
        websocket_base_url: str | URL | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str | Omit] | None = None,
        set_default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        http_client: object | None = None,
        _extra_kwargs: Mapping[str, Any] | None = None,
        max_response_bytes: int | NotGiven | None = NOT_GIVEN,
        max_event_bytes: int | NotGiven | None = NOT_GIVEN,
        webhook_secret: str | None = None,
        provider: Provider | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A client with some options changed. It shares this client's transport (and connection pool)
        unless another ``http_client`` is given; closing the copy does not close the shared transport.
        ``default_headers``/``default_query`` are merged into this client's; ``set_*`` replace them.
        ``_extra_kwargs`` go to the constructor as they are (the official SDK's escape hatch for subclasses).
        ``provider=`` makes the copy that cloud's client (``lib/_providers.py``)."""
        if provider is not None and not is_sentinel(provider):
            from .lib._providers import copy_to_provider

            return cast(Self, copy_to_provider(
                self, provider, api_key=api_key, organization=organization, project=project, base_url=base_url,
                websocket_base_url=websocket_base_url, timeout=timeout, max_retries=max_retries,
                default_headers=default_headers, set_default_headers=set_default_headers,
                default_query=default_query, set_default_query=set_default_query, http_client=http_client,
                _extra_kwargs=_extra_kwargs, max_response_bytes=max_response_bytes,
                max_event_bytes=max_event_bytes, webhook_secret=webhook_secret))
        return type(self)(
            api_key=api_key or self._api_key,
            organization=organization or self.organization,
            project=project or self.project,
            base_url=base_url or self.base_url,
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

    def _copied_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int | None,
        default_headers: Mapping[str, str | Omit] | None,
        set_default_headers: Mapping[str, str | Omit] | None,
        default_query: Mapping[str, object] | None,
        set_default_query: Mapping[str, object] | None,
        http_client: object | None,
        websocket_base_url: str | URL | None,
        webhook_secret: str | None,
        max_response_bytes: int | NotGiven | None,
        max_event_bytes: int | NotGiven | None,
        admin_api_key: str | None = None,
    ) -> dict[str, Any]:
        """The constructor arguments every client's :meth:`copy` passes on, the cloud clients' too: headers
        and query merged into this client's (``set_*`` replace them), this client's timeout, retries,
        bounds and secrets unless changed, its transport and limiter shared unless another ``http_client``
        is given."""
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("pass default_headers or set_default_headers, not both")
        if default_query is not None and set_default_query is not None:
            raise ValueError("pass default_query or set_default_query, not both")
        headers = dict(set_default_headers) if set_default_headers is not None else {
            **self._custom_headers, **(default_headers or {})
        }
        query = dict(set_default_query) if set_default_query is not None else {
            **self._inherited_query(), **(default_query or {})
        }
        shared = http_client is None or http_client is self._transport
        return {
            "admin_api_key": admin_api_key or self._admin_api_key,
            "websocket_base_url": websocket_base_url or self.websocket_base_url,
            "webhook_secret": webhook_secret or self._webhook_secret,
            "timeout": self.timeout if is_sentinel(timeout) else timeout,
            "max_retries": self.max_retries if max_retries is None else max_retries,
            "default_headers": headers,
            "default_query": query,
            "http_client": None if shared else http_client,
            "max_response_bytes": self.max_response_bytes if is_sentinel(max_response_bytes) else max_response_bytes,
            "max_event_bytes": self.max_event_bytes if is_sentinel(max_event_bytes) else max_event_bytes,
            "_shared_transport": self._transport if shared else None,
            "_shared_limiter": self._pipeline.limiter,
        }

    def _inherited_query(self) -> dict[str, object]:
        """The default query a copy starts from (a subclass leaves out what it adds itself)."""
        return self._custom_query

    with_options = copy

    # -- resources --------------------------------------------------------------------------------

    @cached_property
    def admin(self) -> AsyncAdmin:
        from .resources.admin import AsyncAdmin

        return AsyncAdmin(self)

    @cached_property
    def chat(self) -> AsyncChat:
        from .resources.chat import AsyncChat

        return AsyncChat(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def embeddings(self) -> AsyncEmbeddings:
        from .resources.embeddings import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @cached_property
    def files(self) -> AsyncFiles:
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @cached_property
    def batches(self) -> AsyncBatches:
        from .resources.batches import AsyncBatches

        return AsyncBatches(self)

    @cached_property
    def images(self) -> AsyncImages:
        from .resources.images import AsyncImages

        return AsyncImages(self)

    @cached_property
    def audio(self) -> AsyncAudio:
        from .resources.audio import AsyncAudio

        return AsyncAudio(self)

    @cached_property
    def fine_tuning(self) -> AsyncFineTuning:
        from .resources.fine_tuning import AsyncFineTuning

        return AsyncFineTuning(self)

    @cached_property
    def completions(self) -> AsyncCompletions:
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    def moderations(self) -> AsyncModerations:
        from .resources.moderations import AsyncModerations

        return AsyncModerations(self)

    @cached_property
    def responses(self) -> AsyncResponses:
        from .resources.responses import AsyncResponses

        return AsyncResponses(self)

    @cached_property
    def uploads(self) -> AsyncUploads:
        from .resources.uploads import AsyncUploads

        return AsyncUploads(self)

    @cached_property
    def realtime(self) -> AsyncRealtime:
        from .resources.realtime import AsyncRealtime

        return AsyncRealtime(self)

    @cached_property
    def conversations(self) -> AsyncConversations:
        from .resources.conversations import AsyncConversations

        return AsyncConversations(self)

    @cached_property
    def beta(self) -> AsyncBeta:
        from .resources.beta import AsyncBeta

        return AsyncBeta(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    @cached_property
    def safety(self) -> AsyncSafety:
        from .resources.safety import AsyncSafety

        return AsyncSafety(self)

    @cached_property
    def decisions(self) -> AsyncDecisions:
        from .resources.decisions import AsyncDecisions

        return AsyncDecisions(self)

    @cached_property
    def live(self) -> AsyncLive:
        from .resources.live import AsyncLive

        return AsyncLive(self)

    @cached_property
    def vector_stores(self) -> AsyncVectorStores:
        from .resources.vector_stores import AsyncVectorStores

        return AsyncVectorStores(self)

    @cached_property
    def containers(self) -> AsyncContainers:
        from .resources.containers import AsyncContainers

        return AsyncContainers(self)

    @cached_property
    def evals(self) -> AsyncEvals:
        from .resources.evals import AsyncEvals

        return AsyncEvals(self)

    @cached_property
    def videos(self) -> AsyncVideos:
        from .resources.videos import AsyncVideos

        return AsyncVideos(self)

    @cached_property
    def skills(self) -> AsyncSkills:
        from .resources.skills import AsyncSkills

        return AsyncSkills(self)

    @cached_property
    def content_provenance_checks(self) -> AsyncContentProvenanceChecks:
        from .resources.content_provenance_checks import AsyncContentProvenanceChecks

        return AsyncContentProvenanceChecks(self)

    @property
    def with_raw_response(self) -> AsyncOpenAIWithRawResponse:
        """Every resource's methods returning the HTTP response: ``client.with_raw_response.chat.completions
        .create(...)``, the same as ``client.chat.completions.with_raw_response.create(...)``."""
        from ._resource import AsyncOpenAIWithRawResponse

        return AsyncOpenAIWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncOpenAIWithStreamingResponse:
        """Every resource's methods as ``async with``, yielding the response before its body is read."""
        from ._resource import AsyncOpenAIWithStreamingResponse

        return AsyncOpenAIWithStreamingResponse(self)

    # -- lifecycle --------------------------------------------------------------------------------

    def is_closed(self) -> bool:
        return self._closed

    async def close(self) -> None:
        """Close every connection this client opened. A transport or session the caller passed in as a
        ready ``httpx.AsyncClient`` / ``aiohttp.ClientSession``, or shared from another client via
        ``with_options``, is left open for its owner."""
        self._closed = True
        if self._owns_transport and not self._transport_closed:
            # Marked done only once done: a close cut short (KeyboardInterrupt from a second SIGINT
            # while a server shuts down) is finished by the next close() instead of leaking sockets.
            await self._transport.aclose()
            self._transport_closed = True

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @override
    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} base_url={str(self.base_url)!r} transport={self._transport!r} "
            f"max_retries={self.max_retries}>"
        )

    @property  # type: ignore[misc]  # read-only on purpose: nobody re-classes a client
    def __class__(self) -> type[Self]:
        """The official SDK's same-named class, bridged, once the official package is loaded (``_interop``):
        frameworks check ``isinstance(client, openai.AsyncOpenAI)``; ``type(client)`` stays openai_core's."""
        return bridged_class(type(self))

    def __getstate__(self) -> Any:
        raise TypeError(f"{type(self).__name__} cannot be pickled (it holds open connections)")
