from typing import Literal, TypeAlias, TypedDict

__all__ = ["RealtimeTracingConfigParam", "TracingConfiguration"]


class TracingConfiguration(TypedDict, total=False):
    group_id: str
    metadata: object
    workflow_name: str


RealtimeTracingConfigParam: TypeAlias = Literal["auto"] | TracingConfiguration
