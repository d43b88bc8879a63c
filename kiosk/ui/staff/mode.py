"""``StaffMode``: gesture → PIN (with lockout) → console, and back on close or staff idle."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk import constants
from kiosk.session.idle import IdleMonitor
from kiosk.staff.actions import StaffActions
from kiosk.staff.auth import PinOutcome, StaffAuthenticator
from kiosk.ui.staff.console import StaffConsole, staff_runner
from kiosk.ui.staff.gesture import StaffGestureDetector
from kiosk.ui.staff.pin_pad import PinPadScreen
from kiosk.ui.theme import set_role

log = logging.getLogger("kiosk.staff")

NO_PIN_TEXT = (
    "No staff PIN is set on this kiosk.\n\n"
    "To set one, open a terminal on the kiosk computer as the kiosk user and run\n"
    "    kiosk set-pin\n"
    "then restart the kiosk."
)


class NoPinScreen(QWidget):
    """Staff mode without a PIN: how to set one, and a way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        text = QLabel(NO_PIN_TEXT)
        text.setWordWrap(True)
        text.setProperty("staff", "instructions")
        self.back_button = set_role(QPushButton("Back"), "primary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(1)
        layout.addWidget(set_role(QLabel("Staff mode"), "heading"))
        layout.addWidget(text)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class StaffMode(QObject):
    """Owns staff mode; the main window shows ``widget`` while ``active``.

    ``install()`` starts watching ``window`` for the gesture (and, while active, for staff
    idle). Opening shows the PIN pad (or the lockout countdown, or how to set a PIN); a right
    PIN shows the console. Staff mode closes on "Back to patients", a known-patient launch, or
    ``idle_timeout_s`` without input; closing clears typed names and logs out any provider
    token (``actions.end()``).
    Signals: ``active_changed(bool)`` (the app pauses the patient idle monitor and swaps the
    screen), plus the console's ``launch_known_patient``, ``open_provider_dashboard``,
    ``exit_requested`` and ``room_changed``. While the provider dashboard is shown staff mode
    stays active, so its idle timeout still ends it (the app then hides the dashboard).
    """

    active_changed = Signal(bool)
    launch_known_patient = Signal(str, str, str)
    open_provider_dashboard = Signal(str)
    exit_requested = Signal()
    room_changed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        authenticator: StaffAuthenticator,
        actions: StaffActions,
        idle_timeout_s: float = constants.STAFF_IDLE_TIMEOUT_S,
        hold_s: float = constants.STAFF_GESTURE_HOLD_S,
        lockout_tick_s: float = constants.STAFF_LOCKOUT_TICK_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self.authenticator = authenticator
        self.actions = actions
        self.gesture = StaffGestureDetector(window, hold_s, parent=self)
        self.idle = IdleMonitor(idle_timeout_s, idle_timeout_s, 0, parent=self)
        self.pin_pad = PinPadScreen(lockout_tick_s)
        self.no_pin = NoPinScreen()
        self.runner = staff_runner(self.on_action_crashed, self)
        self.console = StaffConsole(actions, self.runner)
        self.widget = QStackedWidget()
        self.widget.setProperty("staff", "screen")
        for page in (self.pin_pad, self.no_pin, self.console):
            self.widget.addWidget(page)
        self._active = False
        self._installed = False

        self.gesture.triggered.connect(self.open)
        self.idle.timed_out.connect(self.on_idle_timed_out)
        self.pin_pad.pin_entered.connect(self.on_pin_entered)
        self.pin_pad.cancelled.connect(self.close)
        self.pin_pad.lockout_ended.connect(self.on_lockout_ended)
        self.no_pin.back_button.clicked.connect(self.close)
        self.console.close_requested.connect(self.close)
        self.console.launch_known_patient.connect(self.on_launch_known_patient)
        self.console.open_provider_dashboard.connect(self.open_provider_dashboard)
        self.console.exit_requested.connect(self.exit_requested)
        self.console.room_changed.connect(self.room_changed)

    @property
    def active(self) -> bool:
        return self._active

    def install(self) -> None:
        self._installed = True
        self.gesture.install(self._window)
        if self._active:
            self.idle.install(self._window)

    def uninstall(self) -> None:
        self._installed = False
        self.gesture.uninstall()
        self.idle.uninstall()

    def open(self) -> None:
        """Show the PIN pad (or the lockout, or how to set a PIN)."""
        if self._active:
            return
        status = self.authenticator.status()
        if status.outcome is PinOutcome.NOT_CONFIGURED:
            self.widget.setCurrentWidget(self.no_pin)
        else:
            self.pin_pad.reset()
            if status.outcome is PinOutcome.LOCKED:
                self.pin_pad.show_locked(status.locked_s)
            self.widget.setCurrentWidget(self.pin_pad)
        self._set_active(True)
        log.info("staff.opened")

    def close(self) -> None:
        """Back to the patient screens; forgets typed names, logs the provider out."""
        if not self._active:
            return
        self.console.clear()
        self.pin_pad.reset()
        self.runner.run("staff_logout", "Signing out…", self.actions.end)
        self._set_active(False)
        log.info("staff.closed")

    def on_pin_entered(self, pin: str) -> None:
        result = self.authenticator.attempt(pin)
        if result.outcome is PinOutcome.ACCEPTED:
            self.console.refresh()
            self.widget.setCurrentWidget(self.console)
        elif result.outcome is PinOutcome.LOCKED:
            self.pin_pad.show_locked(result.locked_s)
        elif result.outcome is PinOutcome.WRONG:
            self.pin_pad.show_wrong(result.attempts_left)
        else:
            self.widget.setCurrentWidget(self.no_pin)

    def on_lockout_ended(self) -> None:
        """The pad's countdown ran out: open it only if the lockout has really ended.

        The pad counts timer ticks, which may fire a little early; a PIN entered in that gap
        was refused as "locked" although the pad looked open. The lockout's clock decides.
        """
        status = self.authenticator.status()
        if status.outcome is PinOutcome.LOCKED:
            self.pin_pad.show_locked(status.locked_s)
        else:
            self.pin_pad.reset()

    def on_launch_known_patient(self, code: str, first_name: str, last_name: str) -> None:
        self.close()
        self.launch_known_patient.emit(code, first_name, last_name)

    def on_action_crashed(self, exc: BaseException) -> None:
        """A bug in a staff action: the loop's handler (the app's ``CrashGuard``) gets it."""
        asyncio.get_event_loop().call_exception_handler(
            {"message": "staff action crashed", "exception": exc}
        )

    def on_idle_timed_out(self) -> None:
        log.info("staff.idle_timeout")
        self.close()

    def _set_active(self, active: bool) -> None:
        self._active = active
        self.gesture.set_enabled(not active)
        if active:
            if self._installed:
                self.idle.install(self._window)
            self.idle.resume()
        else:
            self.idle.uninstall()
        self.active_changed.emit(active)
