"""``AsyncOpenAI(provider=...)``: the client classes a provider handle (``openai_core.providers``) selects, and
``copy()`` / ``with_options(provider=...)`` between them and the plain client.

``AsyncOpenAI.__new__`` hands a ``provider=`` call to :func:`provider_client_class`: the instance made is a
subclass of the cloud's own client (``AsyncVertexOpenAI``, ``AsyncBedrockOpenAI``), given the configuration the
provider settled, so each cloud has one implementation whichever way it is reached. What ``provider=`` adds
over those classes is the official SDK's: top-level ``api_key`` / ``admin_api_key`` / ``base_url`` are refused,
``OPENAI_ORG_ID`` / ``OPENAI_PROJECT_ID`` are not read, ``api_key`` is ``""``, and a copy keeps the provider
unless given another (then the organization, project and default headers start afresh) or ``None`` (a plain
client again).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import cached_property
from typing import Any, Self, cast

from typing_extensions import override

from .._client import AsyncOpenAI
from .._exceptions import OpenAIError
from .._interop import is_sentinel
from .._pipeline import RequestOptions
from .._types import NOT_GIVEN, Headers, NotGiven
from ..providers._handle import Provider, definition_of
from ..providers.bedrock import BedrockDefinition
from ..providers.vertex import VertexDefinition
from ..resources.realtime import AsyncRealtime, AsyncRealtimeConnectionManager
from ._vertex_common import refused_header
from .azure import AsyncAzureOpenAI
from .bedrock import AsyncBedrockOpenAI
from .vertex import AsyncVertexOpenAI

__all__ = ["AsyncBedrockProviderClient", "AsyncVertexProviderClient", "copy_to_provider", "provider_client_class"]

_OWN_AUTHORIZATION = "Bedrock provider authentication cannot be combined with a custom `Authorization` header."
# The options ``_copied_options`` takes besides the headers, with the values meaning "as this client's".
_COPY_OPTIONS: dict[str, Any] = {
    "timeout": NOT_GIVEN, "max_retries": None, "default_query": None, "set_default_query": None,
    "http_client": None, "websocket_base_url": None, "webhook_secret": None, "max_response_bytes": NOT_GIVEN,
    "max_event_bytes": NOT_GIVEN,
}
Prepare = Callable[[RequestOptions], Awaitable[RequestOptions]]  # unasync: async-only
# unasync: sync-only: Prepare = Callable[[RequestOptions], RequestOptions]


def _refuse_top_level(name: str, **values: object) -> None:
    conflicts = [f"`{option}`" for option, value in values.items() if value is not None]
    if conflicts:
        raise OpenAIError(f"`provider` cannot be combined with top-level {', '.join(conflicts)}. Move provider "
                          f"authentication and routing options into `{name}(...)`.")


class _ProviderRealtime(AsyncRealtime):
    """The realtime resource of a provider client: its REST calls as usual; the WebSocket carries none of the
    provider's credentials (no Google token, no SigV4), so, as the official SDK, it is refused unless the
    caller brings an ``Authorization`` header."""

    @override
    def connect(self, *, extra_headers: Headers | None = None, **options: Any) -> AsyncRealtimeConnectionManager:
        if not any(str(name).lower() == "authorization" for name in (extra_headers or {})):
            raise OpenAIError("This authentication method is not supported by WebSocket connections")
        return super().connect(extra_headers=extra_headers, **options)


class AsyncVertexProviderClient(AsyncVertexOpenAI):
    """``AsyncOpenAI(provider=vertex(...))``."""

    _provider_origin: type[AsyncOpenAI] = AsyncOpenAI

    def __init__(self, *, provider: Provider, api_key: str | None = None, base_url: object | None = None,
                 project: str | None = None, **options: Any) -> None:
        definition = definition_of(provider)
        assert isinstance(definition, VertexDefinition)
        _refuse_top_level("vertex", api_key=api_key, admin_api_key=options.pop("admin_api_key", None),
                          base_url=base_url)
        # OpenAI's project (an ``OpenAI-Project`` header), refused as the official provider refuses the header.
        refused_header({"openai-project": project} if project is not None else None)
        self._provider: Provider | None = provider
        super().__init__(project=definition.project, location=definition.location, base_url=definition.base_url,
                         token_provider=cast(Any, definition.token_provider), credentials=definition.credentials,
                         **options)

    @cached_property
    @override
    def realtime(self) -> AsyncRealtime:
        return _ProviderRealtime(self)

    @override
    def copy(self, **changes: Any) -> Self:
        return cast(Self, _copy(self, **changes))

    with_options = copy


class AsyncBedrockProviderClient(AsyncBedrockOpenAI):
    """``AsyncOpenAI(provider=bedrock(...))``."""

    _provider_origin: type[AsyncOpenAI] = AsyncOpenAI

    def __init__(self, *, provider: Provider, api_key: str | None = None, base_url: object | None = None,
                 organization: str | None = None, project: str | None = None,
                 default_headers: Mapping[str, object] | None = None, **options: Any) -> None:
        definition = definition_of(provider)
        assert isinstance(definition, BedrockDefinition)
        _refuse_top_level("bedrock", api_key=api_key, admin_api_key=options.pop("admin_api_key", None),
                          base_url=base_url)
        if any(str(name).lower() == "authorization" and not is_sentinel(value)
               for name, value in (default_headers or {}).items()):
            raise OpenAIError(_OWN_AUTHORIZATION)
        config, token_provider = definition.configure()
        self._provider = provider
        # "" rather than None: the base client reads OPENAI_ORG_ID / OPENAI_PROJECT_ID for None.
        super().__init__(bedrock_token_provider=cast(Any, token_provider), aws_profile=definition.profile,
                         aws_access_key_id=definition.access_key_id,
                         aws_secret_access_key=definition.secret_access_key,
                         aws_session_token=definition.session_token,
                         aws_credentials_provider=definition.credential_provider, organization=organization or "",
                         project=project or "", default_headers=cast(Any, default_headers), _bedrock_config=config,
                         **options)
        self.organization, self.project = organization, project
        self._pipeline.prepare = _refusing_authorization(self._pipeline.prepare)

    @property
    @override
    def api_key(self) -> str:
        return ""  # as the official client with a provider: no OpenAI key

    @cached_property
    @override
    def realtime(self) -> AsyncRealtime:
        return _ProviderRealtime(self)

    @override
    def copy(self, **changes: Any) -> Self:
        return cast(Self, _copy(self, **changes))

    with_options = copy


def _refusing_authorization(inner: Prepare | None) -> Prepare:
    async def prepare(options: RequestOptions) -> RequestOptions:
        if any(str(name).lower() == "authorization" and not is_sentinel(value)
               for name, value in (options.extra_headers or {}).items()):
            raise OpenAIError(_OWN_AUTHORIZATION)
        return await inner(options) if inner is not None else options

    return prepare


_CLIENTS: dict[type, type[AsyncOpenAI]] = {
    VertexDefinition: AsyncVertexProviderClient,
    BedrockDefinition: AsyncBedrockProviderClient,
}


def provider_client_class(cls: type[AsyncOpenAI], provider: object) -> type[AsyncOpenAI]:
    """The class ``cls(provider=provider)`` makes: the cloud's, or for a user's subclass of ``AsyncOpenAI``,
    one that is both (its methods kept, the cloud's configuration first in line)."""
    cloud = _CLIENTS[type(definition_of(provider))]
    if cls is AsyncOpenAI or issubclass(cls, cloud):
        return cls if issubclass(cls, cloud) else cloud
    if issubclass(cls, AsyncAzureOpenAI | AsyncBedrockOpenAI | AsyncVertexOpenAI):
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument 'provider'; pass it to AsyncOpenAI")
    return _combined(cloud, cls)


_combined_classes: dict[tuple[type, type], type[AsyncOpenAI]] = {}


def _combined(cloud: type[AsyncOpenAI], user: type[AsyncOpenAI]) -> type[AsyncOpenAI]:
    combined = _combined_classes.get((cloud, user))
    if combined is None:
        namespace = {"__module__": user.__module__, "__qualname__": user.__qualname__, "_provider_origin": user}
        combined = _combined_classes[cloud, user] = type(user.__name__, (cloud, user), namespace)
    return combined


def copy_to_provider(client: AsyncOpenAI, provider: object, **changes: Any) -> AsyncOpenAI:
    """``client.copy(provider=...)`` on a plain client."""
    return _copy(client, provider=provider, **changes)


def _copy(
    client: AsyncOpenAI,
    *,
    provider: object | NotGiven | None = NOT_GIVEN,
    api_key: str | None = None,
    organization: str | None = None,
    project: str | None = None,
    base_url: object | None = None,
    default_headers: Mapping[str, Any] | None = None,
    set_default_headers: Mapping[str, Any] | None = None,
    _extra_kwargs: Mapping[str, Any] | None = None,
    **options: Any,
) -> AsyncOpenAI:
    """The official SDK's copy with providers: the provider kept unless another (or None) is given; a top-level
    ``api_key`` / ``base_url`` only when given (so refused with a provider); a new provider starts without
    this client's organization, project and default headers."""
    unknown = sorted(set(options) - set(_COPY_OPTIONS))
    if unknown:
        raise TypeError(f"copy() got an unexpected keyword argument {unknown[0]!r}")
    current = getattr(client, "_provider", None)
    target = current if is_sentinel(provider) else provider
    changed = target is not current
    if changed and set_default_headers is None:
        set_default_headers, default_headers = dict(default_headers or {}), None
    copied = client._copied_options(default_headers=default_headers, set_default_headers=set_default_headers,
                                    **{**_COPY_OPTIONS, **options})
    origin = getattr(type(client), "_provider_origin", type(client))
    settings: dict[str, Any] = {
        "api_key": api_key, "base_url": base_url,
        "organization": organization or (None if changed else client.organization),
        "project": project or (None if changed else client.project),
        **copied, **(_extra_kwargs or {}),
    }
    if target is not None:
        settings["provider"] = target
    return origin(**settings)
