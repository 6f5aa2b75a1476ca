"""What the async and sync Azure clients share: credential and base-URL resolution, and one exception
class for both (so ``except MutuallyExclusiveAuthError`` catches either client's)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from yarl import URL

from .._exceptions import OpenAIError

__all__ = [
    "API_KEY_SENTINEL",
    "DEPLOYMENT_ENDPOINTS",
    "MISSING_CREDENTIALS",
    "MutuallyExclusiveAuthError",
    "azure_base_url",
    "has_header",
    "resolve_credentials",
]

# The calls Azure serves under /deployments/{model}; the others (files, batches, ...) are per resource.
DEPLOYMENT_ENDPOINTS = frozenset({
    "/completions", "/chat/completions", "/embeddings", "/audio/transcriptions", "/audio/translations",
    "/audio/speech", "/images/generations", "/images/edits",
})
# Stands in for the API key the base client requires when the credential is a token (never sent).
API_KEY_SENTINEL = "<missing API key>"

MISSING_CREDENTIALS = (
    "Missing credentials. Please pass one of `api_key`, `azure_ad_token`, `azure_ad_token_provider`, or the "
    "`AZURE_OPENAI_API_KEY` or `AZURE_OPENAI_AD_TOKEN` environment variables."
)


class MutuallyExclusiveAuthError(OpenAIError):
    """More than one of ``api_key``, ``azure_ad_token`` and ``azure_ad_token_provider`` was passed."""

    def __init__(self) -> None:
        super().__init__(
            "The `api_key`, `azure_ad_token` and `azure_ad_token_provider` arguments are mutually exclusive; "
            "Only one can be passed at a time"
        )


def resolve_credentials(
    api_key: str | None, azure_ad_token: str | None, provider: object | None
) -> tuple[str | None, str | None]:
    """(api key, static token) after the environment: an explicit credential wins; with none,
    ``AZURE_OPENAI_AD_TOKEN`` goes before ``AZURE_OPENAI_API_KEY`` (the official SDK's precedence)."""
    given = sum(value is not None for value in (api_key, azure_ad_token, provider))
    if given > 1:
        raise MutuallyExclusiveAuthError()
    if given == 0:
        azure_ad_token = os.environ.get("AZURE_OPENAI_AD_TOKEN")
        if azure_ad_token is None:
            api_key = os.environ.get("AZURE_OPENAI_API_KEY")
    return api_key, azure_ad_token


def azure_base_url(base_url: str | URL | None, azure_endpoint: str | None, azure_deployment: str | None) -> str:
    if base_url is not None:
        if azure_endpoint is not None:
            raise ValueError("base_url and azure_endpoint are mutually exclusive")
        return str(base_url)
    if azure_endpoint is None:
        azure_endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT")
    if azure_endpoint is None:
        raise ValueError(
            "Must provide one of the `base_url` or `azure_endpoint` arguments, or the `AZURE_OPENAI_ENDPOINT` "
            "environment variable"
        )
    if azure_deployment is not None:
        return f"{azure_endpoint.rstrip('/')}/openai/deployments/{azure_deployment}"
    return f"{azure_endpoint.rstrip('/')}/openai"


def has_header(headers: Mapping[str, object] | None, name: str) -> bool:
    return bool(headers) and any(key.lower() == name for key in headers or {})
