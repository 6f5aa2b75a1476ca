"""``vertex(...)``: the official SDK's ``openai.providers.vertex`` factory, for ``AsyncOpenAI(provider=...)``.

Checked here, when the handle is made (as the official factory does): the project and location (arguments,
then ``GOOGLE_CLOUD_PROJECT`` / ``GOOGLE_CLOUD_LOCATION``) or the ``base_url``, and that at most one of
``token_provider`` / ``credentials`` is given. The client it configures is ``AsyncVertexOpenAI`` /
``VertexOpenAI`` (``openai_core/lib/vertex.py``): one implementation of Vertex, reached either way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from yarl import URL

from ..lib._vertex_common import resolve_vertex_base_url
from ._handle import Provider, new_provider

__all__ = ["VertexTokenProvider", "vertex"]

VertexTokenProvider = Callable[[], "str | Awaitable[str]"]


@dataclass(frozen=True)
class VertexDefinition:
    base_url: URL
    project: str | None
    location: str | None
    token_provider: VertexTokenProvider | None = field(repr=False)
    credentials: object | None = field(repr=False)
    name: str = field(default="vertex", init=False)


def vertex(
    *,
    project: str | None = None,
    location: str | None = None,
    base_url: str | URL | None = None,
    token_provider: VertexTokenProvider | None = None,
    credentials: object | None = None,
) -> Provider:
    """Vertex AI for ``AsyncOpenAI(provider=vertex(...))``. Google credentials (Application Default
    Credentials unless ``credentials`` or ``token_provider`` is given) need the ``vertex`` extra and are
    looked up at the first request. ``base_url`` is the complete API root and wins over project/location.
    On ``AsyncOpenAI`` a ``token_provider`` runs on the event loop and must not block it."""
    url = resolve_vertex_base_url(project, location, base_url, token_provider, credentials)
    return new_provider(VertexDefinition(base_url=url, project=project, location=location,
                                         token_provider=token_provider, credentials=credentials))
