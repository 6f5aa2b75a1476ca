"""``AsyncBedrockOpenAI`` / ``BedrockOpenAI`` against the official SDK's Bedrock clients: bearer credentials
(a key, a token provider, the environment) compared request by request, the base URL derived from the
region, and SigV4 with fixed credentials and clock: the signature verified over the request as received and
its signed headers compared with the official SDK's, on both transports."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import openai
import pytest

import openai_core

from ._recorder import Recorded, Recorder
from .test_azure import record, view
from .test_wire import plain

ENV = ("AWS_BEARER_TOKEN_BEDROCK", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_BEDROCK_BASE_URL", "AWS_PROFILE",
       "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "OPENAI_API_KEY", "OPENAI_BASE_URL")
FIXED = datetime.datetime(2026, 8, 21, 12, 0, 0)
KEYS = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def base(recorder: Recorder) -> str:
    return recorder.base_url.removesuffix("/v1") + "/openai/v1"


async def calls(client: Any) -> list[Any]:
    return [
        await client.chat.completions.create(model="openai.gpt-oss-120b", messages=[{"role": "user", "content": "Hi"}]),
        await client.responses.create(model="openai.gpt-oss-120b", input="Hi"),
        await client.models.list(),
    ]


BEARER = {
    "api_key": lambda: {"api_key": "bedrock-key"},
    "token_provider": lambda: {"bedrock_token_provider": lambda: "fresh-token"},
}


@pytest.mark.parametrize("mode", sorted(BEARER))
async def test_bearer_requests_match_the_official_client(mode: str, transport: str, recorder: Recorder) -> None:
    options = {**BEARER[mode](), "base_url": base(recorder), "aws_region": "us-east-1", "max_retries": 0}
    theirs, their_result = await record(recorder, openai.AsyncBedrockOpenAI(**options), calls)
    ours, our_result = await record(recorder, openai_core.AsyncBedrockOpenAI(transport=transport, **options), calls)
    assert [view(r) for r in ours] == [view(r) for r in theirs]
    assert [plain(r) for r in our_result] == [plain(r) for r in their_result]
    assert ours[0].raw_path == "/openai/v1/chat/completions"
    assert ours[0].headers["authorization"] == ("Bearer bedrock-key" if mode == "api_key" else "Bearer fresh-token")


async def test_an_async_token_provider_is_asked_every_request(transport: str, recorder: Recorder) -> None:
    tokens = iter(["t1", "t2"])

    async def provider() -> str:
        return next(tokens)

    client = openai_core.AsyncBedrockOpenAI(bedrock_token_provider=provider, base_url=base(recorder),
                                            transport=transport)

    async def two(c: Any) -> Any:
        return [await c.models.list(), await c.models.list()]

    sent, _ = await record(recorder, client, two)
    assert [r.headers["authorization"] for r in sent] == ["Bearer t1", "Bearer t2"]


def test_environment_and_derived_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "env-token")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    theirs = openai.AsyncBedrockOpenAI()
    ours = openai_core.AsyncBedrockOpenAI()
    assert str(ours.base_url).rstrip("/") == str(theirs.base_url).rstrip("/") == \
        "https://bedrock-mantle.eu-west-1.api.aws/openai/v1"
    assert ours.api_key == theirs.api_key == "env-token"
    monkeypatch.setenv("AWS_BEDROCK_BASE_URL", "https://proxy.example/openai/v1")
    assert str(openai_core.AsyncBedrockOpenAI().base_url) == "https://proxy.example/openai/v1"


BAD = [
    ({"api_key": "k", "bedrock_token_provider": lambda: "t", "aws_region": "us-east-1"}, "ambiguous"),
    ({"api_key": "k", "aws_profile": "dev", "aws_region": "us-east-1"}, "ambiguous"),
    ({"api_key": "", "aws_region": "us-east-1"}, "must not be empty"),
    ({"api_key": "k"}, "requires an AWS region"),
    ({"api_key": "k", "aws_region": "moon-1"}, "region"),
    ({"aws_access_key_id": "AKID", "aws_region": "us-east-1"}, "Static AWS credentials"),
]


@pytest.mark.parametrize(("options", "message"), BAD, ids=[m for _, m in BAD])
def test_configuration_errors_match(options: dict[str, Any], message: str) -> None:
    with pytest.raises(openai.OpenAIError) as theirs:
        openai.AsyncBedrockOpenAI(**options)
    with pytest.raises(openai_core.OpenAIError) as ours:
        openai_core.AsyncBedrockOpenAI(**options)
    assert message in str(ours.value)
    assert message in str(theirs.value)


# -- SigV4 ------------------------------------------------------------------------------------------------


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    auth = pytest.importorskip("botocore.auth", reason="SigV4 needs the bedrock extra (botocore)")
    monkeypatch.setattr(auth, "get_current_datetime", lambda: FIXED)


def recomputed(request: Recorded, credentials: dict[str, str], service: str, region: str) -> str:
    """The SigV4 ``Authorization`` botocore computes over the request as the server received it, signing the
    headers the request says it signed: what a verifier on the server side does."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    signed = request.headers["authorization"].split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";")
    headers = {name: request.headers[name] for name in signed if name != "host"}
    query = f"?{request.raw_query}" if request.raw_query else ""
    url = f"http://{request.headers['host']}{request.raw_path}{query}"
    aws = AWSRequest(method=request.method, url=url, data=request.body or None, headers=headers)
    SigV4Auth(Credentials(credentials["aws_access_key_id"], credentials["aws_secret_access_key"],
                          credentials.get("aws_session_token")), service, region).add_auth(aws)
    return str(aws.headers["Authorization"])


