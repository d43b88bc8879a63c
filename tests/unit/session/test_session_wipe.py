"""The end-of-session wipe: one wipe per ending, idempotent, tolerant of every failure."""

from __future__ import annotations

import asyncio

import pytest
from session_drive import start, wait_stage, walk_wizard
from session_fakes import FakeClient, server_error

from kiosk.api.models import CloseReason, User
from kiosk.session import SessionHooks, SessionState, Stage, wipe_session
from kiosk.wizard import IntakeFields


class StopCounter:
    def __init__(self) -> None:
        self.stops = 0

    def stop(self) -> None:
        self.stops += 1


def _state_with_everything(tmp_dir_files: bool = True) -> SessionState:
    state = SessionState(
        user=User(id="7"),
        intake_id="i-1",
        open_visit_id="v-1",
        visit_id="v-1",
        booked_visit_id=None,
    )
    folder = state.ensure_temp_dir()
    if tmp_dir_files:
        (folder / "photo.jpg").write_bytes(b"jpeg")
    state.timers.append(StopCounter())
    return state


def run(coro):
    return asyncio.run(coro)


def test_wipe_closes_open_visit_logs_out_runs_hooks_and_deletes_temp_files():
    client, state, hooks = FakeClient(), _state_with_everything(), SessionHooks()
    ran = []
    hooks.add_cleanup(lambda: ran.append("hook"))
    timer, folder = state.timers[0], state.temp_dir
    assert run(wipe_session(client, state, hooks)) == []
    assert client.calls_of("close_visit") == [
        {"visit_id": "v-1", "reason": CloseReason.PATIENT_EXIT_ROOM}
    ]
    assert "logout" in client.names() and "clear_tokens" in client.names()
    assert ran == ["hook"] and timer.stops == 1
    assert not folder.exists()
    assert state.user is None and state.intake_id is None and state.temp_dir is None


def test_wipe_is_idempotent():
    client, state, hooks = FakeClient(), _state_with_everything(), SessionHooks()
    ran = []
    hooks.add_cleanup(lambda: ran.append("hook"))
    run(wipe_session(client, state, hooks))
    calls = list(client.calls)
    assert run(wipe_session(client, state, hooks)) == []
    assert client.calls == calls and ran == ["hook"]


def test_wipe_tolerates_every_call_failing():
    client, state, hooks = FakeClient(), _state_with_everything(), SessionHooks()
    for name in ("close_visit", "logout"):
        client.always_fail[name] = server_error()

    def broken_hook() -> None:
        raise OSError("clipboard gone")

    ran = []
    hooks.add_cleanup(broken_hook)
    hooks.add_cleanup(lambda: ran.append("second hook"))
    folder = state.temp_dir
    failed = run(wipe_session(client, state, hooks))
    assert failed == ["close_visit", "logout", "cleanup_hook"]
    assert ran == ["second hook"]
    assert "clear_tokens" in client.names()
    assert not folder.exists() and state.user is None


def test_wipe_gives_up_on_a_hanging_call_after_the_step_timeout():
    client, state, hooks = FakeClient(), _state_with_everything(), SessionHooks()
    client.hanging.add("logout")
    failed = run(wipe_session(client, state, hooks, step_timeout_s=0.05))
    assert failed == ["logout"]
    assert "clear_tokens" in client.names()


def test_wipe_awaits_async_hooks():
    client, state, hooks = FakeClient(), _state_with_everything(), SessionHooks()
    ran = []

    async def async_hook() -> None:
        ran.append("async")

    hooks.add_cleanup(async_hook)
    run(wipe_session(client, state, hooks))
    assert ran == ["async"]


def test_wipe_keeps_booked_appointments():
    client, hooks = FakeClient(), SessionHooks()
    state = SessionState(booked_visit_id="appt-9")
    run(wipe_session(client, state, hooks))
    assert "close_visit" not in client.names()


def test_wipe_drops_every_answer(qtbot, session, client):
    start(qtbot, session)
    answers = session.answers
    session.submit_step([IntakeFields({"reason_for_visit": "Cough"})])
    qtbot.waitUntil(lambda: not session.busy, timeout=2000)
    assert answers.submissions(session.state.definition.steps("visits.intake")[0])
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
    assert len(answers) == 0 and not list(answers)
    assert session.answers is not answers


def _walkin_waiting(qtbot, session):
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)


ENDINGS = {
    "end_finished": lambda s: s.end("finished"),
    "start_over": lambda s: s.end("start_over"),
    "leave_waiting_room": lambda s: s.leave_waiting_room(),
    "crash": lambda s: s.on_command_crashed(RuntimeError("bug")),
    "idle": lambda s: s.on_idle_expired(),
}


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_every_ending_runs_the_same_single_wipe(qtbot, session, client, ending):
    hook_runs = []
    session.add_cleanup(lambda: hook_runs.append(1))
    _walkin_waiting(qtbot, session)
    folder = session.state.ensure_temp_dir()
    with qtbot.waitSignal(session.ended, timeout=3000):
        ENDINGS[ending](session)
        ENDINGS[ending](session)  # a second request while ending does not wipe twice
    assert session.stage is Stage.WELCOME
    assert hook_runs == [1]
    assert client.names().count("logout") == 1
    assert client.calls_of("close_visit") == [
        {"visit_id": "v-100", "reason": CloseReason.PATIENT_EXIT_ROOM}
    ]
    assert not folder.exists()
    assert client.token_state is None


def test_ending_after_the_call_closes_with_the_call_reason_only_once(qtbot, session, client):
    client.fail("close_visit", server_error())
    _walkin_waiting(qtbot, session)
    client.visit_status = 25
    wait_stage(qtbot, session, Stage.CALL)
    with qtbot.waitSignal(session.failed, timeout=2000):
        session.call_finished("patientendcall")
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
    reasons = [c["reason"] for c in client.calls_of("close_visit")]
    assert reasons == [CloseReason.PATIENT_END_CALL, CloseReason.PATIENT_END_CALL]


def test_session_serves_the_next_patient_after_a_wipe(qtbot, session, client):
    _walkin_waiting(qtbot, session)
    session.end("finished")
    wait_stage(qtbot, session, Stage.WELCOME)
    start(qtbot, session)
    assert session.stage is Stage.WIZARD
    assert session.current_step[1] == 0


def test_finishing_from_goodbye_wipes_once_without_closing_a_done_visit(qtbot, session, client):
    hook_runs = []
    session.add_cleanup(lambda: hook_runs.append(1))
    _walkin_waiting(qtbot, session)
    client.visit_status = 30
    wait_stage(qtbot, session, Stage.POST_CALL)
    session.submit_step([])
    wait_stage(qtbot, session, Stage.GOODBYE)
    with qtbot.waitSignal(session.ended, timeout=2000) as ended:
        session.finish()
    assert ended.args[0] == "finished"
    assert hook_runs == [1]
    assert "close_visit" not in client.names()
    assert client.names().count("logout") == 1
