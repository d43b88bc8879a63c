"""``ErrorPanel``: a failure in plain words, with only the buttons that can help."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import announce
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import Palette, set_role
from kiosk.ui.widgets.centred_card import centred_card
from kiosk.ui.widgets.cover import CoverLayer

TITLE = QT_TRANSLATE_NOOP("ErrorPanel", "Sorry, that didn't work")
CARD_MAX_WIDTH = 760


class ErrorPanel(CoverLayer):
    """Lies over the screen where the failure happened, so the patient keeps their place.

    ``show_error(message, can_retry, can_go_back)`` shows the session's ``SessionError`` text;
    "Try again" and "Back" appear only when allowed, "Start over" always does. Pressing any of
    them hides the panel first and then emits the matching signal.
    """

    retry_requested = Signal()
    back_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorPanel")
        self._veil = QColor(Palette().text)
        self._veil.setAlphaF(0.35)
        card, layout = centred_card(self, CARD_MAX_WIDTH, (48, 40), 20)
        self.title = live(QLabel(card), TITLE)
        self.title.setWordWrap(True)
        set_role(self.title, "heading")
        self.message = QLabel(card)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setProperty("screens", "lead")
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.start_over_button = live(
            QPushButton(card), QT_TRANSLATE_NOOP("ErrorPanel", "Start over")
        )
        self.back_button = live(QPushButton(card), QT_TRANSLATE_NOOP("ErrorPanel", "Back"))
        self.retry_button = live(QPushButton(card), QT_TRANSLATE_NOOP("ErrorPanel", "Try again"))
        set_role(self.retry_button, "primary")
        # Two rows, so no language's words are clipped: the way forward, then starting over.
        row.addWidget(self.back_button)
        row.addWidget(self.retry_button, 1)
        layout.addLayout(row)
        layout.addWidget(self.start_over_button)
        self.retry_button.clicked.connect(lambda: self._answer(self.retry_requested))
        self.back_button.clicked.connect(lambda: self._answer(self.back_requested))
        self.start_over_button.clicked.connect(lambda: self._answer(self.start_over_requested))

    def show_error(self, message: str, can_retry: bool, can_go_back: bool) -> None:
        set_text(self.message, message)
        announce(self, self.message.text(), assertive=True)  # as shown: in the patient's language
        self.retry_button.setVisible(can_retry)
        self.back_button.setVisible(can_go_back)
        set_role(self.start_over_button, "link" if can_retry or can_go_back else "primary")
        self.cover()
        (self.retry_button if can_retry else self.start_over_button).setFocus()

    def _answer(self, signal: SignalInstance) -> None:
        self.hide()
        signal.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._veil)
        painter.end()
        super().paintEvent(event)
