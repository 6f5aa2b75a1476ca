"""A gateway relaying 5,000 concurrent streams: openai_core + aiohttp against a hand-written aiohttp loop
(client CPU per chunk, peak RSS, RSS per open stream; ``--trace``: where that memory goes).

    python benchmarks/bench_gateway.py --streams 5000 --trace

The harness is ``openai_core/_bench/gateway.py``; docs/benchmarks.md has the numbers.
"""

import sys

from openai_core._bench.gateway import main

if __name__ == "__main__":
    sys.exit(main())
