"""Every Python code block in README.md and docs/ runs against the embedded server, on both transports,
so the docs cannot rot. Blocks of one page share a namespace (later blocks may use names defined
earlier); a block with top-level ``await`` runs in a fresh event loop; each block starts with a fresh
``client`` (AsyncOpenAI from the environment) and ``prompts`` in scope, as the pages assume."""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import openai_core
from openai_core.testing import MockServer

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A block that is an illustration, not a program, is preceded by this marker (say why beside it).
SKIP = "<!-- not-run -->"
# A block that needs a framework (docs/ecosystem.md) names the extra it runs in; tests/interop runs it there.
RUNS_IN = re.compile(r"<!-- runs-in: ([\w-]+) -->")


def python_blocks(page: Path, extra: str | None = None) -> list[tuple[int, str]]:
    """The page's runnable blocks: those marked ``runs-in: <extra>`` when ``extra`` is given, else the
    unmarked ones."""
    text = page.read_text()
    blocks = []
    for match in BLOCK.finditer(text):
        before = text[: match.start()].rstrip().splitlines()[-1:] or [""]
        runs_in = RUNS_IN.search(before[0])
        if SKIP not in before[0] and (runs_in.group(1) if runs_in else None) == extra:
            blocks.append((text[: match.start()].count("\n") + 2, match.group(1)))
    return blocks


def run_block(source: str, namespace: dict[str, Any], filename: str) -> None:
    # dont_inherit: the page runs as a user would run it, not under this module's `from __future__` imports
    code = compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    if inspect.CO_COROUTINE & code.co_flags:

        async def main() -> None:
            namespace["client"] = openai_core.AsyncOpenAI()
            try:
                await eval(code, namespace)
            finally:
                await namespace["client"].close()

        asyncio.run(main())
    else:
        exec(code, namespace)


PAGES_WITH_CODE = [p for p in PAGES if python_blocks(p)]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path, server: MockServer, transport: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-docs")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_CORE_TRANSPORT", transport)
    namespace: dict[str, Any] = {"__name__": "__docs__", "prompts": ["first question", "second question"]}
    for line, source in python_blocks(page):
        run_block(source, namespace, f"{page.relative_to(ROOT)}:{line}")


def test_every_docs_page_is_in_the_site_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text()
    missing = [
        str(p.relative_to(ROOT / "docs"))
        for p in sorted((ROOT / "docs").rglob("*.md"))
        if str(p.relative_to(ROOT / "docs")) not in nav
    ]
    assert missing == []
