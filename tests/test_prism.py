"""Every call in ``tests/_calls.py`` against Prism serving the real OpenAI OpenAPI spec, on both transports.

Prism validates each request (path, method, query, headers, JSON or multipart body) against the spec and
refuses one that does not match with 422 (404 for an unknown path), so a wrong path, method, field or
content type fails here. Its answers are generated from the spec's response schemas, so the typed checks
also prove our response models parse what the spec promises, and ``strict_parsing`` asserts they do so
on the validating fast path, not through the lenient fallback meant for non-conforming servers.

Where Prism comes from (see ``../shared/mock/README.md``):

* ``PRISM_URL`` set (``.ci/run`` starts Prism and exports it): used as is; if it does not answer, fail.
* ``CI`` set without ``PRISM_URL``: fail; a CI run that silently skipped this would prove nothing.
* locally: the module starts its own Prism through ``../shared/mock/prism.sh`` on a free port (the script
  caches the install under ``~/.cache``) and stops it afterwards; skipped only without Node.js/npm.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import openai_core._models
from openai_core import (
    APIConnectionError,
    APIStatusError,
    AsyncOpenAI,
    NotFoundError,
    UnprocessableEntityError,
)

from ._calls import ACTIVE, PARSE, UNREADABLE, UNSERVABLE, WIRE_ONLY, ApiCall

PRISM_SCRIPT = Path(__file__).resolve().parents[2] / "shared" / "mock" / "prism.sh"
PRISM_CALLS = [call for call in ACTIVE if call.prism != WIRE_ONLY]
# The admin calls (tests/_calls_admin.py) on one transport, but for the few test_wire.py runs on every one:
# the same reasons (their requests differ from other generated calls' only above the transport), and Prism
# takes ~0.3 s a call.
ADMIN_ON_EVERY_TRANSPORT = {"admin.organization.usage.completions", "admin.organization.invites.create",
                            "admin.organization.projects.users.delete"}
ADMIN_ONLY_ON = "aiohttp"
ONE_TRANSPORT = [call for call in PRISM_CALLS
                 if call.call.__module__ == "tests._calls_admin" and call.name not in ADMIN_ON_EVERY_TRANSPORT]
PRISM_CALLS = [call for call in PRISM_CALLS if call not in ONE_TRANSPORT]
# How Prism refuses a *valid* request whose answer it cannot produce in the content type asked for.
UNSERVABLE_REFUSALS = {(500, "NO_COMPLEX_OBJECT_TEXT"), (406, "NOT_ACCEPTABLE")}


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=5).close()
    except urllib.error.HTTPError:
        return True  # any HTTP answer (Prism says 404 for "/") means it is up
    except (urllib.error.URLError, OSError):
        return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    url = os.environ.get("PRISM_URL")
    if url:
        if not _answers(url):
            pytest.fail(f"PRISM_URL={url} does not answer (is Prism running? see ../shared/mock/README.md)")
        yield url.rstrip("/")
        return
    if _in_ci():
        pytest.fail("CI is set but PRISM_URL is not: .ci/run must start Prism and export PRISM_URL")
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Prism needs Node.js >= 18.20 and npm on PATH (or set PRISM_URL to a running Prism)")
    if not PRISM_SCRIPT.is_file():
        pytest.skip(f"{PRISM_SCRIPT} not found: the shared/ folder must sit beside the repository")
    # A port of our own: another developer's (or CI's) Prism on the default 4010 is not ours to reuse or stop.
    env = {**os.environ, "PRISM_PORT": str(_free_port()), "PRISM_LOG_LEVEL": "warn"}
    started = subprocess.run(["bash", str(PRISM_SCRIPT), "start"], env=env, capture_output=True, text=True,
                             timeout=600, check=False)
    if started.returncode != 0:
        pytest.fail(f"could not start Prism:\n{started.stderr}")
    try:
        yield f"http://127.0.0.1:{env['PRISM_PORT']}"
    finally:
        subprocess.run(["bash", str(PRISM_SCRIPT), "stop"], env=env, capture_output=True, timeout=60, check=False)


@pytest.fixture
def strict_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the models that needed the lenient fallback during the test (should stay empty)."""
    fallbacks: list[str] = []
    construct = openai_core._models._construct_model

    def recording(model_type: Any, obj: Any) -> Any:
        fallbacks.append(model_type.__name__)
        return construct(model_type, obj)

    monkeypatch.setattr(openai_core._models, "_construct_model", recording)
    return fallbacks


