"""``PinPadScreen``: big digit buttons and masked dots; the PIN never leaves this widget as text
except through ``pin_entered``."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk import constants
from kiosk.ui.theme import set_role

DOT = "●"
EMPTY_DOT = "○"


class PinPadScreen(QWidget):
    """Collects up to ``STAFF_PIN_MAX_DIGITS`` digits; ``Enter`` emits ``pin_entered(pin)``
    and clears the pad. ``show_wrong(attempts_left)`` and ``show_locked(seconds)`` give the
    answer; while locked the keys are disabled and a countdown runs (``lockout_ended`` at 0).
    Digits from a hardware keyboard work too. Not a dialog: the staff screen stack shows it.
    """

    pin_entered = Signal(str)
    cancelled = Signal()
    lockout_ended = Signal()

    def __init__(
        self, tick_s: float = constants.STAFF_LOCKOUT_TICK_S, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self._digits = ""
        self._locked_left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(round(tick_s * 1000))
        self._tick.timeout.connect(self.on_tick_timeout)
        self.heading = set_role(QLabel("Staff PIN"), "heading")
        self.dots = QLabel("")
        self.dots.setProperty("staff", "pin-dots")
        self.message = set_role(QLabel(""), "muted")
        for label in (self.heading, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._digit_button(digit), index // 3, index % 3)
        self.back_button = QPushButton("⌫")
        self.back_button.setAccessibleName("Delete")
        self.back_button.clicked.connect(self.on_back_clicked)
        self.enter_button = set_role(QPushButton("Enter"), "primary")
        self.enter_button.clicked.connect(self.on_enter_clicked)
        grid.addWidget(self.back_button, 3, 0)
        grid.addWidget(self._digit_button("0"), 3, 1)
        grid.addWidget(self.enter_button, 3, 2)
        for button in (*self.digit_buttons.values(), self.back_button, self.enter_button):
            button.setProperty("staff", "pin-key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button = set_role(QPushButton("Cancel"), "link")
        self.cancel_button.clicked.connect(self.on_cancel_clicked)

        pad = QWidget()
        pad.setLayout(grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(pad)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        # Compact enough for a 1280x800 screen with the sandbox strip: the window's stack is
        # as tall as its tallest page, so a taller pad would push every screen off the bottom.
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._render()

    @property
    def entered_length(self) -> int:
        return len(self._digits)

    @property
    def locked(self) -> bool:
        return self._locked_left > 0

    def reset(self) -> None:
        """Empty pad, no message (each time staff mode opens)."""
        self._digits = ""
        self.message.setText("")
        self._render()

    def show_wrong(self, attempts_left: int) -> None:
        noun = "try" if attempts_left == 1 else "tries"
        self.message.setText(f"That PIN is not right. {attempts_left} {noun} left.")

    def show_locked(self, seconds: float) -> None:
        self._digits = ""
        self._locked_left = max(1, math.ceil(seconds))
        self._tick.start()
        self._render()

    def press_digit(self, digit: str) -> None:
        if not self.locked and len(self._digits) < constants.STAFF_PIN_MAX_DIGITS:
            self._digits += digit
            self._render()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A hardware keypad or keyboard works like the buttons."""
        text = event.text()
        if text.isdigit() and text.isascii():
            self.press_digit(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_enter_clicked()
        elif event.key() == Qt.Key.Key_Backspace:
            self.on_back_clicked()
        else:
            super().keyPressEvent(event)

    def on_back_clicked(self) -> None:
        self._digits = self._digits[:-1]
        self._render()

    def on_enter_clicked(self) -> None:
        if self.locked or len(self._digits) < constants.STAFF_PIN_MIN_DIGITS:
            return
        pin, self._digits = self._digits, ""
        self._render()
        self.pin_entered.emit(pin)

    def on_cancel_clicked(self) -> None:
        self._digits = ""
        self._render()
        self.cancelled.emit()

    def on_tick_timeout(self) -> None:
        self._locked_left -= 1
        if self._locked_left <= 0:
            self._tick.stop()
            self.message.setText("")
            self.lockout_ended.emit()
        self._render()

    def _digit_button(self, digit: str) -> QPushButton:
        button = QPushButton(digit)
        button.clicked.connect(lambda _checked=False, d=digit: self.press_digit(d))
        self.digit_buttons[digit] = button
        return button

    def _render(self) -> None:
        shown = max(constants.STAFF_PIN_MIN_DIGITS, len(self._digits))
        filled = len(self._digits)
        self.dots.setText(" ".join(DOT if i < filled else EMPTY_DOT for i in range(shown)))
        for button in (*self.digit_buttons.values(), self.back_button, self.enter_button):
            button.setEnabled(not self.locked)
        self.enter_button.setEnabled(
            not self.locked and len(self._digits) >= constants.STAFF_PIN_MIN_DIGITS
        )
        if self.locked:
            self.message.setText(
                f"Too many wrong PINs. Staff mode is locked for {self._locked_left} s."
            )
