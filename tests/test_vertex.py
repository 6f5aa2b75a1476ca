"""``AsyncVertexOpenAI`` / ``VertexOpenAI`` against the official SDK's ``OpenAI(provider=vertex(...))``: the
requests (path, query, ``Authorization``, every other header) compared call by call, plain and streamed, with
fixed Google credentials (nothing reaches Google: a credential that needs a refresh refreshes locally), on
both transports; the URL derived from project/location (arguments and environment) and the errors."""

from __future__ import annotations

import datetime
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import google.auth
import openai
import openai.providers
import pytest
from google.auth import credentials as google_credentials
from google.oauth2.credentials import Credentials

import openai_core

from ._recorder import Recorded, Recorder
from .test_azure import record, view
from .test_wire import plain

ENV = ("GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "GOOGLE_APPLICATION_CREDENTIALS", "OPENAI_API_KEY",
       "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID")
ROOT = "/v1/projects/my-proj/locations/us-central1/publishers/openai/v1"


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def same(request: Recorded) -> dict[str, Any]:
    """``view`` but for the documented ``Accept`` of a streamed call (docs/compatibility.md), asserted here."""
    seen = view(request)
    if (seen["body"] or {}).get("stream"):
        accept = seen["headers"].pop("accept")
        assert accept in (["text/event-stream"], ["application/json"])
    return seen


def root(recorder: Recorder) -> str:
    return recorder.base_url.removesuffix("/v1") + ROOT


async def calls(client: Any) -> list[Any]:
    stream = await client.chat.completions.create(model="openai/gpt-oss-120b-maas", stream=True,
                                                  messages=[{"role": "user", "content": "Hi"}])
    return [
        await client.chat.completions.create(model="openai/gpt-oss-120b-maas",
                                             messages=[{"role": "user", "content": "Hi"}]),
        [chunk async for chunk in stream],
    ]


class Refreshing(google_credentials.Credentials):
    """Expired at once after every refresh, so each request needs one; refreshes count, offline."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshes = 0

    def refresh(self, request: Any) -> None:
        self.refreshes += 1
        self.token = f"google-token-{self.refreshes}"
        self.expiry = datetime.datetime(2000, 1, 1)


class Broken(google_credentials.Credentials):
    def refresh(self, request: Any) -> None:
        raise google.auth.exceptions.RefreshError("refresh failed: private_key=SECRET-KEY-MATERIAL")


class SlowEndpoint(google_credentials.Credentials):
    """Refreshes against a loopback socket that never answers: the client's timeout must bound it."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def refresh(self, request: Any) -> None:
        request(self.url, method="POST", body=b"grant_type=x")


MODES = {
    "credentials": lambda: {"credentials": Credentials(token="ya29.fixed-token")},
    "token_provider": lambda: {"token_provider": lambda: "ya29.fixed-token"},
}


@pytest.mark.parametrize("mode", sorted(MODES))
async def test_requests_match_the_official_provider(mode: str, transport: str, recorder: Recorder) -> None:
    config = {"base_url": root(recorder), **MODES[mode]()}
    theirs, their_result = await record(
        recorder, openai.AsyncOpenAI(provider=openai.providers.vertex(**config), max_retries=0), calls)
    ours, our_result = await record(
        recorder, openai_core.AsyncVertexOpenAI(transport=transport, max_retries=0, **config), calls)
    assert [same(r) for r in ours] == [same(r) for r in theirs]
    assert [plain(r) for r in our_result[:1]] == [plain(r) for r in their_result[:1]]
    assert [plain(c) for c in our_result[1]] == [plain(c) for c in their_result[1]] != []
    assert [r.raw_path for r in ours] == [ROOT + "/chat/completions"] * 2
    assert ours[0].headers["accept"] == "text/event-stream"
    assert [r.headers["authorization"] for r in ours] == ["Bearer ya29.fixed-token"] * 2
    assert not {"openai-organization", "openai-project", "api-key"} & {h.lower() for h in ours[0].headers}


