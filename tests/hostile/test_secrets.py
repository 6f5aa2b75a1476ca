"""No secret in anything printable: the API key, an ``api-key`` / ``Cookie`` / ``Proxy-Authorization``
header, a response's ``Set-Cookie``, or a password in ``base_url``, on every path an exception or a log
line can print, on both transports."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI, Timeout
from openai_core.testing.hostile import SESSION_COOKIE
from openai_core.testing.raw import RawServer
from openai_core.transports import Request
from openai_core.transports.base import HTTPHeaders

KEY = "sk-SECRET-key-0123456789"
OTHER = "SECRET-azure-key-42"
PROXY = "Basic U0VDUkVULXByb3h5"
SECRETS = (KEY, OTHER, PROXY, SESSION_COOKIE, "cookie-SECRET", "SECRET")
MESSAGES = [{"role": "user", "content": "hi"}]
HEADERS = {"api-key": OTHER, "Cookie": f"session={SESSION_COOKIE}", "Proxy-Authorization": PROXY}


def printable(exc: BaseException, logs: str) -> list[str]:
    texts = [repr(exc), str(exc), "".join(traceback.format_exception(exc)), logs]
    for name in ("request", "response"):
        value = getattr(exc, name, None)
        if value is not None:
            texts += [repr(value), str(value), repr(value.headers), str(value.headers)]
    return texts


def assert_no_secret(texts: list[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, (secret, text[:400])


def test_headers_repr_redacts_every_secret_header_and_keeps_the_values() -> None:
    headers = HTTPHeaders({"Authorization": f"Bearer {KEY}", **HEADERS, "X-Api-Key": OTHER, "Accept": "x"})
    headers.add("Set-Cookie", f"a={SESSION_COOKIE}")
    for text in (repr(headers), str(headers), repr(Request("GET", "http://h/v1", headers=headers).headers),
                 repr(headers.copy()), f"{headers}"):
        assert_no_secret([text])
        assert "'Accept', 'x'" in text
    assert headers["authorization"] == f"Bearer {KEY}"  # the backend still sends it
    assert type(headers.copy()) is HTTPHeaders


@pytest.mark.parametrize("case", ["unauthorized", "deep_json", "deep_sse_error", "silent", "refused"])
async def test_no_secret_on_any_failure_path(
    transport: str, hostile: Callable[[str], RawServer], case: str, caplog: pytest.LogCaptureFixture
) -> None:
    base_url = "http://127.0.0.1:9/v1" if case == "refused" else hostile(case).base_url
    caplog.set_level(logging.DEBUG)
    client = AsyncOpenAI(api_key=KEY, base_url=base_url, transport=transport, default_headers=HEADERS,
                         timeout=Timeout(5, total=0.5), max_retries=1)
    try:
        with pytest.raises(openai.APIError) as exc_info:
            if case == "deep_sse_error":
                async for _ in await client.chat.completions.create(model="m", messages=MESSAGES, stream=True):  # type: ignore[arg-type]
                    pass
            else:
                await client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
        assert_no_secret([repr(client), str(client.default_headers)])
    finally:
        await client.close()
    error = exc_info.value
    assert error.request is not None
    assert error.request.headers["Authorization"] == f"Bearer {KEY}"  # held, never printed
    # httpcore's own DEBUG trace prints the response headers as received (Set-Cookie included): a
    # third-party logger this package leaves alone. Every other record, and all of them for what the
    # client sends, must be clean.
    logs = "\n".join(
        record.getMessage() for record in caplog.records
        if not (record.name.startswith("httpcore") and "receive_response_headers" in record.getMessage())
    )
    assert_no_secret(printable(error, logs))
    assert_no_secret([t.replace(SESSION_COOKIE, "") for t in (caplog.text,)])
    if case == "unauthorized":
        assert isinstance(error, openai.AuthenticationError)
        assert error.response.headers["set-cookie"] == f"session={SESSION_COOKIE}"
        assert "set-cookie" in repr(error.response.headers).lower()


@pytest.mark.parametrize(
    "base_url",
    ["http://user:hunter2-SECRET@127.0.0.1:9/v1", "http://:hunter2-SECRET@127.0.0.1:9/v1",
     "http://sk-SECRET-key-0123456789@127.0.0.1:9/v1"],
)
def test_user_info_in_base_url_is_refused_and_never_printed(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in ("argument", "environment"):
        with pytest.raises(ValueError, match=r"must not contain user info") as exc_info:
            if source == "argument":
                AsyncOpenAI(api_key="sk-test", base_url=base_url)
            else:
                monkeypatch.setenv("OPENAI_BASE_URL", base_url)
                AsyncOpenAI(api_key="sk-test")
        text = "".join(traceback.format_exception(exc_info.value))
        assert "hunter2" not in text and "SECRET" not in text
        assert "http://127.0.0.1:9/v1" in str(exc_info.value)


def test_an_invalid_base_url_is_not_quoted_raw() -> None:
    with pytest.raises(ValueError) as exc_info:
        AsyncOpenAI(api_key="sk-test", base_url="http://[::1")
    assert "::1" not in str(exc_info.value)
