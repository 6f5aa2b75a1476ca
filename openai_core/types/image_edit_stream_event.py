"""``ImageEditStreamEvent``: the events of ``images.edit(stream=True)``, told apart by
``type``. An event type not listed arrives as ``types.image_unknown_event.ImageUnknownEvent``."""

from typing import TYPE_CHECKING, TypeAlias

from .._unions import open_union
from .image_edit_completed_event import ImageEditCompletedEvent
from .image_edit_partial_image_event import ImageEditPartialImageEvent
from .image_unknown_event import ImageUnknownEvent

__all__ = ["ImageEditStreamEvent"]

ImageEditStreamEvent: TypeAlias = ImageEditPartialImageEvent | ImageEditCompletedEvent
if not TYPE_CHECKING:
    ImageEditStreamEvent = open_union(ImageEditStreamEvent, ImageUnknownEvent)
