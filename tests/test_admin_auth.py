"""The admin key (``admin_api_key`` / ``OPENAI_ADMIN_KEY``) against the official SDK's handling of it: which
bearer each call sends, which Authorization wins, what a client without the right key does, copies, and
that the key shows up nowhere but in the header. Requests are compared on the recording server, on every
transport; refusals must happen before anything is sent, with the official SDK's exception class."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import openai
import pytest
from openai.types.admin.organization import Invite as OfficialInvite

import openai_core

from ._recorder import Recorder

ADMIN_KEY = "sk-admin-secret-0123"
API_KEY = "sk-api-secret-4567"


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


@pytest.fixture(autouse=True)
def _no_ambient_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_ADMIN_KEY", "OPENAI_BASE_URL", "OPENAI_CUSTOM_HEADERS"):
        monkeypatch.delenv(name, raising=False)


def clients(transport: str, recorder: Recorder, **options: Any) -> tuple[Any, Any]:
    """The official client and ours, configured alike."""
    theirs = openai.AsyncOpenAI(base_url=recorder.base_url, max_retries=0, **options)
    ours = openai_core.AsyncOpenAI(base_url=recorder.base_url, max_retries=0, transport=transport, **options)
    return theirs, ours


async def authorization(client: Any, recorder: Recorder, call: str, close: bool = True,
                        **kwargs: Any) -> list[str] | str:
    """The Authorization values the call sent, or the class and message of what it raised before sending
    (then closes the client, unless ``close`` is false: a copy shares its parent's connections)."""
    from ._recorder_admin import answer_with

    answer_with(OfficialInvite, None)
    recorder.take()
    target = client
    for name in call.split("."):
        target = getattr(target, name)
    try:
        await target("inv_1", **kwargs) if call.endswith("retrieve") else await target(**kwargs)
    except (TypeError, openai.OpenAIError, openai_core.OpenAIError) as exc:
        assert recorder.take() == [], "refused, but something was sent"
        return f"{type(exc).__name__}: {exc}"
    finally:
        if close:
            await client.close()
    return [r.headers.get("authorization") for r in recorder.take()]


ADMIN_CALL = "admin.organization.invites.retrieve"
OTHER_CALL = "models.list"
CASES = [
    # (client options, call, call arguments)
    ({"api_key": API_KEY, "admin_api_key": ADMIN_KEY}, ADMIN_CALL, {}),
    ({"api_key": API_KEY, "admin_api_key": ADMIN_KEY}, OTHER_CALL, {}),
    ({"admin_api_key": ADMIN_KEY}, ADMIN_CALL, {}),
    ({"admin_api_key": ADMIN_KEY}, OTHER_CALL, {}),  # TypeError: no api_key for a non-admin call
    ({"api_key": API_KEY}, ADMIN_CALL, {}),  # TypeError: no admin key for an admin call
    ({"api_key": API_KEY}, ADMIN_CALL, {"extra_headers": {"Authorization": "Bearer per-call"}}),
    ({"admin_api_key": ADMIN_KEY}, OTHER_CALL, {"extra_headers": {"Authorization": "Bearer per-call"}}),
    ({"api_key": API_KEY, "admin_api_key": ADMIN_KEY}, ADMIN_CALL, {"extra_headers": {"authorization": "Bearer x"}}),
    ({"api_key": API_KEY, "admin_api_key": ADMIN_KEY, "default_headers": {"Authorization": "Bearer mine"}},
     ADMIN_CALL, {}),
    ({"api_key": API_KEY, "default_headers": {"Authorization": "Bearer mine"}}, ADMIN_CALL, {}),
    ({"admin_api_key": ADMIN_KEY, "default_headers": {"Authorization": "Bearer mine"}}, OTHER_CALL, {}),
]


@pytest.mark.parametrize(("options", "call", "kwargs"), CASES)
async def test_the_bearer_of_each_call_is_the_official_sdks(options: dict[str, Any], call: str,
                                                            kwargs: dict[str, Any], transport: str,
                                                            recorder: Recorder) -> None:
    theirs, ours = clients(transport, recorder, **options)
    expected = await authorization(theirs, recorder, call, **kwargs)
    assert await authorization(ours, recorder, call, **kwargs) == expected
    if isinstance(expected, str):
        assert ADMIN_KEY not in expected and API_KEY not in expected


async def test_an_omitted_authorization_sends_none(transport: str, recorder: Recorder) -> None:
    omit = {"extra_headers": {"Authorization": openai.omit}}
    theirs, ours = clients(transport, recorder, api_key=API_KEY)
    assert await authorization(ours, recorder, ADMIN_CALL, **omit) == await authorization(
        theirs, recorder, ADMIN_CALL, **omit) == [None]


async def test_the_admin_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, transport: str,
                                                        recorder: Recorder) -> None:
    monkeypatch.setenv("OPENAI_ADMIN_KEY", ADMIN_KEY)
    theirs, ours = clients(transport, recorder)
    assert ours.admin_api_key == theirs.admin_api_key == ADMIN_KEY
    assert ours.api_key == theirs.api_key == ""
    assert await authorization(ours, recorder, ADMIN_CALL) == await authorization(theirs, recorder, ADMIN_CALL)
    # An explicit key wins over the environment.
    theirs, ours = clients(transport, recorder, admin_api_key="sk-admin-explicit")
    assert ours.admin_api_key == theirs.admin_api_key == "sk-admin-explicit"
    await theirs.close()
    await ours.close()


