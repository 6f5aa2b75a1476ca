"""``client.live.forks.connect``, bound from ``_live_helpers``."""

from ._live_helpers import connect_fork as connect

__all__ = ["connect"]
