"""The opaque provider handle ``vertex(...)`` / ``bedrock(...)`` return, and where its configuration lives.

The configuration (credentials included) is kept in a weak map keyed by the handle, not on it: the handle has
no attributes to print, pickle or imitate (a ``Provider()`` made by hand is refused by the client), and the
configuration goes when the handle does — the official SDK's design, for the same reasons.
"""

from __future__ import annotations

from typing import Protocol
from weakref import WeakKeyDictionary

from .._exceptions import OpenAIError

__all__ = ["Provider", "ProviderDefinition", "definition_of", "new_provider"]


class ProviderDefinition(Protocol):
    @property
    def name(self) -> str: ...


class Provider:
    """A cloud configuration for ``AsyncOpenAI(provider=...)`` / ``OpenAI(provider=...)``; made only by
    :func:`openai_core.providers.vertex` / :func:`~openai_core.providers.bedrock`."""

    __slots__ = ("__weakref__",)

    def __repr__(self) -> str:
        definition = _definitions.get(self)
        return f"<Provider {definition.name if definition is not None else 'invalid'}>"

    def __reduce__(self) -> str:
        raise TypeError("a Provider cannot be pickled (it stands for credentials)")


_definitions: WeakKeyDictionary[Provider, ProviderDefinition] = WeakKeyDictionary()


def new_provider(definition: ProviderDefinition) -> Provider:
    provider = Provider()
    _definitions[provider] = definition
    return provider


def definition_of(provider: object) -> ProviderDefinition:
    try:
        return _definitions[provider]  # type: ignore[index]
    except (KeyError, TypeError):
        raise OpenAIError("Invalid provider. Providers must be created by an OpenAI provider factory.") from None
