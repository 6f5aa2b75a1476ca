"""Sans-IO Server-Sent Events decoder.

Implements the WHATWG HTML "event stream interpretation" algorithm
(https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation)
over raw bytes: the caller pushes chunks in with :meth:`SSEDecoder.feed` and gets completed
events back, so the same decoder serves every transport, sync or async.

Deliberate choices where the spec and the official ``openai`` SDK differ, or where the spec
leaves room:

* A block with no ``data`` field is *not* dispatched, even if it set ``event``, ``id`` or
  ``retry`` (WHATWG step "if the data buffer is an empty string, ... return"). The official SDK
  dispatches such blocks; no OpenAI-compatible server relies on that, and following the spec
  keeps keep-alive blocks such as ``event: ping`` from surfacing as empty events. Their ``id`` and
  ``retry`` still take effect on the decoder.
* An empty ``event:`` value yields ``event=None``: per the spec an empty event type buffer means
  the default type "message", which callers spell ``None``.
* End of stream discards whatever has not been terminated by a blank line, including a final line
  with no line end (WHATWG: "any pending data must be discarded"), so :meth:`SSEDecoder.flush`
  never produces events.
* A ``retry`` value too long for ``int()`` (Python's 4300-digit guard) is ignored rather than
  raising: a hostile or broken server must not be able to crash the reader.
* ``max_event_bytes`` bounds one event (its data lines, in characters, plus an unfinished line, in
  bytes): past it :meth:`SSEDecoder.feed` raises :class:`EventTooLargeError` instead of buffering a
  line that never ends. The spec sets no bound; a client holding whatever a server sends is a memory
  leak waiting for one broken server. The count is exact for an unfinished line and for data lines
  spread over several chunks; within one chunk it may include lines of events that chunk completed.
* :attr:`SSEDecoder.pending` says whether the bytes so far end inside an event, so a caller can tell a
  body that ended cleanly from one cut mid-event (which the spec's discard would hide).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["EventTooLargeError", "SSEDecoder", "ServerSentEvent"]

_BOM: Final = b"\xef\xbb\xbf"
_CR: Final = 0x0D
_COLON: Final = 0x3A  # a line starting with ":" is a comment


class EventTooLargeError(ValueError):
    """An event grew past the decoder's ``max_event_bytes``."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"a server-sent event is longer than {limit} bytes")
        self.limit = limit


@dataclass(slots=True)
class ServerSentEvent:
    event: str | None
    data: str
    id: str | None
    retry: int | None

    def json(self) -> Any:
        return json.loads(self.data)


