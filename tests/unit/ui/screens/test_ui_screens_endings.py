"""BookedScreen (time zone, QR code), GoodbyeScreen countdown, CallScreen's End button."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from kiosk.session.types import BookingConfirmation
from kiosk.ui.screens import BookedScreen, CallScreen, GoodbyeScreen, booking_texts
from kiosk.ui.widgets import qr_matrix

LINK = "https://clinic.example/members/appointment/7?token=abc"


def _booking(link: str | None = LINK, zone: str = "America/Los_Angeles") -> BookingConfirmation:
    start = int(dt.datetime(2026, 3, 4, 14, 30, tzinfo=ZoneInfo(zone)).timestamp())
    return BookingConfirmation(start, start + 900, zone, "Dr. Lee", link)


def _spaced(text: str) -> str:
    """QLocale joins a time and its AM/PM with a narrow no-break space (never split)."""
    return text.replace("\u202f", " ")


def test_booking_texts_use_the_rooms_time_zone():
    day, time = booking_texts(_booking())
    assert day == "Wednesday, March 4"
    assert _spaced(time) == "2:30 PM – 2:45 PM PST"


def test_booking_texts_in_another_zone_follow_that_zone():
    _day, time = booking_texts(_booking(zone="Europe/Berlin"))
    assert _spaced(time).startswith("2:30 PM")


def test_booking_texts_in_spanish_follow_the_spanish_locale(qapp):
    from kiosk.session.language import SessionLanguage
    from kiosk.ui.i18n import LanguageSwitcher

    LanguageSwitcher(SessionLanguage("es", ("en", "es")))
    day, time = booking_texts(_booking())
    assert day == "miércoles, 4 de marzo"
    assert _spaced(time).startswith("2:30 p.m.")


def test_booked_screen_shows_link_as_text_and_as_qr(show):
    screen = show(BookedScreen())
    screen.set_booking(_booking())
    assert screen.link.text() == LINK
    assert screen.qr.matrix == qr_matrix(LINK)
    assert screen.provider.text() == "with Dr. Lee"


def test_booked_screen_without_link_hides_the_qr_card(show):
    screen = show(BookedScreen())
    screen.set_booking(_booking(link=None))
    assert not screen.link_card.isVisible()


def test_booked_clear_removes_the_link(show):
    screen = show(BookedScreen())
    screen.set_booking(_booking())
    screen.clear()
    assert screen.link.text() == "" and screen.qr.matrix == []


def test_booked_done_emits_done_requested(qtbot, show):
    screen = show(BookedScreen())
    with qtbot.waitSignal(screen.done_requested):
        qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)


def test_qr_matrix_is_square_with_a_quiet_zone():
    matrix = qr_matrix(LINK)
    assert all(len(row) == len(matrix) for row in matrix)
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    assert qr_matrix(LINK + "x") != matrix


def test_goodbye_returns_on_its_own(qtbot, show):
    screen = show(GoodbyeScreen(return_after_s=0.05))
    with qtbot.waitSignal(screen.done, timeout=2000):
        screen.start_countdown()
    assert not screen.counting


def test_goodbye_done_button_emits_once_and_stops_the_countdown(qtbot, show):
    screen = show(GoodbyeScreen(return_after_s=30))
    screen.start_countdown()
    with qtbot.waitSignal(screen.done):
        qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    assert not screen.counting


def test_goodbye_countdown_says_the_seconds_left(show):
    screen = show(GoodbyeScreen(return_after_s=8))
    screen.start_countdown()
    assert "8 seconds" in screen.countdown.text()
    screen.stop_countdown()


def test_call_end_button_asks_before_ending(qtbot, show):
    screen = show(CallScreen())
    with qtbot.assertNotEmitted(screen.end_requested):
        qtbot.mouseClick(screen.end_button, Qt.MouseButton.LeftButton)
    assert screen.confirming
    with qtbot.waitSignal(screen.end_requested):
        qtbot.mouseClick(screen.confirm_end_button, Qt.MouseButton.LeftButton)
    assert not screen.confirming


def test_call_keep_talking_cancels_the_question(qtbot, show):
    screen = show(CallScreen())
    qtbot.mouseClick(screen.end_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.stay_button, Qt.MouseButton.LeftButton)
    assert not screen.confirming and screen.end_button.isVisible()


def test_call_bar_shows_the_clinic_and_the_time_in_call(qtbot, show):
    now = [100.0]
    screen = show(CallScreen(clock=lambda: now[0]))
    screen.set_clinic("VClinic")
    screen._started_at = now[0]  # as on_loading_changed sets it when the page is drawn
    now[0] += 75
    screen.on_tick_timeout()

    assert screen.clinic_label.text() == "VClinic"
    assert screen.elapsed_label.text() == "1:15"


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (59.9, "0:59"), (3725, "1:02:05")])
def test_time_in_call_reads_at_a_glance(seconds, text):
    from kiosk.ui.screens.call import format_elapsed

    assert format_elapsed(seconds) == text


def test_switch_camera_shows_only_with_two_cameras_in_a_call(qtbot, show, monkeypatch):
    screen = show(CallScreen())
    monkeypatch.setattr(type(screen.call_view), "active", property(lambda _self: True))

    screen.on_camera_count("2")
    assert screen.switch_button.isVisibleTo(screen)
    screen.on_end_clicked()
    assert not screen.switch_button.isVisibleTo(screen), "the question replaces the buttons"
    screen.on_stay_clicked()
    screen.on_camera_count("1")
    assert not screen.switch_button.isVisibleTo(screen)
    screen.on_camera_count(None)
    assert not screen.switch_button.isVisibleTo(screen)
