"""``PulseIndicator``: soft rings that breathe outwards, drawn with QPainter (no GIFs, no fonts)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.constants import PULSE_FRAME_MS, PULSE_PERIOD_MS
from kiosk.ui.theme import Palette

RINGS = 3


class PulseIndicator(QWidget):
    """A calm "we are working / you are in line" sign: a solid dot and fading rings.

    Runs only while visible (the frame timer stops in ``hideEvent``), so hidden screens cost
    nothing. ``phase`` (0..1) can be set directly for screenshots and tests; ``edge`` is the
    preferred square size in pixels.
    """

    def __init__(self, edge: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edge = edge
        self._phase = 0.0
        self._color = QColor(Palette().primary)
        self._timer = QTimer(self)
        self._timer.setInterval(PULSE_FRAME_MS)
        self._timer.timeout.connect(self.on_frame)
        self.setMinimumSize(edge // 2, edge // 2)

    def sizeHint(self) -> QSize:
        return QSize(self._edge, self._edge)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def phase(self) -> float:
        return self._phase

    def set_phase(self, phase: float) -> None:
        self._phase = phase % 1.0
        self.update()

    def on_frame(self) -> None:
        self.set_phase(self._phase + PULSE_FRAME_MS / PULSE_PERIOD_MS)

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = min(self.width(), self.height()) / 2.0
        centre = QPointF(self.width() / 2.0, self.height() / 2.0)
        for ring in range(RINGS):
            t = (self._phase + ring / RINGS) % 1.0
            color = QColor(self._color)
            color.setAlphaF(0.35 * (1.0 - t) ** 1.5)
            painter.setBrush(color)
            r = radius * (0.3 + 0.7 * t)
            painter.drawEllipse(centre, r, r)
        core = QColor(self._color)
        breathe = 0.27 + 0.03 * math.sin(self._phase * 2 * math.pi)
        painter.setBrush(core)
        painter.drawEllipse(centre, radius * breathe, radius * breathe)
        painter.end()
