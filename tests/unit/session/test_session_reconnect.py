"""The waiting room's "Reconnecting… you keep your place in line": shown when no poll has been
answered for the notice time (failing or hanging), cleared at the next answer."""

from __future__ import annotations

from typing import Any

from session_fakes import FakeClient

from kiosk.api.errors import NetworkError
from kiosk.session import SessionConfig, SessionState
from kiosk.session.waiting import ReconnectNotice, WaitingRoom

NOTICE_S = 0.4
#: Polls every 20 ms: a notice time of 20 polls cannot be reached by one slow answer.
FAST = SessionConfig(
    heartbeat_s=5.0,
    queue_poll_s=0.02,
    visit_status_poll_s=0.02,
    backoff_base_s=0.01,
    backoff_cap_s=0.02,
    reconnect_notice_s=NOTICE_S,
)


def waiting_room(client: Any, config: SessionConfig = FAST) -> WaitingRoom:
    return WaitingRoom(client, config, SessionState(), "visit-1", "ceproom1")


POLLS = ("get_queue", "get_visit", "alive")


def fail_every_poll(client: FakeClient) -> None:
    for name in POLLS:
        client.always_fail[name] = NetworkError("The kiosk could not reach the clinic server.")


def notices(room: WaitingRoom) -> list[bool]:
    """Every ``reconnecting`` the room emits from now on, in order."""
    seen: list[bool] = []
    room.reconnecting.connect(seen.append)
    return seen


def test_polls_failing_past_the_notice_time_show_reconnecting_then_clear(qtbot, qloop) -> None:
    client = FakeClient()
    fail_every_poll(client)
    room = waiting_room(client)
    seen = notices(room)

    with qtbot.waitSignal(room.reconnecting, timeout=5000):
        room.start_waiting(None)
    assert seen == [True]

    client.always_fail.clear()  # the network is back
    qtbot.waitUntil(lambda: seen == [True, False], timeout=5000)
    room.stop()


def test_polls_that_hang_without_failing_show_reconnecting_too(qtbot, qloop) -> None:
    client = FakeClient()
    client.hanging.update(POLLS)
    room = waiting_room(client)

    with qtbot.waitSignal(room.reconnecting, timeout=5000) as blocker:
        room.start_waiting(None)

    assert blocker.args == [True]
    room.stop()


def test_a_failure_shorter_than_the_notice_time_shows_nothing(qtbot, qloop) -> None:
    client = FakeClient()
    for name in POLLS:
        client.fail(name, NetworkError("The kiosk could not reach the clinic server."))
    room = waiting_room(client)
    room.start_waiting(None)

    with qtbot.assertNotEmitted(room.reconnecting, wait=int(NOTICE_S * 2500)):
        qtbot.waitUntil(lambda: len(client.calls_of("get_queue")) >= 3, timeout=5000)

    room.stop()


def test_the_call_starting_clears_the_notice(qtbot, qloop) -> None:
    client = FakeClient()
    fail_every_poll(client)
    room = waiting_room(client)
    seen = notices(room)
    room.start_waiting(None)
    qtbot.waitUntil(lambda: seen == [True], timeout=5000)

    room.call_started()

    assert seen == [True, False]
    room.stop()
    assert seen == [True, False]


def test_the_notice_time_is_at_least_two_of_the_shortest_poll_intervals(qloop) -> None:
    slow = SessionConfig(queue_poll_s=30.0, visit_status_poll_s=20.0, reconnect_notice_s=15.0)

    assert waiting_room(FakeClient(), slow).notice.threshold_s == 40.0
    assert waiting_room(FakeClient(), SessionConfig()).notice.threshold_s == 15.0


def test_the_notice_is_among_the_timers_the_wipe_stops(qtbot, qloop) -> None:
    state = SessionState()
    room = WaitingRoom(FakeClient(), FAST, state, "visit-1", "ceproom1")

    assert room.notice in state.timers


def test_an_answer_before_the_notice_starts_does_not_arm_it(qtbot) -> None:
    """Heartbeats answer before the waiting screen: the notice counts only once it waits."""
    notice = ReconnectNotice(0.01)

    notice.answered()

    with qtbot.assertNotEmitted(notice.changed, wait=50):
        pass
