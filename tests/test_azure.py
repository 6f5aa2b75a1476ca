"""``AsyncAzureOpenAI`` / ``AzureOpenAI`` against the official SDK's Azure clients: the same calls, made
alike configured, must put the same requests on the wire (URL path, ``api-version`` query, ``api-key`` or
``Authorization`` header), on both transports; configuration errors must match too."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest

import openai_core

from ._recorder import Recorded, Recorder
from .test_wire import DIFFERENT_ON_PURPOSE, DIFFERENT_PREFIX, plain

ENV = ("AZURE_OPENAI_API_KEY", "AZURE_OPENAI_AD_TOKEN", "OPENAI_API_VERSION", "AZURE_OPENAI_ENDPOINT",
       "OPENAI_API_KEY", "OPENAI_BASE_URL")


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def view(request: Recorded) -> dict[str, Any]:
    headers = {name.lower(): request.headers.getall(name) for name in request.headers
               if name.lower() not in DIFFERENT_ON_PURPOSE and not name.lower().startswith(DIFFERENT_PREFIX)}
    if not request.body:
        headers.pop("content-type", None)
    body = request.json() if request.body and request.content_type.startswith("application/json") else None
    if request.content_type.startswith("multipart/form-data"):
        body = sorted(request.parts(), key=lambda part: part.name or "")
        headers["content-type"] = ["multipart/form-data"]
    return {"method": request.method, "path": request.raw_path, "query": sorted(request.query), "headers": headers,
            "body": body}


async def calls(client: Any) -> list[Any]:
    """Calls served per deployment and calls that are not."""
    return [
        await client.chat.completions.create(model="gpt-4o-deploy", messages=[{"role": "user", "content": "Hi"}]),
        await client.embeddings.create(model="embed-deploy", input="x", encoding_format="float"),
        await client.audio.transcriptions.create(model="whisper-deploy", file=("a.mp3", b"ID3abc", "audio/mpeg")),
        await client.files.list(limit=1),
        await client.models.retrieve("gpt-4o"),
        await client.vector_stores.retrieve("vs_1"),
        await client.batches.retrieve("batch_1"),
    ]


async def record(recorder: Recorder, client: Any, run: Callable[[Any], Any] = calls) -> tuple[list[Recorded], Any]:
    recorder.take()
    async with client:
        result = await run(client)
    return recorder.take(), result


def endpoint(recorder: Recorder) -> str:
    return recorder.base_url.removesuffix("/v1")


CONFIGS: dict[str, Callable[[str], dict[str, Any]]] = {
    "api_key": lambda url: {"azure_endpoint": url, "api_key": "az-key", "api_version": "2024-10-21"},
    "deployment": lambda url: {"azure_endpoint": url + "/", "azure_deployment": "my-gpt", "api_key": "az-key",
                               "api_version": "2024-10-21"},
    "ad_token": lambda url: {"azure_endpoint": url, "azure_ad_token": "entra-token", "api_version": "2025-01-01"},
    "token_provider": lambda url: {"azure_endpoint": url, "azure_ad_token_provider": lambda: "fresh-token",
                                   "api_version": "2025-01-01"},
    "base_url": lambda url: {"base_url": url + "/openai/deployments/fixed", "api_key": "az-key",
                             "api_version": "2024-10-21"},
    "extras": lambda url: {"azure_endpoint": url, "api_key": "az-key", "api_version": "2024-10-21",
                           "organization": "org-1", "project": "proj-1", "default_headers": {"X-Team": "core"},
                           "default_query": {"trace": "1"}, "max_retries": 0},
}


@pytest.mark.parametrize("config", sorted(CONFIGS))
async def test_same_requests_as_the_official_azure_client(config: str, transport: str, recorder: Recorder) -> None:
    options = CONFIGS[config](endpoint(recorder))
    theirs, their_result = await record(recorder, openai.AsyncAzureOpenAI(**options))
    ours, our_result = await record(recorder, openai_core.AsyncAzureOpenAI(transport=transport, **options))
    assert [view(r) for r in ours] == [view(r) for r in theirs]
    assert plain(our_result) == plain(their_result)
    for request in ours:
        assert ("api-key" in request.headers) == (config in ("api_key", "deployment", "base_url", "extras"))
        assert dict(request.query)["api-version"] == options["api_version"]
        assert request.headers["user-agent"].startswith("AsyncAzureOpenAI/Python")


async def test_deployment_paths(transport: str, recorder: Recorder) -> None:
    # The routing itself, spelled out (the comparison above proves the official SDK does the same).
    client = openai_core.AsyncAzureOpenAI(transport=transport, **CONFIGS["deployment"](endpoint(recorder)))
    sent, _ = await record(recorder, client)
    assert [r.raw_path for r in sent] == [
        "/openai/deployments/my-gpt/chat/completions", "/openai/deployments/my-gpt/embeddings",
        "/openai/deployments/my-gpt/audio/transcriptions", "/openai/files", "/openai/models/gpt-4o",
        "/openai/vector_stores/vs_1", "/openai/batches/batch_1"]
    client = openai_core.AsyncAzureOpenAI(transport=transport, **CONFIGS["api_key"](endpoint(recorder)))
    sent, _ = await record(recorder, client)
    assert [r.raw_path for r in sent][:3] == [
        "/openai/deployments/gpt-4o-deploy/chat/completions", "/openai/deployments/embed-deploy/embeddings",
        "/openai/deployments/whisper-deploy/audio/transcriptions"]


async def test_an_async_token_provider_is_awaited_for_every_request(transport: str, recorder: Recorder) -> None:
    tokens = iter(["t1", "t2", "t3"])

    async def provider() -> str:
        await asyncio.sleep(0)
        return next(tokens)

    client = openai_core.AsyncAzureOpenAI(azure_endpoint=endpoint(recorder), api_version="v",
                                          azure_ad_token_provider=provider, transport=transport)

    async def three(c: Any) -> Any:
        return [await c.models.retrieve("m") for _ in range(3)]

    sent, _ = await record(recorder, client, three)
    assert [r.headers["authorization"] for r in sent] == ["Bearer t1", "Bearer t2", "Bearer t3"]
    assert all("api-key" not in r.headers for r in sent)


async def test_raw_response_goes_the_azure_way(transport: str, recorder: Recorder) -> None:
    client = openai_core.AsyncAzureOpenAI(transport=transport, azure_ad_token_provider=lambda: "tok",
                                          azure_endpoint=endpoint(recorder), api_version="v")

    async def raw(c: Any) -> Any:
        return (await c.chat.completions.with_raw_response.create(
            model="dep", messages=[{"role": "user", "content": "Hi"}])).parse()

    sent, result = await record(recorder, client, raw)
    assert sent[0].raw_path == "/openai/deployments/dep/chat/completions"
    assert sent[0].headers["authorization"] == "Bearer tok"
    assert result.choices[0].message.role == "assistant"


async def test_a_caller_header_wins_over_the_credential(transport: str, recorder: Recorder) -> None:
    options = {"azure_endpoint": endpoint(recorder), "api_version": "v", "azure_ad_token_provider": lambda: "tok"}

    async def call(c: Any) -> Any:
        return await c.models.retrieve("m", extra_headers={"Authorization": "Bearer mine"})

    theirs, _ = await record(recorder, openai.AsyncAzureOpenAI(**options), call)
    ours, _ = await record(recorder, openai_core.AsyncAzureOpenAI(transport=transport, **options), call)
    assert [view(r) for r in ours] == [view(r) for r in theirs]
    assert ours[0].headers.getall("authorization") == ["Bearer mine"]


async def test_environment_variables(monkeypatch: pytest.MonkeyPatch, transport: str, recorder: Recorder) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "env-key")
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-06-01")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", endpoint(recorder))
    theirs, _ = await record(recorder, openai.AsyncAzureOpenAI())
    ours, _ = await record(recorder, openai_core.AsyncAzureOpenAI(transport=transport))
    assert [view(r) for r in ours] == [view(r) for r in theirs]
    assert ours[0].headers["api-key"] == "env-key"
    # AZURE_OPENAI_AD_TOKEN goes before AZURE_OPENAI_API_KEY when no credential is passed.
    monkeypatch.setenv("AZURE_OPENAI_AD_TOKEN", "env-token")
    ours, _ = await record(recorder, openai_core.AsyncAzureOpenAI(transport=transport))
    assert ours[0].headers["authorization"] == "Bearer env-token"
    assert "api-key" not in ours[0].headers


async def test_with_options_keeps_azure(transport: str, recorder: Recorder) -> None:
    client = openai_core.AsyncAzureOpenAI(transport=transport, **CONFIGS["deployment"](endpoint(recorder)))
    copy = client.with_options(max_retries=0, default_headers={"X-Copy": "1"})
    their_copy = openai.AsyncAzureOpenAI(**CONFIGS["deployment"](endpoint(recorder))).with_options(
        max_retries=0, default_headers={"X-Copy": "1"})
    theirs, _ = await record(recorder, their_copy)
    ours, _ = await record(recorder, copy)
    await client.close()
    assert [view(r) for r in ours] == [view(r) for r in theirs]


BAD = [
    ({"api_version": "v", "azure_endpoint": "https://x.example"}, "Missing credentials"),
    ({"api_key": "k", "azure_endpoint": "https://x.example"}, "api_version"),
    ({"api_key": "k", "api_version": "v"}, "azure_endpoint"),
    ({"api_key": "k", "api_version": "v", "azure_endpoint": "https://x.example", "base_url": "https://y.example"},
     "mutually exclusive"),
    ({"api_key": "k", "azure_ad_token": "t", "api_version": "v", "azure_endpoint": "https://x.example"},
     "mutually exclusive"),
]


@pytest.mark.parametrize(("options", "message"), BAD, ids=[m for _, m in BAD])
def test_configuration_errors_match(options: dict[str, Any], message: str) -> None:
    with pytest.raises(Exception) as theirs:
        openai.AsyncAzureOpenAI(**options)
    with pytest.raises(Exception) as ours:
        openai_core.AsyncAzureOpenAI(**options)
    assert message in str(ours.value)
    assert str(ours.value) == str(theirs.value)
    assert isinstance(ours.value, ValueError) == isinstance(theirs.value, ValueError)
    assert isinstance(ours.value, openai_core.OpenAIError) == isinstance(theirs.value, openai.OpenAIError)


def test_no_secret_in_repr_or_default_headers() -> None:
    client = openai_core.AsyncAzureOpenAI(api_key="az-secret", api_version="v", azure_endpoint="https://x.example")
    assert "az-secret" not in repr(client)
    assert client.default_headers["api-key"] == "<redacted>"
    token = openai_core.AsyncAzureOpenAI(azure_ad_token="tok-secret", api_version="v",
                                         azure_endpoint="https://x.example")
    assert token.default_headers["Authorization"] == "<redacted>"


def test_sync_client_same_requests(recorder: Recorder) -> None:
    options = CONFIGS["deployment"](endpoint(recorder))

    def run(client: Any) -> list[Recorded]:
        recorder.take()
        with client:
            client.chat.completions.create(model="x", messages=[{"role": "user", "content": "Hi"}])
            client.files.list()
            client.models.retrieve("m")
        return recorder.take()

    theirs = run(openai.AzureOpenAI(**options))
    ours = run(openai_core.AzureOpenAI(**options))
    assert [view(r) for r in ours] == [view(r) for r in theirs]
    assert ours[0].headers["user-agent"].startswith("AzureOpenAI/Python")
