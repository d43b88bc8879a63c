"""KioskApp's wiring against a real sandbox child process (its own temp database, no simulated
provider): staff mode and the idle clock, crash reset, the session's clipboard cleanup, the
staff room choice, quitting and shutdown. Patient flows are the e2e tests' business."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from kiosk_harness import build_app, run_on_loop, shut_down, start_app
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.app import KioskApp
from kiosk.backend import Backend
from kiosk.config import KioskOptions, Settings
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import Stage
from kiosk.session.types import EndReason
from kiosk.ui.navigator import Overlay

WAIT_MS = 15_000


@pytest.fixture
def kiosk(qloop, qtbot, tmp_path) -> Iterator[KioskApp]:
    """A started, windowed KioskApp on a fresh sandbox; shut down and deleted afterwards."""
    sandbox = SandboxProcess(db_path=tmp_path / "sandbox.sqlite3", auto_provider=None)
    apps: list[KioskApp] = []
    try:
        settings = Settings(room_code="ceproom1", kiosk=KioskOptions(fullscreen=False))
        apps.append(build_app(settings, Backend.of_sandbox(sandbox)))
        yield start_app(qtbot, apps[0])
    finally:
        shut_down(qtbot, apps, [sandbox])


def at_identify(qtbot, app: KioskApp) -> None:
    """A patient has tapped Start: the session is at Identify and its idle clock runs."""
    app.session.begin()
    qtbot.waitUntil(lambda: app.session.stage is Stage.IDENTIFY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.window.current_screen is app.window.identify, timeout=WAIT_MS)
    assert not app.session.idle.paused


# -- staff mode ---------------------------------------------------------------------------


def test_opening_staff_mode_pauses_the_patient_clock_and_shows_the_staff_screen(qtbot, kiosk):
    at_identify(qtbot, kiosk)

    kiosk.staff.open()

    assert kiosk.staff.active
    assert kiosk.session.idle.paused
    assert kiosk.window.current_screen is kiosk.staff.widget


def test_closing_staff_mode_returns_to_the_previous_screen_and_its_clock(qtbot, kiosk):
    at_identify(qtbot, kiosk)
    kiosk.staff.open()

    kiosk.staff.close()

    assert kiosk.window.current_screen is kiosk.window.identify
    assert not kiosk.session.idle.paused


def test_staff_mode_over_welcome_returns_to_welcome_with_the_clock_off(qtbot, kiosk):
    assert kiosk.window.current_screen is kiosk.window.welcome
    kiosk.staff.open()

    kiosk.staff.close()

    assert kiosk.window.current_screen is kiosk.window.welcome
    assert kiosk.session.idle.paused  # Welcome never times out


def test_the_dashboard_returns_to_the_console_and_staff_close_returns_to_patients(qtbot, kiosk):
    at_identify(qtbot, kiosk)
    kiosk.staff.open()
    # The dashboard screen shown without loading a page: the wiring, not WebEngine.
    kiosk.navigator.show_overlay(Overlay.STAFF, kiosk.dashboard)

    kiosk.staff.close()

    assert kiosk.window.current_screen is kiosk.window.identify


def test_the_staff_room_choice_changes_the_sessions_room(kiosk):
    assert kiosk.session.config.room_code == "ceproom1"

    kiosk.staff.room_changed.emit("lobby2")

    assert kiosk.session.config.room_code == "lobby2"


# -- crash reset --------------------------------------------------------------------------


def test_a_crash_report_shows_the_reset_screen_and_ends_the_session(qtbot, kiosk):
    at_identify(qtbot, kiosk)

    with qtbot.waitSignal(kiosk.session.ended, timeout=WAIT_MS) as ended:
        kiosk.crash_guard.crashed.emit("abc")

    assert ended.args == [EndReason.CRASH]
    assert kiosk.window.current_screen is kiosk.reset_screen  # stays over Welcome
    assert "abc" in kiosk.reset_screen.incident.text()
    qtbot.waitUntil(lambda: kiosk.session.stage is Stage.WELCOME, timeout=WAIT_MS)
    assert kiosk.window.current_screen is kiosk.reset_screen


def test_a_crash_while_staff_mode_is_open_closes_it(qtbot, kiosk):
    kiosk.staff.open()

    kiosk.on_crashed("def")

    assert not kiosk.staff.active
    assert kiosk.window.current_screen is kiosk.reset_screen


def test_continuing_from_the_reset_screen_shows_welcome(qtbot, kiosk):
    at_identify(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.session.ended, timeout=WAIT_MS):
        kiosk.on_crashed("abc")

    qtbot.mouseClick(kiosk.reset_screen.button, Qt.MouseButton.LeftButton)

    assert kiosk.window.current_screen is kiosk.window.welcome
    assert not kiosk.reset_screen.counting


# -- session cleanup, quitting, shutdown ----------------------------------------------------


def test_ending_the_session_clears_the_clipboard(qtbot, kiosk):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Jane Doe 1990-01-01")
    assert clipboard.text() == "Jane Doe 1990-01-01"  # the platform keeps a clipboard
    at_identify(qtbot, kiosk)

    with qtbot.waitSignal(kiosk.session.ended, timeout=WAIT_MS):
        kiosk.session.end(EndReason.START_OVER)

    assert clipboard.text() == ""


def test_request_quit_sets_quit_requested(kiosk):
    assert not kiosk.quit_requested.is_set()

    kiosk.request_quit()

    assert kiosk.quit_requested.is_set()


def test_staff_exit_requests_quit(kiosk):
    kiosk.staff.exit_requested.emit()

    assert kiosk.quit_requested.is_set()


def test_closing_the_window_requests_quit(kiosk):
    kiosk.window.close()

    assert kiosk.quit_requested.is_set()


def test_shutdown_wipes_and_stops_everything(qtbot, kiosk):
    at_identify(qtbot, kiosk)
    sandbox = kiosk.backend.sandbox
    assert sandbox is not None and sandbox.address is not None

    run_on_loop(qtbot, kiosk.shutdown())

    assert kiosk.session.stage is Stage.WELCOME
    assert not kiosk.backend.uses_sandbox
    assert sandbox.address is None
    assert not kiosk.window.isVisible()
    assert not kiosk.quit_requested.is_set()  # shutting down is not a new quit request


def test_a_second_shutdown_does_no_harm(qtbot, kiosk):
    run_on_loop(qtbot, kiosk.shutdown())

    run_on_loop(qtbot, kiosk.shutdown())  # the fixture's teardown makes it a third time

    assert not kiosk.backend.uses_sandbox
    assert kiosk.session.stage is Stage.WELCOME


def test_a_second_shutdown_is_silent(qtbot, kiosk):
    run_on_loop(qtbot, kiosk.shutdown())

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run_on_loop(qtbot, kiosk.shutdown())

    assert [str(w.message) for w in caught] == []
