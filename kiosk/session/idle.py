"""``IdleTimer``: warns, then ends a session nobody is touching any more."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.session.emitting import emit
from kiosk.session.polling import timer_ms

log = logging.getLogger("kiosk.session")


class IdleTimer(QObject):
    """Emits ``warning(seconds_left)`` ``countdown_s`` before the idle timeout and ``expired``
    at it. ``arm(timeout_s)`` (re)starts counting, ``arm(None)`` switches it off (Welcome, a
    call in progress); ``poke()`` is any touch by the patient and starts the count again."""

    warning = Signal(int)
    expired = Signal()

    def __init__(self, countdown_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown_s = countdown_s
        self.timeout_s: float | None = None
        self._warn = QTimer(self)
        self._warn.setSingleShot(True)
        self._warn.timeout.connect(self.on_warn_timeout)
        self._expire = QTimer(self)
        self._expire.setSingleShot(True)
        self._expire.timeout.connect(self.on_expire_timeout)

    @property
    def is_armed(self) -> bool:
        return self.timeout_s is not None

    def arm(self, timeout_s: float | None) -> None:
        self.timeout_s = timeout_s
        self.poke()

    def poke(self) -> None:
        self._warn.stop()
        self._expire.stop()
        if self.timeout_s is None:
            return
        warn_at = max(0.0, self.timeout_s - self.countdown_s)
        self._warn.start(timer_ms(warn_at))
        self._expire.start(timer_ms(self.timeout_s))

    def stop(self) -> None:
        self.arm(None)

    def on_warn_timeout(self) -> None:
        left = math.ceil(min(self.countdown_s, self.timeout_s or 0.0))
        emit(self.warning, left)

    def on_expire_timeout(self) -> None:
        log.info("session.idle_expired timeout_s=%s", self.timeout_s)
        emit(self.expired)
