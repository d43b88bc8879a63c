"""``OutOfService``: when Welcome must stop inviting patients in, and when it may again."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.constants import MAX_TIMER_S
from kiosk.qtimers import one_shot

log = logging.getLogger("kiosk.fleet")

CLINIC_UNREACHABLE = "clinic_unreachable"
WEBENGINE_CRASHES = "webengine_crashes"


def _ms(seconds: float) -> int:
    return max(1, round(min(seconds, MAX_TIMER_S) * 1000))


class OutOfService(QObject):
    """Two rules take the kiosk out of service, so a patient never starts a visit that cannot
    work and the screen is never dead or blank:

    - the clinic has been unreachable for ``offline_after_s`` (``connectivity_changed(False)``
      and no ``True`` since): back as soon as it answers again (``on_connectivity_changed``);
    - the web engine crashed ``crash_limit`` times within ``crash_window_s``: back after
      ``crash_out_s`` (the next call gets a fresh engine and may work; if it crashes again
      the count starts over).

    ``changed(bool)`` fires on every switch; ``reasons`` says which rules hold (metric and log
    labels). ``clock`` is monotonic seconds; tests shorten the periods. GUI thread only.
    """

    changed = Signal(bool)

    def __init__(
        self,
        offline_after_s: float,
        crash_limit: int,
        crash_window_s: float,
        crash_out_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.offline_after_s = offline_after_s
        self.crash_limit = crash_limit
        self.crash_window_s = crash_window_s
        self.crash_out_s = crash_out_s
        self._clock = clock
        self._crashes: list[float] = []
        self._reasons: set[str] = set()
        self._offline_timer = one_shot(self, self.on_offline_timer_timeout)
        self._crash_timer = one_shot(self, self.on_crash_timer_timeout)

    @property
    def out(self) -> bool:
        return bool(self._reasons)

    @property
    def reasons(self) -> frozenset[str]:
        return frozenset(self._reasons)

    def stop(self) -> None:
        self._offline_timer.stop()
        self._crash_timer.stop()

    def on_connectivity_changed(self, online: bool) -> None:
        if online:
            self._offline_timer.stop()
            self._set(CLINIC_UNREACHABLE, False)
        elif not self._offline_timer.isActive() and CLINIC_UNREACHABLE not in self._reasons:
            self._offline_timer.start(_ms(self.offline_after_s))

    def on_webengine_crashed(self) -> None:
        now = self._clock()
        self._crashes = [t for t in self._crashes if now - t < self.crash_window_s] + [now]
        if len(self._crashes) >= self.crash_limit:
            self._crashes.clear()
            self._crash_timer.start(_ms(self.crash_out_s))
            self._set(WEBENGINE_CRASHES, True)

    def on_offline_timer_timeout(self) -> None:
        self._set(CLINIC_UNREACHABLE, True)

    def on_crash_timer_timeout(self) -> None:
        self._set(WEBENGINE_CRASHES, False)

    def _set(self, reason: str, holds: bool) -> None:
        was = self.out
        if holds:
            self._reasons.add(reason)
        else:
            self._reasons.discard(reason)
        if self.out != was:
            log.warning("fleet.out_of_service reasons=%s", ",".join(sorted(self._reasons)))
            if not self.out:
                log.info("fleet.back_in_service")
            self.changed.emit(self.out)
