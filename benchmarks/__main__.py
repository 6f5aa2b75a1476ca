"""``python -m benchmarks`` from a checkout: the same suite as ``openai-core bench`` (same options)."""

import sys

from openai_core._bench import main

sys.exit(main(sys.argv[1:]))
