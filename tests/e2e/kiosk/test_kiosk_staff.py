"""Staff mode through the running kiosk: the hidden corner long-press, the PIN pad (wrong,
lockout, right), and a staff-launched known patient who lands in the intake wizard."""

from __future__ import annotations

import pytest
from kiosk_driver import LEFT
from pydantic import SecretStr

from kiosk.config import StaffOptions
from kiosk.constants import STAFF_GESTURE_HOLD_S
from kiosk.session import Stage
from kiosk.staff.pin import hash_pin

pytestmark = pytest.mark.e2e

PIN = "2468"
HOLD_MS = int(STAFF_GESTURE_HOLD_S * 1000)


def enter_pin(patient, pad, pin: str) -> None:
    for digit in pin:
        patient.tap(pad.digit_buttons[digit])
    assert pad.entered_length == len(pin)
    patient.tap(pad.enter_button)


def test_staff_gesture_pin_lockout_and_known_patient_launch(start_kiosk, qtbot):
    staff = StaffOptions(pin_hash=SecretStr(hash_pin(PIN)), max_attempts=2, lockout_s=1.0)
    kiosk = start_kiosk(auto_provider=None, staff=staff)
    patient, server, app = kiosk.patient, kiosk.server, kiosk.app
    window, mode = app.window, app.staff
    pad = mode.pin_pad
    patient.wait_for_screen(window.welcome)

    # A short press in the corner does nothing; a long one opens the PIN pad.
    corner = patient.press_in_corner()
    patient.lift_from_corner(corner)
    assert not mode.active
    corner = patient.press_in_corner()
    patient.wait(lambda: mode.active, timeout=HOLD_MS + 5_000)
    patient.lift_from_corner(corner)
    assert window.current_screen is mode.widget and mode.widget.currentWidget() is pad
    assert app.session.idle.paused

    # Wrong, wrong: locked for a while, keys off; then they come back by themselves.
    enter_pin(patient, pad, "1111")
    assert pad.message.text() == "That PIN is not right. 1 try left."
    assert mode.widget.currentWidget() is pad
    enter_pin(patient, pad, "1357")
    assert pad.locked and "locked" in pad.message.text()
    assert not pad.digit_buttons["2"].isEnabled() and not pad.enter_button.isEnabled()
    patient.wait(lambda: not pad.locked and pad.digit_buttons["2"].isEnabled(), timeout=5_000)

    # The right PIN opens the console.
    enter_pin(patient, pad, PIN)
    console = mode.console
    assert mode.widget.currentWidget() is console, pad.message.text()

    # Staff start a known patient by code: staff mode closes, the patient is at the intake.
    tabs = console.tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(3).center())
    assert tabs.currentIndex() == 3
    page = console.patient_page
    patient.type_into(page.code, "mrn-e2e-4711")
    patient.type_into(page.first_name, "Grace")
    patient.type_into(page.last_name, "Known")
    patient.tap(page.start_button)

    view = patient.step_view()
    assert not mode.active
    assert app.session.stage is Stage.WIZARD and view.step.code == "intake"
    assert page.code.text() == "" and page.first_name.text() == ""
    users = [u for u in server.state()["users"] if u["code"] == "mrn-e2e-4711"]
    assert len(users) == 1 and users[0]["type"] == 200
    assert users[0]["doc"].get("first_name") == "Grace"
    assert app.client.token_state is not None