async def test_expired_credentials_refresh_every_request(transport: str, recorder: Recorder) -> None:
    theirs_credentials, ours_credentials = Refreshing(), Refreshing()
    theirs, _ = await record(recorder, openai.AsyncOpenAI(provider=openai.providers.vertex(
        base_url=root(recorder), credentials=theirs_credentials), max_retries=0), calls)
    ours, _ = await record(recorder, openai_core.AsyncVertexOpenAI(
        base_url=root(recorder), credentials=ours_credentials, transport=transport, max_retries=0), calls)
    assert [r.headers["authorization"] for r in ours] == [r.headers["authorization"] for r in theirs] == \
        ["Bearer google-token-1", "Bearer google-token-2"]
    assert ours_credentials.refreshes == theirs_credentials.refreshes == 2


async def test_valid_credentials_are_not_refreshed_and_an_async_provider_is_asked_each_time(
    transport: str, recorder: Recorder
) -> None:
    credentials = Refreshing()
    credentials.token, credentials.expiry = "still-valid", datetime.datetime(2999, 1, 1)
    sent, _ = await record(recorder, openai_core.AsyncVertexOpenAI(
        base_url=root(recorder), credentials=credentials, transport=transport), calls)
    assert credentials.refreshes == 0 and {r.headers["authorization"] for r in sent} == {"Bearer still-valid"}
    tokens = iter(["a1", "a2"])

    async def provider() -> str:
        return next(tokens)

    sent, _ = await record(recorder, openai_core.AsyncVertexOpenAI(
        base_url=root(recorder), token_provider=provider, transport=transport), calls)
    assert [r.headers["authorization"] for r in sent] == ["Bearer a1", "Bearer a2"]


