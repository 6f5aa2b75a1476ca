"""Cloud providers for ``AsyncOpenAI(provider=...)`` / ``OpenAI(provider=...)``, as the official SDK's
``openai.providers``: ``vertex(...)`` and ``bedrock(...)`` return an opaque :class:`Provider` handle; the
client made with it is openai_core's Vertex / Bedrock client (see ``docs/architecture.md``)."""

from ._handle import Provider
from .bedrock import BedrockEndpoint, BedrockTokenProvider, bedrock
from .vertex import VertexTokenProvider, vertex

__all__ = ["BedrockEndpoint", "BedrockTokenProvider", "Provider", "VertexTokenProvider", "bedrock", "vertex"]
