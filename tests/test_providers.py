"""``AsyncOpenAI(provider=...)`` / ``OpenAI(provider=...)`` with ``openai_core.providers.vertex`` / ``bedrock``
against the official SDK's own ``provider=`` clients: the requests (path, query, ``Authorization``, SigV4 with
fixed credentials and clock, ``x-goog-api-client``, every other header) plain and streamed, on every transport
and on the sync client; the factories' errors (same message), the client's refusals, ``copy`` /
``with_options(provider=...)``, and handles and clients that show no secret."""

from __future__ import annotations

import asyncio
import pickle
from collections.abc import Iterator
from typing import Any

import openai
import openai.providers
import pytest
from google.oauth2.credentials import Credentials

import openai_core
import openai_core.providers

from ._recorder import Recorded, Recorder
from .test_azure import record
from .test_bedrock import KEYS, fixed_clock, recomputed, signed_headers
from .test_vertex import ROOT, same
from .test_wire import plain

__all__ = ["fixed_clock"]  # a fixture, used by name

ENV = ("AWS_BEARER_TOKEN_BEDROCK", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_BEDROCK_BASE_URL", "AWS_PROFILE",
       "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE",
       "AWS_SHARED_CREDENTIALS_FILE", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION",
       "GOOGLE_APPLICATION_CREDENTIALS", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID")
AWS = {"access_key_id": KEYS["aws_access_key_id"], "secret_access_key": KEYS["aws_secret_access_key"]}
SECRETS = ("bedrock-key", KEYS["aws_secret_access_key"], "ya29.secret-token")


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    # No ~/.aws on the machine may lend a region or credentials to either SDK.
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))


def both(factory: str, **config: Any) -> tuple[Any, Any]:
    """The official provider handle and ours, from the same arguments."""
    return getattr(openai.providers, factory)(**config), getattr(openai_core.providers, factory)(**config)


def bedrock_root(recorder: Recorder) -> str:
    return recorder.base_url.removesuffix("/v1") + "/openai/v1"


async def calls(client: Any) -> list[Any]:
    stream = await client.chat.completions.create(model="m", stream=True, messages=[{"role": "user", "content": "Hi"}])
    return [
        await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}],
                                             extra_query={"trace": "1"}),
        [chunk async for chunk in stream],
        await client.responses.create(model="m", input="Hi"),
    ]


def assert_same_results(ours: list[Any], theirs: list[Any]) -> None:
    assert [plain(ours[0]), plain(ours[2])] == [plain(theirs[0]), plain(theirs[2])]
    assert [plain(c) for c in ours[1]] == [plain(c) for c in theirs[1]] != []


# -- the wire, every transport ----------------------------------------------------------------------------


