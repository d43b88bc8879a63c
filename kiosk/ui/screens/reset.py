"""``ResetScreen``: the calm "Something went wrong — starting over" after a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk import constants
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.buttons import big_button

HEADING = QT_TRANSLATE_NOOP("ResetScreen", "Something went wrong — starting over")
BODY = QT_TRANSLATE_NOOP(
    "ResetScreen",
    "Sorry about that. Nothing you did caused this. The kiosk is getting ready again.",
)
#: The button is the screen's one action: as tall as Welcome's "Check in", not a small chip.
BUTTON_MAX_WIDTH = 560


class ResetScreen(QWidget):
    """Shown after ``CrashGuard.crashed``; moves on by itself after ``auto_continue_s``.

    ``show_incident(incident_id)`` fills in the id (small, for staff) and starts the timer;
    ``continue_requested`` fires once per incident — from the button or the timer, whichever
    comes first — and the app then shows Welcome and calls ``CrashGuard.reset_finished()``.
    """

    continue_requested = Signal()

    def __init__(
        self,
        auto_continue_s: float = constants.CRASH_RESET_AUTO_CONTINUE_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(round(auto_continue_s * 1000))
        self._timer.timeout.connect(self.on_timer_timeout)

        self.heading = set_role(live(QLabel(), HEADING), "heading")
        self.body = set_role(live(QLabel(), BODY), "muted")
        self.incident = set_role(QLabel(""), "hint")
        self.button = big_button(QT_TRANSLATE_NOOP("ResetScreen", "Start again"), "primary")
        self.button.setMaximumWidth(BUTTON_MAX_WIDTH)
        for label in (self.heading, self.body, self.incident):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button.clicked.connect(self.on_button_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 48)
        layout.setSpacing(28)
        layout.addStretch(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addSpacing(24)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.addWidget(self.incident)

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def show_incident(self, incident_id: str) -> None:
        """Show ``incident_id`` and (re)start the auto-continue timer."""
        set_text(
            self.incident,
            QT_TRANSLATE_NOOP("ResetScreen", "Reference: {incident}").format(incident=incident_id),
        )
        self._pending = True
        self._timer.start()

    def on_button_clicked(self) -> None:
        self._continue()

    def on_timer_timeout(self) -> None:
        self._continue()

    def _continue(self) -> None:
        self._timer.stop()
        if self._pending:
            self._pending = False
            self.continue_requested.emit()


__all__ = ["ResetScreen"]
