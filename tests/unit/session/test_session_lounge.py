"""The lounge: in line while answering post-intake steps; the ready prompt; Join now."""

from __future__ import annotations

import pytest
from session_drive import start, submit_one, wait_stage
from session_fakes import FakeClient, states

from kiosk.api.models import Account, CloseReason, Queue, Room
from kiosk.session import Stage
from kiosk.session.call_end import status_outcome
from kiosk.session.lounge import ProviderReady, lounge_status, provider_name
from kiosk.wizard import IntakeFields, PharmacyChoice, VisitTypeChoice


@pytest.fixture
def client() -> FakeClient:
    # Two post-intake steps (medical history, pharmacy) after the walk-in is created.
    return FakeClient(
        account_states=states(
            "intake", "visit_type", "consent", "post_intake", "post_call", steps_per_group=2
        )
    )


def to_lounge(qtbot, session) -> None:
    start(qtbot, session)
    while session.state.open_visit_id is None:
        kind = [VisitTypeChoice("walkin")] if "visit_type" in session.current_step[0].group else []
        submit_one(qtbot, session, kind)
    assert session.stage is Stage.WIZARD and session.current_step[0].group == "visits.post_intake"


def test_the_provider_getting_ready_during_post_intake_prompts_and_join_now_opens_the_call(
    qtbot, session, client
):
    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.provider_ready, timeout=2000) as ready:
        client.visit_status = 25
    assert ready.args[0] == ProviderReady("Dr. John Will")
    assert session.stage is Stage.WIZARD  # the prompt covers the step; nothing moves alone
    updates_before = len(client.calls_of("update_intake"))
    session.join_now()
    wait_stage(qtbot, session, Stage.CALL)
    assert len(client.calls_of("update_intake")) == updates_before  # nothing re-sent or lost
    assert session.ready is None


def test_join_now_sends_the_complete_step_on_screen_first(qtbot, session, client):
    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.provider_ready, timeout=2000):
        client.visit_status = 25
    pharmacy = {"name": "Corner Pharmacy", "code": "0561539"}
    session.join_now([PharmacyChoice(pharmacy)])
    wait_stage(qtbot, session, Stage.CALL)
    assert [c["pharmacy"].code for c in client.calls_of("save_pharmacy")] == ["0561539"]


def test_join_now_still_joins_when_the_steps_answers_fail_to_send(qtbot, session, client):
    from session_fakes import server_error

    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.provider_ready, timeout=2000):
        client.visit_status = 25
    client.always_fail["update_intake"] = server_error()
    session.join_now([IntakeFields({"phone": "7123456789"})])
    wait_stage(qtbot, session, Stage.CALL)


def test_join_now_while_a_step_is_being_sent_joins_once_it_is(qtbot, session, client):
    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.provider_ready, timeout=2000):
        client.visit_status = 25
    session.submit_step([IntakeFields({"phone": "7123456789"})])
    assert session.busy
    session.join_now([])
    wait_stage(qtbot, session, Stage.CALL)
    assert client.calls_of("update_intake")[-1] == {"intake_id": "intake-1", "phone": "7123456789"}


def test_finishing_the_steps_after_ready_goes_straight_to_the_call(qtbot, session, client):
    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.provider_ready, timeout=2000):
        client.visit_status = 25
    while session.stage is Stage.WIZARD:
        submit_one(qtbot, session, [])
    assert session.stage is Stage.CALL


def test_a_cancelled_visit_ends_the_lounge_with_a_notice(qtbot, session, client):
    to_lounge(qtbot, session)
    with qtbot.waitSignal(session.notice, timeout=2000):
        client.visit_status = 40
    wait_stage(qtbot, session, Stage.GOODBYE)
    assert "close_visit" not in client.names()


def test_join_now_does_nothing_before_the_provider_is_ready(qtbot, session, client):
    to_lounge(qtbot, session)
    session.join_now()
    assert session.stage is Stage.WIZARD


@pytest.mark.parametrize(
    ("stage", "status", "lounge", "expected"),
    [
        (Stage.WIZARD, 25, True, ("ready", None, None)),
        (Stage.WIZARD, 20, True, ("ready", None, None)),
        (Stage.WIZARD, 25, False, (None, None, None)),
        (Stage.WAITING, 25, False, (None, Stage.CALL, None)),
        (Stage.WAITING, 20, False, (None, Stage.CALL, None)),
        (Stage.CALL, 30, False, (None, Stage.POST_CALL, CloseReason.CALL_ENDED)),
        (Stage.CALL, 40, False, (None, Stage.POST_CALL, CloseReason.CALL_ENDED)),
        (Stage.WAITING, 30, False, (None, Stage.POST_CALL, None)),
        (Stage.WAITING, 40, False, (None, Stage.GOODBYE, None)),
        (Stage.WIZARD, 40, True, (None, Stage.GOODBYE, None)),
        (Stage.CALL, 25, False, (None, None, None)),
        (Stage.WAITING, 10, False, (None, None, None)),
    ],
)
def test_the_status_table(stage, status, lounge, expected) -> None:
    outcome = status_outcome(stage, status, lounge)
    ready, to, reason = expected
    assert outcome.ready is (ready == "ready")
    assert (outcome.stage, outcome.close_reason) == (to, reason)


def test_wait_estimate_from_the_queue_then_the_account_then_the_room() -> None:
    account = Account.model_validate({"waiting_room": {"average_visit_time": 900}})
    room = Room.model_validate({"code": "r", "payment": {"consultations": [{"duration": 15}]}})
    doc_queue = Queue(length=10, capacity=100, average_visit_time=3600, before_me=3)
    status = lounge_status(doc_queue, account, room, waited_s=61.5)
    assert (status.position, status.expected_wait_s, status.waited_s) == (4, 3 * 3600, 61)
    no_average = Queue(length=3, before_me=2)
    assert lounge_status(no_average, account, room).expected_wait_s == 2 * 900
    assert lounge_status(no_average, Account(), room).expected_wait_s == 2 * 15 * 60
    counts_only = Queue(length=3)  # no before_me: everyone else in the queue counts
    assert lounge_status(counts_only, account, room).position == 3


def test_provider_name_reads_title_and_names() -> None:
    from kiosk.api.models import Visit

    visit = Visit.model_validate({"provider": {"first_name": "Ann", "last_name": "Lee"}})
    assert provider_name(visit) == "Ann Lee"
    assert (
        provider_name(
            Visit.model_validate({"provider": {"full_name": "Dr. Anton P", "title": "Dr."}})
        )
        == "Dr. Anton P"
    )
    assert provider_name(Visit()) is None
