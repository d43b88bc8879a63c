"""Crash recovery: unhandled exceptions become ``crashed(incident)`` and one reset screen."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QObject, Signal

from kiosk.crash import CrashGuard, new_incident_id
from kiosk.logging_setup import _HEX_TOKEN, _PHONE
from kiosk.ui.screens.reset import ResetScreen

pytestmark = pytest.mark.qt_no_exception_capture


class Trigger(QObject):
    fire = Signal()


class FakeApp(QObject):
    """The composition root's crash wiring: crashed → reset screen → session ended → re-arm."""

    def __init__(self, guard: CrashGuard, screen: ResetScreen) -> None:
        super().__init__()
        self.guard, self.screen = guard, screen
        self.session_ends: list[str] = []
        self.crash_in_reset = False
        guard.crashed.connect(self.on_crashed)
        screen.continue_requested.connect(self.on_continue)

    def on_crashed(self, incident: str) -> None:
        self.screen.show_incident(incident)
        self.session_ends.append("crash")
        if self.crash_in_reset:
            raise RuntimeError("reset failed too")

    def on_continue(self) -> None:
        self.guard.reset_finished()


@pytest.fixture
def guard(qtbot):
    crash_guard = CrashGuard()
    crash_guard.install()
    yield crash_guard
    crash_guard.uninstall()


@pytest.fixture
def app(guard, qtbot) -> FakeApp:
    screen = ResetScreen(auto_continue_s=0.05)
    qtbot.addWidget(screen)
    return FakeApp(guard, screen)


def crashing_trigger() -> Trigger:
    trigger = Trigger()

    def broken_slot() -> None:
        raise ValueError("slot broke")

    trigger.fire.connect(broken_slot)
    return trigger


def test_exception_in_a_slot_emits_crashed_with_an_incident_id(qtbot, guard):
    trigger = crashing_trigger()
    with qtbot.waitSignal(guard.crashed, timeout=1000) as blocker:
        trigger.fire.emit()
    assert blocker.args[0] == guard.incidents[-1]


def test_crash_in_a_slot_shows_the_reset_screen_and_resets_the_session(qtbot, app):
    trigger = crashing_trigger()
    trigger.fire.emit()
    assert app.session_ends == ["crash"]
    assert app.guard.incidents[-1] in app.screen.incident.text()
    assert app.screen.counting


def test_crash_is_logged_with_its_traceback(qtbot, guard, caplog):
    with caplog.at_level(logging.ERROR, logger="kiosk.crash"):
        trigger = crashing_trigger()
    trigger.fire.emit()
    record = caplog.records[-1]
    assert "crash.unhandled" in record.getMessage() and record.exc_info is not None


def test_crash_during_reset_is_not_reported_again(qtbot, app):
    app.crash_in_reset = True
    trigger = crashing_trigger()
    trigger.fire.emit()
    assert len(app.guard.incidents) == 1 and app.session_ends == ["crash"]
    assert app.guard.resetting


def test_reset_screen_auto_continue_rearms_the_guard(qtbot, app):
    trigger = crashing_trigger()
    trigger.fire.emit()
    qtbot.waitUntil(lambda: not app.guard.resetting, timeout=1000)
    trigger = crashing_trigger()
    trigger.fire.emit()
    assert len(app.guard.incidents) == 2


def test_exception_in_a_thread_is_reported_on_the_gui_thread(qtbot, guard):
    seen: list[threading.Thread] = []
    guard.crashed.connect(lambda _id: seen.append(threading.current_thread()))
    worker = threading.Thread(target=lambda: 1 / 0, name="worker")
    with qtbot.waitSignal(guard.crashed, timeout=1000):
        worker.start()
        worker.join()
    assert seen == [threading.main_thread()]


def test_exception_in_an_asyncio_callback_is_reported(qtbot, qloop):
    crash_guard = CrashGuard()
    crash_guard.install(qloop)
    try:

        def broken_callback() -> None:
            raise KeyError("callback broke")

        with qtbot.waitSignal(crash_guard.crashed, timeout=1000):
            qloop.call_soon(broken_callback)
    finally:
        crash_guard.uninstall()


def test_cancelled_tasks_are_not_crashes(qtbot, qloop):
    crash_guard = CrashGuard()
    crash_guard.install(qloop)
    try:
        crash_guard._on_loop_exception(qloop, {"exception": asyncio.CancelledError()})
        assert crash_guard.incidents == []
    finally:
        crash_guard.uninstall()


def test_uninstall_restores_the_previous_hooks(qtbot):
    before_sys, before_thread = sys.excepthook, threading.excepthook
    crash_guard = CrashGuard()
    crash_guard.install()
    assert sys.excepthook != before_sys
    crash_guard.uninstall()
    assert sys.excepthook == before_sys and threading.excepthook == before_thread


def test_incident_ids_survive_log_redaction():
    for _ in range(50):
        incident = new_incident_id()
        assert not _PHONE.search(incident) and not _HEX_TOKEN.search(incident)
