"""``LoungeStrip``: "you are in line" above each post-intake step, once the walk-in exists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.device_check_slot import OPEN_CHECK

IN_LINE_NOTE = QT_TRANSLATE_NOOP(
    "LoungeStrip", "You are already in line. You can answer these questions while you wait."
)


class LoungeStrip(QFrame):
    """One calm line: place in line and expected wait, with a note that the patient is in
    line already; the presenter words the figures (``kiosk.ui.screens.queue_text``). Hidden
    until the first ``set_status``; ``clear()`` hides it again (a new patient, or the lounge
    is over).

    ``offer_check(True)`` adds "Check camera and microphone" (``check_requested``): the step
    host has a camera and microphone check to show instead of the step."""

    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "notice")
        self.setProperty("screens", "lounge-strip")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(24)
        column.addLayout(row)
        self.place = QLabel(self)
        set_role(self.place, "subheading")
        self.wait = QLabel(self)
        self.note = live(QLabel(self), IN_LINE_NOTE)
        self.note.setWordWrap(True)
        set_role(self.note, "muted")
        for label in (self.place, self.wait):
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(label)
        row.addStretch(1)
        # The note wraps beside the button, so the strip fits a portrait screen's width.
        below = QHBoxLayout()
        below.setSpacing(24)
        column.addLayout(below)
        below.addWidget(self.note, 1)
        self.check_button = live(QPushButton(self), OPEN_CHECK)
        self.check_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.check_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.check_button.hide()
        self.check_button.clicked.connect(self.check_requested)
        below.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def offer_check(self, offered: bool) -> None:
        self.check_button.setVisible(offered)

    def set_status(self, place: str, wait: str) -> None:
        set_text(self.place, place)
        set_text(self.wait, wait)
        self.show()

    def clear(self) -> None:
        set_text(self.place, "")
        set_text(self.wait, "")
        self.hide()
