"""Input as a device delivers it: through the top-level ``QWindow`` (``QTest``'s ``QWindow``
overloads go through ``QWindowSystemInterface``), which dispatches to the widget underneath or
the focus widget — never ``sendEvent``/``notify`` straight to a widget, which would skip the
window where the kiosk's watchers sit (``kiosk.window_events``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def handle(widget: QWidget) -> QWindow:
    """The top-level window ``widget`` is shown in (it must be shown)."""
    window = widget.window().windowHandle()
    assert window is not None, "show the widget's window first"
    return window


def window_point(widget: QWidget, pos: QPoint | None = None) -> QPoint:
    """``pos`` in ``widget`` (its centre by default) in its top-level window's coordinates."""
    settle_layouts()
    local = widget.rect().center() if pos is None else pos
    return widget.mapTo(widget.window(), local)


def settle_layouts() -> None:
    """Lay out what changed since the last turn of the event loop, so a position is where the
    patient sees the widget (a tap right after adding a row would land on the old place)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _approach(window: QWindow, point: QPoint) -> None:
    """Bring the pointer to ``point`` as a hand does, over a neighbouring pixel: Qt drops a
    move to where the cursor already is, and a window the pointer never entered (a new test
    window where the last one was) gets no hover and, for a right press, no context menu."""
    QTest.mouseMove(window, point + QPoint(1, 1))
    QTest.mouseMove(window, point)


def click(widget: QWidget, pos: QPoint | None = None, button: Qt.MouseButton = LEFT) -> None:
    window, point = handle(widget), window_point(widget, pos)
    _approach(window, point)
    QTest.mouseClick(window, button, NO_MODIFIER, point)


def press(widget: QWidget, pos: QPoint | None = None, button: Qt.MouseButton = LEFT) -> None:
    window, point = handle(widget), window_point(widget, pos)
    _approach(window, point)
    QTest.mousePress(window, button, NO_MODIFIER, point)


def release(widget: QWidget, pos: QPoint | None = None, button: Qt.MouseButton = LEFT) -> None:
    QTest.mouseRelease(handle(widget), button, NO_MODIFIER, window_point(widget, pos))


def move(widget: QWidget, pos: QPoint | None = None) -> None:
    QTest.mouseMove(handle(widget), window_point(widget, pos))


def key(widget: QWidget, code: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key press and release on the window, which hands it to its focus widget."""
    QTest.keyClick(handle(widget), code, modifiers)


_touch_screen: list[QPointingDevice] = []


def touch_screen() -> QPointingDevice:
    """One touch screen for the whole run, owned by the application: Qt keeps a pointer to
    every registered device, so a garbage-collected one would crash a later test."""
    if not _touch_screen:
        device = QTest.createTouchDevice()
        device.setParent(QApplication.instance())
        _touch_screen.append(device)
    return _touch_screen[0]


def touch_press(widget: QWidget, device: QPointingDevice, pos: QPoint) -> None:
    window = handle(widget)
    QTest.touchEvent(window, device).press(0, window_point(widget, pos), window).commit()


def touch_release(widget: QWidget, device: QPointingDevice, pos: QPoint) -> None:
    window = handle(widget)
    QTest.touchEvent(window, device).release(0, window_point(widget, pos), window).commit()
