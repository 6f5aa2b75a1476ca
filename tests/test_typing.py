"""Static types as a user sees them: mypy --strict over tests/typecheck/usage.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

USAGE = Path(__file__).parent / "typecheck" / "usage.py"
# One file per part of the surface (usage_beta.py: client.beta); each is checked the same way.
USAGE_FILES = sorted(USAGE.parent.glob("usage*.py"))


def test_usage_file_types_exactly_as_documented() -> None:
    # One mypy run over every usage file: each run analyses openai_core afresh (--no-incremental).
    stdout, stderr, _status = mypy_api.run(["--strict", "--no-incremental", "--show-error-codes",
                                            *map(str, USAGE_FILES)])
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    # every line marked "# E:" must fail to type-check, and nothing else may
    expected = {
        (path.name, i) for path in USAGE_FILES
        for i, line in enumerate(path.read_text().splitlines(), start=1) if re.search(r"#\s*E:", line)
    }
    failing = {(Path(line.split(":")[0]).name, int(line.split(":")[1])) for line in errors}
    assert failing == expected, "\n".join(errors) + stderr


def test_every_api_method_is_in_the_usage_file() -> None:
    # A method the usage file never calls is a method whose types nobody checks.
    from ._calls import our_methods

    text = "".join(path.read_text() for path in USAGE_FILES)
    missing = sorted(m for m in our_methods() if f"client.{m}(" not in text)
    assert missing == []
