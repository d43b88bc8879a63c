"""PatientSession's stages: rooms, identification, wizard steps, waiting, call, booking."""

from __future__ import annotations

import pytest
from session_drive import shown_groups, start, submit_one, to_call, wait_stage, walk_wizard
from session_fakes import ONE_TIME_TOKEN, PATIENT_TOKEN, FakeClient, room, states

from kiosk.api.models import CloseReason, UserType
from kiosk.session import BookingConfirmation, Stage
from kiosk.session.stages import Booked, Call, RoomClosed, Waiting, Wizard
from kiosk.wizard import ConsentGiven, EmrUpdate, IntakeFields, VisitTypeChoice


def test_begin_loads_account_and_room_then_asks_who_you_are(qtbot, session, client):
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert client.names()[:3] == ["get_account", "list_rooms", "get_room"]


def test_the_account_is_fetched_once_at_start_up_and_reused_by_each_patient(qtbot, session, client):
    from kiosk.session.clinic import ClinicLoader

    clinic = ClinicLoader(client, "vclinic", 0.01, 0.02)
    session.account_loaded.connect(clinic.accept)
    session.journey.known_account = lambda: clinic.account  # as the app wires it
    with qtbot.waitSignal(clinic.loaded, timeout=2000):
        clinic.load()
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    session.end()
    wait_stage(qtbot, session, Stage.WELCOME)
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert client.names().count("get_account") == 1
    assert session.state.account is clinic.account


def test_configured_room_is_used_without_listing_rooms(qtbot, make_session, client):
    session = make_session(client, room_code="ceproom1")
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert "list_rooms" not in client.names()
    assert client.calls_of("get_room") == [{"code": "ceproom1"}]


def test_more_than_one_room_offers_a_room_pick(qtbot, session, client):
    client.rooms = [room("a"), room("b")]
    session.begin()
    wait_stage(qtbot, session, Stage.ROOM_PICK)
    assert [r.code for r in session.payload.rooms] == ["a", "b"]
    session.choose_room("b")
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert session.state.room_code == "b"


def test_closed_room_shows_its_close_message_before_a_patient_starts(qtbot, session, client):
    client.rooms = [room(closed=True, close_msg="Back at 9 tomorrow.")]
    session.begin()
    wait_stage(qtbot, session, Stage.ROOM_CLOSED)
    assert session.payload == RoomClosed("Back at 9 tomorrow.")
    assert "sso" not in client.names()


def test_room_offering_no_visit_kind_counts_as_closed(qtbot, session, client):
    client.rooms = [room(walkin=False, appointment=False)]
    session.begin()
    wait_stage(qtbot, session, Stage.ROOM_CLOSED)


def test_guest_start_signs_in_with_sso_600_and_creates_the_intake(qtbot, session, client):
    start(qtbot, session)
    assert client.calls_of("sso") == [
        {"type": int(UserType.GUEST), "code": None, "dob": "1990-01-01"}
    ]
    assert client.calls_of("create_intake") == [{"room_code": "ceproom1", "type": 1}]
    assert session.stage is Stage.WIZARD


def test_known_patient_start_uses_sso_200_with_code_when_enabled(qtbot, make_session, client):
    session = make_session(client, known_patient_login=True)
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    session.identify_known("patient-code-1", "Ada", "Lovelace")
    wait_stage(qtbot, session, Stage.WIZARD)
    assert client.calls_of("sso")[0]["type"] == int(UserType.MEMBER)
    assert client.calls_of("sso")[0]["code"] == "patient-code-1"


def test_known_patient_start_is_refused_when_not_configured(qtbot, session, client):
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    with qtbot.waitSignal(session.failed, timeout=2000) as failed:
        session.identify_known("patient-code-1", "Ada", "Lovelace")
    assert not failed.args[0].can_retry
    assert "sso" not in client.names()


def test_steps_come_in_the_documented_order_with_progress(qtbot, session, client):
    seen = []
    session.stage_changed.connect(
        lambda p: isinstance(p, Wizard) and seen.append((p.step.group, p.index))
    )
    start(qtbot, session)
    walk_wizard(qtbot, session, kind="walkin")
    groups = [g for g, _ in seen]
    assert groups == ["visits.intake", "visits.visit_type", "visits.consent", "visits.post_intake"]
    assert [i for _, i in seen] == [0, 1, 2, 3]


