"""The PIN pad: masked dots, digits, enter, delete, lockout countdown."""

from __future__ import annotations

import pytest

from kiosk.ui.staff.pin_pad import DOT, PinPadScreen


@pytest.fixture
def pad(qtbot) -> PinPadScreen:
    widget = PinPadScreen(tick_s=0.01)
    qtbot.addWidget(widget)
    return widget


def tap(pad: PinPadScreen, digits: str) -> None:
    for digit in digits:
        pad.digit_buttons[digit].click()


def test_digits_show_as_dots_only(pad):
    tap(pad, "4829")
    assert pad.dots.text().count(DOT) == 4
    assert not any(d in pad.dots.text() for d in "4829")


def test_enter_emits_the_pin_and_clears_the_pad(qtbot, pad):
    tap(pad, "482913")
    with qtbot.waitSignal(pad.pin_entered, timeout=100) as blocker:
        pad.enter_button.click()
    assert blocker.args == ["482913"] and pad.entered_length == 0


def test_enter_needs_the_minimum_number_of_digits(qtbot, pad):
    tap(pad, "48")
    assert not pad.enter_button.isEnabled()
    with qtbot.assertNotEmitted(pad.pin_entered):
        pad.on_enter_clicked()


def test_delete_removes_the_last_digit(pad):
    tap(pad, "4829")
    pad.back_button.click()
    assert pad.entered_length == 3


def test_wrong_pin_message_counts_tries(pad):
    pad.show_wrong(1)
    assert "1 try left" in pad.message.text()


def test_locked_pad_refuses_digits_until_the_countdown_ends(qtbot, pad):
    pad.show_locked(0.03)
    tap(pad, "4829")
    assert pad.entered_length == 0 and not pad.digit_buttons["1"].isEnabled()
    assert "locked" in pad.message.text()
    with qtbot.waitSignal(pad.lockout_ended, timeout=1000):
        pass
    tap(pad, "4")
    assert pad.entered_length == 1


def test_cancel_clears_and_signals(qtbot, pad):
    tap(pad, "48")
    with qtbot.waitSignal(pad.cancelled, timeout=100):
        pad.cancel_button.click()
    assert pad.entered_length == 0
