"""A patient's whole visit through the kiosk's real screens against the sandbox: a guest walk-in
with the call, an appointment booking, and leaving the waiting room."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from kiosk_driver import DEFAULT_TIMERS, Patient

from kiosk.devices.check_page import LOOKS_GOOD
from kiosk.session import Stage
from kiosk.ui.screens.booked import booking_texts
from kiosk.ui.screens.queue_text import NEXT

pytestmark = pytest.mark.e2e

#: The seeded clinic's wizard for a walk-in, in order (docs/sandbox.md: vclinic_account.json).
WALKIN_STEPS = ["intake", "intake2", "visit_type", "consent_text", "emr", "pharmacy", "survey"]
BOOKING_STEPS = [*WALKIN_STEPS[:4], "appointment_calendar", *WALKIN_STEPS[4:]]
#: Every visit test runs against the stateful sandbox and the doc-mode one (the API doc's
#: own answers: string ids and statuses, extra keys, /vc/next/api_v3/, HTML entities).
SERVERS = ["stateful", "doc"]


_CALL_STATE_JS = """JSON.stringify((() => {
  const self = document.getElementById('self-view');
  if (!self || !window.sandboxCall) { return null; }
  return {selfWidth: self.videoWidth, selfTime: self.currentTime,
          providerWidth: document.getElementById('provider').videoWidth,
          endHidden: document.getElementById('end').hidden};
})())"""


class CallPageState:
    """The sandbox calling page's media, read from inside the kiosk's call view."""

    def __init__(self, patient: Any, view: Any) -> None:
        self.patient, self.view, self.value = patient, view, None

    def _store(self, text: object) -> None:
        self.value = json.loads(text) if isinstance(text, str) and text != "null" else None

    def get(self, key: str, default: Any = None) -> Any:
        return (self.value or {}).get(key, default)

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool]) -> None:
        def check() -> bool:
            self.view.run_js(_CALL_STATE_JS, self._store)
            return self.value is not None and predicate(self.value)

        self.patient.wait(check)


@pytest.mark.parametrize("mode", SERVERS)
def test_guest_walk_in_joins_from_the_lounge_and_ends_back_at_welcome(start_kiosk, mode):
    """At the kiosk's default timers, the provider joins while the patient is still on the
    pharmacy step: the lounge's prompt comes up, Join now opens the call, the provider ends
    it, the post-call survey, goodbye, Welcome."""
    kiosk = start_kiosk(auto_provider=None, session=DEFAULT_TIMERS, doc_mode=mode == "doc")
    patient, probe, window = kiosk.patient, kiosk.server, kiosk.app.window
    logged_out_before = probe.logged_out_tokens()

    patient.check_in()
    captures = kiosk.app.session.services.capture_dir()
    me = Patient(take_photo=True)
    patient.identify(me)
    walk = patient.walk_wizard(me, stop_at="pharmacy")

    # Every step of the seeded clinic's walk-in wizard up to pharmacy, filled through widgets;
    # consent showed the clinic's own document (fetched by the account file's path).
    assert walk.steps == WALKIN_STEPS[:6]
    assert walk.sections["intake"] == ["update_intake", "file_upload"]

    # In line since consent: the status strip above the post-intake step.
    visit_id = kiosk.app.session.state.visit_id
    waiting = probe.visit(visit_id)
    assert waiting["status"] == 10 and waiting["room_code"] == "ceproom1"
    strip = window.step_host.lounge
    patient.wait(lambda: strip.isVisible() and strip.place.text() == NEXT)
    assert [v["id"] for v in probe.queue()] == [visit_id]

    # While in line, the camera and microphone check from the strip: the fake camera shows,
    # the fake microphone's level moves, the verdict is good; the step waits beneath it.
    host = window.step_host
    patient.tap(strip.check_button)
    check = host.check_panel
    assert host.checking and not host.view.isVisibleTo(host)
    patient.wait(lambda: bool(check.result.get("done")))
    assert check.result["frames"] > 0 and check.result["peak"] > 0
    assert check.result["verdict"] == LOOKS_GOOD
    patient.tap(host.check_done_button)
    assert not check.active and host.view.isVisibleTo(host)
    warm = window.call.call_view.profile
    assert warm is not None, "the check leaves the call's engine warm"

    # The provider joins now: the full-screen prompt, then the call.
    probe.provider_starts(visit_id)
    prompt = patient.ready_prompt
    patient.wait(lambda: prompt.showing)
    assert "is ready to see you" in prompt.title.text()
    # The prompt is the navigator's overlay; the pharmacy step waits beneath it.
    assert patient.screen is prompt and window.navigator.screen is window.step_host
    patient.tap(prompt.join_button)
    patient.wait_for_screen(window.call)
    call_view = window.call.call_view
    assert call_view.active
    patient.wait(lambda: f"/visits/inbrowser_calling/{visit_id}" in call_view.page.url().path())
    assert probe.visit(visit_id)["status"] == 25

    # Join now used the engine the check warmed (only the page had to load).
    assert call_view.profile is warm

    # The call looks like a visit: the self-view <video> plays inside the kiosk's view (a
    # picture, and its clock advancing); the page has no End of its own beside the kiosk's.
    page = CallPageState(patient, call_view)
    page.wait_for(lambda s: (s.get("selfWidth") or 0) > 0)
    first = float(page.get("selfTime") or 0)
    page.wait_for(lambda s: float(s.get("selfTime") or 0) > first + 0.2)
    assert page.get("endHidden") is True and page.get("providerWidth", 0) > 0
    assert window.call.clinic_label.text()
    assert window.call.elapsed_label.text().startswith("0:")

    # The provider ends the call: the kiosk reads it from the visit's status (30).
    probe.provider_ends(visit_id)
    survey = patient.step_view()
    assert kiosk.app.session.stage is Stage.POST_CALL
    assert [s.section.code for s in survey.sections] == ["label", "post_visit_survey"]
    assert not call_view.active, "the call's web view outlived the call"
    patient.fill_step(survey, me)
    patient.next(survey)
    patient.wait_for_screen(window.goodbye)
    patient.tap(window.goodbye.done_button)
    patient.wait_for_screen(window.welcome)

    # The server: waiting (10) → in progress (25) → completed (30) by the call's end; the
    # patient's intake, attachment and answers so far arrived; logged out.
    visit = probe.visit(visit_id)
    assert visit["status"] == 30 and visit["close_reason"] == "call_ended"
    assert visit["actual_start"] and visit["actual_end"] >= visit["actual_start"]
    state = probe.state()
    intake = next(i for i in state["intakes"] if str(i["id"]) == str(visit["intake_id"]))
    assert "Headache" in str(intake["doc"].get("reason_for_visit"))
    assert intake["doc"].get("phone") == me.phone
    assert str(intake["doc"].get("consent")) == "true"
    assert [f["category"] for f in state["files"] if f["owner_id"] == visit["member_id"]]
    guest = next(u for u in state["users"] if u["id"] == int(visit["member_id"]))
    assert guest["doc"].get("first_name") == me.first_name
    assert probe.logged_out_tokens() >= logged_out_before + 2
    assert kiosk.app.client.token_state is None
    assert not captures.exists(), "the session's photo folder outlived the session"


@pytest.mark.parametrize("mode", SERVERS)
def test_appointment_booking_shows_time_and_take_home_link(start_kiosk, mode):
    kiosk = start_kiosk(auto_provider=None, session=DEFAULT_TIMERS, doc_mode=mode == "doc")
    patient, server, window = kiosk.patient, kiosk.server, kiosk.app.window
    me = Patient(visit_type="appointment")

    patient.check_in()
    patient.identify(me)
    walk = patient.walk_wizard(me)

    assert walk.steps == BOOKING_STEPS
    patient.wait_for_screen(window.booked)
    booking = kiosk.app.session.state.booking
    visit_id = kiosk.app.session.state.booked_visit_id
    day, time = booking_texts(booking)
    assert window.booked.date.text() == day and day
    assert window.booked.time.text() == time and "–" in time
    link = window.booked.link.text()
    assert link.startswith(kiosk.sandbox.address.portal_base_url + "members/appointment/")
    assert f"/{visit_id}" in link
    assert window.booked.qr.isVisible() and window.booked.link_card.isVisible()

    visit = server.visit(visit_id)
    assert visit["status"] == 20
    assert visit["one_time_link_token"] and visit["one_time_link_token"] in link
    assert visit["start"] == booking.start and visit["end"] == booking.end
    assert dt.datetime.fromtimestamp(visit["start"], dt.UTC) > dt.datetime.now(dt.UTC)

    patient.tap(window.booked.done_button)
    patient.wait_for_screen(window.welcome)
    assert window.booked.link.text() == ""
    assert server.visit(visit_id)["status"] == 20, "a booked appointment must survive the wipe"


def test_leaving_the_waiting_room_closes_the_visit_with_patientexitroom(start_kiosk):
    kiosk = start_kiosk(auto_provider=None)
    patient, server, window = kiosk.patient, kiosk.server, kiosk.app.window
    logged_out_before = server.logged_out_tokens()
    me = Patient()

    patient.walk_in(me)
    visit_id = kiosk.app.session.state.visit_id
    assert server.visit(visit_id)["status"] == 10

    patient.tap(window.waiting_room.leave_button)
    assert window.waiting_room.confirming
    patient.tap(window.waiting_room.confirm_leave_button)
    patient.wait_for_screen(window.welcome)

    visit = server.visit(visit_id)
    assert visit["close_reason"] == "patientexitroom" and visit["status"] == 40
    assert server.queue() == []
    assert server.logged_out_tokens() >= logged_out_before + 2