def test_unconfigured_groups_are_skipped(qtbot, make_session):
    client = FakeClient(states("intake", "post_call"))
    session = make_session(client)
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)


def test_walkin_only_room_skips_visit_type_and_creates_walkin_intake(qtbot, session, client):
    client.rooms = [room(appointment=False)]
    groups = shown_groups(session)
    start(qtbot, session)
    walk_wizard(qtbot, session)
    assert "visits.visit_type" not in groups
    assert session.services.visit_options().appointment is False
    wait_stage(qtbot, session, Stage.WAITING)


def test_appointment_only_room_goes_to_the_calendar_with_a_scheduled_intake(qtbot, session, client):
    client.rooms = [room(walkin=False)]
    groups = shown_groups(session)
    start(qtbot, session)
    walk_wizard(qtbot, session, kind="appointment")
    assert "visits.visit_type" not in groups
    assert "visits.calendar" in groups
    assert client.calls_of("create_intake")[0]["type"] == 2
    assert "add_walkin" not in client.names()


def test_answers_go_to_the_intake_and_their_own_endpoints(qtbot, session, client):
    start(qtbot, session)
    submit_one(
        qtbot,
        session,
        [IntakeFields({"reason_for_visit": "Cough"}), EmrUpdate("allergies", [{"substance": "x"}])],
    )
    update = client.calls_of("update_intake")[0]
    assert update["reason_for_visit"] == "Cough"
    assert client.calls_of("update_emr") == [{"name": "allergies"}]


def test_visit_type_and_consent_are_written_to_the_intake(qtbot, session, client):
    start(qtbot, session)
    submit_one(qtbot, session, [])
    submit_one(qtbot, session, [VisitTypeChoice("walkin")])
    submit_one(qtbot, session, [ConsentGiven("consent")])
    updates = client.calls_of("update_intake")
    assert updates[0]["type"] == 1
    assert updates[1]["consent"] == "true"  # as the doc's intake object carries it


def test_walkin_is_created_after_consent_and_the_lounge_starts_during_post_intake(
    qtbot, session, client
):
    start(qtbot, session)
    for answers in ([], [VisitTypeChoice("walkin")], []):
        submit_one(qtbot, session, answers)
    assert session.current_step[0].group == "visits.post_intake"
    assert client.calls_of("add_walkin") == [{"intake_id": "intake-1", "room_code": "ceproom1"}]
    # In line from now on: heartbeats, the queue for the status strip, the visit's status.
    with qtbot.waitSignal(session.queue_updated, timeout=2000) as update:
        pass
    assert update.args[0].position == client.queue.before_me + 1
    assert update.args[0].waited_s is not None
    qtbot.waitUntil(lambda: {"alive", "get_visit"} <= set(client.names()), timeout=2000)
    assert session.stage is Stage.WIZARD


def test_waiting_room_reports_queue_status(qtbot, session, client):
    start(qtbot, session)
    with qtbot.waitSignal(session.queue_updated, timeout=3000) as update:
        walk_wizard(qtbot, session)
    status = update.args[0]
    assert status.position == client.queue.before_me + 1
    assert status.expected_wait_s == client.queue.average_visit_time * client.queue.before_me


def test_in_progress_status_opens_the_call_with_the_sso_calling_url(qtbot, session, client):
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    with qtbot.waitSignal(session.stage_changed, timeout=2000) as ready:
        client.visit_status = 25
    assert isinstance(ready.args[0], Call)
    assert ready.args[0].url == (
        f"http://portal.test/auth?sso_token={PATIENT_TOKEN}"
        "&next=/visits/inbrowser_calling/v-100&disable_navigation=1"
    )
    assert session.stage is Stage.CALL


def test_heartbeats_continue_while_the_call_is_open(qtbot, session, client):
    to_call(qtbot, session, client)
    beats = len(client.calls_of("alive"))
    qtbot.waitUntil(lambda: len(client.calls_of("alive")) >= beats + 2, timeout=2000)


def test_completed_status_moves_to_post_call_steps(qtbot, session, client):
    to_call(qtbot, session, client)
    client.visit_status = 30
    wait_stage(qtbot, session, Stage.POST_CALL)
    assert session.current_step[0].group == "visits.post_call"
    # Ended not by the patient: the doc's reason for that is call_ended.
    assert client.calls_of("close_visit") == [
        {"visit_id": "v-100", "reason": CloseReason.CALL_ENDED}
    ]
    submit_one(qtbot, session, [])
    wait_stage(qtbot, session, Stage.GOODBYE)


