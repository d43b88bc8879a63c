"""Times of day and date-times: big buttons for hour, minute and AM/PM; no typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import FIELD_WIDGETS, field_widget
from kiosk.wizard import Field

HOURS = tuple(range(1, 13))
MINUTES = tuple(range(0, 60, 5))
HALVES = ("AM", "PM")
#: What the AM / PM buttons read (the stored value stays "AM"/"PM").
HALF_LABELS = (
    QT_TRANSLATE_NOOP("MomentField", "AM"),
    QT_TRANSLATE_NOOP("MomentField", "PM"),
)


def clock(hour12: int | None, minute: int | None, half: str | None) -> str | None:
    """``HH:MM`` (24 h) when all three parts are chosen; a partial ``HH:`` or ``:MM`` so
    validation can ask for the rest; None when nothing is chosen."""
    if hour12 is None and minute is None and half is None:
        return None
    hour = None
    if hour12 is not None and half is not None:
        hour = hour12 % 12 + (12 if half == "PM" else 0)
    h = f"{hour:02d}" if hour is not None else ""
    m = f"{minute:02d}" if minute is not None else ""
    return f"{h}:{m}"


def parse_clock(value: object) -> tuple[int, int, str] | None:
    """``"14:35"`` → (2, 35, "PM"); None for anything else."""
    text = str(value or "")
    try:
        hour, minute = (int(part) for part in text[:5].split(":"))
    except ValueError:
        return None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return (hour % 12 or 12, minute, "PM" if hour >= 12 else "AM")


class _ButtonRow:
    """One exclusive row of big buttons (hours, minutes, AM/PM)."""

    def __init__(
        self,
        parent: QWidget,
        grid: QGridLayout,
        row: int,
        title: str,
        labels: list[str],
        span: int = 1,
    ) -> None:
        header = live(QLabel(parent), title)
        set_role(header, "hint")
        grid.addWidget(header, row * 2, 0, 1, -1)
        self.group = QButtonGroup(parent)
        self.buttons: list[QPushButton] = []
        for column, text in enumerate(labels):
            button = live(QPushButton(parent), text)
            button.setCheckable(True)
            button.setProperty("wizard", "clock")
            set_role(button, "choice")
            self.group.addButton(button, column)
            grid.addWidget(button, row * 2 + 1, column * span, 1, span)
            self.buttons.append(button)

    def chosen(self) -> int | None:
        index = self.group.checkedId()
        return index if index >= 0 else None

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)


@field_widget("time")
class TimeField(FieldWidget):
    """Stores ``HH:MM`` (24 h). Minutes in steps of five: a kiosk question about a time of day
    ("When did the pain start?") needs no finer answer, and 12 buttons fit a row."""

    input_kind = "none"

    def build(self) -> QWidget:
        box, grid = plain_box(self, QGridLayout, 8)
        self.hours = _ButtonRow(
            box, grid, 0, QT_TRANSLATE_NOOP("MomentField", "Hour"), [str(h) for h in HOURS]
        )
        self.minutes = _ButtonRow(
            box, grid, 1, QT_TRANSLATE_NOOP("MomentField", "Minute"), [f"{m:02d}" for m in MINUTES]
        )
        self.halves = _ButtonRow(
            box,
            grid,
            2,
            QT_TRANSLATE_NOOP("MomentField", "Morning or afternoon"),
            list(HALF_LABELS),
            span=3,
        )
        for row in (self.hours, self.minutes, self.halves):
            row.group.idToggled.connect(self._on_part_toggled)
        return box

    def _on_part_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.hours.buttons[0]

    def value(self) -> Any:
        hour, minute, half = self.hours.chosen(), self.minutes.chosen(), self.halves.chosen()
        return clock(
            HOURS[hour] if hour is not None else None,
            MINUTES[minute] if minute is not None else None,
            HALVES[half] if half is not None else None,
        )

    def set_value(self, value: Any) -> None:
        parts = parse_clock(value)
        if parts is None:
            return
        hour, minute, half = parts
        self.hours.choose(HOURS.index(hour))
        self.minutes.choose(MINUTES.index(minute - minute % 5))
        self.halves.choose(HALVES.index(half))


@field_widget("datetime")
class DateTimeField(FieldWidget):
    """A date (the kiosk's date control, whichever is registered) and a `TimeField`; stores
    ``YYYY-MM-DDTHH:MM``, or a partial value validation explains."""

    input_kind = "none"

    def build(self) -> QWidget:
        box, column = plain_box(self, QVBoxLayout, 16)
        date_cls = FIELD_WIDGETS["datepicker"]
        text: dict[str, Any] = {"type": "string"}
        date = Field(key="date", kind="datepicker", title="Date", required=True, schema=text)
        self.date = date_cls(date, box)
        time = Field(key="time", kind="time", title="Time", required=True, schema=text)
        self.time = TimeField(time, box)
        for widget in (self.date, self.time):
            widget.changed.connect(self.changed)
            column.addWidget(widget)
        return box

    def focus_widget(self) -> QWidget:
        return self.date.focus_widget()

    def value(self) -> Any:
        day, at = self.date.value(), self.time.value()
        if day is None and at is None:
            return None
        return f"{day or ''}T{at or ''}"

    def set_value(self, value: Any) -> None:
        day, _, at = str(value or "").partition("T")
        if day:
            self.date.set_value(day)
        if at:
            self.time.set_value(at)
