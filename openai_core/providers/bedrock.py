"""``bedrock(...)``: the official SDK's ``openai.providers.bedrock`` factory, for ``AsyncOpenAI(provider=...)``.

What differs from the legacy ``AsyncBedrockOpenAI`` arguments, all as the official provider does it:
``endpoint="mantle"`` (``https://bedrock-mantle.{region}.api.aws/openai/v1``, SigV4 service
``bedrock-mantle``) or ``"runtime"`` (``https://bedrock-runtime.{region}.amazonaws.com/openai/v1`` and the
partition's suffix, service ``bedrock``), guessed from a canonical ``base_url`` host when not given; names
without the ``aws_`` prefix (``region``, ``profile``, ``access_key_id``, ``secret_access_key``,
``session_token``, ``credential_provider``); ``api_key=None`` turns ``AWS_BEARER_TOKEN_BEDROCK`` off and
``base_url=None`` turns ``AWS_BEDROCK_BASE_URL`` off (left out, both are read); a canonical Bedrock host must
be HTTPS and agree with the endpoint and the region; a trailing ``/responses`` is cut off ``base_url``.

The argument checks run here, when the handle is made; the region of the default AWS chain, the URL and the
credential mode are settled when a client is made (:meth:`BedrockDefinition.configure`), and the client is
``AsyncBedrockOpenAI`` / ``BedrockOpenAI`` given that result: one SigV4 and bearer implementation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal, cast

from yarl import URL

from .._exceptions import OpenAIError
from .._types import NOT_GIVEN, NotGiven
from ..lib._bedrock_common import (
    AMBIGUOUS,
    NO_REGION,
    REGION,
    BedrockConfig,
    botocore_session,
    checked_region,
    clean,
)
from ._handle import Provider, new_provider

__all__ = ["BedrockEndpoint", "BedrockTokenProvider", "bedrock"]

BedrockTokenProvider = Callable[[], "str | Awaitable[str]"]
BedrockEndpoint = Literal["mantle", "runtime"]

_NO_CREDENTIALS = ("Could not find credentials for Bedrock. Pass a bearer credential or AWS credentials to "
                   "`bedrock(...)`, set `AWS_BEARER_TOKEN_BEDROCK`, or configure the default AWS credential chain.")
# Runtime hosts live under each AWS partition's own DNS suffix: (classic, dual-stack).
_PARTITIONS = (("cn-", ("amazonaws.com.cn", "api.amazonwebservices.com.cn")),
               ("eusc-", ("amazonaws.eu", "api.amazonwebservices.eu")),
               ("us-iso-", ("c2s.ic.gov", "api.aws.ic.gov")),
               ("us-isob-", ("sc2s.sgov.gov", "api.aws.scloud")),
               ("eu-isoe-", ("cloud.adc-e.uk", "api.cloud-aws.adc-e.uk")),
               ("us-isof-", ("csp.hci.ic.gov", "api.aws.hci.ic.gov")))


def _suffixes(region: str) -> tuple[str, str]:
    return next((s for prefix, s in _PARTITIONS if region.startswith(prefix)), ("amazonaws.com", "api.aws"))




def _api_root(base_url: str | URL) -> URL:
    url = URL(str(base_url))
    path = re.sub(r"/responses(?:/.*)?$", "", url.path.rstrip("/"))
    return url.with_path(path or "/", encoded=False).with_query(url.query).with_fragment(url.fragment or None)


def _canonical(host: str) -> tuple[BedrockEndpoint, str] | None:
    """``(endpoint, region)`` of an AWS Bedrock host, None for any other host (a proxy, a test server)."""
    service, _, rest = host.removesuffix(".").lower().partition(".")
    region, _, suffix = rest.partition(".")
    if not suffix or REGION.fullmatch(region) is None:
        return None
    if service == "bedrock-mantle" and suffix == "api.aws":
        return "mantle", region
    if service in ("bedrock-runtime", "bedrock-runtime-fips") and suffix in _suffixes(region):
        return "runtime", region
    return None


def _check_canonical(url: URL, endpoint: BedrockEndpoint, region: str | None) -> None:
    found = _canonical(url.host or "")
    if found is None:
        return
    family, host_region = found
    if url.scheme != "https":
        raise OpenAIError("Canonical Amazon Bedrock endpoints require HTTPS.")
    if family != endpoint:
        raise OpenAIError(f"The Bedrock {family} hostname does not match the selected `{endpoint}` endpoint. "
                          f"Set `endpoint='{family}'` to use this hostname.")
    if region is not None and host_region != region:
        raise OpenAIError(f"The Bedrock endpoint region `{host_region}` does not match the configured AWS region "
                          f"`{region}`.")


def default_base_url(endpoint: BedrockEndpoint, region: str) -> URL:
    host = f"bedrock-runtime.{region}.{_suffixes(region)[0]}" if endpoint == "runtime" else \
        f"bedrock-mantle.{region}.api.aws"
    return URL(f"https://{host}/openai/v1")


def _environment_token() -> str:
    token = os.environ.get("AWS_BEARER_TOKEN_BEDROCK")
    if not token:
        raise OpenAIError(_NO_CREDENTIALS)
    return token


@dataclass(frozen=True)
class BedrockDefinition:
    endpoint: BedrockEndpoint
    region: str | None
    base_url: URL | None
    api_key: str | None = field(default=None, repr=False)
    token_provider: BedrockTokenProvider | None = field(default=None, repr=False)
    environment_bearer: bool = False
    profile: str | None = None
    access_key_id: str | None = field(default=None, repr=False)
    secret_access_key: str | None = field(default=None, repr=False)
    session_token: str | None = field(default=None, repr=False)
    credential_provider: Callable[[], object] | None = field(default=None, repr=False)
    name: str = field(default="bedrock", init=False)

    def configure(self) -> tuple[BedrockConfig, BedrockTokenProvider | None]:
        """The legacy client's configuration this provider stands for, with the token provider to ask per
        request (the environment's token is read per request, as the official provider reads it)."""
        service = "bedrock" if self.endpoint == "runtime" else "bedrock-mantle"
        region = self.region
        token_provider = self.token_provider or (_environment_token if self.environment_bearer else None)
        mode = "bearer" if self.api_key is not None else "token_provider" if token_provider is not None else "aws"
        if mode == "aws" and region is None:
            # As botocore would: the profile's region once the environment has none.
            region = clean(os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))
            if region is None:
                try:
                    region = clean(cast("str | None", botocore_session(self.profile).get_config_variable("region")))
                except OpenAIError:
                    raise
                except Exception:
                    raise OpenAIError("Failed to resolve AWS credentials for Bedrock. Verify your AWS profile, "
                                      "environment variables, or runtime identity configuration and try "
                                      "again.") from None
                if region is None:
                    raise OpenAIError(NO_REGION)
            checked_region(region)
        if self.base_url is not None:
            url = self.base_url
            if mode == "aws":
                _check_canonical(url, self.endpoint, region)
        elif region is not None:
            url = default_base_url(self.endpoint, region)
        else:
            raise OpenAIError(NO_REGION)
        config = BedrockConfig(base_url=str(url).rstrip("/"), region=region, mode=mode, api_key=self.api_key,
                               service=service)
        return config, token_provider


