"""A fake systemd ``$NOTIFY_SOCKET``: receives sd_notify datagrams on a thread, with times."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Received:
    at: float  # time.monotonic() when the datagram arrived
    fields: dict[str, str]


@dataclass
class FakeNotifySocket:
    """Binds an AF_UNIX datagram socket (a path, or ``@name`` abstract) and records every
    message. ``address`` is what goes into ``$NOTIFY_SOCKET``."""

    address: str
    messages: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        bind_to = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        self._sock.bind(bind_to)
        self._sock.settimeout(0.05)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            pairs = (line.partition("=") for line in data.decode().splitlines())
            with self._lock:
                self.messages.append(Received(time.monotonic(), {k: v for k, _, v in pairs}))

    def snapshot(self) -> list[Received]:
        with self._lock:
            return list(self.messages)

    def with_key(self, key: str) -> list[Received]:
        return [m for m in self.snapshot() if key in m.fields]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()
        if not self.address.startswith("@") and os.path.exists(self.address):
            os.unlink(self.address)
