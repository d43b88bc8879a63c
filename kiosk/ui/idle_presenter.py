"""``IdlePresenter``: "Are you still there?" over the patient screens while the clock runs out."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.session.idle import IdleMonitor
from kiosk.ui.navigator import Navigator, Overlay
from kiosk.ui.screens.still_there import StillThereScreen

log = logging.getLogger("kiosk.ui")


class IdlePresenter(QObject):
    """Follows an ``IdleMonitor`` (the session's): on ``warning_started`` it puts the
    still-there screen up as the ``IDLE_COUNTDOWN`` overlay with the count, on each tick updates
    it, and on ``continued`` takes it down, so the patient's screen shows again. "I'm still
    here" continues the monitor; "start over" calls ``start_over`` (the session's end). When the
    patient leaves (start over, or the count ran out) the overlay stays until ``dismiss()`` (the
    app calls it when the session has ended). The screen owns no timer: the monitor is the one
    clock.
    """

    def __init__(
        self,
        monitor: IdleMonitor,
        navigator: Navigator,
        start_over: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.navigator = navigator
        self.screen = StillThereScreen()
        self._start_over = start_over
        self._leaving = False
        monitor.warning_started.connect(self.on_warning_started)
        monitor.countdown_tick.connect(self.screen.set_remaining)
        monitor.continued.connect(self.on_continued)
        monitor.timed_out.connect(self.on_timed_out)
        self.screen.still_here.connect(monitor.continue_)
        self.screen.start_over.connect(self.on_start_over)
        self.screen.start_over_button.released.connect(self.on_start_over_released)

    @property
    def showing(self) -> bool:
        return self.navigator.overlay(Overlay.IDLE_COUNTDOWN) is self.screen

    def on_warning_started(self, seconds: int) -> None:
        self._leaving = False
        self.screen.start(seconds)
        self.navigator.show_overlay(Overlay.IDLE_COUNTDOWN, self.screen)
        log.info("idle.still_there_shown")

    def on_continued(self) -> None:
        # Any press continues the monitor, and its filter sees the press before the button
        # does. Decide one turn later, when a press on "start over" has reached its button:
        # that patient is leaving, and their screen must not come back.
        if self.showing:
            QTimer.singleShot(0, self._return_to_screen)

    def on_start_over_released(self) -> None:
        # Released off the button (no click): the patient stays, so their screen comes back.
        # A click comes right after this signal and marks the patient as leaving first.
        QTimer.singleShot(0, self._return_to_screen)

    def _return_to_screen(self) -> None:
        if self.screen.start_over_button.isDown() or self.monitor.warning or self._leaving:
            return  # decided on release, a new countdown is on, or the patient is leaving
        self.navigator.hide_overlay(Overlay.IDLE_COUNTDOWN)

    def on_timed_out(self) -> None:
        self._leaving = True

    def on_start_over(self) -> None:
        self._leaving = True
        self._start_over()

    def dismiss(self) -> None:
        """The session has ended: take the countdown down (Welcome is under it)."""
        self._leaving = False
        self.navigator.hide_overlay(Overlay.IDLE_COUNTDOWN)
