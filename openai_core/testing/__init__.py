"""An embedded OpenAI-compatible server (an ``aiohttp.web`` app) for tests, benchmarks and offline use.

Routes (all under ``/v1``, ``Authorization: Bearer <anything>`` required): ``POST chat/completions``
(reply ``"echo: " + last user message``, streaming supported), ``POST completions``, ``POST embeddings``,
``GET/DELETE models[/{id}]`` and ``fine_tuning/jobs`` (list/create/retrieve/cancel/events/checkpoints),
``files`` (multipart upload kept in memory, list/retrieve/delete, ``/content`` download), ``batches``
(create/list/retrieve/cancel), ``images/generations|edits|variations`` and ``audio/speech|transcriptions|
translations`` (deterministic answers derived from the request: see ``_media``); ``GET realtime`` is a
WebSocket speaking the realtime event protocol, with ``realtime/client_secrets`` and ``realtime/calls``
(see ``_realtime`` and ``_realtime_model``, faults included). Control routes also include
``GET /_mock/realtime`` (open sessions, pings).
translations`` (deterministic answers derived from the request: see ``_media``), and, with state:
``vector_stores`` (files, file batches, search), ``containers`` (files, content), ``evals`` (runs graded
for real, output items), ``videos``, ``webhook_endpoints`` (``test`` delivers a signed event to a
loopback URL; :func:`sign_webhook` signs a payload of your own).
Control routes: ``GET /_mock/requests``, ``POST /_mock/reset``, ``GET /_mock/health``,
``GET /_mock/attempts?key=``, ``GET /_mock/rate_limits`` (per-key counters of the ``sk-rpm-N`` /
``sk-tpm-M`` limits, see ``_ratelimit``). ``MockServer(latency=S)`` / ``mock-server --latency S``: every
model call (chat, completions, embeddings, moderations, responses) takes S seconds.

Faults are chosen per request with the ``X-Mock-Fault`` header, or a JSON body whose ``model`` is
``"fault:<spec>"``. A spec is ``;``-separated ``key=value`` pairs with ``kind`` required:

- ``kind=status;code=429[;retry_after=S][;retry_after_ms=MS][;should_retry=true|false][;body=json|html|text|empty]``
- ``kind=reset`` — the connection is reset (TCP RST) before any response byte.
- ``kind=slow_headers;delay=S`` — wait, then answer normally.
- ``kind=slow_body;delay=S`` — send the first half of the body (first event of a stream), wait, send the rest.
- ``kind=truncate[;mode=length|chunked][;close=fin|rst]`` — send half the body, then close the connection
  (``rst``: reset it).
- ``kind=stream_cut;after=N`` — (streams) send N events, then close without ``[DONE]``.
- ``kind=sse_error;after=N[;style=event|payload]`` — (streams) N events, an error event, then ``[DONE]``.
- ``kind=bad_body;body=nonjson|html|empty|truncated_json[;content_type=CT]`` — a 200 with that body.
- ``kind=bad_args`` — the normal answer (plain or streamed, chat or Responses) with every function call's
  arguments ``{}``: valid JSON matching no schema that requires a property (for validate-and-retry loops).

Every kind takes ``times=N``: only the first N attempts for the request's fault key fail. The key is
``X-Mock-Fault-Key``, else ``Idempotency-Key``, else ``"<METHOD> <path> <sha1 of body>"``.
"""

from ._app import create_app
from ._faults import Fault, FaultSpecError, parse_fault
from ._server import MockServer, MockServerProcess, run
from ._state import RecordedRequest, ServerState
from ._webhooks import sign_webhook

__all__ = [
    "Fault",
    "FaultSpecError",
    "MockServer",
    "MockServerProcess",
    "RecordedRequest",
    "ServerState",
    "create_app",
    "parse_fault",
    "run",
    "sign_webhook",
]
