"""IdentifyScreen: inline validation, guest and known-patient submissions, clearing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from kiosk.ui.screens import IdentifyScreen
from kiosk.ui.widgets.date_entry import FUTURE
from kiosk.wizard.validation import MSG_DATE, MSG_REQUIRED


def _fill(screen: IdentifyScreen, first: str, last: str, day: dt.date | None) -> None:
    screen.first.edit.setText(first)
    screen.last.edit.setText(last)
    if day is not None:
        screen.dob.set_value(day.isoformat())


def test_guest_with_all_answers_emits_names_and_iso_date(qtbot, show):
    screen = show(IdentifyScreen())
    _fill(screen, "  Maria ", "Lopez", dt.date(1980, 5, 17))
    with qtbot.waitSignal(screen.guest_submitted) as blocker:
        qtbot.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Maria", "Lopez", "1980-05-17"]


def test_missing_names_are_flagged_inline_and_nothing_is_sent(qtbot, show):
    screen = show(IdentifyScreen())
    _fill(screen, "", "", dt.date(1980, 5, 17))
    with qtbot.assertNotEmitted(screen.guest_submitted):
        screen.on_continue_clicked()
    assert screen.first.error.text() == MSG_REQUIRED
    assert screen.last.error.text() == MSG_REQUIRED
    assert screen.first.edit.property("invalid") == "true"


def test_partial_birth_date_asks_for_a_full_date(qtbot, show):
    screen = show(IdentifyScreen())
    _fill(screen, "Maria", "Lopez", None)
    screen.dob.entry.segments["year"].setText("1980")
    with qtbot.assertNotEmitted(screen.guest_submitted):
        screen.on_continue_clicked()
    assert screen.dob.error_text == MSG_DATE


def test_future_birth_date_is_refused(qtbot, show):
    screen = show(IdentifyScreen())
    _fill(screen, "Maria", "Lopez", dt.date.today() + dt.timedelta(days=1))
    with qtbot.assertNotEmitted(screen.guest_submitted):
        screen.on_continue_clicked()
    assert screen.dob.error_text == FUTURE


def test_typing_clears_that_fields_error(qtbot, show):
    screen = show(IdentifyScreen())
    screen.on_continue_clicked()
    qtbot.keyClicks(screen.first.edit, "M")
    assert not screen.first.error.isVisible()
    assert screen.last.error.isVisible()


def test_known_patient_mode_needs_permission(show):
    screen = show(IdentifyScreen())
    screen.set_mode("known")
    assert screen.mode == "guest"
    screen.set_known_patient_allowed(True)
    screen.set_mode("known")
    assert screen.mode == "known" and screen.code.isVisible() and not screen.dob.isVisible()


def test_known_patient_emits_code_and_names(qtbot, show):
    screen = show(IdentifyScreen())
    screen.set_known_patient_allowed(True)
    screen.set_mode("known")
    screen.code.edit.setText("pat-123")
    _fill(screen, "Maria", "Lopez", None)
    with qtbot.waitSignal(screen.known_submitted) as blocker:
        screen.on_continue_clicked()
    assert blocker.args == ["pat-123", "Maria", "Lopez"]


def test_switch_link_toggles_between_guest_and_code(qtbot, show):
    screen = show(IdentifyScreen())
    screen.set_known_patient_allowed(True)
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert screen.mode == "known"
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert screen.mode == "guest"


def test_clear_forgets_every_answer(show):
    screen = show(IdentifyScreen())
    _fill(screen, "Maria", "Lopez", dt.date(1980, 5, 17))
    screen.code.edit.setText("pat-123")
    screen.clear()
    assert (screen.first.value(), screen.last.value(), screen.code.value()) == ("", "", "")
    assert screen.dob.value() is None
    assert all(not box.text() for box in screen.dob.entry.segments.values())


def test_back_emits_back_requested(qtbot, show):
    screen = show(IdentifyScreen())
    with qtbot.waitSignal(screen.back_requested):
        qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
