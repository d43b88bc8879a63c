"""Run the sandbox inside the kiosk's process: uvicorn on a free loopback port, in a thread.

Cheap to import: uvicorn, Starlette and the app load only in ``start()``.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kiosk.sandbox.options import AutoProviderOptions, FaultOptions, SandboxConfig

if TYPE_CHECKING:
    from kiosk.sandbox.clock import SandboxClock
    from kiosk.sandbox.server import NotifyingServer

__all__ = ["AutoProviderOptions", "EmbeddedSandbox", "FaultOptions", "SandboxAddress"]

log = logging.getLogger("kiosk.sandbox")

STARTUP_TIMEOUT_S = 30.0
SHUTDOWN_TIMEOUT_S = 10.0


class SandboxStartError(RuntimeError):
    """The embedded server did not come up (port, database or seed problem)."""


@dataclass(frozen=True)
class SandboxAddress:
    """Where the kiosk finds the sandbox: ``http://127.0.0.1:PORT/api_v3/`` and the portal root."""

    api_base_url: str
    portal_base_url: str


class SandboxHost(ABC):
    """What the two ways of running the sandbox (a thread here, a child process in
    ``kiosk.sandbox.process``) share: the ``SandboxConfig`` built from the same arguments
    (``**overrides`` go to it, e.g. ``token_lifetime_s``, ``max_upload_bytes``, for tests),
    the ``address`` once started, and use as a context manager (start on enter, stop on exit).
    """

    def __init__(
        self,
        db_path: Path | str | None = None,
        auto_provider: AutoProviderOptions | None = None,
        faults: FaultOptions | None = None,
        *,
        host: str = "127.0.0.1",
        **overrides: object,
    ) -> None:
        self._config = SandboxConfig(
            db_path=db_path,
            auto_provider=auto_provider,
            faults=faults or FaultOptions(),
            **overrides,  # type: ignore[arg-type]
        )
        self._host = host
        self.address: SandboxAddress | None = None

    @abstractmethod
    def start(self) -> SandboxAddress:
        """Start serving (if not yet) and return where."""

    @abstractmethod
    def stop(self) -> None:
        """Stop serving; harmless when not started."""

    def _address_at(self, port: int) -> SandboxAddress:
        root = f"http://{self._host}:{port}/"
        return SandboxAddress(api_base_url=root + self._config.api_path, portal_base_url=root)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class EmbeddedSandbox(SandboxHost):
    """Owns one sandbox server thread. ``start()`` blocks until uvicorn is listening (or raises
    ``SandboxStartError``); ``stop()`` asks it to exit and joins the thread. Start and stop from
    one thread (the GUI thread in the kiosk). ``**overrides`` go to ``SandboxConfig`` (e.g.
    ``token_lifetime_s``, ``max_upload_bytes``) for tests.
    """

    #: The server's clock (a test may set one before ``start()``); None: the real time.
    clock: SandboxClock | None = None
    _server: NotifyingServer | None = None
    _thread: threading.Thread | None = None
    _error: BaseException | None = None

    def start(self) -> SandboxAddress:
        if self.address is not None:
            return self.address
        from kiosk.sandbox.server import bind, build_server

        sock = bind(self._host, 0)
        port = sock.getsockname()[1]
        server = build_server(self._config, clock=self.clock)

        def run() -> None:
            try:
                server.run(sockets=[sock])
            except BaseException as exc:  # reported to start() below
                self._error = exc
            finally:
                server.ready.set()
                sock.close()

        self._server = server
        self._thread = threading.Thread(target=run, name="kiosk-sandbox", daemon=True)
        self._thread.start()
        if not server.ready.wait(STARTUP_TIMEOUT_S) or not server.started:
            self.stop()
            raise SandboxStartError("The sandbox server did not start.") from self._error
        self.address = self._address_at(port)
        log.info("sandbox.embedded_started port=%d", port)
        return self.address

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(SHUTDOWN_TIMEOUT_S)
            if self._thread.is_alive():
                log.warning("sandbox.embedded_stop_timeout")
        self._server = None
        self._thread = None
        self.address = None
