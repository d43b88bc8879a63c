"""A date picker for birth dates: Year, Month and Day as three big flickable columns, year first."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from kiosk.constants import WIZARD_BIRTH_YEARS
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget
from kiosk.ui.wizard.touch import big_list

_DATA = Qt.ItemDataRole.UserRole
#: A birth-date year column opens scrolled to this many years ago (without choosing it).
_TYPICAL_AGE = 40


@field_widget("datepicker")
class DateField(FieldWidget):
    """Stores ``YYYY-MM-DD``; a partly chosen date stores e.g. ``1980-05-`` so Next explains it.

    Birth dates list years from this year back ``WIZARD_BIRTH_YEARS``; other dates a span
    around today. No calendar popup: every target is a 64 px row.
    """

    input_kind = "date"

    def build(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        this_year = dt.date.today().year
        if self.field.is_birth_date:
            years = range(this_year, this_year - WIZARD_BIRTH_YEARS - 1, -1)
        else:
            years = range(this_year + 10, this_year - 101, -1)
        self.years = self._column(box, grid, 0, "Year", [(str(y), y) for y in years])
        months = [(calendar.month_name[m], m) for m in range(1, 13)]
        self.months = self._column(box, grid, 1, "Month", months)
        self.days = self._column(box, grid, 2, "Day", [(str(d), d) for d in range(1, 32)])
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.summary = QLabel(box)
        set_role(self.summary, "muted")
        grid.addWidget(self.summary, 2, 0, 1, 3)
        start = self.years.item(min(_TYPICAL_AGE, self.years.count() - 1))
        if start is not None and self.field.is_birth_date:
            self.years.scrollToItem(start, QListWidget.ScrollHint.PositionAtCenter)
        self._update()
        return box

    def _column(
        self, box: QWidget, grid: QGridLayout, column: int, title: str, rows: list[tuple[str, int]]
    ) -> QListWidget:
        header = QLabel(title, box)
        set_role(header, "hint")
        view = big_list(box, rows_visible=4)
        view.setAccessibleName(title)
        for text, value in rows:
            item = QListWidgetItem(text)
            item.setData(_DATA, value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            view.addItem(item)
        view.itemSelectionChanged.connect(self._update)
        grid.addWidget(header, 0, column)
        grid.addWidget(view, 1, column)
        return view

    @staticmethod
    def _chosen(view: QListWidget) -> int | None:
        items = view.selectedItems()
        return int(items[0].data(_DATA)) if items else None

    def _update(self) -> None:
        year, month = self._chosen(self.years), self._chosen(self.months)
        last_day = calendar.monthrange(year or 2000, month or 1)[1] if month else 31
        for row in range(self.days.count()):
            self.days.item(row).setHidden(row + 1 > last_day)
        day = self._chosen(self.days)
        if day and day > last_day:
            self.days.clearSelection()
            day = None
        if year and month and day:
            self.summary.setText(f"{calendar.month_name[month]} {day}, {year}")
        else:
            self.summary.setText("Choose the year, then the month and the day.")
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.years

    def value(self) -> Any:
        parts = (self._chosen(self.years), self._chosen(self.months), self._chosen(self.days))
        if not any(parts):
            return None
        year, month, day = parts
        if all(parts):
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year or ''}-{month or ''}-{day or ''}"

    def set_value(self, value: Any) -> None:
        try:
            day = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return
        for view, wanted in (
            (self.years, day.year),
            (self.months, day.month),
            (self.days, day.day),
        ):
            self.select(view, wanted)

    @staticmethod
    def select(view: QListWidget, wanted: int) -> None:
        """Select the row holding ``wanted`` in one column and scroll it into view."""
        for row in range(view.count()):
            item = view.item(row)
            if item.data(_DATA) == wanted:
                item.setSelected(True)
                view.scrollToItem(item, QListWidget.ScrollHint.PositionAtCenter)
                return
