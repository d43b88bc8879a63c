"""Waiting-room timers: intervals, queue math, backoff while offline, max wait, idle."""

from __future__ import annotations

import sys

from session_drive import start, wait_stage, walk_wizard
from session_fakes import FakeClient

from kiosk.api.errors import NetworkError
from kiosk.api.models import Queue
from kiosk.session import (
    HeartbeatTimer,
    MaxWaitTimer,
    QueuePoller,
    SessionConfig,
    Stage,
    queue_status,
)


def test_heartbeat_interval_is_below_half_the_heartbeat_value():
    config = SessionConfig(heartbeat_s=300)
    assert config.heartbeat_send_interval_s < 150
    timer = HeartbeatTimer(FakeClient(), 300)
    assert timer.interval_s < 150


def test_heartbeat_sends_the_configured_heartbeat_value(qtbot, qloop):
    client = FakeClient()
    timer = HeartbeatTimer(client, 0.1)
    timer.start()
    qtbot.waitUntil(lambda: len(client.calls_of("alive")) >= 3, timeout=2000)
    timer.stop()
    assert client.calls_of("alive")[0] == {"heartbeat": 1}


def test_queue_status_uses_the_doc_formula():
    status = queue_status(Queue(length=10, capacity=100, average_visit_time=3600, before_me=3))
    assert (status.position, status.expected_wait_s) == (4, 3 * 3600)
    assert (status.length, status.capacity, status.ahead) == (10, 100, 3)


def test_queue_status_falls_back_to_the_account_average():
    status = queue_status(Queue(before_me=2), fallback_average_s=900)
    assert status.expected_wait_s == 1800


def test_queue_status_unknown_place_gives_no_position():
    status = queue_status(Queue(length=4))
    assert status.position is None and status.expected_wait_s is None


def test_network_error_in_a_poll_reports_offline_then_recovers(qtbot, qloop):
    client = FakeClient()
    client.fail("get_queue", NetworkError("down"), times=3)
    poller = QueuePoller(client, "ceproom1", 0.03, backoff_base_s=0.005, backoff_cap_s=0.02)
    changes = []
    poller.connectivity_changed.connect(changes.append)
    with qtbot.waitSignal(poller.updated, timeout=2000):
        poller.start()
    poller.stop()
    assert changes == [False, True]
    assert len(client.calls_of("get_queue")) == 4


def test_backoff_doubles_and_is_capped_by_the_interval():
    poller = QueuePoller(FakeClient(), "r", 10.0, backoff_base_s=1.0, backoff_cap_s=30.0)
    assert [poller.backoff_s(n) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 8.0, 10.0]


def test_stopped_poller_makes_no_more_calls(qtbot, qloop):
    client = FakeClient()
    poller = QueuePoller(client, "ceproom1", 0.01)
    poller.start()
    qtbot.waitUntil(lambda: len(client.calls_of("get_queue")) >= 2, timeout=2000)
    poller.stop()
    calls = len(client.calls_of("get_queue"))
    qtbot.wait(60)
    assert len(client.calls_of("get_queue")) == calls


def test_max_wait_timer_fires_once(qtbot, qloop):
    timer = MaxWaitTimer(0.02)
    with qtbot.waitSignal(timer.expired, timeout=1000):
        timer.start()
    assert not timer.is_active


def test_idle_mode_follows_the_stage(qtbot, session, client):
    assert session.idle.paused  # Welcome: nobody to time out
    start(qtbot, session)
    assert not session.idle.paused
    assert session.idle.mode == "normal"
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    assert (session.idle.paused, session.idle.mode) == (False, "waiting")
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
    assert session.idle.paused


def test_user_active_cancels_the_idle_countdown(qtbot, make_session, client):
    session = make_session(client, idle_timeout_s=0.2, idle_countdown_s=0.1, idle_tick_s=0.05)
    session.begin()
    with qtbot.waitSignal(session.idle_warning, timeout=2000):
        pass
    assert session.idle.warning
    with qtbot.waitSignal(session.idle.continued, timeout=1000):
        session.user_active()
    assert not session.idle.warning
    assert session.stage is not Stage.WELCOME
    session.idle.pause()


def test_all_timers_stop_when_the_session_ends(qtbot, session, client):
    start(qtbot, session)
    walk_wizard(qtbot, session)
    wait_stage(qtbot, session, Stage.WAITING)
    timers = list(session.state.timers)
    assert timers
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
    assert not any(getattr(t, "is_active", False) for t in timers)
    count = len(client.calls)
    qtbot.wait(100)
    assert len(client.calls) == count


def test_idle_session_ends_with_reason_idle(qtbot, make_session, client):
    session = make_session(client, idle_timeout_s=0.1, idle_countdown_s=0.05, idle_tick_s=0.05)
    session.begin()
    with qtbot.waitSignal(session.idle_warning, timeout=2000):
        pass
    with qtbot.waitSignal(session.ended, timeout=2000) as ended:
        pass
    assert ended.args[0] == "idle"


def test_emit_keeps_the_reference_count_of_true(qtbot):
    timer = MaxWaitTimer(1.0)
    before = sys.getrefcount(True)
    for _ in range(200):
        timer.expired.emit()
    assert abs(sys.getrefcount(True) - before) < 20