def test_cancelled_by_provider_tells_the_patient_and_says_goodbye(qtbot, session, client):
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    with qtbot.waitSignal(session.notice, timeout=2000):
        client.visit_status = 40
    wait_stage(qtbot, session, Stage.GOODBYE)


@pytest.mark.parametrize(
    ("reason", "closed_as"),
    [
        ("patientendcall", CloseReason.PATIENT_END_CALL),  # the patient pressed End
        ("call_ended", CloseReason.CALL_ENDED),  # the page closed itself
    ],
)
def test_the_call_ending_closes_the_visit_with_its_reason(
    qtbot, session, client, reason, closed_as
):
    to_call(qtbot, session, client)
    session.call_finished(reason)
    wait_stage(qtbot, session, Stage.POST_CALL)
    assert client.calls_of("close_visit") == [{"visit_id": "v-100", "reason": closed_as}]


def test_max_wait_time_closes_with_maxwaitingtime_reached_and_tells_what_next(
    qtbot, session, client
):
    client.max_wait = 0.05
    start(qtbot, session)
    with qtbot.waitSignal(session.notice, timeout=3000) as notice:
        walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.GOODBYE)
    assert client.calls_of("get_setting") == [{"path": "visit/time/max_wait_time"}]
    assert client.calls_of("close_visit") == [
        {"visit_id": "v-100", "reason": CloseReason.MAX_WAITING_TIME_REACHED}
    ]
    assert "front desk" in notice.args[0]


def test_booking_emits_confirmation_with_one_time_link(qtbot, session, client):
    start(qtbot, session)
    walk_wizard(qtbot, session, kind="appointment")
    wait_stage(qtbot, session, Stage.BOOKED)
    assert isinstance(session.payload, Booked)
    confirmation: BookingConfirmation = session.payload.confirmation
    assert confirmation.link == (
        f"http://portal.test/members/appointment/appt-9?token={ONE_TIME_TOKEN}"
    )
    assert confirmation.provider_name == "Ann Lee"
    assert confirmation.timezone == "America/Los_Angeles"
    assert client.calls_of("create_appointment")[0]["slot_start"] == confirmation.start


def test_after_booking_post_intake_steps_then_booked_stage(qtbot, session, client):
    groups = shown_groups(session)
    start(qtbot, session)
    walk_wizard(qtbot, session, kind="appointment")
    wait_stage(qtbot, session, Stage.BOOKED)
    assert groups[-2:] == ["visits.calendar", "visits.post_intake"]


def test_go_back_returns_to_the_previous_step(qtbot, session, client):
    start(qtbot, session)
    first = session.current_step[0]
    submit_one(qtbot, session, [])
    with qtbot.waitSignal(session.stage_changed, timeout=1000) as changed:
        session.go_back()
    assert changed.args[0].step == first


def test_go_back_never_crosses_the_created_walkin(qtbot, session, client):
    start(qtbot, session)
    for answers in ([], [VisitTypeChoice("walkin")], []):
        submit_one(qtbot, session, answers)
    step = session.current_step
    session.go_back()
    assert session.current_step == step


def test_go_back_from_the_first_step_signs_out_and_asks_again(qtbot, session, client):
    start(qtbot, session)
    session.go_back()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert "logout" in client.names()
    session.identify_guest("Ada", "Lovelace", "1990-01-01")
    wait_stage(qtbot, session, Stage.WIZARD)
    assert len(client.calls_of("sso")) == 2


def test_the_waiting_payload_carries_the_rooms_waiting_line(qtbot, session, client):
    client.rooms = [room().model_copy(update={"subtitle": "  Room line  "})]
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    assert session.payload == Waiting("Room line")


def test_the_waiting_payload_falls_back_to_the_accounts_waiting_line(qtbot, session, client):
    client.account.waiting_room.subtitle = "Call 911 in an emergency"
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    assert session.payload == Waiting("Call 911 in an emergency")


def test_each_step_is_a_new_payload_even_when_the_same_step_comes_back(qtbot, session, client):
    start(qtbot, session)
    first = session.payload
    submit_one(qtbot, session, [])
    with qtbot.waitSignal(session.stage_changed, timeout=1000) as back:
        session.go_back()
    assert isinstance(back.args[0], Wizard) and back.args[0].step == first.step
    assert back.args[0] is not first and back.args[0].index == first.index
