"""uvicorn wiring shared by the command line and the embedded launcher."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import uvicorn

from kiosk.sandbox.app import create_app
from kiosk.sandbox.clock import SandboxClock
from kiosk.sandbox.options import SandboxConfig


class NotifyingServer(uvicorn.Server):
    """A uvicorn server that sets ``ready`` (a ``threading.Event``) once it is listening, so a
    launcher waits on the server's own startup rather than on a guessed delay."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self.ready = threading.Event()
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.ready.set()
            if self._on_ready is not None:
                self._on_ready()


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket (port 0 = a free port chosen by the OS)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted sockets only when their
    # proto says TCP; with proto 0 every keep-alive response waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def build_server(
    config: SandboxConfig,
    *,
    log_level: str = "warning",
    clock: SandboxClock | None = None,
    on_ready: Callable[[], None] | None = None,
) -> NotifyingServer:
    app = create_app(config, clock=clock)
    uv_config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=2,
        backlog=2048,
    )
    return NotifyingServer(uv_config, on_ready)
