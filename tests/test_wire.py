"""The same calls through the official SDK and through openai_core must put the same bytes on the wire.

Every call in ``tests/_calls.py`` is made through ``openai.AsyncOpenAI`` (its default HTTP client) and
through ``openai_core.AsyncOpenAI`` on each transport, all configured alike and pointed at the recording
server in ``tests/_recorder.py``. Call by call, the recorded requests must agree on method, path (as sent,
percent-escapes included), query (parsed), body (JSON parsed; multipart as its parts: names, filenames,
content types, bytes), and every header except the few listed in ``DIFFERENT_ON_PURPOSE`` (also in
``docs/compatibility.md``, with the reason). The parsed results must agree too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest

import openai_core
from openai_core._resource import AsyncAPIResource

from ._calls import ACTIVE, CALLS, PROVEN_ELSEWHERE, ApiCall, has_method, our_methods
from ._recorder import Recorded, Recorder

# Header names (lower case) that may differ, and why. Keep in step with docs/compatibility.md.
DIFFERENT_ON_PURPOSE = {
    "user-agent": "names the library that sent the request",
    "idempotency-key": "openai_core sends one on every non-GET request (reused by its retries); "
                       "the official SDK sends none to api.openai.com",
    "accept-encoding": "each HTTP library advertises the codings it can decode",
    "content-length": "bodies are compared parsed: JSON whitespace and multipart boundaries differ",
    "connection": "HTTP-library connection management (keep-alive)",
}
# The official SDK's telemetry headers (X-Stainless-Lang, -Package-Version, -OS, -Arch, -Runtime,
# -Runtime-Version, -Async, -Retry-Count, -Read-Timeout): openai_core does not send them.
DIFFERENT_PREFIX = "x-stainless-"

CLIENT_OPTIONS: dict[str, Any] = {
    "api_key": "sk-wire",
    "admin_api_key": "sk-admin-wire",  # the bearer of the admin.* calls
    "organization": "org-wire",
    "project": "proj-wire",
    "default_headers": {"X-Custom-Header": "custom", "X-Second-Header": "second"},
    "default_query": {"api-version": "wire-1"},
    "max_retries": 0,
}


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


def official_client(base_url: str) -> Any:
    return openai.AsyncOpenAI(base_url=base_url, **CLIENT_OPTIONS)


def our_client(transport: str) -> Callable[[str], Any]:
    def make(base_url: str) -> Any:
        return openai_core.AsyncOpenAI(base_url=base_url, transport=transport, **CLIENT_OPTIONS)

    return make


async def record(recorder: Recorder, make: Callable[[str], Any], api: ApiCall) -> tuple[list[Recorded], Any]:
    recorder.take()
    async with make(recorder.base_url) as client:
        result = await api.call(client)
    return recorder.take(), result


def wire_view(request: Recorded, *, stream: bool) -> dict[str, Any]:
    """What must match: everything but the headers that differ on purpose, with the body parsed.
    The two conditional differences (checked in ``assert_documented_differences``) are left out here:
    ``Accept`` of a streaming call, and ``Content-Type`` of a request without a body."""
    headers: dict[str, list[str]] = {}
    for name in {key.lower() for key in request.headers}:
        if name not in DIFFERENT_ON_PURPOSE and not name.startswith(DIFFERENT_PREFIX):
            headers[name] = request.headers.getall(name)
    if stream:
        headers.pop("accept", None)
    if not request.body:
        headers.pop("content-type", None)
    query: dict[str, list[str]] = {}
    for key, value in request.query:
        query.setdefault(key, []).append(value)
    body: Any = request.body
    content_type = request.content_type
    if content_type.startswith("application/json") and request.body:
        body = request.json()
    elif content_type.startswith("multipart/form-data"):
        # The boundary is random per request; the parts are what must match. Fields of different names
        # may come in any order (RFC 7578 gives order meaning only among parts of the same name, and
        # the stable sort keeps that order).
        body = sorted(request.parts(), key=lambda part: part.name or "")
        headers["content-type"] = ["multipart/form-data"]
    return {"method": request.method, "path": request.raw_path, "query": query, "headers": headers,
            "body": body}


def plain(result: Any) -> Any:
    """A result as plain data, to compare what the two SDKs parsed from the same answer."""
    if isinstance(result, list):
        return [plain(item) for item in result]
    if isinstance(result, dict):
        return {key: plain(value) for key, value in result.items()}
    if hasattr(result, "model_dump"):
        # warnings=False: a parsed structured output sits in a field typed by an unbound TypeVar in
        # both SDKs, which pydantic's serializer flags; the data is what is compared.
        return result.model_dump(mode="json", by_alias=True, exclude_unset=True, warnings=False)
    return result


# The official SDK marks images.create_variation and audio.translations.create @deprecated; both are
# still API methods that openai_core offers, and the table calls them on purpose.
# The admin methods (tests/_calls_admin.py) run on one transport, but for a few that take each shape of admin
# call (a GET with a query, a POST with a body, a DELETE, a page walk) on every one: their requests differ from
# the other generated calls' only in the bearer, which is set above the transport (with_admin_key), and an
# httpx client per call costs an SSL context, most of these tests' time.
ADMIN_ON_EVERY_TRANSPORT = {"admin.organization.usage.completions", "admin.organization.invites.create",
                            "admin.organization.projects.users.delete", "admin.organization.roles.list[all pages]"}
ADMIN_TRANSPORT = "aiohttp"


def _on_one_transport(api: ApiCall) -> bool:
    # tests/_calls_agents.py registers its beta.agents entries through _calls_admin too: they run on every transport.
    return api.call.__module__ == "tests._calls_admin" and api.name.startswith("admin.") \
        and api.name not in ADMIN_ON_EVERY_TRANSPORT


EVERY_TRANSPORT = [call for call in ACTIVE if not _on_one_transport(call)]
ONE_TRANSPORT = [call for call in ACTIVE if _on_one_transport(call)]


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:The Sora API:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Retrieve is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:The Assistants API:DeprecationWarning")
@pytest.mark.parametrize("api", EVERY_TRANSPORT, ids=[call.name for call in EVERY_TRANSPORT])
async def test_same_requests_as_the_official_sdk(api: ApiCall, transport: str, recorder: Recorder) -> None:
    await compare_with_official(api, transport, recorder)


@pytest.mark.parametrize("api", ONE_TRANSPORT, ids=[call.name for call in ONE_TRANSPORT])
async def test_same_admin_requests_as_the_official_sdk(api: ApiCall, recorder: Recorder) -> None:
    await compare_with_official(api, ADMIN_TRANSPORT, recorder)


async def compare_with_official(api: ApiCall, transport: str, recorder: Recorder) -> None:
    theirs, their_result = await record(recorder, official_client, api)
    ours, our_result = await record(recorder, our_client(transport), api)

    assert theirs or api.offline, "the official SDK sent nothing"
    assert not (ours and api.offline), "an offline helper sent a request"
    assert [wire_view(r, stream=api.stream) for r in ours] == [wire_view(r, stream=api.stream) for r in theirs]
    assert plain(our_result) == plain(their_result)
    for mine, official in zip(ours, theirs, strict=True):
        assert_documented_differences(mine, official, stream=api.stream)
    if api.stream:
        assert our_result, "the stream yielded nothing"


def assert_documented_differences(mine: Recorded, official: Recorded, *, stream: bool) -> None:
    """The differences hold exactly as docs/compatibility.md describes them; a failure here means the
    note (or the code) is stale."""
    assert ("idempotency-key" in mine.headers) == (mine.method != "GET")
    if "idempotency-key" in official.headers:
        # The official SDK sends one only when a call's `idempotency_key` says so (an agent environment's
        # create): then openai_core sends that one, in place of its own.
        assert mine.headers.getall("idempotency-key") == official.headers.getall("idempotency-key")
    assert not any(name.lower().startswith(DIFFERENT_PREFIX) for name in mine.headers)
    assert mine.headers["user-agent"].startswith("AsyncOpenAI/Python")
    assert mine.headers["user-agent"].endswith("(openai-core)")
    if stream:
        assert mine.headers.getall("accept") == ["text/event-stream"]
        # The official SDK asks a streaming POST for JSON; a GET that only streams (an agent session's
        # events) asks for the event stream, as openai_core does every time.
        assert official.headers.getall("accept") in (["application/json"], ["text/event-stream"])
    if not official.body:
        # The official SDK sends its default Content-Type: application/json on every non-GET request,
        # body or not; openai_core describes only content it sends.
        assert "content-type" not in mine.headers
        assert official.headers.get("content-type") == (None if official.method == "GET" else "application/json")


@pytest.mark.parametrize("client", ["official", "httpx", "aiohttp", "lean"])
@pytest.mark.parametrize("bad_id", [".", ".."])
async def test_dot_segment_ids_are_refused_before_sending(client: str, bad_id: str, recorder: Recorder) -> None:
    # URL normalisation would resolve a dot segment away: `jobs.cancel("..")` would POST elsewhere.
    make = official_client if client == "official" else our_client(client)
    recorder.take()
    async with make(recorder.base_url) as c:
        with pytest.raises(ValueError, match="dot-segment"):
            await c.fine_tuning.jobs.cancel(bad_id)
    assert recorder.take() == []


def test_every_method_is_in_the_table() -> None:
    # A method openai_core grows without an entry in tests/_calls.py would be proven by neither test.
    assert our_methods() - {call.method for call in CALLS} - PROVEN_ELSEWHERE.keys() == set()


def test_every_table_method_exists_in_the_official_sdk() -> None:
    client = openai.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    assert [call.method for call in CALLS if not has_method(client, call.method)] == []


def test_every_table_method_exists_in_openai_core() -> None:
    # The table is ahead of the code only while a helper's resource is in flight; at a commit, never.
    assert [call.name for call in CALLS if call not in ACTIVE] == []


# -- with_raw_response on every method ----------------------------------------------------------------------


class _RawView:
    """A view of an openai_core client in which every API method goes through the resource's
    ``with_raw_response`` twin (or ``with_streaming_response``) and returns the raw response's
    ``parse()``: the table's calls, run on it, must send the same requests and get the same results as
    on the client itself."""

    def __init__(self, target: Any, mode: str) -> None:
        self._target, self._mode = target, mode

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if isinstance(value, AsyncAPIResource):
            return _RawView(value, self._mode)
        if not (isinstance(self._target, AsyncAPIResource) and callable(value)):
            return value
        if self._mode == "raw":
            raw_method = getattr(self._target.with_raw_response, name)

            async def parsed(*args: Any, **kwargs: Any) -> Any:
                return (await raw_method(*args, **kwargs)).parse()

            return parsed
        streamed_method = getattr(self._target.with_streaming_response, name)

        async def parsed_streamed(*args: Any, **kwargs: Any) -> Any:
            async with streamed_method(*args, **kwargs) as response:
                return await response.parse()

        return parsed_streamed


# Calls whose shape a coroutine cannot take: they iterate a paginator without awaiting it, or use a
# helper that is a context manager. Their raw twins are covered by the table's own raw entries.
NOT_AWAITED = ("[all pages]", "chat.completions.stream", "with_raw_response", "with_streaming_response",
               "uploads.upload_file_chunked",
               "files.wait_for_processing", "responses.stream",
               # the generated surface's helpers (several calls each; no raw form in either SDK)
               "_and_poll", "files.poll", "file_batches.poll", "videos.poll", "vector_stores.files.upload",
               "webhooks.unwrap", "webhooks.verify_signature", "beta.threads.runs.poll", "create_and_run_poll")


def test_helpers_have_no_raw_form() -> None:
    # As in the official SDK: a helper making several requests has no single raw response to give.
    client = openai_core.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    for view in (client.files.with_raw_response, client.files.with_streaming_response):
        with pytest.raises(AttributeError, match="helper"):
            _ = view.wait_for_processing
    with pytest.raises(AttributeError, match="helper"):
        _ = client.chat.completions.with_raw_response.stream


def _awaited(api: ApiCall) -> bool:
    return not any(marker in api.name for marker in NOT_AWAITED)


def test_every_exclusion_marker_still_matches_a_call() -> None:
    assert [m for m in NOT_AWAITED if not any(m in api.name for api in ACTIVE)] == []


def test_the_admin_calls_on_every_transport_are_in_the_table() -> None:
    assert ADMIN_ON_EVERY_TRANSPORT - {api.name for api in ACTIVE} == set()


# A streamed call's stream is consumed after the call returns, outside the `with_streaming_response`
# block that owns its connection: those are the raw view's (and the table's own streaming entries).
# The binary downloads' streamed form parses to bytes (as in the official SDK), not to the binary
# response the plain call returns: the table has their own `with_streaming_response` entries.
BINARY = {"files.content", "audio.speech.create", "containers.files.content.retrieve", "skills.content.retrieve",
          "skills.versions.content.retrieve", "videos.download_content", "live.sessions.download_recording",
          "realtime.calls.create", "beta.agents.sessions.artifacts.content"}
def _view_runs() -> list[tuple[ApiCall, str, str]]:
    """(call, raw|streaming, transport). The generated surface's calls (``tests/_calls_stores.py`` ...) run
    their views on aiohttp only: the views are one mechanism above the transport, each of those calls runs
    on both transports in the plain wire test, and an httpx client costs an SSL context per construction
    (the bulk of these tests' time). The hand-written methods' views keep both transports."""
    runs = []
    for call in ACTIVE:
        # `beta.chat` is the client's `chat` itself (test_beta_chat_is_the_clients_chat): its views are the
        # chat entries' own.
        if not _awaited(call) or call.name.startswith("beta.chat."):
            continue
        transports = ["aiohttp"] if call.call.__module__.startswith(GENERATED_TABLES) else ["httpx", "aiohttp"]
        modes = ["raw"] + ([] if call.stream or call.method in BINARY else ["streaming"])
        runs += [(call, mode, transport) for mode in modes for transport in transports]
    return runs


GENERATED_TABLES = ("tests._calls_stores", "tests._calls_evals", "tests._calls_misc", "tests._calls_admin",
                    "tests._calls_beta", "tests._calls_agents")


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:The Sora API:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Retrieve is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:The Assistants API:DeprecationWarning")
@pytest.mark.parametrize(
    ("api", "mode", "transport"),
    _view_runs(),
    ids=lambda v: v if isinstance(v, str) else v.name,
)
async def test_raw_and_streaming_response_of_every_method(
    api: ApiCall, mode: str, transport: str, recorder: Recorder
) -> None:
    make = our_client(transport)
    direct, direct_result = await record(recorder, make, api)
    recorder.take()
    async with make(recorder.base_url) as client:
        raw_result = await api.call(_RawView(client, mode))
    raw = recorder.take()
    assert [wire_view(r, stream=api.stream) for r in raw] == [wire_view(r, stream=api.stream) for r in direct]
    assert type(raw_result) is type(direct_result)
    assert plain(raw_result) == plain(direct_result)


def test_beta_chat_is_the_clients_chat() -> None:
    client = openai_core.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    assert client.beta.chat is client.chat


# -- completeness against the official SDK's resource tree ------------------------------------------------


# Compared with the official SDK by a wire test of their own (not HTTP calls the recorder answers).
WIRE_TESTED_ELSEWHERE = {  # frames, handshake, parsed events, close codes
    "realtime.connect",  # tests/test_realtime_wire.py
    "responses.connect",  # tests/test_ws_apis_wire.py
    "realtime.translations.connect",  # tests/test_ws_apis_wire.py
    "live.connect",  # tests/test_ws_apis_wire.py
    "live.forks.connect",  # tests/test_ws_apis_wire.py
    "live.sideband.connect",  # tests/test_ws_apis_wire.py
}


def test_every_official_method_is_covered_or_listed() -> None:
    # Each method of the official SDK is called by a table entry or matched by a row of the "Not covered"
    # table in docs/compatibility.md (a pattern, its method count and the reason).
    from ._surface import matches, not_covered, official_methods

    listed = not_covered()
    assert listed, "docs/compatibility.md has no 'Not covered' table"
    tabled = {call.method for call in CALLS} | WIRE_TESTED_ELSEWHERE
    missing = sorted(m for m in official_methods() - tabled if not any(matches(p, m) for p in listed))
    assert missing == []


def test_the_not_covered_list_is_exact() -> None:
    # A row that matches a method openai_core has is stale; each row's count is what it matches.
    from ._surface import matches, not_covered, official_methods

    ours = our_methods()
    official = official_methods()
    for pattern, _reason in not_covered().items():
        matched = {m for m in official if matches(pattern, m)}
        assert matched, f"{pattern} matches no official method"
        assert not matched & ours, f"{pattern} lists methods openai_core has: {sorted(matched & ours)}"


def test_the_not_covered_counts_are_right() -> None:
    import re

    from ._surface import COMPATIBILITY, matches, official_methods

    official = official_methods()
    section = COMPATIBILITY.read_text().split("## Not covered", 1)[1].split("\n## ", 1)[0]
    for pattern, count in re.findall(r"\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|", section):
        assert sum(matches(pattern, m) for m in official) == int(count), pattern


# -- deprecations warn as in the official SDK ----------------------------------------------------------------

DEPRECATED = [
    "images.create_variation", "audio.translations.create", "files.retrieve_content", "videos.retrieve",
    "videos.create_and_poll", "fine_tuning.checkpoints.permissions.retrieve", "beta.assistants.create",
    "beta.threads.runs.create",
]


@pytest.mark.parametrize("name", DEPRECATED)
async def test_deprecations_warn_as_in_the_official_sdk(name: str, recorder: Recorder) -> None:
    import warnings

    api = next(call for call in CALLS if call.name == name)

    async def warned(make: Callable[[str], Any]) -> list[tuple[type[Warning], str]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await record(recorder, make, api)
        return sorted({(w.category, str(w.message)) for w in caught if issubclass(w.category, DeprecationWarning)})

    ours = await warned(our_client("httpx"))
    assert ours, f"{name} does not warn"
    assert ours == await warned(official_client)


# -- every parameter the official SDK's methods take is accepted ---------------------------------------------

# Not accepted yet (docs/compatibility.md, "Not covered"): resuming a Responses stream, two parse options, and
# the official agent session runtime's client-side arguments.
PARAMETER_GAPS = {
    ("responses.stream", "response_id"), ("responses.stream", "starting_after"),
    ("responses.parse", "verbosity"), ("responses.parse", "parse_as"),
    ("beta.agents.sessions.create", "output_type"), ("beta.agents.sessions.create", "tool_handlers"),
}


async def test_every_official_parameter_is_accepted() -> None:
    import inspect
    import warnings

    from openai_core.transports.mock import MockTransport

    class Sent(Exception):
        pass

    async def refuse(request: Any) -> Any:
        raise Sent

    official = openai.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    ours = openai_core.AsyncOpenAI(api_key="sk-none", http_client=MockTransport(refuse), max_retries=0)

    def find(client: Any, path: str) -> Any:
        for name in path.split("."):
            client = getattr(client, name)
        return client

    refused = set()
    for method in sorted(our_methods()):
        try:
            theirs = inspect.signature(find(official, method)).parameters
        except AttributeError:
            continue
        mine = find(ours, method)
        positional = [p for p in inspect.signature(mine).parameters.values()
                      if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty]
        for name, param in theirs.items():
            if param.kind is not param.KEYWORD_ONLY or name in ("extra_headers", "extra_query", "extra_body",
                                                                  "timeout"):
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    result = mine(*["x"] * len(positional), **{name: None})
                    if inspect.isawaitable(result):
                        await result
            except TypeError as exc:
                if "unexpected keyword argument" in str(exc):
                    refused.add((method, name))
            except Exception:  # any other failure (the refused send, a bad value) means the name was taken
                pass
    await ours.close()
    assert refused == PARAMETER_GAPS
