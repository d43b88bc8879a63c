"""A failing API call on every step: the patient reads a clear message and Retry works."""

from __future__ import annotations

import pytest
from session_drive import start, submit_one, to_call, wait_stage
from session_fakes import server_error

from kiosk.api.errors import ApiTimeoutError, AuthExpiredError, NetworkError
from kiosk.session import Stage, session_error
from kiosk.session.errors import CRASH_MESSAGE, NETWORK_MESSAGE
from kiosk.wizard import IntakeFields, SlotChoice, VisitTypeChoice


def _fail_then_retry(qtbot, session, client, method, action):
    client.fail(method, server_error("Room service is down, sorry."))
    with qtbot.waitSignal(session.failed, timeout=3000) as failed:
        action()
    error = failed.args[0]
    assert error.message == "Room service is down, sorry."
    assert error.can_retry
    calls = len(client.calls_of(method))
    session.retry()
    qtbot.waitUntil(
        lambda: len(client.calls_of(method)) == calls + 1 and not session.busy, timeout=3000
    )


@pytest.mark.parametrize("method", ["get_account", "list_rooms", "get_room"])
def test_begin_failure_shows_server_message_and_retry_reaches_identify(
    qtbot, session, client, method
):
    _fail_then_retry(qtbot, session, client, method, session.begin)
    wait_stage(qtbot, session, Stage.IDENTIFY)


@pytest.mark.parametrize("method", ["sso", "create_intake"])
def test_identify_failure_shows_server_message_and_retry_reaches_wizard(
    qtbot, session, client, method
):
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    _fail_then_retry(
        qtbot,
        session,
        client,
        method,
        lambda: session.identify_guest("Ada", "Lovelace", "1990-01-01"),
    )
    wait_stage(qtbot, session, Stage.WIZARD)
    # a retry after sso succeeded does not sign the patient in a second time
    assert len(client.calls_of("sso")) == (2 if method == "sso" else 1)


def test_intake_update_failure_keeps_the_step_and_retry_moves_on(qtbot, session, client):
    start(qtbot, session)
    step = session.current_step
    _fail_then_retry(
        qtbot,
        session,
        client,
        "update_intake",
        lambda: session.submit_step([IntakeFields({"reason_for_visit": "x"})]),
    )
    qtbot.waitUntil(lambda: session.current_step[1] == step[1] + 1, timeout=2000)


def test_walkin_failure_is_retried_without_resending_answers(qtbot, session, client):
    start(qtbot, session)
    submit_one(qtbot, session, [])
    submit_one(qtbot, session, [VisitTypeChoice("walkin")])
    _fail_then_retry(qtbot, session, client, "add_walkin", lambda: session.submit_step([]))
    assert session.current_step[0].group == "visits.post_intake"
    assert len(client.calls_of("update_intake")) == 1


def test_booking_failure_shows_message_and_retry_books(qtbot, session, client):
    from session_drive import SLOT

    start(qtbot, session)
    submit_one(qtbot, session, [])
    submit_one(qtbot, session, [VisitTypeChoice("appointment")])
    submit_one(qtbot, session, [])
    _fail_then_retry(
        qtbot,
        session,
        client,
        "create_appointment",
        lambda: session.submit_step([SlotChoice(SLOT)]),
    )
    assert session.state.booked_visit_id == "appt-9"


def test_closing_the_call_failure_is_retried(qtbot, session, client):
    to_call(qtbot, session, client)
    _fail_then_retry(
        qtbot, session, client, "close_visit", lambda: session.call_finished("patientendcall")
    )
    wait_stage(qtbot, session, Stage.POST_CALL)


def test_network_error_reads_as_plain_language(qtbot, session, client):
    client.fail("get_account", NetworkError("httpx.ConnectError: [Errno 111]"))
    with qtbot.waitSignal(session.failed, timeout=2000) as failed:
        session.begin()
    assert failed.args[0].message == NETWORK_MESSAGE
    assert failed.args[0].can_retry


def test_failure_keeps_the_stage(qtbot, session, client):
    start(qtbot, session)
    client.fail("update_intake", server_error())
    with qtbot.waitSignal(session.failed, timeout=2000):
        session.submit_step([IntakeFields({"phone": "555"})])
    assert session.stage is Stage.WIZARD


def test_busy_frames_every_command(qtbot, session, client):
    seen = []
    session.busy_changed.connect(lambda busy, text: seen.append((busy, bool(text))))
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    assert seen == [(True, True), (False, False)]


def test_unexpected_exception_ends_the_session_with_a_notice(qtbot, session, client):
    client.fail("get_account", RuntimeError("bug with a patient name in it"))
    with (
        qtbot.waitSignal(session.ended, timeout=2000) as ended,
        qtbot.waitSignal(session.notice, timeout=2000) as notice,
    ):
        session.begin()
    assert ended.args[0] == "crash"
    assert notice.args[0] == CRASH_MESSAGE
    assert session.stage is Stage.WELCOME


def test_expired_login_offers_no_retry():
    error = session_error(AuthExpiredError("Your session has ended."), can_go_back=False)
    assert not error.can_retry


def test_timeout_is_a_network_error_for_the_patient():
    assert session_error(ApiTimeoutError("read timeout"), True).message == NETWORK_MESSAGE
