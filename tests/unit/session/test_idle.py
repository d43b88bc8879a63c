"""IdleMonitor: input keeps the visit alive; silence warns, counts down and times out."""

from __future__ import annotations

import pytest
from fake_clock import FakeClock
from on_screen import on_screen
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from window_input import click, key, move, press, release, touch_press, touch_release, touch_screen

from kiosk.config import KioskOptions
from kiosk.session.idle import IdleMonitor

TICK = 0.02


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def widget(qtbot) -> QWidget:
    """A shown top-level window with a text field, as the kiosk window is."""
    target = QWidget()
    target.field = QLineEdit(target)  # type: ignore[attr-defined]
    QVBoxLayout(target).addWidget(target.field)  # type: ignore[attr-defined]
    on_screen(qtbot, target, (400, 300), exposed=True)
    return target


@pytest.fixture
def monitor(qtbot, widget, clock):
    idle = IdleMonitor(
        timeout_s=0.12, waiting_timeout_s=30.0, countdown_s=3 * TICK, tick_s=TICK, clock=clock
    )
    idle.install(widget)
    yield idle
    idle.uninstall()


def test_paused_until_resumed(qtbot, monitor):
    assert monitor.paused
    with qtbot.assertNotEmitted(monitor.warning_started, wait=200):
        pass


def test_silence_warns_counts_down_and_times_out(qtbot, monitor):
    counts: list[int] = []
    monitor.warning_started.connect(counts.append)
    monitor.countdown_tick.connect(counts.append)
    with qtbot.waitSignal(monitor.timed_out, timeout=2000):
        monitor.resume()
    assert counts == [3, 2, 1]
    assert monitor.paused


def test_continue_cancels_the_countdown(qtbot, monitor):
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    with qtbot.waitSignal(monitor.continued, timeout=500):
        monitor.continue_()
    assert not monitor.warning
    with qtbot.assertNotEmitted(monitor.timed_out, wait=60):
        pass


def test_continue_without_a_warning_does_nothing(qtbot, monitor):
    monitor.resume()
    with qtbot.assertNotEmitted(monitor.continued, wait=10):
        monitor.continue_()


def test_a_press_during_the_countdown_cancels_it(qtbot, monitor, widget):
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    with qtbot.waitSignal(monitor.continued, timeout=500):
        press(widget)
    release(widget)


def test_a_stray_move_does_not_cancel_the_countdown(qtbot, monitor, widget):
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    move(widget, QPoint(30, 30))
    assert monitor.warning


def test_key_presses_keep_the_visit_alive(qtbot, monitor, widget):
    widget.field.setFocus()
    monitor.resume()
    for _ in range(4):
        qtbot.wait(50)
        key(widget, Qt.Key.Key_A)
        assert not monitor.warning
    assert not monitor.paused
    assert widget.field.text() == "aaaa"  # the keys went on to the focused field


def test_a_touch_during_the_countdown_cancels_it(qtbot, monitor, widget):
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    with qtbot.waitSignal(monitor.continued, timeout=500):
        touch_press(widget, touch_screen(), QPoint(20, 20))
    touch_release(widget, touch_screen(), QPoint(20, 20))


def test_input_on_a_child_widget_counts(qtbot, monitor, widget, clock):
    seen: list[int] = []
    monitor.activity.connect(lambda: seen.append(1))
    monitor.resume()
    click(widget.field)
    assert seen == [1]


def test_uninstalled_it_sees_no_input(qtbot, monitor, widget):
    monitor.uninstall()
    monitor.resume()
    with qtbot.assertNotEmitted(monitor.activity, wait=10):
        click(widget)


def test_pause_drops_a_running_countdown(qtbot, monitor):
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.resume()
    monitor.pause()
    with qtbot.assertNotEmitted(monitor.timed_out, wait=100):
        pass


def test_waiting_mode_uses_the_longer_timeout(qtbot, monitor):
    monitor.set_mode("waiting")
    monitor.resume()
    with qtbot.assertNotEmitted(monitor.warning_started, wait=200):
        pass


def test_back_to_normal_mode_uses_the_short_timeout(qtbot, monitor):
    monitor.set_mode("waiting")
    monitor.resume()
    with qtbot.waitSignal(monitor.warning_started, timeout=2000):
        monitor.set_mode("normal")


def test_unknown_mode_is_refused(monitor):
    with pytest.raises(ValueError):
        monitor.set_mode("call")  # type: ignore[arg-type]


def test_activity_signal_is_throttled_by_the_clock(qtbot, monitor, widget, clock):
    seen: list[int] = []
    monitor.activity.connect(lambda: seen.append(1))
    monitor.resume()
    press(widget)
    move(widget, QPoint(30, 30))
    assert seen == [1]
    clock.now += 1.5
    move(widget, QPoint(40, 40))
    assert seen == [1, 1]
    release(widget, QPoint(40, 40))


def test_no_activity_while_paused(qtbot, monitor, widget):
    with qtbot.assertNotEmitted(monitor.activity, wait=10):
        click(widget)


def test_zero_countdown_times_out_without_a_warning(qtbot, qapp):
    idle = IdleMonitor(timeout_s=0.05, waiting_timeout_s=0.05, countdown_s=0, tick_s=TICK)
    with qtbot.assertNotEmitted(idle.warning_started), qtbot.waitSignal(idle.timed_out):
        idle.resume()


def test_from_options_reads_the_configured_timeouts(qtbot):
    options = KioskOptions(idle_timeout_s=50, idle_timeout_waiting_s=600, idle_countdown_s=10)
    idle = IdleMonitor.from_options(options)
    assert idle._timeouts == {"normal": 50, "waiting": 600}
    assert idle._countdown_ticks == 10
