"""Touch only: a patient fills identify and a text step of the wizard with taps on the kiosk's
own keyboard — no hardware keys — and the field being typed into is never under the keyboard."""

from __future__ import annotations

import pytest
from kiosk_driver import Patient, PatientDriver, dob_digits
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from kiosk.session import Stage
from kiosk.ui.keyboard import LayoutName

pytestmark = pytest.mark.e2e

PATIENT = Patient(first_name="Zoë", last_name="Núñez")
PHONE = "555 0142"


def on_window(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


class Watch:
    """Checks after every key that the focused field is fully above the keyboard."""

    def __init__(self, patient: PatientDriver) -> None:
        self.patient = patient
        self.checked = 0

    def field_clear_of_keyboard(self) -> None:
        window = self.patient.window
        field = window.focusWidget()
        assert isinstance(field, (QLineEdit, QTextEdit, QPlainTextEdit)), field
        keyboard = window.keyboard
        assert keyboard.isVisible() and not keyboard.isWindow()
        box, keys = on_window(field), on_window(keyboard)
        assert not box.intersects(keys), f"{field.accessibleName()} {box} under keys {keys}"
        assert box.top() >= 0
        self.checked += 1

    def tap_field(self, field: QWidget) -> None:
        self.patient.tap(field)
        control = self.patient.window.keyboard_control
        self.patient.wait(lambda: control.shown and not control.sliding)
        self.field_clear_of_keyboard()

    def tap_keys(self, text: str) -> None:
        for char in text:
            self.patient.tap(self.patient.key_for(char))
            self.field_clear_of_keyboard()


def test_identify_and_a_text_step_are_filled_by_tapping_keys(start_kiosk) -> None:
    # No simulated provider: tapping every key of the post-intake steps takes long under load,
    # and a provider taking the patient meanwhile skipped the waiting room (or replaced the
    # step being typed in) — the test ends in the waiting room.
    kiosk = start_kiosk(auto_provider=None)
    patient = kiosk.patient
    window = patient.window
    watch = Watch(patient)
    patient.check_in()
    screen = window.identify

    watch.tap_field(screen.first.edit)
    assert window.keyboard.layout_name is LayoutName.LETTERS
    watch.tap_keys(PATIENT.first_name)
    watch.tap_field(screen.last.edit)
    watch.tap_keys(PATIENT.last_name)
    entry = screen.dob.entry
    watch.tap_field(entry.focus_widget())
    assert window.keyboard.layout_name is LayoutName.NUMBER
    watch.tap_keys("".join(dob_digits(PATIENT.dob)[part] for part in entry.order))
    assert (screen.first.value(), screen.last.value()) == ("Zoë", "Núñez")
    assert screen.dob.value() == PATIENT.dob.isoformat()
    patient.tap(screen.continue_button)
    patient.wait(lambda: patient.screen is not screen and patient.settled())

    typed_step = None
    while patient.stage is Stage.WIZARD:
        view = patient.step_view()
        fields = [
            f
            for f in view.findChildren(QLineEdit)
            if f.isVisible() and f.isEnabled() and not f.isReadOnly()
        ]
        if typed_step is None and fields:
            typed_step = view.step.code
            for field in fields:
                watch.tap_field(field)
                watch.tap_keys(PHONE)
                assert field.text() == PHONE
            patient.fill_step_without_text(view, PATIENT)
        else:
            patient.fill_step(view, PATIENT)
        patient.next(view)
    patient.wait_for_screen(window.waiting_room)
    assert typed_step is not None, "no wizard step had a text field"
    assert watch.checked > 20
    patient.wait(lambda: not window.keyboard.isVisible())  # no text field on the waiting room
