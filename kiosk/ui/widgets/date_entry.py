"""``DateEntry``: a date typed as digits — MM / DD / YYYY in the locale's order — checked live."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from PySide6.QtCore import QLocale, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import describe_error
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_invalid, set_role

Part = Literal["month", "day", "year"]
PLACEHOLDERS: dict[Part, str] = {
    "month": QT_TRANSLATE_NOOP("DateEntry", "MM"),
    "day": QT_TRANSLATE_NOOP("DateEntry", "DD"),
    "year": QT_TRANSLATE_NOOP("DateEntry", "YYYY"),
}
LENGTHS: dict[Part, int] = {"month": 2, "day": 2, "year": 4}
NAMES: dict[Part, str] = {
    "month": QT_TRANSLATE_NOOP("DateEntry", "Month"),
    "day": QT_TRANSLATE_NOOP("DateEntry", "Day"),
    "year": QT_TRANSLATE_NOOP("DateEntry", "Year"),
}
FUTURE = QT_TRANSLATE_NOOP("DateEntry", "That date is in the future")
CHECK: dict[Part, str] = {
    "month": QT_TRANSLATE_NOOP("DateEntry", "Check the month"),
    "day": QT_TRANSLATE_NOOP("DateEntry", "Check the day"),
    "year": QT_TRANSLATE_NOOP("DateEntry", "Check the year"),
}
#: Birth years before this are taken for a typing slip.
EARLIEST_YEAR = 1900
#: A date that is not a birth date may lie this many years ahead.
FUTURE_YEARS = 10
_DIGITS_ONLY = (
    Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)


def locale_order(locale: QLocale | None = None) -> tuple[Part, Part, Part]:
    """Month, day and year in the order ``locale`` writes a short date (US: month first).

    The "C" locale (a system with no language set, as many kiosk images) counts as US
    English: VSee Clinic's own forms write MM/DD/YYYY. The default is the machine's locale,
    not the patient's language: a date of birth is typed in the order the clinic's records
    use, whichever language the screen is in (and a box built while one patient read Spanish
    must not change order for the next)."""
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.C:
        return ("month", "day", "year")
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    found = {"month": pattern.find("M"), "day": pattern.find("d"), "year": pattern.find("y")}
    if min(found.values()) < 0:
        return ("month", "day", "year")
    ordered = sorted(found, key=lambda part: found[part])
    return (ordered[0], ordered[1], ordered[2])  # type: ignore[return-value]


def date_problem(month: str, day: str, year: str, birth: bool, today: dt.date) -> str | None:
    """What is wrong with what has been typed so far (None: nothing yet, or a real date).

    Checked as the patient types, so a half-typed part is only judged once it cannot become
    right any more ("1" may still be 10–12; "13" cannot be a month).
    """
    m = int(month) if month else None
    if m is not None and (m > 12 or (len(month) == 2 and m == 0)):
        return CHECK["month"]
    d = int(day) if day else None
    if d is not None and (d > 31 or (len(day) == 2 and d == 0)):
        return CHECK["day"]
    y = int(year) if len(year) == 4 else None
    if y is not None:
        latest = today.year if birth else today.year + FUTURE_YEARS
        if y < EARLIEST_YEAR or y > latest:
            return FUTURE if birth and y > today.year else CHECK["year"]
    if m and d and len(day) == 2 and d > calendar.monthrange(y or 2000, m)[1]:
        return CHECK["day"]
    if m and d and y and birth and dt.date(y, m, d) > today:
        return FUTURE
    return None


class _Segment(QLineEdit):
    """One part of the date: digits only; full → the next part; Backspace when empty → back."""

    filled = Signal()
    back_out = Signal()

    def __init__(self, part: Part, parent: QWidget) -> None:
        super().__init__(parent)
        self.part = part
        self.setObjectName(f"date-{part}")
        self.setMaxLength(LENGTHS[part])
        set_text(self, PLACEHOLDERS[part], "setPlaceholderText")
        self.setAccessibleName(NAMES[part])
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setInputMethodHints(_DIGITS_ONLY)
        pattern = QRegularExpression(f"[0-9]{{0,{LENGTHS[part]}}}")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setProperty("date", "segment")
        self.textEdited.connect(self.on_text_edited)

    def on_text_edited(self, text: str) -> None:
        if len(text) == LENGTHS[self.part]:
            self.filled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.back_out.emit()
            return
        super().keyPressEvent(event)


class DateEntry(QWidget):
    """Three digit boxes (order from the locale) and a live message under them.

    ``value()`` is ``YYYY-MM-DD`` for a real date, None when nothing is typed, and otherwise a
    partial ``Y-M-D`` string the wizard's validation calls incomplete. ``problem()`` is the
    live message ("Check the month", "That date is in the future"), shown as soon as it is
    certain. ``clear()`` empties every box (each patient starts blank: privacy). ``changed``
    fires on every edit. Typed on the on-screen keyboard's number pad (the boxes say
    ``ImhDigitsOnly``) or any hardware keyboard.
    """

    changed = Signal()

    def __init__(
        self,
        birth: bool = True,
        locale: QLocale | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.birth = birth
        self._today = today
        self.order = locale_order(locale)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.segments: dict[Part, _Segment] = {}
        for index, part in enumerate(self.order):
            if index:
                slash = live(QLabel(self), "/")
                set_role(slash, "muted")
                slash.setProperty("date", "separator")
                row.addWidget(slash)
            segment = _Segment(part, self)
            segment.setMinimumWidth(96 if part != "year" else 140)
            self.segments[part] = segment
            row.addWidget(segment, 2 if part == "year" else 1)
            segment.textEdited.connect(self.on_segment_edited)
            segment.filled.connect(lambda i=index: self._focus_part(i + 1))
            segment.back_out.connect(lambda i=index: self._back_into(i - 1))
        row.addStretch(1)
        column.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.setProperty("date", "message")
        self.message.hide()
        column.addWidget(self.message)

    # -- values -----------------------------------------------------------------------------

    def _text(self, part: Part) -> str:
        return self.segments[part].text()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def problem(self) -> str | None:
        return date_problem(
            self._text("month"), self._text("day"), self._text("year"), self.birth, self.today()
        )

    def value(self) -> str | None:
        month, day, year = self._text("month"), self._text("day"), self._text("year")
        if not (month or day or year):
            return None
        if month and day and len(year) == 4 and self.problem() is None:
            return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        return f"{year}-{month}-{day}"

    def set_value(self, value: object) -> None:
        """Show a stored ``YYYY-MM-DD`` answer; anything else is ignored."""
        try:
            day = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return
        self.segments["month"].setText(f"{day.month:02d}")
        self.segments["day"].setText(f"{day.day:02d}")
        self.segments["year"].setText(f"{day.year:04d}")
        self._show_problem()

    def clear(self) -> None:
        for segment in self.segments.values():
            segment.clear()
            segment.clearFocus()
        self._show_problem()

    def focus_widget(self) -> QLineEdit:
        """The first box that still needs digits (else the first box)."""
        for part in self.order:
            if len(self._text(part)) < LENGTHS[part]:
                return self.segments[part]
        return self.segments[self.order[0]]

    def set_invalid(self, invalid: bool) -> None:
        for segment in self.segments.values():
            set_invalid(segment, invalid)

    def set_error(self, message: str | None) -> None:
        """Show a check's message (e.g. Continue found the date incomplete) until the next edit."""
        message = message or self.problem()
        set_text(self.message, message or "")
        self.message.setVisible(bool(message))
        self.set_invalid(bool(message))
        describe_error(self.focus_widget(), self.message.text() or None)

    # -- slots ------------------------------------------------------------------------------

    def on_segment_edited(self, _text: str) -> None:
        self._show_problem()
        self.changed.emit()

    def _show_problem(self) -> None:
        problem = self.problem()
        set_text(self.message, problem or "")
        self.message.setVisible(bool(problem))
        self.set_invalid(bool(problem))

    def _focus_part(self, index: int) -> None:
        if index < len(self.order):
            target = self.segments[self.order[index]]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            target.selectAll()

    def _back_into(self, index: int) -> None:
        if index >= 0:
            target = self.segments[self.order[index]]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            set_text(target, target.text()[:-1])
            self.on_segment_edited(target.text())
