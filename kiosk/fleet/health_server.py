"""``HealthServer``: ``/metrics`` and ``/healthz`` over HTTP; off loopback only with a token."""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from kiosk.constants import HEALTH_REQUEST_TIMEOUT_S
from kiosk.fleet.api_observer import ApiObservations

log = logging.getLogger("kiosk.fleet")


class HealthServerRefused(Exception):
    """The endpoint would listen off loopback without a token: it is not started."""


@dataclass
class HealthState:
    """What ``/healthz`` reports; set on the GUI thread, read by the server's threads.
    Stage names and reasons only: nothing about the patient."""

    version: str
    api: ApiObservations
    clock: Callable[[], float] = time.monotonic
    stage: str = "welcome"
    session_active: bool = False
    out_of_service: frozenset[str] = frozenset()
    clinic_reachable: bool = True
    started_at: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def update(self, **values: Any) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            api = self.api
            return {
                "status": "out_of_service" if self.out_of_service else "ok",
                "version": self.version,
                "stage": self.stage,
                "session_active": self.session_active,
                "out_of_service_reasons": sorted(self.out_of_service),
                "clinic_reachable": self.clinic_reachable,
                "uptime_s": round(self.clock() - self.started_at, 3),
                "last_api_success_age_s": _rounded(api.age(api.last_success)),
                "last_heartbeat_age_s": _rounded(api.age(api.last_heartbeat)),
            }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = HEALTH_REQUEST_TIMEOUT_S  # a client that sends nothing is dropped
    server_version = "clinic-kiosk"
    sys_version = ""

    def do_GET(self) -> None:
        owner = self.server.owner
        if not owner.authorised(self.headers.get("Authorization", "")):
            self._send(401, b'{"error": "unauthorized"}\n', "application/json", bearer=True)
            return
        path = self.path.split("?", 1)[0]
        if path == "/metrics":
            self._send(200, generate_latest(owner.registry), CONTENT_TYPE_LATEST)
        elif path == "/healthz":
            body = owner.health.snapshot()
            status = 200 if body["status"] == "ok" else 503
            self._send(status, (json.dumps(body) + "\n").encode(), "application/json")
        else:
            self._send(404, b'{"error": "not found"}\n', "application/json")

    def _send(self, status: int, body: bytes, content_type: str, bearer: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if bearer:
            self.send_header("WWW-Authenticate", 'Bearer realm="clinic-kiosk"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a scrape every few seconds would flood the log (and never log the token)."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: HealthServer


class HealthServer:
    """Serves the registry as ``/metrics`` and ``HealthState`` as ``/healthz`` (JSON; 503
    while out of service) from a daemon thread. Off loopback it refuses to start without a
    token; with a token every request needs ``Authorization: Bearer <token>``. Port 0 picks
    a free port (``address`` says which)."""

    def __init__(
        self,
        registry: CollectorRegistry,
        health: HealthState,
        bind: str,
        port: int,
        token: str = "",
    ) -> None:
        if not ipaddress.ip_address(bind).is_loopback and not token:
            raise HealthServerRefused(f"metrics endpoint on {bind} needs a token")
        self.registry = registry
        self.health = health
        self.bind = bind
        self.port = port
        self._token = token
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def authorised(self, header: str) -> bool:
        if not self._token:
            return True
        scheme, _, value = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode(), self._token.encode()
        )

    def start(self) -> None:
        family = socket.AF_INET6 if ":" in self.bind else socket.AF_INET
        server_class = type("_BoundServer", (_Server,), {"address_family": family})
        server = server_class((self.bind, self.port), _Handler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.2},
            daemon=True,
            name="metrics-http",
        )
        self._thread.start()
        host, port = self.address
        log.info("fleet.metrics_http address=%s port=%d token=%s", host, port, bool(self._token))

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