CASES = {
    "vertex-credentials": lambda rec: ("vertex", {"base_url": rec.base_url.removesuffix("/v1") + ROOT,
                                                  "credentials": Credentials(token="ya29.secret-token")}),
    "bedrock-key": lambda rec: ("bedrock", {"base_url": bedrock_root(rec), "api_key": "bedrock-key"}),
    "bedrock-sigv4-mantle": lambda rec: ("bedrock", {"base_url": bedrock_root(rec), "region": "us-west-2", **AWS}),
    "bedrock-sigv4-runtime": lambda rec: ("bedrock", {"base_url": bedrock_root(rec), "region": "us-west-2",
                                                      "endpoint": "runtime", "session_token": "FQoGEXAMPLE", **AWS}),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_requests_match_the_official_provider_client(
    case: str, transport: str, recorder: Recorder, fixed_clock: None
) -> None:
    factory, config = CASES[case](recorder)
    official, mine = both(factory, **config)
    theirs, their_result = await record(recorder, openai.AsyncOpenAI(provider=official, max_retries=0), calls)
    ours, our_result = await record(
        recorder, openai_core.AsyncOpenAI(provider=mine, max_retries=0, transport=transport), calls)
    assert_same_results(our_result, their_result)
    assert [r.raw_query for r in ours] == [r.raw_query for r in theirs] == ["", "trace=1", ""]
    if "sigv4" not in case:
        assert [same(r) for r in ours] == [same(r) for r in theirs]
        expected = "Bearer ya29.secret-token" if factory == "vertex" else "Bearer bedrock-key"
        assert [r.headers["authorization"] for r in ours] == [expected] * 3
        if factory == "vertex":
            assert ours[0].headers["x-goog-api-client"] == theirs[0].headers["x-goog-api-client"]
        return
    service = "bedrock" if "runtime" in case else "bedrock-mantle"
    credentials = {**KEYS, **({"aws_session_token": config["session_token"]} if "session_token" in config else {})}
    for mine_sent, their_sent in zip(ours, theirs, strict=True):
        assert mine_sent.headers["authorization"].startswith(
            f"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260821/us-west-2/{service}/aws4_request")
        assert mine_sent.headers["authorization"] == recomputed(mine_sent, credentials, service, "us-west-2")
        assert their_sent.headers["authorization"] == recomputed(their_sent, credentials, service, "us-west-2")
        assert signed_headers(mine_sent) == signed_headers(their_sent)
        for name in ("x-amz-date", "x-amz-content-sha256", "x-amz-security-token"):
            assert mine_sent.headers.get(name) == their_sent.headers.get(name)
        assert (mine_sent.raw_path, mine_sent.json()) == (their_sent.raw_path, their_sent.json())


def test_sync_clients_match_the_official_provider_clients(recorder: Recorder, fixed_clock: None) -> None:
    def run(client: Any) -> list[Recorded]:
        recorder.take()
        with client:
            client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}])
            list(client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}], stream=True))
        return recorder.take()

    for case in ("vertex-credentials", "bedrock-key", "bedrock-sigv4-runtime"):
        factory, config = CASES[case](recorder)
        official, mine = both(factory, **config)
        client = openai_core.OpenAI(provider=mine)
        assert isinstance(client, openai_core.OpenAI) and client.api_key == ""
        ours, theirs = run(client), run(openai.OpenAI(provider=official))
        if "sigv4" in case:
            credentials = {**KEYS, "aws_session_token": config["session_token"]}
            assert [signed_headers(r) for r in ours] == [signed_headers(r) for r in theirs]
            assert [r.headers["authorization"] for r in ours] == \
                [recomputed(r, credentials, "bedrock", "us-west-2") for r in ours]
        else:
            assert [same(r) for r in ours] == [same(r) for r in theirs]


async def test_bedrock_environment_token_is_read_every_request(
    transport: str, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "env-1")
    client = openai_core.AsyncOpenAI(provider=openai_core.providers.bedrock(base_url=bedrock_root(recorder)),
                                     transport=transport)

    async def two(c: Any) -> Any:
        await c.models.list()
        monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "env-2")
        return await c.models.list()

    sent, _ = await record(recorder, client, two)
    assert [r.headers["authorization"] for r in sent] == ["Bearer env-1", "Bearer env-2"]
    refused = openai_core.AsyncOpenAI(provider=openai_core.providers.bedrock(base_url=bedrock_root(recorder),
                                                                             api_key="k"), transport=transport)
    async with refused:
        with pytest.raises(openai_core.OpenAIError, match="custom `Authorization` header"):
            await refused.models.list(extra_headers={"Authorization": "Bearer mine"})
    assert recorder.take() == []


# -- configuration: URLs, environment, errors -------------------------------------------------------------


def base_url(client: Any) -> str:
    return str(client.base_url).rstrip("/")