# Signed by one side only, on purpose: openai_core's Idempotency-Key, the official SDK's telemetry, and the
# two headers httpx sets before the official SDK signs but our transports set after openai_core signs (the
# body is covered by x-amz-content-sha256 either way).
NOT_COMPARED = {"idempotency-key", "accept-encoding", "content-length"}


def signed_headers(request: Recorded) -> set[str]:
    names = request.headers["authorization"].split("SignedHeaders=", 1)[1].split(",", 1)[0].split(";")
    return {n for n in names if n not in NOT_COMPARED and not n.startswith("x-stainless-")}


@pytest.mark.parametrize("session_token", [None, "FQoGZXIvYXdzEXAMPLE"])
async def test_sigv4_signature_is_valid_and_signs_what_the_official_client_signs(
    session_token: str | None, transport: str, recorder: Recorder, fixed_clock: None
) -> None:
    credentials = {**KEYS, **({"aws_session_token": session_token} if session_token else {})}
    options = {**credentials, "aws_region": "us-west-2", "base_url": base(recorder), "max_retries": 0}
    theirs, _ = await record(recorder, openai.AsyncBedrockOpenAI(**options), calls)
    ours, _ = await record(recorder, openai_core.AsyncBedrockOpenAI(transport=transport, **options), calls)
    for mine, official in zip(ours, theirs, strict=True):
        assert mine.headers["authorization"].startswith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260821/us-west-2/bedrock-mantle/aws4_request")
        assert mine.headers["authorization"] == recomputed(mine, credentials, "bedrock-mantle", "us-west-2")
        assert official.headers["authorization"] == recomputed(official, credentials, "bedrock-mantle", "us-west-2")
        assert signed_headers(mine) == signed_headers(official)
        for name in ("x-amz-date", "x-amz-content-sha256", "x-amz-security-token"):
            assert mine.headers.get(name) == official.headers.get(name)
        assert view(mine)["path"] == view(official)["path"]
        assert view(mine)["body"] == view(official)["body"]


async def test_sigv4_copies_keep_signing_and_a_streamed_upload_is_refused(
    transport: str, recorder: Recorder, fixed_clock: None, tmp_path: Any
) -> None:
    client = openai_core.AsyncBedrockOpenAI(**KEYS, aws_region="us-west-2", base_url=base(recorder),
                                            transport=transport, max_retries=0)
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * (5 * 1024 * 1024))  # over the 4 MiB a form is buffered up to: streamed
    recorder.take()
    async with client:
        with pytest.raises(openai_core.OpenAIError, match="replayable request body"):
            await client.files.create(file=big, purpose="batch")
        copy = client.with_options(max_retries=0)
        await copy.models.list()
    sent = recorder.take()
    assert len(sent) == 1 and sent[0].headers["authorization"].startswith("AWS4-HMAC-SHA256")


async def test_copy_takes_the_client_options_and_a_new_credential(
    transport: str, recorder: Recorder, fixed_clock: None
) -> None:
    client = openai_core.AsyncBedrockOpenAI(**KEYS, aws_region="us-west-2", base_url=base(recorder),
                                            transport=transport, max_retries=0, default_headers={"X-Kept": "1"})
    async with client:
        bounded = client.with_options(max_response_bytes=10, max_event_bytes=20, set_default_headers={"X-Set": "2"})
        assert (bounded.max_response_bytes, bounded.max_event_bytes) == (10, 20)
        assert bounded.transport is client.transport  # the pool is shared, the signing is the copy's own
        bearer = client.with_options(api_key="switched-key")
        recorder.take()
        with pytest.raises(openai_core.APIResponseValidationError):
            await bounded.models.list()  # the listing is longer than 10 bytes
        await bearer.models.list()
        signed, plain_bearer = recorder.take()
    assert signed.headers["authorization"].startswith("AWS4-HMAC-SHA256") and signed.headers["x-set"] == "2"
    assert "x-kept" not in signed.headers
    assert plain_bearer.headers["authorization"] == "Bearer switched-key" and plain_bearer.headers["x-kept"] == "1"
    with pytest.raises(TypeError):
        client.with_options(no_such_option=1)  # type: ignore[call-arg]


def test_sync_client_bearer(recorder: Recorder) -> None:
    options = {"api_key": "bedrock-key", "base_url": base(recorder)}

    def run(client: Any) -> list[Recorded]:
        recorder.take()
        with client:
            client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}])
        return recorder.take()

    assert [view(r) for r in run(openai_core.BedrockOpenAI(**options))] == \
        [view(r) for r in run(openai.BedrockOpenAI(**options))]
