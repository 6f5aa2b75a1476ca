"""The ``betas`` parameter every ``client.beta.responses`` call takes: sent as the ``openai-beta`` header
(its values joined by commas, as the official SDK sends them), under the call's own ``extra_headers``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from ...._resource import with_headers
from ....types.responses.response_create_params import AccessPrograms, BackgroundOptions, Image

__all__ = [
    "BETA",
    "NEWER_CREATE",
    "Betas",
    "BetasParam",
    "NewerCompactParams",
    "NewerCreateParams",
    "beta_request_options",
]

Betas = list[Literal["responses_multi_agent=v1"]]
# The beta API's paths are the GA ones with this query (the official SDK writes `?beta=true` in the path).
BETA = {"beta": "true"}


class BetasParam(TypedDict, total=False):
    betas: Betas


# Parameters newer than the spec of 2026-08-21's beta bodies (BetaCreateResponse, an `allOf` the supplement's
# `extends` cannot reach): the official SDK 3.57 has them, of the same shape as GA `responses.create`'s.
class NewerCreateParams(TypedDict, total=False):
    access_programs: AccessPrograms
    background_options: BackgroundOptions
    image: Image


class NewerCompactParams(TypedDict, total=False):
    image: Image


NEWER_CREATE: dict[str, Any] = {"access_programs": AccessPrograms, "background_options": BackgroundOptions, "image": Image}


def beta_request_options(params: dict[str, Any], request_options: Mapping[str, Any]) -> dict[str, Any]:
    """``request_options`` with ``params``' ``betas`` (popped) as the ``openai-beta`` header."""
    betas = params.pop("betas", None)
    if betas is None:
        return dict(request_options)
    return with_headers(request_options, {"openai-beta": ",".join(str(b) for b in betas)})
