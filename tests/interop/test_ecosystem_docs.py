"""The framework examples of docs/ecosystem.md run, on both transports, in the virtualenv of their extra.

Blocks there are marked ``runs-in: interop`` or ``runs-in: interop-legacy``; this module runs the blocks of
whichever extra this virtualenv has (tests/test_docs.py runs the page's other blocks, of which there are
none to run, in the main suite).
"""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from openai_core.testing import MockServer

from ..test_docs import ROOT, python_blocks, run_block

PAGE = ROOT / "docs" / "ecosystem.md"
EXTRA = "interop" if importlib.util.find_spec("pydantic_ai") else "interop-legacy"
BLOCKS = python_blocks(PAGE, EXTRA)


def test_this_extra_has_examples() -> None:
    assert len(BLOCKS) >= 2, f"no docs/ecosystem.md examples marked runs-in: {EXTRA}"


@pytest.mark.parametrize(("line", "source"), BLOCKS, ids=[f"line-{line}" for line, _ in BLOCKS])
def test_example_runs(line: int, source: str, server: MockServer, transport: str,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-docs")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_CORE_TRANSPORT", transport)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    run_block(source, namespace, f"docs/ecosystem.md:{line}")
