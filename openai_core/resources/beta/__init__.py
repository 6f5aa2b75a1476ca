"""``client.beta`` resources."""

from __future__ import annotations

from .beta import AsyncBeta as AsyncBeta
