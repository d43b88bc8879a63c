"""Timeouts of one client: defaults from ``kiosk.constants``, overridable per client and call."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from kiosk import constants

#: What a method's ``timeout=`` accepts: seconds for every phase, or a full ``httpx.Timeout``.
TimeoutArg = float | httpx.Timeout | None


@dataclass(frozen=True)
class Timeouts:
    """Seconds per phase of a request; ``upload`` replaces ``write`` and ``read`` for files."""

    connect: float = constants.CONNECT_TIMEOUT_S
    read: float = constants.READ_TIMEOUT_S
    write: float = constants.WRITE_TIMEOUT_S
    pool: float = constants.POOL_TIMEOUT_S
    upload: float = constants.UPLOAD_TIMEOUT_S

    def as_httpx(self) -> httpx.Timeout:
        """The ordinary calls' timeout."""
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)

    def for_upload(self) -> httpx.Timeout:
        """Slow links need longer to push a photo and for the server to store it."""
        return httpx.Timeout(
            connect=self.connect, read=self.upload, write=self.upload, pool=self.pool
        )

    def resolve(self, override: TimeoutArg, *, upload: bool = False) -> httpx.Timeout:
        """The timeout one call uses: its override if given, else this client's default."""
        if isinstance(override, httpx.Timeout):
            return override
        if override is not None:
            return httpx.Timeout(float(override))
        return self.for_upload() if upload else self.as_httpx()