@pytest.mark.parametrize("change", [{}, {"admin_api_key": "sk-admin-other"}, {"api_key": "sk-api-other"}])
async def test_copies_keep_or_replace_the_admin_key(change: dict[str, str], transport: str,
                                                    recorder: Recorder) -> None:
    theirs, ours = clients(transport, recorder, api_key=API_KEY, admin_api_key=ADMIN_KEY)
    for method in ("copy", "with_options"):
        their_copy, our_copy = getattr(theirs, method)(**change), getattr(ours, method)(**change)
        assert our_copy.admin_api_key == their_copy.admin_api_key
        for call in (ADMIN_CALL, OTHER_CALL):
            assert await authorization(our_copy, recorder, call, close=False) == await authorization(
                their_copy, recorder, call, close=False)
    await theirs.close()
    await ours.close()


def test_no_key_at_all_is_refused_as_by_the_official_sdk() -> None:
    with pytest.raises(openai.OpenAIError) as theirs:
        openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1")
    with pytest.raises(openai_core.OpenAIError) as ours:
        openai_core.AsyncOpenAI(base_url="http://127.0.0.1:9/v1")
    # The official message also offers `workload_identity`, which openai_core does not take.
    assert str(ours.value) == str(theirs.value).replace(" `workload_identity`,", "")


def test_the_admin_key_is_shown_nowhere() -> None:
    client = openai_core.AsyncOpenAI(api_key=API_KEY, admin_api_key=ADMIN_KEY, base_url="http://127.0.0.1:9/v1")
    assert ADMIN_KEY not in repr(client)
    assert ADMIN_KEY not in str(client.default_headers)
    assert ADMIN_KEY not in repr(client.admin.organization.invites)
    # A key pasted with its line end is refused by name, without the key.
    with pytest.raises(openai_core.OpenAIError, match="admin_api_key") as bad:
        openai_core.AsyncOpenAI(api_key=API_KEY, admin_api_key=ADMIN_KEY + "\n", base_url="http://127.0.0.1:9/v1")
    assert ADMIN_KEY not in str(bad.value)
    with pytest.raises(TypeError, match="admin_api_key must be a str"):
        openai_core.AsyncOpenAI(api_key=API_KEY, admin_api_key=123, base_url="http://127.0.0.1:9/v1")  # type: ignore[arg-type]


def test_the_sync_client_takes_the_admin_key(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    from ._recorder_admin import answer_with

    answer_with(OfficialInvite, None)
    recorder.take()
    with openai_core.OpenAI(admin_api_key=ADMIN_KEY, base_url=recorder.base_url, max_retries=0) as client:
        invite = client.admin.organization.invites.retrieve("inv_1")
        with pytest.raises(TypeError, match="Could not resolve authentication method"):
            client.models.list()
    assert invite.id == "id_1"
    assert [r.headers.get("authorization") for r in recorder.take()] == [f"Bearer {ADMIN_KEY}"]
