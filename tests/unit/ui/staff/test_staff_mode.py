"""Staff mode end to end in widgets: gesture → PIN → console; lockout; idle; launch; logout."""

from __future__ import annotations

import asyncio

import pytest
from fake_clock import FakeClock
from on_screen import on_screen
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QVBoxLayout, QWidget
from window_input import click, press, release

from kiosk.api.errors import NetworkError
from kiosk.staff.auth import StaffAuthenticator
from kiosk.staff.lockout import PinLockout
from kiosk.staff.pin import hash_pin
from kiosk.ui.staff.mode import StaffMode

PIN = "482913"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(50.0)


@pytest.fixture
def make_mode(qtbot, qloop, actions, clock):
    built: list[StaffMode] = []

    def build(pin_hash: str | None = "default", idle_timeout_s: float = 60.0) -> StaffMode:
        stored = hash_pin(PIN, n=2**4) if pin_hash == "default" else pin_hash
        auth = StaffAuthenticator(stored, PinLockout(5, 300, clock))
        window = QWidget()
        mode = StaffMode(window, auth, actions, idle_timeout_s=idle_timeout_s, hold_s=0.05)
        QVBoxLayout(window).addWidget(mode.widget)  # the kiosk window shows it as a screen
        on_screen(qtbot, window, (800, 600), exposed=True)
        mode.install()
        built.append(mode)
        return mode

    yield build
    for mode in built:
        mode.uninstall()


def enter(mode: StaffMode, pin: str) -> None:
    for digit in pin:
        mode.pin_pad.press_digit(digit)
    mode.pin_pad.on_enter_clicked()


def unlocked(make_mode) -> StaffMode:
    """Staff mode opened and unlocked with the right PIN: the console shows."""
    mode = make_mode()
    mode.open()
    enter(mode, PIN)
    return mode


def fill(page, code: str, first_name: str, last_name: str) -> None:
    """Type a person into a console page's code and name fields."""
    page.code.setText(code)
    page.first_name.setText(first_name)
    page.last_name.setText(last_name)


def test_gesture_opens_the_pin_pad(qtbot, make_mode):
    mode = make_mode()
    window = mode.widget.window()
    with qtbot.waitSignal(mode.active_changed, timeout=1000) as blocker:
        press(window, QPoint(5, 5))
    release(window, QPoint(5, 5))
    assert blocker.args == [True] and mode.widget.currentWidget() is mode.pin_pad


def test_the_gesture_is_off_while_staff_mode_is_open(qtbot, make_mode):
    mode = make_mode()
    mode.open()
    with qtbot.assertNotEmitted(mode.gesture.triggered, wait=200):
        press(mode.widget.window(), QPoint(5, 5))
    release(mode.widget.window(), QPoint(5, 5))


def test_taps_in_staff_mode_keep_it_open(qtbot, make_mode):
    mode = make_mode(idle_timeout_s=0.3)
    mode.open()
    for _ in range(4):
        qtbot.wait(100)
        click(mode.pin_pad)
    assert mode.active
    with qtbot.waitSignal(mode.active_changed, timeout=2000) as blocker:
        pass  # no more input: the staff idle timeout closes it
    assert blocker.args == [False]


def test_right_pin_opens_the_console(make_mode):
    mode = unlocked(make_mode)
    assert mode.widget.currentWidget() is mode.console
    assert mode.console.status_page.values["account_code"].text() == "vclinic"


def test_wrong_pin_stays_on_the_pad(make_mode):
    mode = make_mode()
    mode.open()
    enter(mode, "000000")
    assert mode.widget.currentWidget() is mode.pin_pad
    assert "4 tries left" in mode.pin_pad.message.text()


def test_five_wrong_pins_lock_even_the_right_one_out(make_mode):
    mode = make_mode()
    mode.open()
    for _ in range(5):
        enter(mode, "000000")
    assert mode.pin_pad.locked
    mode.on_pin_entered(PIN)  # as if the pad let it through: the lockout decides, not the pad
    assert mode.widget.currentWidget() is mode.pin_pad


def test_the_lockout_ends_with_the_clock(make_mode, clock):
    mode = make_mode()
    mode.open()
    for _ in range(5):
        enter(mode, "000000")
    clock.now += 301
    mode.on_pin_entered(PIN)
    assert mode.widget.currentWidget() is mode.console


def test_reopening_while_locked_shows_the_countdown(make_mode):
    mode = make_mode()
    mode.open()
    for _ in range(5):
        enter(mode, "000000")
    mode.close()
    mode.open()
    assert mode.pin_pad.locked


def test_without_a_pin_it_says_how_to_set_one(make_mode):
    mode = make_mode(pin_hash=None)
    mode.open()
    assert mode.widget.currentWidget() is mode.no_pin


def test_staff_mode_ends_on_its_idle_timeout(qtbot, make_mode):
    mode = make_mode(idle_timeout_s=0.05)
    mode.open()
    enter(mode, PIN)
    with qtbot.waitSignal(mode.active_changed, timeout=1000) as blocker:
        pass
    assert blocker.args == [False]


