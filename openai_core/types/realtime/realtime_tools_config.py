from typing import TypeAlias

from .realtime_tools_config_union import RealtimeToolsConfigUnion

__all__ = ["RealtimeToolsConfig"]

RealtimeToolsConfig: TypeAlias = list[RealtimeToolsConfigUnion]
