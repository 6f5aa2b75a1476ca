"""Realtime over WebSockets: events/s and client CPU per event, openai_core on each transport vs the
official SDK, at 1 and 100 concurrent sessions (``python benchmarks/bench_realtime.py --help``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openai_core._bench.realtime import main

if __name__ == "__main__":
    sys.exit(main())
