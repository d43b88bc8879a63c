"""StillThereScreen follows the idle monitor's countdown; its button cancels it."""

from __future__ import annotations

import pytest
from window_input import click

from kiosk.session.idle import IdleMonitor
from kiosk.ui.screens.still_there import StillThereScreen, body_text


@pytest.fixture
def wired(qtbot):
    """The app's wiring: monitor → screen, screen's button → monitor."""
    monitor = IdleMonitor(timeout_s=0.1, waiting_timeout_s=0.1, countdown_s=0.06, tick_s=0.02)
    screen = StillThereScreen()
    qtbot.addWidget(screen)
    monitor.warning_started.connect(screen.start)
    monitor.countdown_tick.connect(screen.set_remaining)
    screen.still_here.connect(monitor.continue_)
    screen.show()
    qtbot.waitExposed(screen)
    monitor.install(screen)
    yield monitor, screen
    monitor.uninstall()


def test_screen_shows_the_countdown_as_it_ticks(qtbot, wired):
    monitor, screen = wired
    shown: list[int] = []
    monitor.countdown_tick.connect(lambda _n: shown.append(screen.remaining))
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    assert screen.remaining == 3
    qtbot.waitSignal(monitor.timed_out, timeout=2000).wait()
    assert shown == [2, 1]


def test_still_here_button_cancels_the_countdown(qtbot, wired):
    monitor, screen = wired
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    with qtbot.waitSignal(monitor.continued, timeout=500):
        click(screen.still_here_button)
    with qtbot.assertNotEmitted(monitor.timed_out, wait=50):
        pass


def test_start_over_button_asks_to_end(qtbot):
    screen = StillThereScreen()
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.start_over, timeout=500):
        screen.start_over_button.click()


def test_body_text_counts_seconds_in_words():
    assert body_text(1).endswith("1 second.") and body_text(5).endswith("5 seconds.")
