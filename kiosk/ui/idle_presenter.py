"""``IdlePresenter``: "Are you still there?" over the patient screens while the clock runs out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.still_there import StillThereScreen

log = logging.getLogger("kiosk.ui")


class IdlePresenter(QObject):
    """Follows an ``IdleMonitor`` (the session's): on ``warning_started`` it shows the
    still-there screen with the count, on each tick updates it, and on ``continued`` puts the
    patient's screen back. "I'm still here" continues the monitor; "start over" calls
    ``start_over`` (the session's end). When the count runs out the session ends and the flow
    presenter shows Welcome. The screen owns no timer: the monitor is the one clock.
    """

    def __init__(
        self,
        monitor: Any,
        window: KioskWindow,
        start_over: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.window = window
        self.screen = StillThereScreen()
        self.window.add_screen(self.screen)
        self._start_over = start_over
        self._previous: QWidget | None = None
        monitor.warning_started.connect(self.on_warning_started)
        monitor.countdown_tick.connect(self.screen.set_remaining)
        monitor.continued.connect(self.on_continued)
        monitor.timed_out.connect(self.on_timed_out)
        self.screen.still_here.connect(monitor.continue_)
        self.screen.start_over.connect(self.on_start_over)
        self.screen.start_over_button.released.connect(self.on_start_over_released)

    @property
    def showing(self) -> bool:
        return self.window.current_screen is self.screen

    def on_warning_started(self, seconds: int) -> None:
        if not self.showing:
            self._previous = self.window.current_screen
        self.screen.start(seconds)
        self.window.show_screen(self.screen)
        log.info("idle.still_there_shown")

    def on_continued(self) -> None:
        # Any press continues the monitor, and its application filter sees the press before
        # the button does. Decide one turn later, when a press on "start over" has reached
        # its button: that patient is leaving, and their screen must not come back.
        if self.showing and self._previous is not None:
            QTimer.singleShot(0, self._return_to_previous)

    def on_start_over_released(self) -> None:
        # Released off the button (no click): the patient stays, so their screen comes back.
        # A click comes right after this signal and clears ``_previous`` first.
        QTimer.singleShot(0, self._return_to_previous)

    def _return_to_previous(self) -> None:
        if self.screen.start_over_button.isDown() or self.monitor.warning:
            return  # decided on release, or a new countdown is on
        if self.showing and self._previous is not None:
            self.window.show_screen(self._previous)
        self._previous = None

    def on_timed_out(self) -> None:
        self._previous = None

    def on_start_over(self) -> None:
        self._previous = None
        self._start_over()
