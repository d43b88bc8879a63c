"""IdlePresenter with a real IdleMonitor (short timeouts) and a real KioskWindow: the still-there
screen comes with the count, follows the ticks, and goes back — or stays for the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from window_input import click, move, press, release

from kiosk.session.idle import IdleMonitor
from kiosk.ui.idle_presenter import IdlePresenter
from kiosk.ui.main_window import KioskWindow

#: Warn 0.2 s after the last input, then count 3, 2, 1 at 0.1 s a tick.
TIMEOUT_S = 0.5
COUNTDOWN_S = 0.3
TICK_S = 0.1
COUNT = 3
WAIT_MS = 3000


@pytest.fixture
def window(qtbot) -> KioskWindow:
    win = KioskWindow(busy_delay_ms=0, goodbye_return_s=3600)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.navigator.replace(win.identify)  # a patient is part-way through
    return win


@pytest.fixture
def monitor(window):
    idle = IdleMonitor(TIMEOUT_S, TIMEOUT_S, COUNTDOWN_S, tick_s=TICK_S)
    idle.install(window)
    yield idle
    idle.uninstall()


class StartOver:
    """The session's ``end``: counts calls and, like the session, pauses the idle clock."""

    def __init__(self, monitor: IdleMonitor) -> None:
        self.monitor = monitor
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        self.monitor.pause()


@pytest.fixture
def start_over(monitor) -> StartOver:
    return StartOver(monitor)


@pytest.fixture
def presenter(monitor, window, start_over) -> IdlePresenter:
    return IdlePresenter(monitor, window.navigator, start_over)


@pytest.fixture
def shown(window) -> list[QWidget]:
    """Every screen the window switches to, in order."""
    screens: list[QWidget] = []
    window.stack.currentChanged.connect(lambda _i: screens.append(window.current_screen))
    return screens


def warn(qtbot, monitor: IdleMonitor) -> None:
    with qtbot.waitSignal(monitor.warning_started, timeout=WAIT_MS):
        monitor.resume()


def test_the_warning_shows_the_still_there_screen_with_the_count(qtbot, presenter, monitor, window):
    warn(qtbot, monitor)

    assert presenter.showing
    assert window.current_screen is presenter.screen
    assert presenter.screen.remaining == COUNT


def test_each_tick_updates_the_count(qtbot, presenter, monitor):
    seen: list[tuple[int, int]] = []
    monitor.countdown_tick.connect(lambda n: seen.append((n, presenter.screen.remaining)))
    warn(qtbot, monitor)

    with qtbot.waitSignal(monitor.timed_out, timeout=WAIT_MS):
        pass

    assert seen == [(2, 2), (1, 1)]


def test_still_here_returns_to_the_screen_that_was_showing(
    qtbot, presenter, monitor, shown, window
):
    warn(qtbot, monitor)

    click(presenter.screen.still_here_button)

    qtbot.waitUntil(lambda: window.identify in shown, timeout=WAIT_MS)
    assert shown[:2] == [presenter.screen, window.identify]
    assert not monitor.paused  # the patient's clock runs again


def test_a_tap_anywhere_on_the_warning_also_returns(qtbot, presenter, monitor, shown, window):
    warn(qtbot, monitor)

    click(presenter.screen, QPoint(5, 5))

    qtbot.waitUntil(lambda: window.identify in shown, timeout=WAIT_MS)


def test_a_new_warning_over_the_screen_still_returns_to_the_patient_screen(
    qtbot, presenter, monitor, shown, window
):
    warn(qtbot, monitor)
    with qtbot.waitSignal(monitor.warning_started, timeout=WAIT_MS):
        monitor.set_mode("waiting")  # restarts the count while the warning is up

    click(presenter.screen.still_here_button)

    qtbot.waitUntil(lambda: window.identify in shown, timeout=WAIT_MS)


def test_start_over_calls_back_once(qtbot, presenter, monitor, start_over):
    warn(qtbot, monitor)

    click(presenter.screen.start_over_button)

    assert start_over.calls == 1


def test_start_over_does_not_bring_the_patient_screen_back(
    qtbot, presenter, monitor, start_over, shown, window
):
    """The press reaches the idle monitor first and continues it; the patient who is leaving
    must not see their own screen again while the session wipes."""
    warn(qtbot, monitor)

    click(presenter.screen.start_over_button)
    qtbot.wait(50)  # the presenter decides one event-loop turn after the press

    assert window.current_screen is presenter.screen
    assert shown == [presenter.screen]


def test_start_over_pressed_but_released_elsewhere_returns(
    qtbot, presenter, monitor, start_over, shown, window
):
    warn(qtbot, monitor)
    button = presenter.screen.start_over_button

    press(button, QPoint(5, 5))
    move(button, QPoint(-200, -200))
    release(button, QPoint(-200, -200))

    qtbot.waitUntil(lambda: window.identify in shown, timeout=WAIT_MS)
    assert start_over.calls == 0


def test_timing_out_leaves_the_screen_for_the_session_to_replace(
    qtbot, presenter, monitor, start_over, shown, window
):
    warn(qtbot, monitor)

    with qtbot.waitSignal(monitor.timed_out, timeout=WAIT_MS):
        pass
    qtbot.wait(50)

    assert window.current_screen is presenter.screen
    assert shown == [presenter.screen]
    assert start_over.calls == 0  # ending is the session's answer to timed_out, not ours


def test_dismiss_takes_the_countdown_down_once_the_session_has_ended(
    qtbot, presenter, monitor, start_over, window
):
    warn(qtbot, monitor)
    with qtbot.waitSignal(monitor.timed_out, timeout=WAIT_MS):
        pass
    window.navigator.reset(window.welcome)  # the flow presenter, on ``ended``

    presenter.dismiss()

    assert window.current_screen is window.welcome
    assert not presenter.showing