async def test_application_default_credentials_are_asked_for_cloud_platform(
    transport: str, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []

    def default(scopes: Any = None, request: Any = None) -> tuple[Any, str]:
        asked.append(scopes)
        return Credentials(token="adc-token"), "adc-project"

    monkeypatch.setattr(google.auth, "default", default)
    sent, _ = await record(recorder, openai_core.AsyncVertexOpenAI(base_url=root(recorder), transport=transport),
                           calls)
    assert [r.headers["authorization"] for r in sent] == ["Bearer adc-token"] * 2
    assert asked == [("https://www.googleapis.com/auth/cloud-platform",)]  # found once, kept


async def test_authentication_failures_are_clear_and_send_nothing(
    transport: str, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder.take()
    client = openai_core.AsyncVertexOpenAI(base_url=root(recorder), credentials=Broken(), transport=transport)
    async with client:
        with pytest.raises(openai_core.OpenAIError, match="Vertex Google authentication failed") as failed:
            await client.models.list()
    assert "SECRET" not in str(failed.value) and failed.value.__cause__ is None
    monkeypatch.setitem(sys.modules, "google.auth", None)  # the vertex extra not installed
    client = openai_core.AsyncVertexOpenAI(base_url=root(recorder), transport=transport)
    async with client:
        with pytest.raises(openai_core.OpenAIError, match=r"openai-core\[vertex\]"):
            await client.models.list()
    bad = openai_core.AsyncVertexOpenAI(base_url=root(recorder), token_provider=lambda: "bad\ntoken",
                                        transport=transport)
    async with bad:
        with pytest.raises(openai_core.OpenAIError, match="nonempty bearer token"):
            await bad.models.list()
        with pytest.raises(openai_core.OpenAIError, match="Vertex owns authentication"):
            await bad.models.list(extra_headers={"Authorization": "Bearer other"})
    assert recorder.take() == []


async def test_a_token_endpoint_that_hangs_is_a_timeout(transport: str, recorder: Recorder) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/token"
        client = openai_core.AsyncVertexOpenAI(base_url=root(recorder), credentials=SlowEndpoint(url),
                                               transport=transport, timeout=0.5, max_retries=0)
        recorder.take()
        async with client:
            with pytest.raises(openai_core.APITimeoutError, match="refreshing Vertex"):
                await client.models.list()
    assert recorder.take() == []


def test_project_and_location_from_arguments_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    def urls(**options: Any) -> tuple[str, str]:
        theirs = openai.AsyncOpenAI(provider=openai.providers.vertex(token_provider=lambda: "t", **options))
        ours = openai_core.AsyncVertexOpenAI(token_provider=lambda: "t", **options)
        return str(ours.base_url).rstrip("/"), str(theirs.base_url).rstrip("/")

    ours, theirs = urls(project="my-proj", location="us-central1")
    assert ours == theirs == "https://us-central1-aiplatform.googleapis.com" + ROOT
    ours, theirs = urls(project="my-proj", location="global")
    assert ours == theirs == "https://aiplatform.googleapis.com/v1/projects/my-proj/locations/global/publishers/openai/v1"
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "env-proj")
    monkeypatch.setenv("GOOGLE_CLOUD_LOCATION", "europe-west4")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-ignored")
    ours, theirs = urls()
    assert ours == theirs == ("https://europe-west4-aiplatform.googleapis.com/v1/projects/env-proj/locations/"
                              "europe-west4/publishers/openai/v1")
    assert openai_core.AsyncVertexOpenAI(token_provider=lambda: "t").organization is None
    assert openai_core.AsyncVertexOpenAI(token_provider=lambda: "t").api_key == \
        openai.AsyncOpenAI(provider=openai.providers.vertex(token_provider=lambda: "t")).api_key == ""
    ours, theirs = urls(project="arg-proj")
    assert ours == theirs and "/projects/arg-proj/locations/europe-west4/" in ours


BAD = [
    ({"location": "us-central1"}, "requires a project ID"),
    ({"project": "p"}, "requires a location"),
    ({"project": "p", "location": "US Central"}, "requires a location"),
    ({"project": "../x", "location": "us-central1"}, "requires a project ID"),
    ({"project": "p", "location": "l", "credentials": object(), "token_provider": lambda: "t"}, "only one of"),
    ({"base_url": "http://us-central1-aiplatform.googleapis.com/v1"}, "require HTTPS"),
    ({"base_url": "https://user:pw@example.com/v1"}, "without credentials"),
]


@pytest.mark.parametrize(("options", "message"), BAD, ids=[m for _, m in BAD])
def test_configuration_errors_match(options: dict[str, Any], message: str) -> None:
    with pytest.raises(openai.OpenAIError, match=message):
        openai.providers.vertex(**options)
    with pytest.raises(openai_core.OpenAIError, match=message):
        openai_core.AsyncVertexOpenAI(**options)


def test_openai_credentials_are_refused() -> None:
    options: dict[str, Any] = {"project": "p", "location": "us-central1", "token_provider": lambda: "t"}
    with pytest.raises(openai_core.OpenAIError, match="api_key"):
        openai_core.AsyncVertexOpenAI(api_key="sk-x", **options)
    with pytest.raises(openai_core.OpenAIError, match="Vertex owns authentication"):
        openai_core.AsyncVertexOpenAI(organization="org-1", **options)
    with pytest.raises(openai_core.OpenAIError, match="Vertex owns authentication"):
        openai_core.AsyncVertexOpenAI(default_headers={"Authorization": "Bearer x"}, **options)


async def test_with_options_keeps_the_credential(transport: str, recorder: Recorder) -> None:
    credentials = Refreshing()
    client = openai_core.AsyncVertexOpenAI(base_url=root(recorder), credentials=credentials, transport=transport)
    copy = client.with_options(max_retries=0, default_headers={"X-Kept": "1"})
    assert copy.base_url == client.base_url and copy.transport is client.transport
    recorder.take()
    await copy.models.list()
    await client.close()
    sent = recorder.take()
    assert sent[0].headers["authorization"] == "Bearer google-token-1" and sent[0].headers["x-kept"] == "1"


def test_sync_client_matches_the_official_provider(recorder: Recorder) -> None:
    def run(client: Any) -> list[Recorded]:
        recorder.take()
        with client:
            client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}])
            list(client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}],
                                                stream=True))
        return recorder.take()

    config = {"base_url": root(recorder), "credentials": Credentials(token="sync-token")}
    ours = run(openai_core.VertexOpenAI(**config))
    assert [same(r) for r in ours] == [same(r) for r in run(openai.OpenAI(provider=openai.providers.vertex(**config)))]
    assert [r.headers["authorization"] for r in ours] == ["Bearer sync-token"] * 2


def test_google_auth_is_imported_only_at_the_first_request() -> None:
    code = ("import sys, openai_core\n"
            "openai_core.AsyncVertexOpenAI(project='p', location='us-central1')\n"
            "openai_core.VertexOpenAI(project='p', location='global')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('google', 'requests')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr
