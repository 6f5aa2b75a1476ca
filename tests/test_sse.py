"""Tests for the sans-IO SSE decoder (openai_core._sse) against the WHATWG event-stream rules.

Every table case is decoded whole, byte by byte (with empty chunks interleaved), split at every
byte position and, for streams up to 60 bytes, at every pair of positions: chunk boundaries must
never change the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations, pairwise
from typing import TypeAlias

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openai_core._sse import ServerSentEvent, SSEDecoder


def ev(
    data: str, event: str | None = None, id: str | None = None, retry: int | None = None
) -> ServerSentEvent:
    return ServerSentEvent(event=event, data=data, id=id, retry=retry)


def decode(chunks: Iterable[bytes]) -> tuple[list[ServerSentEvent], SSEDecoder]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    # flush() never has anything left to give: complete events come out of feed() as soon as
    # their blank line is seen, and the spec discards anything incomplete.
    assert decoder.flush() == []
    return events, decoder


def split_at(stream: bytes, cuts: Sequence[int]) -> list[bytes]:
    bounds = [0, *cuts, len(stream)]
    return [stream[a:b] for a, b in pairwise(bounds)]


def chunkings(stream: bytes) -> Iterable[tuple[str, list[bytes]]]:
    yield "whole", [stream]
    yield "bytewise", [b for i in range(len(stream)) for b in (b"", stream[i : i + 1])] + [b""]
    for i in range(len(stream) + 1):
        yield f"split@{i}", split_at(stream, [i])
    if len(stream) <= 60:
        for i, j in combinations(range(1, len(stream)), 2):
            yield f"split@{i},{j}", split_at(stream, [i, j])


# (test id, stream, expected events)
CASES: list[tuple[str, bytes, list[ServerSentEvent]]] = [
    ("lf", b"data: a\n\n", [ev("a")]),
    ("cr", b"data: a\r\r", [ev("a")]),
    ("crlf", b"data: a\r\n\r\n", [ev("a")]),
    ("mixed-line-ends", b"event: x\rdata: a\r\ndata: b\n\r\ndata: c\r\r", [ev("a\nb", event="x"), ev("c")]),
    ("cr-then-crlf-is-two-line-ends", b"data: a\r\r\n", [ev("a")]),
    ("lf-cr-is-two-line-ends", b"data: a\n\rdata: b\n\n", [ev("a"), ev("b")]),
    ("lf-lf-cr-blank-lines", b"data: a\n\n\r\n\rdata: b\n\n", [ev("a"), ev("b")]),
    ("two-events", b"data: 1\n\ndata: 2\n\n", [ev("1"), ev("2")]),
    ("comment", b": hello\ndata: a\n:\n: data: b\n\n", [ev("a")]),
    ("comment-only-block", b": keep-alive\n\n", []),
    ("multi-line-data", b"data: a\ndata: b\ndata: c\n\n", [ev("a\nb\nc")]),
    ("multi-line-data-trailing-empty", b"data: a\ndata:\n\n", [ev("a\n")]),
    ("data-no-space", b"data:a\n\n", [ev("a")]),
    ("data-two-spaces", b"data:  a\n\n", [ev(" a")]),
    ("data-tab-kept", b"data:\ta\n\n", [ev("\ta")]),
    ("data-colon-in-value", b"data: a: b\n\n", [ev("a: b")]),
    ("data-trailing-space-kept", b"data: a \n\n", [ev("a ")]),
    ("data-without-colon", b"data\n\n", [ev("")]),
    ("data-empty-value", b"data:\n\n", [ev("")]),
    ("data-only-space", b"data: \n\n", [ev("")]),
    ("two-empty-data-lines", b"data\ndata\n\n", [ev("\n")]),
    ("event-without-colon-is-empty", b"event\ndata: a\n\n", [ev("a")]),
    ("event-empty-value-is-message", b"event: x\nevent:\ndata: a\n\n", [ev("a")]),
    ("event-named", b"event: delta\ndata: {}\n\n", [ev("{}", event="delta")]),
    ("event-last-wins", b"event: a\nevent: b\ndata: x\n\n", [ev("x", event="b")]),
    ("event-without-data-not-dispatched", b"event: ping\n\n", []),
    ("event-type-reset-after-undispatched-block", b"event: ping\n\ndata: a\n\n", [ev("a")]),
    ("event-type-reset-after-dispatch", b"event: x\ndata: a\n\ndata: b\n\n", [ev("a", event="x"), ev("b")]),
    ("id", b"id: 1\ndata: a\n\n", [ev("a", id="1")]),
    (
        "id-persists",
        b"id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n",
        [ev("a", id="7"), ev("b", id="7"), ev("c", id="8")],
    ),
    ("id-set-by-undispatched-block", b"id: 5\n\ndata: a\n\n", [ev("a", id="5")]),
    (
        "id-without-colon-resets-to-empty",
        b"id: 5\ndata: a\n\nid\ndata: b\n\n",
        [ev("a", id="5"), ev("b", id="")],
    ),
    ("id-with-nul-ignored", b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n", [ev("a", id="1"), ev("b", id="1")]),
    ("id-with-nul-never-set", b"id: \x00\ndata: a\n\n", [ev("a")]),
    ("id-colon-in-value", b"id: a:b\ndata: x\n\n", [ev("x", id="a:b")]),
    ("retry-valid", b"retry: 1000\ndata: a\n\n", [ev("a", retry=1000)]),
    ("retry-no-space", b"retry:250\ndata: a\n\n", [ev("a", retry=250)]),
    ("retry-leading-zeros", b"retry: 007\ndata: a\n\n", [ev("a", retry=7)]),
    ("retry-only-for-its-block", b"retry: 5\ndata: a\n\ndata: b\n\n", [ev("a", retry=5), ev("b")]),
    ("retry-letters-ignored", b"retry: 10a\ndata: a\n\n", [ev("a")]),
    ("retry-negative-ignored", b"retry: -1\ndata: a\n\n", [ev("a")]),
    ("retry-float-ignored", b"retry: 1.5\ndata: a\n\n", [ev("a")]),
    ("retry-empty-ignored", b"retry:\ndata: a\n\n", [ev("a")]),
    ("retry-extra-space-ignored", b"retry:  10\ndata: a\n\n", [ev("a")]),
    ("retry-non-ascii-digit-ignored", "retry: \u0661\u0662\ndata: a\n\n".encode(), [ev("a")]),
    ("retry-invalid-keeps-earlier", b"retry: 3\nretry: x\ndata: a\n\n", [ev("a", retry=3)]),
    ("unknown-field-ignored", b"foo: bar\ndata: a\nfoo\n\n", [ev("a")]),
    ("field-names-case-sensitive", b"Data: a\nEVENT: b\n\ndata: c\n\n", [ev("c")]),
    ("field-name-with-space-unknown", b"data : a\n\ndata: b\n\n", [ev("b")]),
    ("leading-space-is-not-comment", b" data: a\n\ndata: b\n\n", [ev("b")]),
    ("blank-lines-only", b"\n\n\r\n\r\r\n", []),
    ("nul-in-data-kept", b"data: a\x00b\n\n", [ev("a\x00b")]),
    ("bom-at-start-stripped", b"\xef\xbb\xbfdata: a\n\n", [ev("a")]),
    (
        "bom-not-at-start-kept",
        b"data: a\n\n\xef\xbb\xbfdata: b\n\ndata: \xef\xbb\xbfc\n\n",
        [ev("a"), ev("\ufeffc")],
    ),
    ("only-one-bom-stripped", b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n", [ev("b")]),
    ("bom-alone", b"\xef\xbb\xbf", []),
    ("bom-then-blank-line", b"\xef\xbb\xbf\ndata: a\n\n", [ev("a")]),
    ("bom-prefix-then-other", b"\xef\xbbdata: a\n\ndata: b\n\n", [ev("b")]),
    ("bom-prefix-then-lf", b"\xef\n\ndata: a\n\n", [ev("a")]),
    ("utf8-multibyte", "data: €😀 é 你好\n\n".encode(), [ev("€😀 é 你好")]),
    ("utf8-multibyte-in-event-and-id", "event: ü\nid: ß\ndata: x\n\n".encode(), [ev("x", event="ü", id="ß")]),
    ("invalid-utf8-replaced", b"data: a\xffb\n\n", [ev("a\ufffdb")]),
    ("truncated-utf8-before-lf-replaced", b"data: \xe2\x82\ndata: ok\n\n", [ev("\ufffd\nok")]),
    ("invalid-utf8-in-field-name", b"d\xffata: a\n\ndata: b\n\n", [ev("b")]),
    ("unterminated-event-discarded", b"data: a\n", []),
    ("unterminated-line-discarded", b"data: a", []),
    ("complete-then-unterminated", b"data: a\n\ndata: b\n", [ev("a")]),
    ("complete-then-partial-line", b"data: a\n\ndata: b", [ev("a")]),
    ("cr-at-very-end", b"data: a\n\r", [ev("a")]),
    ("lone-cr-at-very-end", b"data: a\r", []),
    (
        "openai-like",
        b'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: [DONE]\n\n',
        [ev('{"choices":[{"delta":{"content":"Hi"}}]}'), ev("[DONE]")],
    ),
    (
        "everything",
        b"\xef\xbb\xbf: c\r\nretry: 9\rid: x\nevent: e\r\ndata: 1\rdata:2\n\r\nevent: f\n\nid\x00\ndata\r\n\n",
        [ev("1\n2", event="e", id="x", retry=9), ev("", id="x")],
    ),
]


@pytest.mark.parametrize(("stream", "expected"), [pytest.param(s, e, id=n) for n, s, e in CASES])
def test_table_every_chunking(stream: bytes, expected: list[ServerSentEvent]) -> None:
    for name, chunks in chunkings(stream):
        events, _ = decode(chunks)
        assert events == expected, name


@pytest.mark.parametrize(("stream", "expected"), [pytest.param(s, e, id=n) for n, s, e in CASES])
def test_bare_feed_gives_an_unnamed_events_data_and_a_named_event_whole(
    stream: bytes, expected: list[ServerSentEvent]
) -> None:
    # What an item stream reads: the same events, an unnamed one as its data string alone.
    want = [e.data if e.event is None else e for e in expected]
    for name, chunks in chunkings(stream):
        decoder = SSEDecoder()
        got: list[ServerSentEvent | str] = []
        for chunk in chunks:
            got += decoder.feed_bare(chunk)
        assert got == want, name
        assert [type(g) for g in got] == [type(w) for w in want], name


@pytest.mark.parametrize(
    ("stream", "last_event_id", "retry"),
    [
        (b"", "", None),
        (b"data: a\n\n", "", None),
        (b"id: 3\n\n", "3", None),
        (b"id: 3\nid: 4\x00\n\n", "3", None),
        (b"id: 3\n\nid\n\n", "", None),
        (b"retry: 1500\n\n", "", 1500),
        (b"retry: 1500\ndata: a\n\nretry: x\ndata: b\n\n", "", 1500),
        (b"retry: 1\n\nretry: 2\n\n", "", 2),
        # Fields take effect when their line ends, not when the block does.
        (b"id: 9\nretry: 50\n", "9", 50),
        # ...but a final line without a line end is never processed.
        (b"id: 9\nretry: 50", "9", None),
    ],
)
def test_decoder_state(stream: bytes, last_event_id: str, retry: int | None) -> None:
    for name, chunks in chunkings(stream):
        _, decoder = decode(chunks)
        assert (decoder.last_event_id, decoder.retry) == (last_event_id, retry), name


def test_initial_state() -> None:
    decoder = SSEDecoder()
    assert decoder.last_event_id == ""
    assert decoder.retry is None


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    # Were the LF counted again, "a" would be dispatched alone and "b" as a second event.
    events, _ = decode([b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"])
    assert events == [ev("a\nb")]


def test_cr_dispatches_without_waiting_for_next_byte() -> None:
    # A CR ends its line at once; only the question "is an LF next?" waits for more input,
    # so the event must not be held back until the next chunk arrives.
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"\r") == [ev("a")]
    assert decoder.feed(b"\n") == []  # the LF completing that CRLF is not another blank line
    assert decoder.feed(b"data: b\n") == []
    assert decoder.feed(b"\r") == [ev("b")]


def test_events_come_out_of_the_feed_that_completes_them() -> None:
    stream = b"data: a\n\nevent: x\ndata: b\r\n\r\ndata: c\r\r"
    decoder = SSEDecoder()
    out = [decoder.feed(stream[i : i + 1]) for i in range(len(stream))]
    ends = [i for i, got in enumerate(out) if got]
    # The CR of the second CRLF already ends the blank line; its LF is not waited for.
    assert ends == [stream.index(b"\n\n") + 1, stream.index(b"\r\n\r\n") + 2, len(stream) - 1]
    assert [e for got in out for e in got] == [ev("a"), ev("b", event="x"), ev("c")]


def test_empty_feed_keeps_pending_cr() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"") == []
    assert decoder.feed(b"\n") == []  # still the second half of CRLF
    assert decoder.feed(b"\n") == [ev("a")]


def test_bom_split_across_chunks() -> None:
    for cut in ([1], [2], [1, 2], [1, 3], [2, 3]):
        events, _ = decode(split_at(b"\xef\xbb\xbfdata: a\n\n", cut))
        assert events == [ev("a")], cut


def test_utf8_char_split_across_chunks() -> None:
    stream = "data: 😀\n\n".encode()
    start = stream.index(b"\xf0")
    for i in range(start + 1, start + 4):
        events, _ = decode([stream[:i], stream[i:]])
        assert events == [ev("😀")], i


def test_flush_discards_pending_and_resets_stream_but_not_id_or_retry() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"id: 4\nretry: 10\nevent: x\ndata: lost\ndata: partial") == []
    assert decoder.flush() == []
    # A fresh stream (e.g. after a reconnection): no leftover data, event type, partial line or
    # retry for the block; a BOM is again recognised at its start; the last event ID carries over.
    assert decoder.feed(b"\xef\xbb\xbfdata: new\n\n") == [ev("new", id="4")]
    assert (decoder.last_event_id, decoder.retry) == ("4", 10)


def test_flush_forgets_pending_cr() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\r")
    decoder.flush()
    # The LF opening the next stream is a line end of its own, not the tail of a CRLF.
    assert decoder.feed(b"data: b\n\n") == [ev("b")]
    decoder.feed(b"data: a\r")
    decoder.flush()
    assert decoder.feed(b"\ndata: c\n\n") == [ev("c")]


def test_huge_retry_is_ignored_not_raised() -> None:
    # int() refuses more than 4300 digits; that must not escape from feed().
    events, decoder = decode([b"retry: 5\n", b"retry: " + b"9" * 5000 + b"\ndata: a\n\n"])
    assert events == [ev("a", retry=5)]
    assert decoder.retry == 5


def test_long_line_in_tiny_chunks() -> None:
    payload = b"x" * 100_000
    stream = b"data: " + payload + b"\n\n"
    decoder = SSEDecoder()
    events = [e for i in range(0, len(stream), 7) for e in decoder.feed(stream[i : i + 7])]
    assert [len(e.data) for e in events] == [len(payload)]


def test_json() -> None:
    (event,) = decode([b'data: {"a": [1, 2]}\n\n'])[0]
    assert event.json() == {"a": [1, 2]}
    with pytest.raises(ValueError):
        ev("[DONE]").json()


def test_event_is_slotted() -> None:
    with pytest.raises(AttributeError):
        ev("a").extra = 1  # type: ignore[attr-defined]


# --- property tests -------------------------------------------------------------------------

# Text allowed inside a line: anything UTF-8 can encode except the line-end characters.
line_text = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=12)

# (event, data lines, id, retry) of one event to serialise.
Spec: TypeAlias = tuple[str | None, list[str], str | None, int | None]


@st.composite
def event_specs(draw: st.DrawFn) -> Spec:
    event = draw(st.none() | line_text.filter(bool))
    data = draw(st.lists(line_text, min_size=1, max_size=4))
    id_ = draw(st.none() | line_text.filter(lambda s: "\0" not in s))
    retry = draw(st.none() | st.integers(0, 10**12))
    return event, data, id_, retry


def serialise(specs: list[Spec], hyp: st.DataObject) -> bytes:
    lines: list[str] = []
    for event, data, id_, retry in specs:
        block: list[str] = []
        if hyp.draw(st.booleans()):
            block.append(":" + hyp.draw(line_text))
        if event is not None:
            block.append("event: " + event)
        if id_ is not None:
            block.append("id: " + id_)
        if retry is not None:
            block.append(f"retry: {retry}")
        fields = hyp.draw(st.permutations(block))
        # Values that start with a space need the separator space, or it would be eaten.
        data_lines = [
            "data: " + d if d.startswith(" ") or hyp.draw(st.booleans()) else "data:" + d for d in data
        ]
        # Interleave the other fields anywhere among the data lines, which keep their order.
        while fields or data_lines:
            source = fields if fields and (not data_lines or hyp.draw(st.booleans())) else data_lines
            lines.append(source.pop(0))
        lines += [""] * hyp.draw(st.integers(1, 2))
    out = [b"\xef\xbb\xbf"] if hyp.draw(st.booleans()) else []
    prev_end = ""
    for line in lines:
        end = hyp.draw(st.sampled_from(["\n", "\r", "\r\n"]))
        # A CR followed by an empty line's LF would read as a single CRLF: an encoder has to
        # avoid that sequence, so pick another line end for that empty line.
        if prev_end == "\r" and not line and end == "\n":
            end = "\r"
        out.append((line + end).encode())
        prev_end = end
    return b"".join(out)


def expected_events(specs: list[Spec]) -> list[ServerSentEvent]:
    expected = []
    last_id: str | None = None
    for event, data, id_, retry in specs:
        if id_ is not None:
            last_id = id_
        expected.append(ServerSentEvent(event=event, data="\n".join(data), id=last_id, retry=retry))
    return expected


def random_splits(data: st.DataObject, stream: bytes) -> list[bytes]:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=12)))
    return split_at(stream, cuts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.lists(event_specs(), max_size=6))
def test_roundtrip_random_events(data: st.DataObject, specs: list[Spec]) -> None:
    stream = serialise(specs, data)
    chunks = random_splits(data, stream)
    events, decoder = decode(chunks)
    assert events == expected_events(specs)
    ids = [id_ for _, _, id_, _ in specs if id_ is not None]
    assert decoder.last_event_id == (ids[-1] if ids else "")


def reference_decode(stream: bytes) -> list[ServerSentEvent]:
    """A literal, unoptimised reading of the WHATWG algorithm over the whole stream at once."""
    text = stream.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)
    lines.pop()  # the unterminated rest (possibly empty) is discarded at end of stream
    events = []
    data, event_type, last_id, retry = "", "", None, None
    for line in lines:
        if line == "":
            if data:
                events.append(
                    ServerSentEvent(event=event_type or None, data=data[:-1], id=last_id, retry=retry)
                )
            data, event_type, retry = "", "", None
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "event":
            event_type = value
        elif field == "data":
            data += value + "\n"
        elif field == "id" and "\0" not in value:
            last_id = value
        elif field == "retry" and re.fullmatch(r"[0-9]{1,4000}", value):
            retry = int(value)
    return events


# Bytes weighted towards what the decoder branches on, so random input reaches every path.
_INTERESTING = [b"\r", b"\n", b"\r\n", b"data", b"data:", b"data: ", b"event:", b"id:", b"retry:", b":", b" "]
_INTERESTING += [
    b"\x00",
    b"1",
    b"a",
    b"\xc3\xa9",
    b"\xef\xbb\xbf",
    b"\xef",
    b"\xbb",
    b"\xe2\x82",
    b"\xac",
    b"\xff",
]
interesting_bytes = st.lists(st.sampled_from(_INTERESTING), max_size=40).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(st.data(), interesting_bytes | st.binary(max_size=200))
def test_random_bytes_match_reference_at_any_split(data: st.DataObject, stream: bytes) -> None:
    expected = reference_decode(stream)
    events, _ = decode(random_splits(data, stream))
    assert events == expected
    assert all(isinstance(e.data, str) for e in events)


def test_reference_decoder_sanity() -> None:
    # The oracle itself must agree with hand-written expectations, or the property above is moot.
    for name, stream, expected in CASES:
        assert reference_decode(stream) == expected, name
