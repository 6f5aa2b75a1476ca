"""What the async and sync Vertex clients share: the API root the official SDK's ``openai.providers.vertex``
derives, and Google credentials through google-auth (the ``vertex`` extra, imported only when used).

The root is ``base_url`` when given (the complete API root, before ``/chat/completions``), else
``https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/publishers/openai/v1``
(``aiplatform.googleapis.com`` for the ``global`` location), with ``project`` / ``location`` falling back to
``GOOGLE_CLOUD_PROJECT`` / ``GOOGLE_CLOUD_LOCATION``. Without a ``token_provider``, the given ``credentials``
(scoped to cloud-platform if they need scopes) or Application Default Credentials add the ``Authorization``
header to every request; google-auth refreshes them only when they are expired.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from yarl import URL

from .._exceptions import APITimeoutError, OpenAIError

__all__ = [
    "AUTH_FAILED",
    "OWNED_HEADERS",
    "GoogleAuth",
    "bearer_header",
    "check_origin",
    "refused_header",
    "resolve_vertex_base_url",
]

CLOUD_PLATFORM_SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)
# Vertex authenticates every request itself: an OpenAI key, organization or project header has no meaning there.
OWNED_HEADERS = ("authorization", "api-key", "openai-organization", "openai-project")
OWNED_MESSAGE = ("Vertex owns authentication; remove OpenAI project/organization and custom Authorization or "
                 "api-key headers.")
AUTH_FAILED = "Vertex Google authentication failed. Check ADC, project access and credential expiry."
MISSING_EXTRA = "Install openai-core[vertex] to use Google credentials, or supply token_provider."
_PROJECT = re.compile(r"[a-zA-Z0-9_-][a-zA-Z0-9_.:-]*")  # legacy domain-scoped ids carry dots and a colon
_LOCATION = re.compile(r"[a-z0-9-]+")


def resolve_vertex_base_url(project: str | None, location: str | None, base_url: str | URL | None,
                            token_provider: object | None, credentials: object | None) -> URL:
    if token_provider is not None and credentials is not None:
        raise OpenAIError("Set only one of credentials and token_provider.")
    if base_url is None:
        project = project or os.environ.get("GOOGLE_CLOUD_PROJECT")
        location = location or os.environ.get("GOOGLE_CLOUD_LOCATION")
        if not project or not _PROJECT.fullmatch(project):
            raise OpenAIError("Vertex requires a project ID (project or GOOGLE_CLOUD_PROJECT).")
        if not location or not _LOCATION.fullmatch(location):
            raise OpenAIError("Vertex requires a location (location or GOOGLE_CLOUD_LOCATION).")
        host = "aiplatform.googleapis.com" if location == "global" else f"{location}-aiplatform.googleapis.com"
        base_url = f"https://{host}/v1/projects/{project}/locations/{location}/publishers/openai/v1"
    url = URL(str(base_url))
    if (url.scheme not in ("http", "https") or not url.host or url.user or url.password or url.query_string
            or url.fragment):
        raise OpenAIError("Vertex base_url must be an HTTP(S) API root without credentials, query or fragment.")
    host = url.host.rstrip(".")
    if url.scheme != "https" and (host == "googleapis.com" or host.endswith(".googleapis.com")):
        raise OpenAIError("Google Vertex endpoints require HTTPS.")
    return url


def refused_header(headers: object) -> None:
    names = {str(name).lower() for name in cast("dict[str, object]", headers)} if headers else set()
    if names.intersection(OWNED_HEADERS):
        raise OpenAIError(OWNED_MESSAGE)


def check_origin(url: URL, configured: URL) -> None:
    """Credentials go to the configured origin only (a path or ``base_url`` override cannot send them away)."""
    if (url.scheme, url.host, url.port) != (configured.scheme, configured.host, configured.port):
        raise OpenAIError("Refusing to send Vertex credentials outside the configured origin.")


def bearer_header(token: object) -> dict[str, str]:
    if not isinstance(token, str) or not token.strip() or any(ord(c) < 33 or ord(c) > 126 for c in token):
        raise OpenAIError("Vertex token provider must return a nonempty bearer token suitable for an HTTP header.")
    return {"Authorization": f"Bearer {token}"}


@dataclass(frozen=True)
class _Timeouts:
    connect: float | None
    read: float | None


class GoogleAuth:
    """Google credentials for one client: found (ADC) at the first request, then kept; google-auth refreshes
    them when expired. Blocking (the refresh is an HTTPS call to Google): the async client runs it on a
    worker thread. One lock, so concurrent requests refresh once."""

    def __init__(self, credentials: object | None) -> None:
        self._given = credentials
        self._credentials: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "GoogleAuth(<credentials hidden>)"

    def headers(self, method: str, url: str, connect: float | None, read: float | None) -> dict[str, str]:
        with self._lock:
            try:
                return self._headers(method, url, _Timeouts(connect, read))
            except OpenAIError:
                raise
            except Exception as exc:
                if _timed_out(exc):  # as the official provider: a token endpoint too slow is a timeout
                    raise APITimeoutError(None, message="Timed out refreshing Vertex Google credentials.") from None
                # google-auth's errors can quote a token endpoint's reply or a key file: none of it is shown.
                raise OpenAIError(AUTH_FAILED) from None

    def _headers(self, method: str, url: str, timeouts: _Timeouts) -> dict[str, str]:
        try:
            import google.auth
            import google.auth.credentials
            import requests
            from google.auth.transport.requests import Request as GoogleRequest
        except ImportError as exc:
            raise OpenAIError(MISSING_EXTRA) from exc
        with requests.Session() as session:  # none kept: closing the client leaves no Google connection open
            google_request = _bounded(GoogleRequest, timeouts)(session)
            if self._credentials is None:
                if self._given is None:
                    default = cast("Callable[..., tuple[Any, Any]]", cast(Any, google.auth).default)
                    self._credentials, _ = default(scopes=CLOUD_PLATFORM_SCOPES, request=google_request)
                else:
                    scoped = cast("Callable[..., Any]", cast(Any, google.auth.credentials).with_scopes_if_required)
                    self._credentials = scoped(self._given, scopes=CLOUD_PLATFORM_SCOPES)
            headers: dict[str, str] = {}
            self._credentials.before_request(google_request, method, url, headers)
            return headers


def _timed_out(exc: BaseException) -> bool:
    """google-auth wraps the requests library's timeout in its ``TransportError`` (as ``__cause__``)."""
    try:
        import requests
    except ImportError:
        return False
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, requests.exceptions.Timeout):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _bounded(base: type[Any], timeouts: _Timeouts) -> Callable[[Any], Any]:
    """google-auth's requests transport with the client's connect/read timeouts instead of its own 120 s."""

    class BoundedRequest(base):  # type: ignore[misc]
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            kwargs["timeout"] = (timeouts.connect, timeouts.read)
            return super().__call__(*args, **kwargs)

    return BoundedRequest
