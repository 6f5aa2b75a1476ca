from typing import Literal, TypeAlias

from ..._models import BaseModel

__all__ = ["RealtimeTracingConfig", "TracingConfiguration"]


class TracingConfiguration(BaseModel):
    group_id: str | None = None
    metadata: object | None = None
    workflow_name: str | None = None


RealtimeTracingConfig: TypeAlias = Literal["auto"] | TracingConfiguration | None
