"""``client.videos`` helpers that are more than one API call: wait for a video, create one and wait.
Bound as methods of ``AsyncVideos`` (``resources/videos.py``)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import anyio
from typing_extensions import Unpack, deprecated

from ..types.video import Video
from ._poll import poll_interval_seconds

if TYPE_CHECKING:
    from .videos import AsyncVideos, CreateParams

__all__ = ["create_and_poll", "poll"]

_WAITING = frozenset({"queued", "in_progress"})
# As every videos method of the official SDK.
_SORA_SHUTDOWN = "The Sora API is scheduled to permanently shut down on September 24, 2026."


@deprecated(_SORA_SHUTDOWN)
async def poll(self: AsyncVideos, video_id: str, *, poll_interval_ms: int | None = None) -> Video:
    """Retrieve the video until it is ``completed`` or ``failed`` (check ``status`` and ``error``). The
    interval: ``poll_interval_ms``, else the server's ``openai-poll-after-ms``, else a second."""
    while True:
        response = await self.with_raw_response.retrieve(video_id)
        video = response.parse()
        if video.status not in _WAITING:
            return video
        await anyio.sleep(poll_interval_seconds(poll_interval_ms, response.headers))


@deprecated(_SORA_SHUTDOWN)
async def create_and_poll(self: AsyncVideos, *, poll_interval_ms: int | None = None,
                          **params: Unpack[CreateParams]) -> Video:
    """Start generating a video and wait until it is done."""
    video = await self.create(**params)
    return await poll(self, video.id, poll_interval_ms=poll_interval_ms)


_ = time  # the sync twin sleeps with time.sleep (scripts/unasync.py rewrites anyio.sleep)
