"""The server's clock: wall time plus an offset tests can move, so staleness needs no sleeping."""

from __future__ import annotations

import threading
import time


class SandboxClock:
    """Unix seconds as the sandbox sees them. Shared by all requests; thread-safe.

    ``advance(s)`` moves the clock forward (heartbeats go stale, tokens expire) without
    anyone waiting; ``/_sandbox/clock`` exposes it over HTTP.
    """

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def now_int(self) -> int:
        return int(self.now())

    @property
    def offset_s(self) -> float:
        with self._lock:
            return self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds

    def set_offset(self, seconds: float) -> None:
        with self._lock:
            self._offset = seconds
