"""``PinLockout``: after too many wrong PINs, staff mode stays shut for a while."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kiosk import constants

log = logging.getLogger("kiosk.staff")


class PinLockout:
    """Counts wrong PINs; the ``max_attempts``-th locks staff mode for ``lockout_s`` seconds.

    ``clock`` is monotonic seconds (injectable for tests). The count lives in memory only: a
    restart clears it, which is acceptable because restarting needs access to the machine.
    """

    def __init__(
        self,
        max_attempts: int = constants.STAFF_MAX_PIN_ATTEMPTS,
        lockout_s: float = constants.STAFF_LOCKOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_attempts = max_attempts
        self.lockout_s = lockout_s
        self._clock = clock
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def failures(self) -> int:
        return self._failures

    @property
    def attempts_left(self) -> int:
        return max(0, self.max_attempts - self._failures)

    def remaining_s(self) -> float:
        """Seconds until PINs are accepted again; 0 when not locked."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            return 0.0
        return left

    @property
    def locked(self) -> bool:
        return self.remaining_s() > 0

    def record_failure(self) -> None:
        """One wrong PIN; locks (and starts a fresh count) at ``max_attempts``."""
        self._failures += 1
        log.warning("staff.pin_wrong failures=%d", self._failures)
        if self._failures >= self.max_attempts:
            self._failures = 0
            self._locked_until = self._clock() + self.lockout_s
            log.warning("staff.locked_out seconds=%d", round(self.lockout_s))

    def record_success(self) -> None:
        self._failures = 0
        self._locked_until = None
