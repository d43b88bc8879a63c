"""Run the sandbox in a child process on loopback, so no server thread lives in the kiosk.

Cheap to import (standard library only): the kiosk imports this at start-up. The parent binds
the listening socket itself and hands it to the child, so the address is known at once and
requests sent before the child is up wait in the socket's backlog instead of failing; the
kiosk can paint its first window while the child is still importing.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import socket
import subprocess
import sys
import time

from kiosk.sandbox.child import READY_LINE, config_to_json
from kiosk.sandbox.embedded import (
    SHUTDOWN_TIMEOUT_S,
    STARTUP_TIMEOUT_S,
    SandboxAddress,
    SandboxHost,
    SandboxStartError,
)

__all__ = ["SandboxProcess"]

_BACKLOG = 2048
_READY_POLL_S = 0.02


class SandboxProcess(SandboxHost):
    """Owns one sandbox child process. ``launch()`` returns the address without waiting;
    ``start()`` also waits until the child listens (``wait_ready``; ``async_wait_ready`` on an
    event loop). ``stop()`` ends the child (SIGTERM, then SIGKILL) and reaps it. The child also
    ends by itself when this process dies, however it dies (see ``kiosk.sandbox.child``).
    Start and stop from the thread that will live longest (the GUI thread in the kiosk): Linux
    signals the child when the *thread* that started it ends.
    """

    #: The child's log level (a test may set another before ``launch()``).
    log_level = "warning"
    _proc: subprocess.Popen[bytes] | None = None
    _ready = False
    _output = b""

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def launch(self) -> SandboxAddress:
        """Bind a free loopback port and start the child on it; returns at once."""
        if self.address is not None:
            return self.address
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        # IPPROTO_TCP: see kiosk.sandbox.server.bind (TCP_NODELAY on accepted sockets).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self._host, 0))
            sock.listen(_BACKLOG)
            port = sock.getsockname()[1]
            command = [
                sys.executable,
                "-m",
                "kiosk.sandbox.child",
                "--fd",
                str(sock.fileno()),
                "--parent",
                str(os.getpid()),
                "--config",
                config_to_json(self._config),
                "--log-level",
                self.log_level,
            ]
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                pass_fds=(sock.fileno(),),
            )
        finally:
            sock.close()  # the child holds its own copy
        assert self._proc.stdout is not None
        os.set_blocking(self._proc.stdout.fileno(), False)
        self.address = self._address_at(port)
        return self.address

    def poll_ready(self) -> bool:
        """True once the child said it listens; raises ``SandboxStartError`` if it exited."""
        if self._ready:
            return True
        proc = self._proc
        if proc is None:
            raise SandboxStartError("The sandbox server was not launched.")
        assert proc.stdout is not None
        try:
            chunk = os.read(proc.stdout.fileno(), 4096)
        except BlockingIOError:
            chunk = None
        if chunk:
            self._output += chunk
            if READY_LINE in self._output:
                self._ready = True
                return True
        if chunk == b"" or proc.poll() is not None:
            code = proc.wait()
            raise SandboxStartError(f"The sandbox server exited during start-up (code {code}).")
        return False

    def wait_ready(self, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        """Block until the child listens; raises ``SandboxStartError`` (and stops it) if not."""
        deadline = time.monotonic() + timeout_s
        try:
            while not self.poll_ready():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SandboxStartError("The sandbox server did not start in time.")
                assert self._proc is not None and self._proc.stdout is not None
                select.select([self._proc.stdout], [], [], min(remaining, 0.5))
        except SandboxStartError:
            self.stop()
            raise

    async def async_wait_ready(self, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        """``wait_ready`` without blocking the event loop (the GUI keeps painting)."""
        deadline = time.monotonic() + timeout_s
        try:
            while not self.poll_ready():
                if time.monotonic() > deadline:
                    raise SandboxStartError("The sandbox server did not start in time.")
                await asyncio.sleep(_READY_POLL_S)
        except SandboxStartError:
            self.stop()
            raise

    def start(self) -> SandboxAddress:
        """Launch and wait until it listens (the ``EmbeddedSandbox`` interface)."""
        address = self.launch()
        self.wait_ready()
        return address

    def stop(self) -> None:
        """End the child and reap it; harmless when it never started or already ended."""
        proc, self._proc = self._proc, None
        self.address = None
        self._ready = False
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(SHUTDOWN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                pipe.close()
