"""``client.beta.responses`` resources."""

from __future__ import annotations

from .responses import AsyncResponses as AsyncResponses
