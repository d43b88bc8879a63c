"""A date field typed as digits — MM / DD / YYYY in the locale's order — on the number pad."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.date_entry import DateEntry
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget


@field_widget("datepicker")
class DateField(FieldWidget):
    """Stores ``YYYY-MM-DD``; a partly typed date stores e.g. ``1980--`` so Next explains it.

    The same ``DateEntry`` as the identify screen's date of birth: three digit boxes with live
    checks ("Check the month", "That date is in the future" for birth dates), typed on the
    on-screen keyboard's number pad. Nothing is pre-filled or scrolled into view, so no
    patient sees a trace of the previous one's answer.
    """

    input_kind = "date"

    def build(self) -> QWidget:
        self.entry = DateEntry(birth=self.field.is_birth_date, parent=self)
        self.entry.changed.connect(self.changed)
        return self.entry

    def focus_widget(self) -> QWidget:
        return self.entry.focus_widget()

    def value(self) -> Any:
        return self.entry.value()

    def set_value(self, value: Any) -> None:
        self.entry.set_value(value)
