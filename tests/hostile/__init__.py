"""Hostile servers and inputs (issue 12): raw-socket loopback servers, both transports."""