SETTLED = [  # (environment, factory, arguments): the client's base URL and region must be the official one
    ({}, "vertex", {"project": "p", "location": "global", "token_provider": lambda: "t"}),
    ({"GOOGLE_CLOUD_PROJECT": "env-p", "GOOGLE_CLOUD_LOCATION": "europe-west4"}, "vertex", {"credentials": None}),
    ({}, "bedrock", {"region": "us-east-1", "api_key": "k"}),
    ({}, "bedrock", {"region": "us-east-1", "api_key": "k", "endpoint": "runtime"}),
    ({}, "bedrock", {"region": "cn-north-1", **AWS, "endpoint": "runtime"}),
    ({"AWS_REGION": "eu-west-1", "AWS_BEARER_TOKEN_BEDROCK": "e"}, "bedrock", {}),
    ({"AWS_DEFAULT_REGION": "ap-south-1"}, "bedrock", {**AWS}),
    ({"AWS_BEDROCK_BASE_URL": "https://proxy.example/openai/v1/responses", "AWS_BEARER_TOKEN_BEDROCK": "e"},
     "bedrock", {}),
    ({"AWS_BEDROCK_BASE_URL": "https://proxy.example/v1", "AWS_REGION": "us-east-2"}, "bedrock",
     {"base_url": None, "api_key": "k"}),
    ({}, "bedrock", {"base_url": "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1", "api_key": "k"}),
]


