"""Full-size soak: ``python benchmarks/soak.py [--requests 10000 --concurrency 256 --fault-rate 0.2]``."""

from openai_core._bench.soak import main

if __name__ == "__main__":
    main()
