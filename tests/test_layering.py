"""Layering rules that keep the transports pluggable and the import light."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "openai_core"
# WebSocket libraries too: the realtime resource reaches them through the transport seam.
HTTP_IMPORT = re.compile(r"^\s*(import|from)\s+(httpx|aiohttp|websockets)\b", re.MULTILINE)


def test_only_transports_and_the_test_server_import_http_and_websocket_libraries() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if HTTP_IMPORT.search(path.read_text())
        and "transports" not in path.relative_to(PACKAGE).parts[:2]
        # the test server is a server; the benchmark's raw baselines measure the libraries themselves
        and path.relative_to(PACKAGE).parts[0] not in ("testing", "_bench")
    ]
    assert offenders == []


def test_aiohttp_is_imported_only_when_used() -> None:
    code = (
        "import sys, asyncio\n"
        "import openai_core\n"
        "assert 'httpx' not in sys.modules and 'pydantic' not in sys.modules, 'import openai_core is not lazy'\n"
        "from openai_core import AsyncOpenAI\n"
        "c = AsyncOpenAI(api_key='k')\n"
        "c.chat.completions\n"
        "assert 'aiohttp' not in sys.modules, 'aiohttp imported without being asked for'\n"
        "AsyncOpenAI(api_key='k', transport='aiohttp')\n"
        "assert 'aiohttp' in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr
