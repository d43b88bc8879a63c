"""Fault injection for reliability tests: latency, 5xx answers, dropped connections, expired
tokens. Applies to ``/api_v3/`` only, so tests can always reach ``/_sandbox/`` to switch it off."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import threading
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from kiosk.sandbox.errors import bad_request, envelope
from kiosk.sandbox.options import FaultOptions

log = logging.getLogger("kiosk.sandbox.faults")

_RATES = ("error_rate", "drop_rate", "expired_token_rate")
_LATENCY_CAP_S = 60.0


class FaultState:
    """The current fault settings; changed at run time through ``/_sandbox/faults``."""

    def __init__(self, options: FaultOptions) -> None:
        self._lock = threading.Lock()
        self._options = options
        self._rng = random.Random(options.seed)

    @property
    def options(self) -> FaultOptions:
        with self._lock:
            return self._options

    def roll(self, name: str) -> bool:
        """True for this share (``name`` is one of the rates) of calls."""
        with self._lock:
            rate = getattr(self._options, name)
            return rate > 0 and self._rng.random() < rate

    def update(self, changes: dict[str, Any]) -> FaultOptions:
        """Apply a partial update (the JSON body of ``PUT /_sandbox/faults``); 400 on bad values."""
        known = {f.name for f in dataclasses.fields(FaultOptions)}
        unknown = set(changes) - known
        if unknown:
            raise bad_request(f"Unknown fault setting: {', '.join(sorted(unknown))}.")
        clean: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "seed":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise bad_request("'seed' must be a whole number or null.")
                clean[key] = value
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise bad_request(f"'{key}' must be a number.")
            limit = _LATENCY_CAP_S if key == "latency_s" else 1.0
            if not 0 <= value <= limit:
                raise bad_request(f"'{key}' must be between 0 and {limit:g}.")
            clean[key] = float(value)
        with self._lock:
            self._options = dataclasses.replace(self._options, **clean)
            if "seed" in clean:
                self._rng = random.Random(clean["seed"])
            log.info("sandbox.faults_changed %s", sorted(clean))
            return self._options


class FaultMiddleware:
    """Pure ASGI middleware: waits, fails or drops API requests as the fault state says."""

    def __init__(self, app: ASGIApp, state: FaultState, prefix: str = "/api_v3/") -> None:
        self.app = app
        self.state = state
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        latency = self.state.options.latency_s
        if latency > 0:
            await asyncio.sleep(latency)
        if self.state.roll("drop_rate"):
            log.info("sandbox.fault_drop path=%s", scope["path"])
            await _drop(send)
            return
        if self.state.roll("error_rate"):
            log.info("sandbox.fault_error path=%s", scope["path"])
            await envelope(503, "Injected fault: service unavailable.")(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _drop(send: Send) -> None:
    """Close the connection without an answer. uvicorn's ``send`` is a method of the request
    cycle that owns the transport; closing it is what a crashed peer looks like to the client.
    Elsewhere, fall back to a response cut short (also a transport error for the client)."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is not None:
        transport.close()
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]}
    )
    await send({"type": "http.response.body", "body": b"{", "more_body": False})
