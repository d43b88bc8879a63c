"""WaitingRoomScreen and its queue wording: figures, leave-with-confirm, reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.screens import WaitingRoomScreen
from kiosk.ui.screens.queue_text import position_text, queue_length_text, wait_text


@pytest.mark.parametrize(
    ("position", "text"),
    [(None, "You are in line"), (1, "You're next"), (2, "You are number 2 in line")],
)
def test_position_text(position, text):
    assert position_text(position) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "A provider will be with you soon"),
        (30, "Any moment now"),
        (60, "About 1 minute"),
        (7 * 60 + 1, "About 8 minutes"),
        (13 * 60, "About 15 minutes"),
        (2 * 3600, "More than an hour"),
    ],
)
def test_wait_text_rounds_like_a_person_would(seconds, text):
    assert wait_text(seconds) == text


def test_queue_length_text_is_empty_when_unknown():
    assert queue_length_text(None) == ""
    assert queue_length_text(1) == "1 person waiting"
    assert queue_length_text(4) == "4 people waiting"


def test_with_a_known_place_the_length_counts_the_others():
    assert queue_length_text(1, 1) == "No one else is waiting"
    assert queue_length_text(2, 1) == "1 other person waiting"
    assert queue_length_text(5, 3) == "4 other people waiting"


def test_set_queue_shows_position_wait_and_length(show):
    screen = show(WaitingRoomScreen())
    screen.set_queue(2, 900, 4, waited_s=185)
    assert screen.position.text() == "You are number 2 in line"
    assert screen.wait.text() == "About 15 minutes"
    assert screen.length.text() == "3 other people waiting"
    assert screen.waited.text() == "You have waited about 3 minutes"
    screen.set_queue(2, 900, 4, waited_s=20)
    assert screen.waited.text() == "You joined the line just now"


def test_next_in_line_does_not_promise_minutes(show):
    screen = show(WaitingRoomScreen())
    screen.set_queue(1, 600, 1)
    assert screen.position.text() == "You're next"
    assert "minute" not in screen.wait.text()
    assert screen.length.text() == "No one else is waiting"  # never "1 person waiting" here


def test_leave_asks_first_and_does_not_emit(qtbot, show):
    screen = show(WaitingRoomScreen())
    with qtbot.assertNotEmitted(screen.leave_requested):
        qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    assert screen.confirming and not screen.leave_button.isVisible()


def test_confirming_leave_emits_leave_requested(qtbot, show):
    screen = show(WaitingRoomScreen())
    qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.leave_requested):
        qtbot.mouseClick(screen.confirm_leave_button, Qt.MouseButton.LeftButton)


def test_stay_in_line_closes_the_question(qtbot, show):
    screen = show(WaitingRoomScreen())
    qtbot.mouseClick(screen.leave_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(screen.leave_requested):
        qtbot.mouseClick(screen.stay_button, Qt.MouseButton.LeftButton)
    assert not screen.confirming and screen.leave_button.isVisible()


def test_notice_shows_and_reset_clears_it(show):
    screen = show(WaitingRoomScreen())
    screen.show_notice("The wait has become too long.")
    assert screen.notice_text == "The wait has become too long."
    screen.reset()
    assert screen.notice_text == ""


def test_pulse_runs_only_while_shown(show):
    screen = show(WaitingRoomScreen())
    assert screen.pulse.running
    screen.hide()
    assert not screen.pulse.running


def test_portrait_gives_the_pulse_more_room(show):
    landscape = show(WaitingRoomScreen())
    portrait = show(WaitingRoomScreen(), size=(1080, 1920))
    assert portrait.portrait and not landscape.portrait
    assert portrait.pulse.width() > landscape.pulse.width()


def test_reconnecting_says_the_place_is_kept_and_goes_away(show):
    screen = show(WaitingRoomScreen())
    screen.set_queue(3, 600, 5)
    assert not screen.reconnecting.isVisible()

    screen.set_reconnecting(True)

    assert screen.reconnecting.isVisible()
    assert screen.reconnecting.text() == "Reconnecting… you keep your place in line"
    assert screen.position.text() == "You are number 3 in line"  # the last known place stays

    screen.set_reconnecting(False)

    assert not screen.reconnecting.isVisible()


def test_reset_hides_reconnecting_for_the_next_patient(show):
    screen = show(WaitingRoomScreen())
    screen.set_reconnecting(True)

    screen.reset()

    assert not screen.reconnecting.isVisible()
