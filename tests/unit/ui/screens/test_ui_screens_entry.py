"""Welcome, room picker and room-closed screens: signals and setters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.screens import RoomChoice, RoomClosedScreen, RoomPickerScreen, WelcomeScreen
from kiosk.ui.screens.room_closed import DEFAULT_MESSAGE


@pytest.mark.parametrize(
    ("screen_class", "button", "signal"),
    [
        (WelcomeScreen, "check_in_button", "check_in_requested"),
        (RoomPickerScreen, "back_button", "back_requested"),
        (RoomClosedScreen, "done_button", "done_requested"),
    ],
)
def test_a_screens_button_emits_its_request(qtbot, show, screen_class, button, signal):
    screen = show(screen_class())
    with qtbot.waitSignal(getattr(screen, signal)):
        qtbot.mouseClick(getattr(screen, button), Qt.MouseButton.LeftButton)


def test_welcome_patient_code_link_hidden_until_enabled(show):
    screen = show(WelcomeScreen())
    assert not screen.code_button.isVisible()
    screen.set_patient_code_enabled(True)
    assert screen.code_button.isVisible()


def test_welcome_patient_code_link_emits_patient_code_requested(qtbot, show):
    screen = show(WelcomeScreen())
    screen.set_patient_code_enabled(True)
    with qtbot.waitSignal(screen.patient_code_requested):
        qtbot.mouseClick(screen.code_button, Qt.MouseButton.LeftButton)


def test_welcome_title_names_the_clinic(show):
    screen = show(WelcomeScreen())
    screen.set_clinic("Sunrise Clinic")
    assert "Sunrise Clinic" in screen.title.text()


def test_welcome_subtitle_shows_only_when_given(show):
    screen = show(WelcomeScreen())
    screen.set_subtitle("In an emergency call 911.")
    assert screen.subtitle.isVisible() and screen.subtitle.text() == "In an emergency call 911."
    screen.set_subtitle("  ")
    assert not screen.subtitle.isVisible()


def test_room_picker_card_emits_its_room_code(qtbot, show):
    screen = show(RoomPickerScreen())
    screen.set_rooms([RoomChoice("a1", "Walk-in"), RoomChoice("b2", "Children", "Under 18")])
    with qtbot.waitSignal(screen.room_chosen) as blocker:
        qtbot.mouseClick(screen.cards[1], Qt.MouseButton.LeftButton)
    assert blocker.args == ["b2"]


def test_room_picker_set_rooms_replaces_the_cards(show):
    screen = show(RoomPickerScreen())
    screen.set_rooms([RoomChoice("a1", "Walk-in"), RoomChoice("b2", "Children")])
    screen.set_rooms([RoomChoice("c3", "Counselling")])
    assert [c.value for c in screen.cards] == ["c3"]


def test_room_closed_shows_the_rooms_message_as_plain_text(show):
    screen = show(RoomClosedScreen())
    screen.set_message("<b>Closed</b> until 8 AM")
    assert screen.message.text() == "<b>Closed</b> until 8 AM"
    assert screen.message.textFormat() == Qt.TextFormat.PlainText


def test_room_closed_without_message_uses_the_default(show):
    screen = show(RoomClosedScreen())
    screen.set_message(None)
    assert screen.message.text() == DEFAULT_MESSAGE