def bedrock(
    *,
    endpoint: BedrockEndpoint | None = None,
    region: str | None = None,
    base_url: str | URL | NotGiven | None = NOT_GIVEN,
    api_key: str | NotGiven | None = NOT_GIVEN,
    token_provider: BedrockTokenProvider | None = None,
    access_key_id: str | None = None,
    secret_access_key: str | None = None,
    session_token: str | None = None,
    profile: str | None = None,
    credential_provider: Callable[[], object] | None = None,
) -> Provider:
    """Amazon Bedrock (Mantle or Runtime) for ``AsyncOpenAI(provider=bedrock(...))``: a bearer credential
    (``api_key``, ``token_provider``, else ``AWS_BEARER_TOKEN_BEDROCK``) or AWS credentials signing every
    request with SigV4 (the ``bedrock`` extra): static keys, a ``profile``, a ``credential_provider`` or the
    default chain. The region is ``region``, else ``AWS_REGION`` / ``AWS_DEFAULT_REGION``."""
    if endpoint is not None and endpoint not in ("mantle", "runtime"):
        raise OpenAIError("The Bedrock `endpoint` must be either `mantle` or `runtime`.")
    clean_region = clean(region)
    if region is not None and clean_region is None:
        raise OpenAIError("The Bedrock AWS `region` must not be empty.")
    checked_region(clean_region)

    configured: URL | None = None
    if isinstance(base_url, NotGiven):
        from_env = clean(os.environ.get("AWS_BEDROCK_BASE_URL"))
        configured = _api_root(from_env) if from_env else None
    elif base_url is not None:
        if isinstance(base_url, str) and not base_url.strip():
            raise OpenAIError("The Bedrock `base_url` must not be empty.")
        configured = _api_root(base_url)
    found = _canonical(configured.host or "") if configured is not None else None
    chosen: BedrockEndpoint = endpoint or (found[0] if found is not None else "mantle")

    clean_profile = clean(profile)
    if profile is not None and clean_profile is None:
        raise OpenAIError("The Bedrock AWS `profile` must not be empty.")
    if (access_key_id is None) != (secret_access_key is None) or (session_token is not None and access_key_id is None):
        raise OpenAIError("Static AWS credentials require both `access_key_id` and `secret_access_key`. "
                          "A `session_token` may only be used with both.")
    if access_key_id is not None and (not access_key_id.strip() or not (secret_access_key or "").strip()):
        raise OpenAIError("Static AWS credentials require non-empty `access_key_id` and `secret_access_key` values.")
    if session_token is not None and not session_token.strip():
        raise OpenAIError("A static AWS `session_token` must not be empty when provided.")

    key = None if isinstance(api_key, NotGiven) else api_key
    if key is not None and (not isinstance(key, str) or not key.strip()):
        raise OpenAIError("The Bedrock bearer credential must not be empty.")
    if key is not None and token_provider is not None:
        raise OpenAIError("The `api_key` and `token_provider` options are mutually exclusive. Configure only one.")
    bearer = key is not None or token_provider is not None
    aws_modes = (access_key_id is not None) + (clean_profile is not None) + (credential_provider is not None)
    if aws_modes > 1:
        raise OpenAIError("Bedrock authentication is ambiguous. Configure exactly one explicit AWS mode: static "
                          "credentials, profile, or credential provider.")
    if bearer and aws_modes:
        raise OpenAIError(AMBIGUOUS)
    environment_bearer = (not bearer and not aws_modes and api_key is not None
                          and bool(os.environ.get("AWS_BEARER_TOKEN_BEDROCK")))

    # A bearer credential with its own URL needs no region; anything else takes the environment's.
    if clean_region is None and (configured is None or not (bearer or environment_bearer)):
        clean_region = checked_region(clean(os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")))
    if configured is not None:
        _check_canonical(configured, chosen, clean_region)
    return new_provider(BedrockDefinition(
        endpoint=chosen, region=clean_region, base_url=configured, api_key=key, token_provider=token_provider,
        environment_bearer=environment_bearer, profile=clean_profile, access_key_id=access_key_id,
        secret_access_key=secret_access_key, session_token=session_token, credential_provider=credential_provider,
    ))
