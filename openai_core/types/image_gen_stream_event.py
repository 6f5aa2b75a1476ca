"""``ImageGenStreamEvent``: the events of ``images.generate(stream=True)``, told apart by
``type``. An event type not listed arrives as ``types.image_unknown_event.ImageUnknownEvent``."""

from typing import TYPE_CHECKING, TypeAlias

from .._unions import open_union
from .image_gen_completed_event import ImageGenCompletedEvent
from .image_gen_partial_image_event import ImageGenPartialImageEvent
from .image_unknown_event import ImageUnknownEvent

__all__ = ["ImageGenStreamEvent"]

ImageGenStreamEvent: TypeAlias = ImageGenPartialImageEvent | ImageGenCompletedEvent
if not TYPE_CHECKING:
    ImageGenStreamEvent = open_union(ImageGenStreamEvent, ImageUnknownEvent)
