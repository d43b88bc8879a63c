"""``StillThereScreen``: "Are you still there?" with a large countdown and one big button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import framed

BODY_ONE = QT_TRANSLATE_NOOP(
    "StillThereScreen", "To keep your information private, this kiosk will start over in 1 second."
)
BODY = QT_TRANSLATE_NOOP(
    "StillThereScreen",
    "To keep your information private, this kiosk will start over in {seconds} seconds.",
)


def body_text(seconds: int) -> str:
    return BODY_ONE if seconds == 1 else BODY.format(seconds=seconds)


class StillThereScreen(QWidget):
    """Follows ``IdleMonitor``: ``start(n)`` on ``warning_started``, ``set_remaining(n)`` on
    ``countdown_tick``. ``still_here`` goes to ``IdleMonitor.continue_`` (the app then shows
    the previous screen on ``continued``); ``start_over`` lets a patient who is done leave now.
    Owns no timer: the monitor is the one clock, so the number shown is the one that counts.
    """

    still_here = Signal()
    start_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.heading = set_role(
            live(QLabel(), QT_TRANSLATE_NOOP("StillThereScreen", "Are you still there?")), "title"
        )
        self.count = set_role(QLabel("0"), "figure")
        self.count.setProperty("idle", "countdown")
        self.body = set_role(QLabel(body_text(0)), "muted")
        self.still_here_button = set_role(
            live(QPushButton(), QT_TRANSLATE_NOOP("StillThereScreen", "I'm still here")), "primary"
        )
        self.still_here_button.setProperty("idle", "still-here")
        self.start_over_button = set_role(
            live(QPushButton(), QT_TRANSLATE_NOOP("StillThereScreen", "I'm done — start over")),
            "link",
        )
        for label in (self.heading, self.count, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.still_here_button.clicked.connect(self.on_still_here_clicked)
        self.start_over_button.clicked.connect(self.on_start_over_clicked)

        card, inner = framed(self, "card", (48, 32), 16)
        inner.addWidget(self.heading)
        inner.addWidget(self.count)
        inner.addWidget(self.body)
        inner.addSpacing(16)
        inner.addWidget(self.still_here_button)
        inner.addWidget(self.start_over_button, 0, Qt.AlignmentFlag.AlignHCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)  # fits 1280x800 with the sandbox strip
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addStretch(1)

    @property
    def remaining(self) -> int:
        return int(self.count.text())

    def start(self, seconds: int) -> None:
        """A new countdown from ``seconds``; the big button gets the focus."""
        self.set_remaining(seconds)
        self.still_here_button.setFocus()

    def set_remaining(self, seconds: int) -> None:
        set_text(self.count, str(max(0, seconds)))
        set_text(self.body, body_text(max(0, seconds)))

    def on_still_here_clicked(self) -> None:
        self.still_here.emit()

    def on_start_over_clicked(self) -> None:
        self.start_over.emit()


__all__ = ["StillThereScreen"]
