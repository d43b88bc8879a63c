"""DateEntry: digits in the locale's order, live checks, moving between boxes, clearing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.ui.widgets.date_entry import CHECK, FUTURE, DateEntry, date_problem, locale_order

TODAY = dt.date(2026, 11, 29)
L, C = QLocale.Language, QLocale.Country


@pytest.mark.parametrize(
    ("locale", "order"),
    [
        (QLocale(L.English, C.UnitedStates), ("month", "day", "year")),
        (
            QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
            ("day", "month", "year"),
        ),
        (QLocale(L.German, C.Germany), ("day", "month", "year")),
        (QLocale(L.Japanese, C.Japan), ("year", "month", "day")),
        (QLocale.c(), ("month", "day", "year")),  # no language set: US, as VSee's forms
    ],
)
def test_boxes_follow_the_locales_date_order(locale, order) -> None:
    assert locale_order(locale) == order


@pytest.mark.parametrize(
    ("month", "day", "year", "problem"),
    [
        ("", "", "", None),
        ("1", "", "", None),  # may still become 10, 11 or 12
        ("13", "", "", CHECK["month"]),
        ("00", "", "", CHECK["month"]),
        ("02", "30", "", CHECK["day"]),
        ("02", "29", "2023", CHECK["day"]),
        ("02", "29", "2024", None),
        ("04", "31", "", CHECK["day"]),
        ("05", "17", "1880", CHECK["year"]),
        ("05", "17", "2031", FUTURE),
        ("12", "30", "2026", FUTURE),
        ("05", "17", "1980", None),
    ],
)
def test_live_check_names_the_part_to_fix(month, day, year, problem) -> None:
    assert date_problem(month, day, year, birth=True, today=TODAY) == problem


def test_a_date_that_is_not_a_birth_date_may_lie_ahead() -> None:
    assert date_problem("05", "17", "2027", birth=False, today=TODAY) is None


@pytest.fixture
def entry(qtbot, show) -> DateEntry:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    widget = DateEntry(birth=True, locale=us, today=TODAY)
    show(widget, (800, 200))
    widget.activateWindow()
    return widget


def type_digits(qtbot, entry: DateEntry, digits: str) -> None:
    for digit in digits:
        target = entry.focusWidget() or entry.focus_widget()
        assert isinstance(target, QLineEdit)
        qtbot.keyClick(target, digit)


def test_full_boxes_move_on_and_the_value_is_iso(qtbot, entry: DateEntry) -> None:
    entry.focus_widget().setFocus()
    type_digits(qtbot, entry, "05171980")
    assert entry.value() == "1980-05-17"
    assert entry.problem() is None and not entry.message.isVisible()


def test_a_wrong_month_is_named_as_soon_as_it_is_typed(qtbot, entry: DateEntry) -> None:
    entry.focus_widget().setFocus()
    type_digits(qtbot, entry, "13")
    assert entry.message.isVisible() and entry.message.text() == CHECK["month"]
    assert entry.segments["month"].property("invalid") == "true"


def test_a_future_date_is_refused_live(qtbot, entry: DateEntry) -> None:
    entry.focus_widget().setFocus()
    type_digits(qtbot, entry, "12312026")
    assert entry.message.text() == FUTURE
    assert entry.problem() == FUTURE


def test_backspace_in_an_empty_box_goes_back_one(qtbot, entry: DateEntry) -> None:
    entry.focus_widget().setFocus()
    type_digits(qtbot, entry, "05")
    assert entry.focusWidget() is entry.segments["day"]
    qtbot.keyClick(entry.segments["day"], Qt.Key.Key_Backspace)
    assert entry.focusWidget() is entry.segments["month"]
    assert entry.segments["month"].text() == "0"


def test_letters_are_not_taken(qtbot, entry: DateEntry) -> None:
    entry.focus_widget().setFocus()
    qtbot.keyClicks(entry.segments["month"], "ab")
    assert entry.value() is None


def test_boxes_ask_for_the_number_pad(entry: DateEntry) -> None:
    for box in entry.segments.values():
        assert box.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly


def test_partial_date_is_not_a_date(entry: DateEntry) -> None:
    entry.segments["year"].setText("1980")
    assert entry.value() == "1980--"


def test_clear_leaves_nothing_of_the_last_patient(qtbot, entry: DateEntry) -> None:
    entry.set_value("1984-06-15")
    entry.clear()
    assert entry.value() is None
    assert all(not box.text() for box in entry.segments.values())
    assert not entry.message.isVisible()
