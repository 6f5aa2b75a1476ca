"""``client.live.sideband.connect``, bound from ``_live_helpers``."""

from ._live_helpers import connect_sideband as connect

__all__ = ["connect"]
