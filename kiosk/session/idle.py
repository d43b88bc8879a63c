"""Idle detection: ``IdleMonitor`` watches the kiosk window's input and ends idle visits."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from kiosk import constants
from kiosk.config import KioskOptions
from kiosk.qtimers import one_shot
from kiosk.session.polling import timer_ms
from kiosk.window_events import WindowEventFilter

log = logging.getLogger("kiosk.session")


#: Events that mean someone is at the screen. Moves count too: a mouse user scrolls a list.
#: (No ``InputMethod``: it goes to the focus object, not the window; see ``kiosk.window_events``.)
_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
    }
)

IdleMode = Literal["normal", "waiting"]


class IdleMonitor(WindowEventFilter):
    """Watches the kiosk's windows for touch, key and mouse input and ends idle visits.

    ``install(window)`` watches a top-level window (``WindowEventFilter``); it never consumes
    events.
    After ``timeout_s`` without input (``waiting_timeout_s`` in ``"waiting"`` mode — the
    waiting room and the call, where a patient may sit still) it has warned and timed out:
    ``warning_started(n)`` comes ``countdown_s`` before the end, then ``countdown_tick(n-1)``
    … ``countdown_tick(1)`` every ``tick_s``, then ``timed_out()`` (the app ends and wipes the
    session). Counts are ticks, i.e. whole seconds with the default ``tick_s`` of 1 s. Any
    press, key or touch during the countdown, or ``continue_()`` ("I'm still here"), cancels
    it: ``continued()``.
    ``pause()`` (Welcome, staff mode) stops everything; ``resume()`` starts counting afresh.
    ``activity()`` is emitted at most every ``activity_min_s`` (by ``clock``, monotonic
    seconds). ``PatientSession`` owns the patient's monitor; staff mode has its own.
    GUI thread only.
    """

    warning_started = Signal(int)
    countdown_tick = Signal(int)
    timed_out = Signal()
    continued = Signal()
    activity = Signal()

    def __init__(
        self,
        timeout_s: float,
        waiting_timeout_s: float,
        countdown_s: float,
        tick_s: float = constants.IDLE_TICK_S,
        activity_min_s: float = constants.IDLE_ACTIVITY_SIGNAL_MIN_S,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timeouts: dict[str, float] = {"normal": timeout_s, "waiting": waiting_timeout_s}
        self._countdown_ticks = max(0, math.ceil(countdown_s / tick_s - 1e-9))
        self._tick_s = tick_s
        self._activity_min_s = activity_min_s
        self._clock = clock
        self._last_activity_signal: float | None = None
        self._mode: IdleMode = "normal"
        self._paused = True
        self._remaining = 0
        self._idle = one_shot(self, self.on_idle_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(timer_ms(tick_s))
        self._tick.timeout.connect(self.on_tick_timeout)

    @classmethod
    def from_options(cls, options: KioskOptions, parent: QObject | None = None) -> IdleMonitor:
        """The patient monitor with the configured timeouts."""
        return cls(
            options.idle_timeout_s,
            options.idle_timeout_waiting_s,
            options.idle_countdown_s,
            parent=parent,
        )

    # -- state ----------------------------------------------------------------------------

    @property
    def mode(self) -> IdleMode:
        return self._mode

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def warning(self) -> bool:
        """True while the "Are you still there?" countdown runs."""
        return self._tick.isActive()

    # -- commands -------------------------------------------------------------------------

    def uninstall(self) -> None:
        super().uninstall()
        self.pause()

    def set_mode(self, mode: IdleMode) -> None:
        """``"normal"`` or ``"waiting"`` (longer timeout); restarts the count if running."""
        if mode not in self._timeouts:
            raise ValueError(f"unknown idle mode {mode!r}")
        self._mode = mode
        if not self._paused:
            self._restart()

    def set_timeouts(self, timeout_s: float, waiting_timeout_s: float, countdown_s: float) -> None:
        """New limits (a reloaded config, applied at Welcome): used from the next ``resume``."""
        self._timeouts = {"normal": timeout_s, "waiting": waiting_timeout_s}
        self._countdown_ticks = max(0, math.ceil(countdown_s / self._tick_s - 1e-9))

    def pause(self) -> None:
        """Stop counting (Welcome screen, staff mode); a running countdown is dropped."""
        self._paused = True
        self._idle.stop()
        self._tick.stop()

    def resume(self) -> None:
        """Count from now on."""
        self._paused = False
        self._restart()

    def poke(self) -> None:
        """Someone is here (a command the patient started): count from now, cancel a countdown."""
        if self._paused:
            return
        if self.warning:
            self.continue_()
        else:
            self._restart()

    def continue_(self) -> None:
        """The patient tapped "I'm still here": cancel the countdown."""
        if not self._paused and self.warning:
            self._restart()
            log.info("idle.continued")
            self.continued.emit()

    # -- Qt -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._paused and event.type() in _ACTIVITY_EVENTS:
            self._on_activity(event.type())
        return False

    def on_idle_timeout(self) -> None:
        if self._countdown_ticks == 0:
            self._time_out()
            return
        self._remaining = self._countdown_ticks
        self._tick.start()
        log.info("idle.warning mode=%s", self._mode)
        self.warning_started.emit(self._remaining)

    def on_tick_timeout(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._time_out()
        else:
            self.countdown_tick.emit(self._remaining)

    # -- internals ------------------------------------------------------------------------

    def _on_activity(self, kind: QEvent.Type) -> None:
        if self.warning:
            # A stray move must not dismiss the warning: only a deliberate press does.
            if kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.Wheel):
                return
            self.continue_()
        else:
            self._restart()
        now = self._clock()
        last = self._last_activity_signal
        if last is None or now - last >= self._activity_min_s:
            self._last_activity_signal = now
            self.activity.emit()

    def _restart(self) -> None:
        self._tick.stop()
        total = self._timeouts[self._mode]
        warn_after = max(0.0, total - self._countdown_ticks * self._tick_s)
        self._idle.start(timer_ms(warn_after))

    def _time_out(self) -> None:
        self.pause()
        log.info("idle.timed_out mode=%s", self._mode)
        self.timed_out.emit()