def prism_client(url: str, transport: str) -> AsyncOpenAI:
    # No retries: a 500 must surface at once. A long timeout: Prism compiles an endpoint's validators on
    # its first request (up to ~1.5 s, slower on a busy 2-core machine).
    return AsyncOpenAI(api_key="sk-prism", admin_api_key="sk-admin-prism", organization="org-prism",
                       project="proj-prism", base_url=url,
                       default_headers={"X-Custom-Header": "custom"}, transport=transport, max_retries=0,
                       timeout=120)


@pytest.mark.parametrize("api", PRISM_CALLS, ids=[call.name for call in PRISM_CALLS])
async def test_call_is_valid_and_parses(api: ApiCall, transport: str, prism_url: str,
                                        strict_parsing: list[str]) -> None:
    await check_against_prism(api, transport, prism_url, strict_parsing)


@pytest.mark.parametrize("api", ONE_TRANSPORT, ids=[call.name for call in ONE_TRANSPORT])
async def test_admin_call_is_valid_and_parses(api: ApiCall, prism_url: str, strict_parsing: list[str]) -> None:
    await check_against_prism(api, ADMIN_ONLY_ON, prism_url, strict_parsing)


async def check_against_prism(api: ApiCall, transport: str, prism_url: str, strict_parsing: list[str]) -> None:
    async with prism_client(prism_url, transport) as client:
        if api.prism == UNSERVABLE:
            # Prism validates first (an invalid request is a 422 here), then cannot answer as asked: 500
            # where the operation declares the content type (text/event-stream), 406 where it does not.
            with pytest.raises(APIStatusError) as info:
                await api.call(client)
            body = info.value.body
            assert isinstance(body, dict), body
            problem = (info.value.status_code, body.get("type", "").rpartition("#")[2])
            assert problem in UNSERVABLE_REFUSALS, body
            return
        if api.prism == UNREADABLE:
            with pytest.raises(APIConnectionError):
                await api.call(client)
            # ...and not because Prism is gone: then every call would pass here.
            assert _answers(prism_url)
            return
        assert api.prism == PARSE, api.prism
        try:
            result = await api.call(client)
        except APIStatusError as exc:
            pytest.fail(f"Prism refused {api.name}: {exc.status_code} {exc.body}")
        api.check(result)
    if api.lenient is None:
        assert strict_parsing == [], f"parsed leniently, the types disagree with the spec: {strict_parsing}"


# -- the harness catches what it claims to catch ---------------------------------------------------------


async def test_a_field_the_spec_forbids_is_refused(transport: str, prism_url: str) -> None:
    async with prism_client(prism_url, transport) as client:
        with pytest.raises(UnprocessableEntityError) as info:
            await client.chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], extra_body={"temperature": "hot"}
            )
    assert isinstance(info.value.body, dict)
    assert any(v["location"] == ["body", "temperature"] for v in info.value.body["validation"])


async def test_a_stream_request_that_breaks_the_spec_is_refused_before_the_500(transport: str,
                                                                              prism_url: str) -> None:
    async with prism_client(prism_url, transport) as client:
        with pytest.raises(UnprocessableEntityError):
            await client.chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], stream=True, extra_body={"n": 0}
            )


async def test_a_wrong_path_is_refused(transport: str, prism_url: str) -> None:
    async with prism_client(prism_url + "/v1", transport) as client:
        with pytest.raises(NotFoundError):
            await client.models.retrieve("gpt-4o")


async def test_a_wrong_query_type_is_refused(transport: str, prism_url: str) -> None:
    async with prism_client(prism_url, transport) as client:
        with pytest.raises(UnprocessableEntityError) as info:
            await client.fine_tuning.jobs.list(extra_query={"limit": "abc"})
    assert isinstance(info.value.body, dict)
    assert "limit" in str(info.value.body["validation"])
