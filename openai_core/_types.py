"""Small value types shared by every layer: the NOT_GIVEN sentinel and Timeout."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, TypeVar, final

from typing_extensions import override

__all__ = [
    "NOT_GIVEN",
    "Body",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "RateLimit",
    "Timeout",
    "TimeoutTypes",
    "not_given",
    "omit",
]

_T = TypeVar("_T")


@final
class NotGiven:
    """Sentinel for "the caller did not pass this argument", distinct from an explicit ``None``
    (which, for ``timeout``, means "no timeout")."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
not_given: Final = NOT_GIVEN


@final
class Omit:
    """Passed as a header value in ``extra_headers`` / ``default_headers`` to remove a header the
    client would otherwise send (for example ``{"OpenAI-Organization": omit}``)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "omit"


omit: Final = Omit()

Headers: TypeAlias = Mapping[str, str | Omit]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = object


@final
class Timeout:
    """Timeouts in seconds. ``connect``, ``read``, ``write`` and ``pool`` have httpx's meaning (and the
    official SDK's): ``connect`` to open a connection, ``read`` between two reads of the response (so a
    long stream that keeps sending never times out), ``write`` to send the body, ``pool`` to wait for a
    free pooled connection. ``total`` is an overall deadline for the whole call: every attempt, the
    waits between retries and reading the body (for a stream, every read of it), however the server
    trickles its bytes. ``None`` disables a phase; ``total`` is off unless given.

    ``Timeout(600)`` sets every phase but ``total`` to 600 s, as a plain number does; ``Timeout(600,
    connect=5)`` overrides one; ``Timeout(600, total=900)`` adds the deadline. Any object with
    ``connect``/``read``/``write``/``pool`` attributes (an ``httpx.Timeout``) is accepted where a Timeout
    is.
    """

    __slots__ = ("connect", "pool", "read", "total", "write")

    def __init__(
        self,
        timeout: float | NotGiven | None = NOT_GIVEN,
        *,
        connect: float | NotGiven | None = NOT_GIVEN,
        read: float | NotGiven | None = NOT_GIVEN,
        write: float | NotGiven | None = NOT_GIVEN,
        pool: float | NotGiven | None = NOT_GIVEN,
        total: float | None = None,
    ) -> None:
        default = None if isinstance(timeout, NotGiven) else timeout
        self.connect: float | None = default if isinstance(connect, NotGiven) else connect
        self.read: float | None = default if isinstance(read, NotGiven) else read
        self.write: float | None = default if isinstance(write, NotGiven) else write
        self.pool: float | None = default if isinstance(pool, NotGiven) else pool
        self.total: float | None = total
        for name in self.__slots__:
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int | float) or value < 0 or value != value):
                raise ValueError(f"timeout {name} must be a non-negative number or None, got {value!r}")

    @classmethod
    def coerce(cls, value: object) -> Timeout:
        """A Timeout from what a user may pass: a number, None (no timeout), a Timeout, or an object
        shaped like ``httpx.Timeout``."""
        if isinstance(value, Timeout):
            return value
        if value is None or isinstance(value, int | float):
            return cls(value)
        connect = getattr(value, "connect", NOT_GIVEN)
        if isinstance(connect, NotGiven):
            raise TypeError(f"timeout must be a number, None or a Timeout, got {type(value).__name__}")
        return cls(
            connect=connect,
            read=getattr(value, "read", None),
            write=getattr(value, "write", None),
            pool=getattr(value, "pool", None),
        )

    def as_dict(self) -> dict[str, float | None]:
        """The four phases, as httpx takes them (``total`` is the pipeline's, not the backend's)."""
        return {"connect": self.connect, "read": self.read, "write": self.write, "pool": self.pool}

    @override
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Timeout) and self.as_dict() == other.as_dict() and self.total == other.total

    @override
    def __hash__(self) -> int:
        return hash((self.connect, self.read, self.write, self.pool, self.total))

    @override
    def __repr__(self) -> str:
        total = "" if self.total is None else f", total={self.total}"
        return f"Timeout(connect={self.connect}, read={self.read}, write={self.write}, pool={self.pool}{total})"


# An `httpx.Timeout` is accepted at run time too (duck-typed by `Timeout.coerce`).
TimeoutTypes: TypeAlias = float | Timeout | None

# The official SDK's defaults: a long overall budget (model answers can take minutes) but a short
# connect timeout so an unreachable host fails fast.
DEFAULT_TIMEOUT: Final = Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2


@dataclass(frozen=True)
class RateLimit:
    """Per-minute budgets; None leaves that dimension unlimited."""

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None

    def __post_init__(self) -> None:
        for name in ("requests_per_minute", "tokens_per_minute"):
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be a positive number, got {value!r}")