class SSEDecoder:
    """Incremental event-stream decoder: bytes in, completed :class:`ServerSentEvent` out.

    ``last_event_id`` is the spec's "last event ID buffer" and ``retry`` the last valid
    reconnection time seen; both survive :meth:`flush` because the spec keeps them across
    reconnections, while everything tied to the byte stream itself is reset.
    """

    __slots__ = (
        "_counted",
        "_data",
        "_data_size",
        "_event",
        "_id",
        "_limit",
        "_parts",
        "_pending_cr",
        "_retry_block",
        "_slow",
        "_started",
        "_tail",
        "retry",
    )

    retry: int | None

    def __init__(self, max_event_bytes: int | None = None) -> None:
        self.retry = None
        self._limit = max_event_bytes
        # None (rather than "") so events can tell "never set" apart from an explicit empty `id`.
        self._id: str | None = None
        self._reset_stream()

    def _reset_stream(self) -> None:
        # Bytes of the current, not yet terminated line. A list, not one growing bytes object,
        # so a long line arriving in many small chunks costs linear rather than quadratic time.
        self._parts: list[bytes] = []
        # The previous chunk ended in CR. That CR already ended its line (so the event it
        # completes has been returned); all we still owe is to swallow an LF that may open the
        # next chunk, which would otherwise count as a second line end.
        self._pending_cr = False
        # False until we know whether the stream opens with a BOM; until then up to two bytes
        # that could be the start of one wait in _parts.
        self._started = False
        # Either of the two flags above set: feed() must take the _normalise path even for a
        # chunk without CR. One flag keeps the common case to a single attribute test.
        self._slow = True
        self._data: list[str] = []
        self._event: str | None = None
        self._retry_block: int | None = None
        # Size accounting for max_event_bytes: bytes in _parts, characters in _data, and how many of
        # _data's items _data_size already counts.
        self._tail = 0
        self._data_size = 0
        self._counted = 0

    @property
    def last_event_id(self) -> str:
        return "" if self._id is None else self._id

    @property
    def pending(self) -> str | None:
        """Where the bytes fed so far end: None at an event boundary, ``"line"`` inside a line (no line
        end yet), ``"event"`` after data lines still waiting for their blank line."""
        if any(self._parts):
            return "line"
        return "event" if self._data else None

    @property
    def pending_data(self) -> str:
        """The data of the event still waiting for its blank line ("" when there is none)."""
        return "\n".join(self._data)

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        return self._feed(chunk, False)  # type: ignore[return-value]  # not bare: events only

    def feed_bare(self, chunk: bytes) -> list[ServerSentEvent | str]:
        """:meth:`feed` for a reader that needs only an unnamed event's data (a stream of items): such an
        event comes back as its ``data`` string, no event object made for it; a named one as the event."""
        return self._feed(chunk, True)

    def _feed(self, chunk: bytes, bare: bool) -> list[ServerSentEvent | str]:
        if self._slow or b"\r" in chunk:
            chunk = self._normalise(chunk)
        parts = self._parts
        end = chunk.rfind(b"\n")
        if end < 0:
            if chunk:
                parts.append(chunk)
                self._tail += len(chunk)
                limit = self._limit
                if limit is not None and self._tail + self._data_size > limit:
                    raise EventTooLargeError(limit)
            return []
        # `complete` holds every line this chunk finishes, each with its LF, so its split always
        # ends in an empty element standing for "nothing after the last LF".
        end += 1
        if parts:
            parts.append(chunk[:end])
            complete = b"".join(parts)
            parts.clear()
        else:
            complete = chunk if end == len(chunk) else chunk[:end]
        if end < len(chunk):
            parts.append(chunk[end:])
            self._tail = len(chunk) - end
        elif self._tail:
            self._tail = 0
        # Split bytes, decode per line (measured faster than decoding the whole region first,
        # since most lines are ASCII). This equals the spec's decoding of the whole stream: LF is
        # never a UTF-8 continuation byte, so no character, and no invalid sequence that
        # "replace" turns into U+FFFD, can straddle a line end. Only the unterminated tail is
        # kept undecoded, which is what keeps a multi-byte character split across chunks intact.
        lines = complete.split(b"\n")
        lines.pop()

        # Inlined rather than a helper because this loop is the whole cost of a typical OpenAI
        # stream (`data: {...}` then a blank line); every other line shape goes through _field.
        events: list[ServerSentEvent | str] = []
        data = self._data
        for line in lines:
            if not line:
                if data:
                    if bare and self._event is None:
                        events.append("\n".join(data))
                    else:
                        events.append(ServerSentEvent(self._event, "\n".join(data), self._id, self._retry_block))
                    data.clear()
                self._event = None
                self._retry_block = None
            elif line.startswith(b"data: "):
                data.append(line[6:].decode("utf-8", "replace"))
            elif line[0] != _COLON:
                self._field(line.decode("utf-8", "replace"))
        # Only an event still open after this chunk needs counting (a chunk ending on a blank line, the
        # common case, costs this one test).
        if data or self._counted:
            limit = self._limit
            if limit is not None:
                self._account(events, limit)
        return events

    def _account(self, events: list[ServerSentEvent | str], limit: int) -> None:
        data = self._data
        if data:
            if events:  # the event still open started in this chunk: everything in _data is new
                size = sum(map(len, data))
            else:
                size = self._data_size + sum(len(data[i]) for i in range(self._counted, len(data)))
            self._data_size, self._counted = size, len(data)
            if size + self._tail > limit:
                raise EventTooLargeError(limit)
        elif self._counted:
            self._data_size = self._counted = 0

    def _normalise(self, chunk: bytes) -> bytes:
        """Strip a leading BOM, finish a CRLF split across chunks, and turn CR/CRLF into LF."""
        if not chunk:
            # An empty chunk says nothing about the byte after a pending CR; keep waiting.
            return chunk
        if self._pending_cr:
            self._pending_cr = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
        if not self._started:
            parts = self._parts
            head = b"".join(parts) + chunk if parts else chunk
            parts.clear()
            if len(head) < 3 and _BOM.startswith(head):
                if head:
                    parts.append(head)
                return b""
            self._started = True
            chunk = head[3:] if head.startswith(_BOM) else head
        if b"\r" in chunk:
            # Rewriting CR and CRLF to LF up front keeps the line loop LF-only. Safe within one
            # chunk: a pending partial line never holds a CR (a CR always ends a line), and a CRLF
            # split across chunks is finished above via _pending_cr.
            self._pending_cr = chunk[-1] == _CR
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        self._slow = self._pending_cr or not self._started
        return chunk

    def flush(self) -> list[ServerSentEvent]:
        # WHATWG: at end of stream any pending data is discarded, including an unterminated
        # final line and an event still waiting for its blank line. Every complete event was
        # already returned by feed(), so there is never anything to return here.
        self._reset_stream()
        return []

    def _field(self, line: str) -> None:
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value or None
        elif name == "id":
            if "\0" not in value:
                self._id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            try:
                retry = int(value)
            except ValueError:
                return
            self.retry = retry
            self._retry_block = retry
