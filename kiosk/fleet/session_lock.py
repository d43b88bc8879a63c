"""``SessionLock``: a lock file that exists (and is flock()ed) exactly while a patient is here."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path

log = logging.getLogger("kiosk.fleet")


class SessionLock:
    """Tells an update agent or a maintenance script "not now, a patient is mid-visit".

    While held, ``path`` exists, holds the kiosk's PID and carries an exclusive ``flock``:
    a script can test ``[ -e path ]`` or run ``flock -n path true`` (fails while held). The
    file holds nothing about the patient. If something else holds the lock when a patient
    starts, the patient still goes first: the kiosk logs it and carries on without it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def set_held(self, held: bool) -> None:
        if held:
            self.acquire()
        else:
            self.release()

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = -1
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError as exc:
            if fd >= 0:
                os.close(fd)
            log.warning(
                "fleet.session_lock_unavailable path=%s error=%s",
                self.path,
                exc.strerror or type(exc).__name__,
            )
            return False
        self._fd = fd
        log.info("fleet.session_lock_held path=%s", self.path)
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        # Unlink while still locked, so no one sees a stale, unlocked file in between.
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
        log.info("fleet.session_lock_released path=%s", self.path)
