"""Keyboard or keypad only: a walk-in patient goes from Welcome to the waiting room with key
presses alone — Tab, the arrows, Enter and typed characters sent to the kiosk's window, no tap
or click anywhere — with audio guidance on (Qt's mock speech engine) saying each screen."""

from __future__ import annotations

from typing import Any

import pytest
import window_input
from kiosk_driver import Patient, PatientDriver
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QListWidget, QListWidgetItem, QWidget

from kiosk.config import KioskOptions
from kiosk.session import Stage
from kiosk.ui.accessibility.guidance import guidance_on_text
from kiosk.ui.accessibility.speech import MOCK_ENGINE
from kiosk.ui.screens import identify, waiting_room
from kiosk.window_events import WindowEventFilter

pytestmark = pytest.mark.e2e

#: Keys one control may take to reach (a long wizard step has a few dozen Tab stops).
MAX_KEYS = 200
PATIENT = Patient(first_name="Ada", last_name="Keys", survey_comment="Fine.")
_POINTER = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchEnd,
}


class PointerCounter(WindowEventFilter):
    """Counts every press a mouse or a finger makes on the window: this walk must make none."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _POINTER:
            self.presses += 1
        return False


class KeyboardPatient(PatientDriver):
    """``PatientDriver`` whose hands are on a keyboard: every tap is Tab (or, inside a group of
    choices, an arrow) to the control and Enter; typing is key presses on the window."""

    def __init__(self, qtbot: Any, app: Any) -> None:
        super().__init__(qtbot, app)
        self.keys = 0

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        window_input.key(self.window, key, modifiers)
        self.keys += 1

    def reach(self, widget: QWidget) -> None:
        """Move the focus to ``widget`` with Tab, or with the arrows inside its group."""
        self.wait(lambda: widget.isVisible() and widget.isEnabled() and self.settled())
        for _ in range(MAX_KEYS):
            focus = QApplication.focusWidget()
            if focus is widget:
                return
            group = widget.group() if isinstance(widget, QAbstractButton) else None
            if group is not None and group.exclusive() and focus in group.buttons():
                self.press(_direction(focus, widget))
            else:
                self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"{MAX_KEYS} keys did not reach {widget.accessibleName()!r}")

    # -- PatientDriver's hands, on keys -----------------------------------------------------

    def tap(self, widget: QWidget) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget
        self.reach(widget)
        if isinstance(widget, QAbstractButton) and widget.isCheckable() and widget.isChecked():
            return  # the arrows chose it already (a group of choices works like radio buttons)
        self.press(Qt.Key.Key_Return)

    def type_into(self, widget: QWidget, text: str) -> None:
        self.reach(widget)
        for char in text:
            QTest.keyClick(window_input.handle(widget), char)
            self.keys += 1

    def tap_row(self, view: QListWidget, item: QListWidgetItem) -> None:
        self.reach(view)
        for _ in range(view.count() + 1):
            if view.currentItem() is item:
                if not item.isSelected():
                    self.press(Qt.Key.Key_Space)  # the row under the cursor, chosen
                if item.isSelected():
                    return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"the arrows did not reach the row {item.text()!r}")


def _direction(focus: QWidget, target: QWidget) -> Qt.Key:
    """The arrow that goes from ``focus`` towards ``target`` on screen."""
    a = focus.mapToGlobal(focus.rect().center())
    b = target.mapToGlobal(target.rect().center())
    delta = b - a
    if abs(delta.x()) >= abs(delta.y()):
        return Qt.Key.Key_Right if delta.x() > 0 else Qt.Key.Key_Left
    return Qt.Key.Key_Down if delta.y() > 0 else Qt.Key.Key_Up


def test_a_walk_in_reaches_the_waiting_room_with_keys_alone(start_kiosk) -> None:
    kiosk = start_kiosk(
        auto_provider=None, kiosk=KioskOptions(fullscreen=False, speech_engine=MOCK_ENGINE)
    )
    app = kiosk.app
    patient = KeyboardPatient(kiosk.patient.qtbot, app)
    pointer = PointerCounter()
    pointer.install(app.window)
    said: list[str] = []
    app.accessibility.speaker.spoken.connect(said.append)

    patient.wait_for_screen(app.window.welcome)
    patient.press(Qt.Key.Key_F1)  # the repeat key at Welcome: audio guidance, please
    patient.wait(lambda: bool(said))
    assert said[0].startswith(guidance_on_text())

    patient.check_in()
    patient.wait(lambda: any(identify.WORDING["guest"].title in text for text in said))
    patient.identify(PATIENT)
    log = patient.walk_wizard(PATIENT)
    patient.wait_for_screen(app.window.waiting_room)
    assert patient.stage is Stage.WAITING
    patient.wait(lambda: any(waiting_room.STAY_NEARBY in text for text in said))
    patient.wait(lambda: any("in line" in text for text in said))  # the place in line

    assert pointer.presses == 0, "the walk used a mouse or a finger"
    assert patient.keys > 30 and len(log.steps) >= 2
    assert app.session.accessibility.keyboard_used  # so the focus ring shows
    pointer.uninstall()
