"""``BusyOverlay``: a calm translucent layer with a pulse and one line of text while work runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.constants import BUSY_OVERLAY_DELAY_MS
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import Palette, set_role
from kiosk.ui.widgets.boxes import framed
from kiosk.ui.widgets.cover import CoverLayer
from kiosk.ui.widgets.pulse import PulseIndicator

DEFAULT_MESSAGE = QT_TRANSLATE_NOOP("BusyOverlay", "One moment…")


class BusyOverlay(CoverLayer):
    """One busy state for the whole window (GUIDE habit 2), driven by ``busy_changed``.

    ``set_busy(True, text)`` blocks input at once; the veil and the card appear only after
    ``delay_ms`` so a quick call does not flash. ``set_busy(False)`` hides everything.
    """

    def __init__(self, parent: QWidget, delay_ms: int = BUSY_OVERLAY_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("BusyOverlay")
        self._veil = QColor(Palette().background)
        self._veil.setAlphaF(0.82)
        self._revealed = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(max(0, delay_ms))
        self._delay.timeout.connect(self.on_delay_elapsed)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card, inner = framed(self, "card", (56, 40), 20)
        self.card.setProperty("screens", "busy-card")
        self.pulse = PulseIndicator(96, self.card)
        inner.addWidget(self.pulse, 0, Qt.AlignmentFlag.AlignHCenter)
        self.label = live(QLabel(self.card), DEFAULT_MESSAGE)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        set_role(self.label, "subheading")
        inner.addWidget(self.label)
        layout.addWidget(self.card)
        self.card.hide()

    @property
    def is_blocking(self) -> bool:
        """True while input is blocked (from ``set_busy(True)`` to ``set_busy(False)``)."""
        return self.isVisible()

    @property
    def is_revealed(self) -> bool:
        """True once the veil and card are drawn (after the delay)."""
        return self._revealed

    @property
    def message(self) -> str:
        return self.label.text()

    def set_busy(self, busy: bool, message: str = "") -> None:
        if not busy:
            self._delay.stop()
            self._revealed = False
            self.card.hide()
            self.hide()
            return
        set_text(self.label, message or DEFAULT_MESSAGE)
        if not self.isVisible():
            self.cover()
            self._delay.start()
            if self._delay.interval() == 0:
                self.on_delay_elapsed()

    def on_delay_elapsed(self) -> None:
        self._revealed = True
        self.card.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._revealed:
            painter = QPainter(self)
            painter.fillRect(self.rect(), self._veil)
            painter.end()
        super().paintEvent(event)
