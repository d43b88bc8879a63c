"""The hidden staff gesture: a long press in the top-left corner, by mouse or touch."""

from __future__ import annotations

import pytest
from on_screen import on_screen
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget
from window_input import move, press, release, touch_press, touch_release

from kiosk.ui.staff.gesture import StaffGestureDetector

HOLD_S = 0.05


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    # A screen's content fills the window, the corner included: the press lands on a child.
    widget.button = QPushButton("Content")  # type: ignore[attr-defined]
    widget.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # type: ignore[attr-defined]
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget.button)  # type: ignore[attr-defined]
    on_screen(qtbot, widget, (800, 600), exposed=True)
    return widget


@pytest.fixture
def detector(window):
    gesture = StaffGestureDetector(window, hold_s=HOLD_S, corner_px=100)
    gesture.install(window)
    yield gesture
    gesture.uninstall()


def test_long_press_in_the_top_left_corner_triggers(qtbot, window, detector):
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        press(window, QPoint(10, 10))
    release(window, QPoint(10, 10))


def test_short_press_does_not_trigger(qtbot, window, detector):
    press(window, QPoint(10, 10))
    release(window, QPoint(10, 10))
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass


@pytest.mark.parametrize("point", [QPoint(790, 10), QPoint(10, 590), QPoint(790, 590)])
def test_long_press_in_other_corners_does_not_trigger(qtbot, window, detector, point):
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        press(window, point)
    release(window, point)


def test_sliding_out_of_the_corner_cancels(qtbot, window, detector):
    press(window, QPoint(10, 10))
    move(window, QPoint(400, 300))
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass
    release(window, QPoint(400, 300))


def test_long_touch_in_the_corner_triggers(qtbot, window, detector, touch_device):
    device = touch_device
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        touch_press(window, device, QPoint(10, 10))
    touch_release(window, device, QPoint(10, 10))


def test_short_touch_does_not_trigger(qtbot, window, detector, touch_device):
    device = touch_device
    touch_press(window, device, QPoint(10, 10))
    touch_release(window, device, QPoint(10, 10))
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        pass


def test_disabled_detector_ignores_the_gesture(qtbot, window, detector):
    detector.set_enabled(False)
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        press(window, QPoint(10, 10))
    release(window, QPoint(10, 10))


def test_the_press_reaches_the_content_underneath(qtbot, window, detector):
    """The detector only watches: the button in the corner still gets its press."""
    pressed: list[bool] = []
    window.button.pressed.connect(lambda: pressed.append(True))
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        press(window, QPoint(40, 40))
    release(window, QPoint(40, 40))
    assert pressed == [True]


def test_uninstalled_it_sees_nothing(qtbot, window, detector):
    detector.uninstall()
    with qtbot.assertNotEmitted(detector.triggered, wait=int(HOLD_S * 3000)):
        press(window, QPoint(10, 10))
    release(window, QPoint(10, 10))
