"""The hidden staff gesture: a long press in the top-left corner, by mouse or touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.ui.staff.gesture import StaffGestureDetector

HOLD_S = 0.05
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def detector(window, qapp):
    gesture = StaffGestureDetector(window, hold_s=HOLD_S, corner_px=100)
    gesture.install(qapp)
    yield gesture
    gesture.uninstall()


def test_long_press_in_the_top_left_corner_triggers(qtbot, window, detector):
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        QTest.mousePress(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))


def test_short_press_does_not_trigger(qtbot, window, detector):
    QTest.mousePress(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass


@pytest.mark.parametrize("point", [QPoint(790, 10), QPoint(10, 590), QPoint(790, 590)])
def test_long_press_in_other_corners_does_not_trigger(qtbot, window, detector, point):
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        QTest.mousePress(window, LEFT, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseRelease(window, LEFT, Qt.KeyboardModifier.NoModifier, point)


def test_sliding_out_of_the_corner_cancels(qtbot, window, detector):
    QTest.mousePress(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseMove(window, QPoint(400, 300))
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass
    QTest.mouseRelease(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(400, 300))


def test_long_touch_in_the_corner_triggers(qtbot, window, detector, touch_device):
    device = touch_device
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        QTest.touchEvent(window, device).press(0, QPoint(10, 10), window).commit()
    QTest.touchEvent(window, device).release(0, QPoint(10, 10), window).commit()


def test_short_touch_does_not_trigger(qtbot, window, detector, touch_device):
    device = touch_device
    QTest.touchEvent(window, device).press(0, QPoint(10, 10), window).commit()
    QTest.touchEvent(window, device).release(0, QPoint(10, 10), window).commit()
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass


def test_disabled_detector_ignores_the_gesture(qtbot, window, detector):
    detector.set_enabled(False)
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        QTest.mousePress(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(window, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
