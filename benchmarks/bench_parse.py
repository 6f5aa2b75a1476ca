"""Response parsing: bytes -> typed ChatCompletion, measured side by side in one run.

    python benchmarks/bench_parse.py

Compares openai_core's one-pass ``model_validate_json`` (with its lenient fallback unused on a valid
body), ``json.loads`` alone (the floor for any approach that keeps a dict), ``json.loads`` +
``model_validate`` (two passes), and the official SDK's default path (``json.loads`` + its unvalidated
``construct``), on the same bytes. With the official SDK installed it is imported, so ``parse_json``
builds the interop bridge (openai_core/_interop: an instance of both SDKs' classes); the row for
openai_core's own class alone shows what the bridge costs.
"""

from __future__ import annotations

import json
import timeit

from openai_core._models import parse_json
from openai_core.types.chat import ChatCompletion

BODY = json.dumps({
    "id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
    "system_fingerprint": "fp_1", "service_tier": "default",
    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                 "message": {"role": "assistant", "content": "Hello! How can I help you today?" * 3,
                             "refusal": None, "annotations": []}}],
    "usage": {"prompt_tokens": 12, "completion_tokens": 30, "total_tokens": 42,
              "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}},
}).encode()


def main(number: int = 20_000) -> None:
    cases = {
        "openai_core parse_json (one pass)": lambda: parse_json(ChatCompletion, BODY),
        "openai_core's class alone, no bridge": lambda: ChatCompletion.model_validate_json(BODY),
        "json.loads only (no types)": lambda: json.loads(BODY),
        "json.loads + model_validate": lambda: ChatCompletion.model_validate(json.loads(BODY)),
    }
    try:
        from openai._models import construct_type
        from openai.types.chat import ChatCompletion as OfficialChatCompletion

        cases["official SDK: json.loads + construct_type"] = lambda: construct_type(
            type_=OfficialChatCompletion, value=json.loads(BODY)
        )
        cases["official class, model_validate_json"] = lambda: OfficialChatCompletion.model_validate_json(BODY)
    except ImportError:
        pass
    parse_json(ChatCompletion, BODY)  # build the schema once, outside the timing
    results = {name: min(timeit.repeat(fn, number=number, repeat=3)) / number * 1e6 for name, fn in cases.items()}
    base = results["openai_core parse_json (one pass)"]
    from openai_core._interop import active

    bridge = "parse_json builds the interop bridge" if active() else "no official SDK: no bridge"
    print(f"{len(BODY)}-byte ChatCompletion, best of 3 x {number} ({bridge}):")
    for name, us in results.items():
        print(f"  {name:<45} {us:7.2f} us   {us / base:5.2f}x ours")


if __name__ == "__main__":
    main()
