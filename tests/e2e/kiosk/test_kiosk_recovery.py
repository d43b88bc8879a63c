"""The kiosk recovers on its own: a crash inside a screen ends in the calm reset screen and a
wiped session; a patient who walked away is asked "Are you still there?" and then wiped."""

from __future__ import annotations

import pytest
from kiosk_driver import Patient

from kiosk.session import Stage
from kiosk.ui.screens.reset import HEADING
from kiosk.ui.screens.still_there import body_text

pytestmark = pytest.mark.e2e


def walk_to_the_waiting_room(kiosk) -> str:
    patient, me = kiosk.patient, Patient()
    patient.walk_in(me)
    visit_id = kiosk.app.session.state.visit_id
    assert kiosk.server.visit(visit_id)["status"] == 10
    return visit_id


@pytest.mark.qt_no_exception_capture  # the app's CrashGuard must see the exception, as in use
def test_crash_in_a_screen_shows_the_reset_screen_and_wipes_the_session(start_kiosk, monkeypatch):
    kiosk = start_kiosk(auto_provider=None)
    patient, server, app = kiosk.patient, kiosk.server, kiosk.app
    window = app.window
    visit_id = walk_to_the_waiting_room(kiosk)
    logged_out_before = server.logged_out_tokens()

    # A bug inside the waiting room's own slot: "Leave waiting room" raises half way through.
    def broken_focus(*_args: object) -> None:
        raise RuntimeError("simulated bug in WaitingRoomScreen.on_leave_clicked")

    monkeypatch.setattr(window.waiting_room.stay_button, "setFocus", broken_focus)
    patient.tap(window.waiting_room.leave_button)

    # The calm reset screen, with a reference for staff; the session is wiped meanwhile.
    patient.wait(lambda: window.current_screen is app.reset_screen)
    assert app.reset_screen.heading.text() == HEADING
    assert len(app.crash_guard.incidents) == 1
    assert app.crash_guard.incidents[0] in app.reset_screen.incident.text()
    patient.wait(lambda: app.session.stage is Stage.WELCOME and not app.session.busy)
    assert window.current_screen is app.reset_screen, "the reset screen left before its time"

    # The server saw the wipe: the walk-in closed, the patient logged out.
    visit = server.visit(visit_id)
    assert visit["status"] == 40 and visit["close_reason"] == "patientexitroom"
    assert server.logged_out_tokens() >= logged_out_before + 2
    assert app.client.token_state is None

    patient.tap(app.reset_screen.button)
    patient.wait_for_screen(window.welcome)
    assert not app.crash_guard.resetting
    assert window.identify.first.edit.text() == ""


def test_idle_patient_is_asked_then_the_session_ends_and_is_wiped(start_kiosk):
    kiosk = start_kiosk(
        auto_provider=None,
        session={
            "idle_timeout_s": 5.0,
            "idle_timeout_waiting_s": 1.0,
            "idle_countdown_s": 0.6,
            "idle_tick_s": 0.2,
        },
    )
    patient, server, app = kiosk.patient, kiosk.server, kiosk.app
    window, still_there = app.window, app.idle.screen
    visit_id = walk_to_the_waiting_room(kiosk)
    logged_out_before = server.logged_out_tokens()

    # Nobody touches the screen: "Are you still there?" with a countdown from 3 (0.6 s / 0.2 s).
    patient.wait(lambda: window.current_screen is still_there)
    assert still_there.remaining in (1, 2, 3)
    patient.wait(lambda: still_there.remaining < 3)
    assert still_there.body.text() == body_text(still_there.remaining)

    # "I'm still here" puts the same screen back, with the visit untouched.
    patient.tap(still_there.still_here_button)
    patient.wait(lambda: window.current_screen is window.waiting_room)
    assert app.session.stage is Stage.WAITING
    assert server.visit(visit_id)["status"] == 10

    # Asked again, and this time the countdown runs out: the session ends and is wiped.
    patient.wait(lambda: window.current_screen is still_there)
    patient.wait_for_screen(window.welcome)
    visit = server.visit(visit_id)
    assert visit["status"] == 40 and visit["close_reason"] == "patientexitroom"
    assert server.logged_out_tokens() >= logged_out_before + 2
    assert app.client.token_state is None
    assert app.session.idle.paused, "the idle clock must rest at Welcome"
