"""``StaffGestureDetector``: a long press in the top-left corner opens staff mode."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk import constants
from kiosk.window_events import WindowEventFilter

log = logging.getLogger("kiosk.staff")

_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_MOVE = (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate)
_RELEASE = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


class StaffGestureDetector(WindowEventFilter):
    """Watches presses over ``window`` (``install(window)``: a ``WindowEventFilter`` on its
    top-level window; consumes nothing).

    A mouse press or touch that starts inside the ``corner_px`` square at the window's top-left
    and stays there, held for ``hold_s`` seconds, emits ``triggered()``. Releasing earlier,
    moving out of the corner, or a second finger cancels. Touch and the mouse events Qt
    synthesises from it are the same press, so a touch is not counted twice.
    """

    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        hold_s: float = constants.STAFF_GESTURE_HOLD_S,
        corner_px: int = constants.STAFF_GESTURE_CORNER_PX,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._corner_px = corner_px
        self._enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(round(hold_s * 1000))
        self._timer.timeout.connect(self.on_hold_timeout)

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def uninstall(self) -> None:
        super().uninstall()
        self._timer.stop()

    def set_enabled(self, enabled: bool) -> None:
        """Off while staff mode is open (the corner is then part of the console)."""
        self._enabled = enabled
        if not enabled:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._enabled:
            return False
        kind = event.type()
        if kind in _PRESS:
            point = self._global_point(event)
            if point is not None and self._in_corner(point):
                if not self.holding:
                    self._timer.start()
            elif kind == QEvent.Type.TouchBegin or point is not None:
                self._timer.stop()
        elif kind in _MOVE and self.holding:
            point = self._global_point(event)
            if point is None or not self._in_corner(point):
                self._timer.stop()
        elif kind in _RELEASE:
            self._timer.stop()
        return False

    def on_hold_timeout(self) -> None:
        log.info("staff.gesture")
        self.triggered.emit()

    def _in_corner(self, global_point: QPoint) -> bool:
        local = self._window.mapFromGlobal(global_point)
        return QRect(0, 0, self._corner_px, self._corner_px).contains(local)

    @staticmethod
    def _global_point(event: QEvent) -> QPoint | None:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if len(points) != 1:
                return None
            return points[0].globalPosition().toPoint()
        if isinstance(event, QMouseEvent):
            return event.globalPosition().toPoint()
        return None