@pytest.mark.parametrize(("env", "factory", "config"), SETTLED)
def test_urls_and_regions_match(env: dict[str, str], factory: str, config: dict[str, Any],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    official, mine = both(factory, **config)
    theirs, ours = openai.AsyncOpenAI(provider=official), openai_core.AsyncOpenAI(provider=mine)
    assert base_url(ours) == base_url(theirs)
    assert ours.api_key == theirs.api_key == "" and ours.organization is None and ours.project is None
    if factory == "bedrock":
        assert ours.aws_region == theirs._provider_runtime.region


FACTORY_ERRORS = [
    ("vertex", {}, {}),
    ("vertex", {"project": "p"}, {}),
    ("vertex", {"project": "bad/proj", "location": "us-central1"}, {}),
    ("vertex", {"project": "p", "location": "l", "token_provider": lambda: "t", "credentials": object()}, {}),
    ("vertex", {"base_url": "http://user:pw@example.com/v1"}, {}),
    ("vertex", {"base_url": "http://us-central1-aiplatform.googleapis.com/v1"}, {}),
    ("bedrock", {"endpoint": "edge"}, {}),
    ("bedrock", {"region": " "}, {}),
    ("bedrock", {"region": "moon-1"}, {}),
    ("bedrock", {"base_url": " "}, {}),
    ("bedrock", {"api_key": " "}, {}),
    ("bedrock", {"api_key": "k", "token_provider": lambda: "t"}, {}),
    ("bedrock", {"access_key_id": "AKID"}, {}),
    ("bedrock", {"access_key_id": " ", "secret_access_key": "s"}, {}),
    ("bedrock", {**AWS, "session_token": " "}, {}),
    ("bedrock", {"profile": " "}, {}),
    ("bedrock", {**AWS, "profile": "dev"}, {}),
    ("bedrock", {"api_key": "k", "profile": "dev"}, {}),
    ("bedrock", {"base_url": "http://bedrock-mantle.us-east-1.api.aws/openai/v1", "api_key": "k"}, {}),
    ("bedrock", {"base_url": "https://bedrock-mantle.us-east-1.api.aws/v1", "endpoint": "runtime", "api_key": "k"},
     {}),
    ("bedrock", {"base_url": "https://bedrock-mantle.us-east-1.api.aws/v1", "region": "us-west-2", "api_key": "k"},
     {}),
    ("bedrock", {}, {"AWS_REGION": "not a region"}),
]


@pytest.mark.parametrize(("factory", "config", "env"), FACTORY_ERRORS)
def test_factory_errors_match(factory: str, config: dict[str, Any], env: dict[str, str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(openai.OpenAIError) as theirs:
        getattr(openai.providers, factory)(**config)
    with pytest.raises(openai_core.OpenAIError) as ours:
        getattr(openai_core.providers, factory)(**config)
    assert str(ours.value) == str(theirs.value)


CLIENT_ERRORS = [  # accepted by the factory, refused when the client is made
    ("bedrock", {"api_key": "k"}, {}),
    ("bedrock", {"region": "us-east-1", "api_key": "k"}, {"api_key": "sk-x"}),
    ("bedrock", {"region": "us-east-1", "api_key": "k"}, {"api_key": "sk-x", "base_url": "https://x.example/v1"}),
    ("vertex", {"project": "p", "location": "l", "token_provider": lambda: "t"}, {"base_url": "https://x.example"}),
]


@pytest.mark.parametrize(("factory", "config", "options"), CLIENT_ERRORS)
def test_client_errors_match(factory: str, config: dict[str, Any], options: dict[str, Any]) -> None:
    official, mine = both(factory, **config)
    with pytest.raises(openai.OpenAIError) as theirs:
        openai.AsyncOpenAI(provider=official, **options)
    with pytest.raises(openai_core.OpenAIError) as ours:
        openai_core.AsyncOpenAI(provider=mine, **options)
    assert str(ours.value) == str(theirs.value)


def test_handles_are_opaque_and_only_factories_make_them() -> None:
    handles = [openai_core.providers.bedrock(region="us-east-1", api_key="bedrock-key"),
               openai_core.providers.bedrock(region="us-east-1", **AWS),
               openai_core.providers.vertex(project="p", location="l", token_provider=lambda: "ya29.secret-token")]
    for handle in handles:
        client = openai_core.AsyncOpenAI(provider=handle)
        shown = [repr(handle), str(handle), repr(client), repr(vars(client).get("_bedrock")), str(client.default_headers)]
        assert not [secret for secret in SECRETS for text in shown if secret in text]
        assert not hasattr(handle, "__dict__")
        with pytest.raises(TypeError):
            pickle.dumps(handle)
    for forged in (openai_core.providers.Provider(), object(), openai.providers.vertex(project="p", location="l")):
        with pytest.raises(openai_core.OpenAIError) as ours:
            openai_core.AsyncOpenAI(provider=forged)  # type: ignore[arg-type]
        with pytest.raises(openai.OpenAIError) as theirs:
            openai.AsyncOpenAI(provider=openai._provider._Provider())
        assert str(ours.value) == str(theirs.value)


# -- copy / with_options ----------------------------------------------------------------------------------


async def test_copies_keep_change_and_drop_the_provider(transport: str, recorder: Recorder) -> None:
    key = openai_core.providers.bedrock(base_url=bedrock_root(recorder), api_key="bedrock-key")
    google = openai_core.providers.vertex(base_url=recorder.base_url.removesuffix("/v1") + ROOT,
                                          token_provider=lambda: "ya29.secret-token")
    client = openai_core.AsyncOpenAI(provider=key, organization="org-1", default_headers={"X-Kept": "1"},
                                     transport=transport, max_retries=0)
    kept = client.with_options(timeout=5)
    moved = client.with_options(provider=google)
    plain_again = client.copy(provider=None, api_key="sk-plain", base_url=recorder.base_url)
    back = plain_again.with_options(provider=key)
    assert kept.transport is moved.transport is plain_again.transport is client.transport
    assert (kept.organization, moved.organization, back.organization) == ("org-1", None, None)
    assert type(plain_again) is openai_core.AsyncOpenAI and plain_again.api_key == "sk-plain"
    with pytest.raises(openai_core.OpenAIError, match="cannot be combined with top-level `api_key`"):
        client.with_options(api_key="sk-x")
    recorder.take()
    for each in (kept, moved, plain_again, back):
        await each.models.list()
    await client.close()
    sent = recorder.take()
    assert [r.headers["authorization"] for r in sent] == \
        ["Bearer bedrock-key", "Bearer ya29.secret-token", "Bearer sk-plain", "Bearer bedrock-key"]
    assert [r.headers.get("x-kept") for r in sent] == ["1", None, None, None]  # a new provider (None too): afresh
    assert [r.headers.get("openai-organization") for r in sent] == ["org-1", None, None, None]
    assert sent[1].raw_path == ROOT + "/models"


def test_copies_match_the_official_client() -> None:
    config = {"region": "us-east-1", "api_key": "k"}
    (official, mine), (official_2, mine_2) = both("bedrock", **config), both("vertex", project="p", location="l",
                                                                              token_provider=lambda: "t")
    theirs = openai.OpenAI(provider=official, organization="org-1", default_headers={"X-Kept": "1"})
    ours = openai_core.OpenAI(provider=mine, organization="org-1", default_headers={"X-Kept": "1"})
    for change in ({"max_retries": 1}, {"provider": "other"}, {"provider": None, "api_key": "sk"}):
        change = {**change, "provider": official_2} if change.get("provider") == "other" else change
        mine_change = {**change, "provider": mine_2} if change.get("provider") is official_2 else change
        their_copy, our_copy = theirs.with_options(**change), ours.with_options(**mine_change)
        assert base_url(our_copy) == base_url(their_copy)
        assert (our_copy.api_key, our_copy.organization) == (their_copy.api_key, their_copy.organization)
        assert ("X-Kept" in our_copy.default_headers) == ("X-Kept" in their_copy.default_headers)
    legacy = {"azure": openai_core.AzureOpenAI(api_key="k", azure_endpoint="https://x.example", api_version="v"),
              "bedrock": openai_core.BedrockOpenAI(api_key="k", aws_region="us-east-1")}
    official_legacy = {"azure": openai.AzureOpenAI(api_key="k", azure_endpoint="https://x.example", api_version="v"),
                       "bedrock": openai.BedrockOpenAI(api_key="k", aws_region="us-east-1")}
    for name, client in legacy.items():
        with pytest.raises(openai_core.OpenAIError) as ours_error:
            client.with_options(provider=mine)
        with pytest.raises(openai.OpenAIError) as theirs_error:
            official_legacy[name].with_options(provider=official)
        assert str(ours_error.value) == str(theirs_error.value)


def test_the_sync_client_refuses_an_async_token_provider() -> None:
    async def token() -> str:
        return "t"

    for factory, config in (("bedrock", {"base_url": "http://127.0.0.1:9/v1", "token_provider": token}),
                            ("vertex", {"base_url": "http://127.0.0.1:9/v1", "token_provider": token})):
        official, mine = both(factory, **config)
        with pytest.raises(openai.OpenAIError) as theirs:
            openai.OpenAI(provider=official, max_retries=0).models.list()
        with pytest.raises(openai_core.OpenAIError) as ours:
            openai_core.OpenAI(provider=mine, max_retries=0).models.list()
        assert str(ours.value) == str(theirs.value)


async def test_no_aws_credentials_anywhere_is_the_official_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # botocore's chain must not look beyond loopback
    for name in ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"):
        monkeypatch.delenv(name, raising=False)
    official, mine = both("bedrock", region="us-east-1", base_url="http://127.0.0.1:9/openai/v1")
    with pytest.raises(openai.OpenAIError) as theirs:
        async with openai.AsyncOpenAI(provider=official, max_retries=0) as client:
            await client.models.list()
    with pytest.raises(openai_core.OpenAIError) as ours:
        async with openai_core.AsyncOpenAI(provider=mine, max_retries=0) as our_client:
            await our_client.models.list()
    assert str(ours.value) == str(theirs.value)


def test_the_realtime_websocket_is_refused_without_a_caller_authorization() -> None:
    for factory, config in (("bedrock", {"region": "us-east-1", "api_key": "k"}),
                            ("vertex", {"project": "p", "location": "l", "token_provider": lambda: "t"})):
        official, mine = both(factory, **config)
        client = openai_core.AsyncOpenAI(provider=mine)
        with pytest.raises(openai_core.OpenAIError, match="not supported by WebSocket connections"):
            client.realtime.connect(model="gpt-realtime")
        manager = client.realtime.connect(model="gpt-realtime", extra_headers={"Authorization": "Bearer ek_1"})
        assert manager._request().headers["Authorization"] == "Bearer ek_1"
        assert client.realtime.client_secrets is not None  # the REST part stays
        with pytest.raises(openai.OpenAIError, match="not supported by WebSocket connections"):
            asyncio.run(openai.AsyncOpenAI(provider=official).realtime.connect(model="m").__aenter__())