def test_launch_known_patient_closes_staff_mode_and_forwards(qtbot, make_mode):
    mode = unlocked(make_mode)
    page = mode.console.patient_page
    fill(page, "patient-7", "Alan", "Turing")
    with qtbot.waitSignal(mode.launch_known_patient, timeout=500) as blocker:
        page.start_button.click()
    assert blocker.args == ["patient-7", "Alan", "Turing"] and not mode.active
    assert page.code.text() == ""


def test_dashboard_opens_through_provider_sso(qtbot, make_mode, staff_client):
    mode = unlocked(make_mode)
    page = mode.console.provider_page
    fill(page, "prov-1", "Ada", "Byron")
    with qtbot.waitSignal(mode.open_provider_dashboard, timeout=1000) as blocker:
        page.dashboard_button.click()
    assert "providers/dashboard" in blocker.args[0] and staff_client.calls == ["sso"]


def test_closing_logs_the_provider_out(qtbot, make_mode, staff_client):
    mode = unlocked(make_mode)
    page = mode.console.provider_page
    fill(page, "prov-1", "A", "B")
    with qtbot.waitSignal(mode.open_provider_dashboard, timeout=1000):
        page.dashboard_button.click()
    mode.console.close_button.click()
    qtbot.waitUntil(lambda: staff_client.token_state is None, timeout=1000)
    assert staff_client.calls[-1] == "logout" and page.code.text() == ""


def test_room_choice_is_saved(qtbot, make_mode, tmp_path):
    mode = unlocked(make_mode)
    page = mode.console.room_page
    page.load_button.click()
    qtbot.waitUntil(lambda: page.rooms.count() == 2, timeout=1000)
    page.rooms.setCurrentRow(1)
    with qtbot.waitSignal(mode.room_changed, timeout=500) as blocker:
        page.choose_button.click()
    assert blocker.args == ["k7f2q"]
    assert 'room_code = "k7f2q"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "k7f2q" in page.current.text()


def test_room_tab_shows_the_room_in_use_when_the_console_opens(make_mode):
    mode = unlocked(make_mode)
    assert mode.console.room_page.current.text() == "This kiosk serves room: ceproom1"


def test_provider_room_setup_reports_the_room(qtbot, make_mode, staff_client):
    mode = unlocked(make_mode)
    page = mode.console.provider_page
    for field, text in (
        (page.code, "prov-1"),
        (page.first_name, "Ada"),
        (page.last_name, "Byron"),
        (page.room_name, "Dr Byron"),
        (page.slug, "drbyron"),
        (page.domain, "vclinic.example"),
    ):
        field.setText(text)
    page.setup_button.click()
    qtbot.waitUntil(lambda: "newrm" in page.result.text(), timeout=1000)
    assert staff_client.calls == ["sso", "create_room", "add_user_room"]


def test_exit_is_forwarded_once_confirmed(qtbot, make_mode):
    mode = unlocked(make_mode)
    with qtbot.assertNotEmitted(mode.exit_requested):
        mode.console.exit_button.click()
    assert mode.console.confirming_exit
    with qtbot.waitSignal(mode.exit_requested, timeout=500):
        mode.console.confirm_exit_button.click()
    assert not mode.console.confirming_exit


def test_keep_running_takes_the_exit_question_back(qtbot, make_mode):
    mode = unlocked(make_mode)
    mode.console.exit_button.click()
    with qtbot.assertNotEmitted(mode.exit_requested):
        mode.console.keep_running_button.click()
    assert not mode.console.confirming_exit and mode.console.exit_button.isVisibleTo(mode.widget)


def test_a_failed_action_shows_its_message_on_its_page(qtbot, make_mode, staff_client):
    staff_client.rooms_error = NetworkError("down")
    mode = unlocked(make_mode)
    page = mode.console.room_page
    page.load_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in page.result.text(), timeout=1000)
    assert not mode.console.busy and page.load_button.isEnabled()


def test_the_console_is_busy_while_an_action_runs(qtbot, make_mode, staff_client):
    staff_client.rooms_gate = asyncio.Event()
    mode = unlocked(make_mode)
    page = mode.console.room_page
    page.load_button.click()
    qtbot.waitUntil(lambda: mode.console.busy_label.text() == "Loading rooms…", timeout=1000)
    assert not page.load_button.isEnabled()
    page.load_button.click()  # a second call while one runs is dropped
    staff_client.rooms_gate.set()
    qtbot.waitUntil(lambda: page.rooms.count() == 2, timeout=1000)
    assert staff_client.calls.count("list_rooms") == 1
    assert mode.console.busy_label.text() == "" and page.load_button.isEnabled()


def test_closing_staff_mode_cancels_a_running_action(qtbot, make_mode, staff_client):
    staff_client.rooms_gate = asyncio.Event()
    mode = unlocked(make_mode)
    mode.console.room_page.load_button.click()
    qtbot.waitUntil(lambda: "list_rooms" in staff_client.calls, timeout=1000)
    mode.close()
    staff_client.rooms_gate.set()
    qtbot.waitUntil(lambda: not mode.console.busy, timeout=1000)
    assert mode.console.room_page.rooms.count() == 0
