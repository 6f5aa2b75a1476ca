"""Keeps every Ray process of these tests on loopback.

Ray resolves a loopback cluster address (and its own node address) to the machine's outward IP
(``services.resolve_ip_for_localhost``); with cluster mode off it uses 127.0.0.1 throughout. Read when
``ray`` is first imported, so it is set here, before the test module imports it; the runner processes
the tests start inherit it."""

import os

os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
