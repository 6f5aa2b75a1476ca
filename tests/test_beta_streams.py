"""A streamed Assistants run that goes wrong: an ``error`` event and an event whose data is not JSON are clear
errors from openai_core's tree; an event kind the types do not know is kept. On every transport (the run
events that go right are compared with the official SDK in tests/test_wire.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import openai_core
from openai_core import APIError, APIResponseValidationError

from ._recorder import Recorder

pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API:DeprecationWarning")


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with Recorder() as rec:
        yield rec


async def _events(recorder: Recorder, transport: str, thread_id: str) -> list[Any]:
    async with openai_core.AsyncOpenAI(api_key="sk-test", base_url=recorder.base_url, transport=transport,
                                       max_retries=0) as client:
        stream = await client.beta.threads.runs.create(thread_id, assistant_id="asst_1", stream=True)
        return [event async for event in stream]


async def test_an_error_event_raises_with_the_servers_message(recorder: Recorder, transport: str) -> None:
    with pytest.raises(APIError, match="server melted") as info:
        await _events(recorder, transport, "thread_error_event")
    assert info.value.body == {"message": "server melted", "code": "server_error"}


async def test_an_event_that_is_not_json_is_a_validation_error(recorder: Recorder, transport: str) -> None:
    with pytest.raises(APIResponseValidationError, match="Could not parse a stream event") as info:
        await _events(recorder, transport, "thread_bad_data")
    assert "{not json" in str(info.value)


async def test_an_unknown_event_kind_is_kept_not_raised(recorder: Recorder, transport: str) -> None:
    # A kind newer than the types: parsed leniently with its name kept, as the official SDK does (a server's
    # new event never breaks a user's loop).
    [event] = await _events(recorder, transport, "thread_unknown_event")
    assert event.event == "thread.run.teleported"
    assert event.data.id == "run_1"
