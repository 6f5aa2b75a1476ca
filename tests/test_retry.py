"""Pure retry decisions and the status → error table, tested with tables of cases (no I/O)."""

from __future__ import annotations

import email.utils

import pytest

import openai_core as openai
from openai_core._exceptions import status_error_class, status_error_message
from openai_core._qs import flatten_query
from openai_core._retry import MAX_RETRY_DELAY, parse_retry_after, retry_delay, should_retry_status

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("status", "headers", "expected"),
    [
        (400, {}, False),
        (401, {}, False),
        (404, {}, False),
        (408, {}, True),
        (409, {}, True),
        (422, {}, False),
        (429, {}, True),
        (500, {}, True),
        (502, {}, True),
        (503, {}, True),
        (429, {"x-should-retry": "false"}, False),
        (400, {"x-should-retry": "true"}, True),
        (500, {"x-should-retry": "maybe"}, True),
    ],
)
def test_should_retry_status(status: int, headers: dict[str, str], expected: bool) -> None:
    assert should_retry_status(status, headers) is expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "nope", "retry-after": "3"}, 3.0),
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after": "-1"}, None),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": email.utils.formatdate(NOW + 7, usegmt=True)}, 7.0),
        ({"retry-after": email.utils.formatdate(NOW - 7, usegmt=True)}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers, now=lambda: NOW) == expected


def test_retry_delay_obeys_server_within_a_minute() -> None:
    assert retry_delay(0, {"retry-after": "3"}, rand=lambda: 0.5) == 3.0
    assert retry_delay(0, {"retry-after-ms": "0"}, rand=lambda: 0.5) == 0.0


def test_retry_delay_caps_absurd_server_values() -> None:
    # a day-long retry-after is ignored in favour of our own backoff
    assert retry_delay(0, {"retry-after": "86400"}, rand=lambda: 0.0) == 0.5


@pytest.mark.parametrize(("retries", "expected"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (10, 8.0)])
def test_exponential_backoff_without_jitter(retries: int, expected: float) -> None:
    assert retry_delay(retries, None, rand=lambda: 0.0) == expected


def test_jitter_takes_at_most_a_quarter() -> None:
    assert retry_delay(2, None, rand=lambda: 1.0) == pytest.approx(1.5)
    delays = {retry_delay(3, None) for _ in range(50)}
    assert all(3.0 <= d <= 4.0 for d in delays) and len(delays) > 1
    assert retry_delay(1000, None, rand=lambda: 0.0) == MAX_RETRY_DELAY


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, openai.BadRequestError),
        (401, openai.AuthenticationError),
        (403, openai.PermissionDeniedError),
        (404, openai.NotFoundError),
        (409, openai.ConflictError),
        (422, openai.UnprocessableEntityError),
        (429, openai.RateLimitError),
        (500, openai.InternalServerError),
        (599, openai.InternalServerError),
        (418, openai.APIStatusError),
    ],
)
def test_status_error_class(status: int, cls: type[openai.APIStatusError]) -> None:
    assert status_error_class(status) is cls


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (None, "Error code: 429"),
        ({"error": {"message": "slow down"}}, "Error code: 429 - slow down"),
        ({"error": "plain"}, "Error code: 429 - plain"),
        ({"message": "top"}, "Error code: 429 - top"),
        ("<html>bad gateway</html>", "Error code: 429 - <html>bad gateway</html>"),
    ],
)
def test_status_error_message(body: object, expected: str) -> None:
    assert status_error_message(429, body) == expected


def test_error_hierarchy_matches_official_sdk() -> None:
    assert issubclass(openai.APITimeoutError, openai.APIConnectionError)
    assert issubclass(openai.APIConnectionError, openai.APIError)
    assert issubclass(openai.APIStatusError, openai.APIError)
    assert issubclass(openai.APIResponseValidationError, openai.APIError)
    assert issubclass(openai.APIError, openai.OpenAIError)
    for name in ["BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
                 "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError"]:
        assert issubclass(getattr(openai, name), openai.APIStatusError)


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (({"limit": 20},), [("limit", "20")]),
        (({"a": True, "b": False, "c": None},), [("a", "true"), ("b", "false")]),
        (({"ids": ["x", "y"]},), [("ids[]", "x"), ("ids[]", "y")]),
        (({"metadata": {"k": "v"}},), [("metadata[k]", "v")]),
        (({"limit": 1, "after": "a"}, {"limit": 2}, None), [("limit", "2"), ("after", "a")]),
    ],
)
def test_flatten_query(queries: tuple[dict[str, object] | None, ...], expected: list[tuple[str, str]]) -> None:
    assert flatten_query(*queries) == expected
