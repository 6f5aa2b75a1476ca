"""What the async and sync Bedrock clients share: resolving the credential, region and base URL the way the
official SDK's ``BedrockOpenAI`` does, and SigV4 signing through botocore (the ``bedrock`` extra).

Modes, exactly one: a bearer credential (``api_key``, a ``bedrock_token_provider``, or
``AWS_BEARER_TOKEN_BEDROCK`` when nothing else is configured), or AWS credentials (static keys, a profile, a
credentials provider, or botocore's default chain) signing each request with SigV4 for the service
``bedrock-mantle`` (or ``bedrock`` on a ``bedrock-runtime`` host). The base URL is ``base_url``, else
``AWS_BEDROCK_BASE_URL``, else ``https://bedrock-mantle.{region}.api.aws/openai/v1``; the region is
``aws_region``, else ``AWS_REGION`` / ``AWS_DEFAULT_REGION``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from yarl import URL

from .._exceptions import OpenAIError

__all__ = ["BedrockConfig", "SigV4Signer", "botocore_session", "resolve_bedrock"]

AMBIGUOUS = ("Bedrock authentication is ambiguous. Configure exactly one explicit mode: bearer credential, "
             "static AWS credentials, profile, or credential provider.")
REGION = re.compile(r"^[a-z]{2,8}(?:-[a-z0-9]+)+-\d+$")
NO_REGION = ("Bedrock requires an AWS region. Pass `region` to `bedrock(...)`, or set `AWS_REGION` or "
             "`AWS_DEFAULT_REGION`.")
SIGNING_HEADERS = ("authorization", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token")


@dataclass(frozen=True)
class BedrockConfig:
    base_url: str
    region: str | None
    mode: str  # "bearer" | "token_provider" | "aws"
    api_key: str | None = field(default=None, repr=False)
    service: str = "bedrock-mantle"


def clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def checked_region(region: str | None) -> str | None:
    if region is not None and REGION.fullmatch(region) is None:
        raise OpenAIError("The Bedrock AWS `region` is invalid. Use a standard AWS region such as `us-east-1`.")
    return region


def _service_of(host: str) -> str | None:
    service, _, rest = host.lower().partition(".")
    region, _, _suffix = rest.partition(".")
    if REGION.fullmatch(region) is None:
        return None
    if service == "bedrock-mantle":
        return "bedrock-mantle"
    if service in ("bedrock-runtime", "bedrock-runtime-fips"):
        return "bedrock"
    return None


def resolve_bedrock(
    *,
    api_key: str | None,
    token_provider: object | None,
    aws_region: str | None,
    aws_profile: str | None,
    aws_access_key_id: str | None,
    aws_secret_access_key: str | None,
    aws_session_token: str | None,
    aws_credentials_provider: object | None,
    base_url: str | URL | None,
) -> BedrockConfig:
    if api_key == "":
        raise OpenAIError("The `api_key` argument must not be empty.")
    explicit_aws = any(v is not None for v in (aws_profile, aws_access_key_id, aws_secret_access_key,
                                                  aws_session_token, aws_credentials_provider))
    if api_key is not None and token_provider is not None:
        raise OpenAIError(AMBIGUOUS)
    if (api_key is not None or token_provider is not None) and explicit_aws:
        raise OpenAIError(AMBIGUOUS)
    if (aws_access_key_id is None) != (aws_secret_access_key is None) or (
            aws_session_token is not None and aws_access_key_id is None):
        raise OpenAIError("Static AWS credentials require both `access_key_id` and `secret_access_key`. "
                          "A `session_token` may only be used with both.")
    environment_token = os.environ.get("AWS_BEARER_TOKEN_BEDROCK")
    mode = "aws"
    if api_key is not None:
        mode = "bearer"
    elif token_provider is not None:
        mode = "token_provider"
    elif not explicit_aws and environment_token:
        mode, api_key = "bearer", environment_token
    region = checked_region(clean(aws_region) or clean(os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")))
    configured = str(base_url) if base_url is not None else clean(os.environ.get("AWS_BEDROCK_BASE_URL"))
    if configured:
        url = str(base_url if base_url is not None else configured).rstrip("/")
        service = _service_of(URL(url).host or "") or "bedrock-mantle"
    elif region is not None:
        url, service = f"https://bedrock-mantle.{region}.api.aws/openai/v1", "bedrock-mantle"
    else:
        raise OpenAIError(NO_REGION)
    if mode == "aws" and region is None:
        raise OpenAIError("Bedrock SigV4 signing requires an AWS region: pass `aws_region`, or set `AWS_REGION`.")
    return BedrockConfig(base_url=url, region=region, mode=mode, api_key=api_key, service=service)


def _botocore() -> tuple[Any, Any, Any, Any]:
    try:
        from botocore.auth import SigV4Auth  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from botocore.awsrequest import AWSRequest  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from botocore.credentials import Credentials  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from botocore.session import Session  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:
        raise OpenAIError("Bedrock AWS authentication requires optional AWS dependencies. Install them with "
                          "`pip install openai-core[bedrock]` and try again.") from exc
    return SigV4Auth, AWSRequest, Credentials, Session


def botocore_session(profile: str | None) -> Any:
    return _botocore()[3](profile=profile)


class SigV4Signer:
    """Signs one request's method, URL, headers and body with SigV4 (botocore), credentials resolved once:
    static keys, a provider called per request, or the profile's / default chain's."""

    def __init__(self, config: BedrockConfig, *, profile: str | None, access_key_id: str | None,
                 secret_access_key: str | None, session_token: str | None,
                 credentials_provider: Callable[[], object] | None) -> None:
        self._sigv4, self._request_class, credentials_class, session_class = _botocore()
        self._config = config
        self._provider = credentials_provider
        self._static = (credentials_class(access_key_id, secret_access_key, session_token)
                        if access_key_id is not None else None)
        self._session = session_class(profile=profile) if self._static is None and credentials_provider is None \
            else None

    def sign(self, method: str, url: str, headers: Mapping[str, str], body: bytes | None) -> dict[str, str]:
        credentials: Any = (self._provider() if self._provider is not None
                            else self._static or (self._session.get_credentials() if self._session else None))
        if credentials is None:
            raise OpenAIError("Could not find credentials for Bedrock. Pass a bearer credential or AWS credentials to "
                              "`bedrock(...)`, set `AWS_BEARER_TOKEN_BEDROCK`, or configure the default AWS "
                              "credential chain.")
        frozen = getattr(credentials, "get_frozen_credentials", None)
        if callable(frozen):
            credentials = frozen()
        unsigned = {name: value for name, value in headers.items() if name.lower() not in SIGNING_HEADERS}
        unsigned["X-Amz-Content-SHA256"] = hashlib.sha256(body or b"").hexdigest()
        request = self._request_class(method=method, url=url, data=body, headers=unsigned)
        self._sigv4(credentials, self._config.service, self._config.region).add_auth(request)
        return dict(request.headers.items())
