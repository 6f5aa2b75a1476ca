"""Property tests for the pure decisions: retry-after parsing and delays, and the pagination cursor."""

from __future__ import annotations

import email.utils
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_core._retry import (
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    estimate_tokens,
    parse_reset,
    parse_retry_after,
    retry_delay,
)
from openai_core.pagination import next_cursor

NOW = 1_700_000_000.0
header_values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-10**12, max_value=10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-10**6, max_value=10**6).map(lambda d: email.utils.formatdate(NOW + d, usegmt=True)),
)


@settings(max_examples=300, deadline=None)
@given(ms=st.none() | header_values, seconds=st.none() | header_values, retries=st.integers(0, 50),
       rand=st.floats(0, 1))
def test_retry_delay_is_always_a_sane_number(ms: str | None, seconds: str | None, retries: int, rand: float) -> None:
    headers = {k: v for k, v in (("retry-after-ms", ms), ("retry-after", seconds)) if v is not None}
    asked = parse_retry_after(headers, now=lambda: NOW)
    assert asked is None or 0 <= asked < float("inf")
    delay = retry_delay(retries, headers, rand=lambda: rand, now=lambda: NOW)
    assert 0 <= delay <= max(MAX_RETRY_AFTER, MAX_RETRY_DELAY)
    if asked is None or asked > MAX_RETRY_AFTER:
        assert delay <= MAX_RETRY_DELAY  # absurd or missing: our own backoff, capped


@settings(max_examples=200, deadline=None)
@given(seconds=st.floats(0, MAX_RETRY_AFTER, allow_nan=False))
def test_a_reasonable_retry_after_is_obeyed_exactly(seconds: float) -> None:
    assert retry_delay(0, {"retry-after": repr(seconds)}) == seconds


items = st.lists(st.one_of(st.fixed_dictionaries({"id": st.text(max_size=8)}), st.builds(dict)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(data=items, has_more=st.none() | st.booleans())
def test_cursor_is_the_last_id_or_nothing(data: list[dict[str, str]], has_more: bool | None) -> None:
    cursor = next_cursor(data, has_more)
    if has_more is False or not data or not data[-1].get("id"):
        assert cursor is None
    else:
        assert cursor == data[-1]["id"]


@settings(max_examples=100, deadline=None)
@given(total=st.integers(0, 60), limit=st.integers(1, 25))
def test_walking_cursor_pages_visits_every_item_once(total: int, limit: int) -> None:
    ids = [f"id-{i}" for i in range(total)]
    seen: list[str] = []
    after: str | None = None
    for _ in range(total + 2):
        start = 0 if after is None else ids.index(after) + 1
        page = [{"id": i} for i in ids[start:start + limit]]
        seen.extend(p["id"] for p in page)
        after = next_cursor(page, start + limit < total)
        if after is None:
            break
    assert seen == ids


@settings(max_examples=300, deadline=None)
@given(value=st.none() | st.text(max_size=30) | st.floats().map(str))
def test_ratelimit_reset_never_crashes_and_is_a_sane_duration(value: str | None) -> None:
    seconds = parse_reset(value)
    assert seconds is None or (seconds >= 0 and not math.isnan(seconds))


@settings(max_examples=300, deadline=None)
@given(h=st.integers(0, 48), m=st.integers(0, 59), s=st.integers(0, 59), ms=st.integers(0, 999),
       parts=st.sets(st.sampled_from("hmsx"), min_size=1))
def test_ratelimit_reset_durations_round_trip(h: int, m: int, s: int, ms: int, parts: set[str]) -> None:
    # The x-ratelimit-reset-* forms the API sends: "1s", "6m0s", "20ms", "1h2m3s", in that order.
    text = "".join(f"{n}{unit}" for n, unit, key in ((h, "h", "h"), (m, "m", "m"), (s, "s", "s"), (ms, "ms", "x"))
                   if key in parts)
    expected = sum(n * k for n, k, key in ((h, 3600, "h"), (m, 60, "m"), (s, 1, "s"), (ms, 0.001, "x"))
                   if key in parts)
    assert parse_reset(text) == pytest.approx(expected)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4),
                           max_leaves=12)


@settings(max_examples=100, deadline=None)
@given(body=st.none() | st.dictionaries(st.sampled_from(["model", "messages", "max_tokens", "max_completion_tokens"])
                                        | st.text(max_size=20), json_values, max_size=6))
def test_token_estimate_never_crashes(body: dict[str, object] | None) -> None:
    # A NaN, infinite or negative estimate would poison or stall the limiter's shared token bucket.
    assert 0 <= estimate_tokens(body) < math.inf

