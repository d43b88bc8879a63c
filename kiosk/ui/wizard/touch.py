"""Touch helpers: kinetic (flick) scrolling and big-row lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QListWidget,
    QScroller,
    QWidget,
)


def has_touch_screen() -> bool:
    """True when a touch screen is attached (kiosks: at start-up, before any step is built)."""
    touch = QInputDevice.DeviceType.TouchScreen
    return any(device.type() == touch for device in QInputDevice.devices())


def enable_kinetic_scroll(area: QAbstractScrollArea) -> None:
    """Let a finger flick ``area``'s content.

    Only touch gestures are grabbed: grabbing the left mouse button as well would delay every
    press inside the area (and break clicks synthesised by tests and by some touch drivers).
    Without a touch screen there is nothing to grab, and each grab costs half a millisecond
    (a date field has three lists), so it is skipped.
    """
    if has_touch_screen():
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


def big_list(parent: QWidget, rows_visible: int = 5, row_px: int = 64) -> QListWidget:
    """A list of touch-height rows, ``rows_visible`` tall, flickable, wrapping long text."""
    view = QListWidget(parent)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setFixedHeight(rows_visible * row_px + 8)
    enable_kinetic_scroll(view)
    return view
