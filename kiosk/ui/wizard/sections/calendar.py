"""Appointment calendar: a strip of the next days and big time buttons in the room's time zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QWidget

from kiosk.constants import WIZARD_CALENDAR_DAYS
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import is_language_change, live, tr_text
from kiosk.ui.i18n.dates import TODAY, long_day, short_day, weekday_short
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.load_panel import LoadPanel
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import SlotChoice, Submission
from kiosk.wizard.records import slot_label, slot_start, zone

DAY_COLUMNS = 7
SLOT_COLUMNS = 4
MSG_PICK = QT_TRANSLATE_NOOP("CalendarSection", "Please choose a time.")
NO_SLOTS = QT_TRANSLATE_NOOP(
    "CalendarSection", "No times are free on this day. Please choose another day."
)


@section_widget("appointment_calendar")
class CalendarSection(SectionWidget):
    """Days from today (room time) for ``WIZARD_CALENDAR_DAYS``; slots load per chosen day.

    Submits `SlotChoice` with the slot object exactly as ``load_availability`` returned it.
    """

    def build(self) -> None:
        self.tz = zone(self.services.room_timezone())
        today = dt.datetime.now(self.tz).date()
        self.days = [today + dt.timedelta(days=n) for n in range(WIZARD_CALENDAR_DAYS)]
        strip, grid = plain_box(self, QGridLayout, 10)
        self.day_group = QButtonGroup(self)
        self.day_buttons: list[QPushButton] = []
        for index, day in enumerate(self.days):
            button = QPushButton(strip)
            button.setCheckable(True)
            button.setProperty("wizard", "day")
            set_role(button, "choice")
            button.clicked.connect(lambda _=False, d=day: self.show_day(d))
            self.day_group.addButton(button, index)
            grid.addWidget(button, index // DAY_COLUMNS, index % DAY_COLUMNS)
            self.day_buttons.append(button)
        self._label_days()
        self.body.addWidget(strip)
        self.day_title = QLabel(self)
        set_role(self.day_title, "subheading")
        self.body.addWidget(self.day_title)
        self.slots_host, self.slots_layout = plain_box(self, QGridLayout)
        self.body.addWidget(self.slots_host)
        self.message = live(QLabel(self), MSG_PICK)
        set_role(self.message, "error")
        self.message.hide()
        self.body.addWidget(self.message)
        self.slot_buttons: list[tuple[QPushButton, Any]] = []
        self.panel: LoadPanel | None = None
        stored = self.state.get("day")
        self.show_day(stored if stored in self.days else today)

    def _label_days(self) -> None:
        for index, (day, button) in enumerate(zip(self.days, self.day_buttons, strict=True)):
            label = tr_text(TODAY) if index == 0 else weekday_short(day)
            button.setText(f"{label}\n{short_day(day)}")

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event) and hasattr(self, "day_buttons"):
            self._label_days()
            day = self.state.get("day")
            if isinstance(day, dt.date):
                self.day_title.setText(long_day(day))
        super().changeEvent(event)

    def show_day(self, day: dt.date) -> None:
        """Select ``day`` in the strip and load its free slots."""
        self.day_buttons[self.days.index(day)].setChecked(True)
        if self.state.get("day") != day:
            self.state.pop("slot", None)
        self.state["day"] = day
        self.day_title.setText(long_day(day))
        if self.panel is not None:
            self.slots_layout.removeWidget(self.panel)
            self.panel.deleteLater()
        self.slot_buttons = []
        self.panel = LoadPanel(
            lambda: self.services.load_availability(day),
            self._slots_view,
            QT_TRANSLATE_NOOP("CalendarSection", "Finding free times…"),
            self.slots_host,
        )
        self.slots_layout.addWidget(self.panel, 0, 0)

    def _slots_view(self, slots: Any) -> QWidget:
        host, grid = plain_box(self, QGridLayout, 12)
        group = QButtonGroup(host)
        timed = sorted(
            (s for s in slots or [] if slot_start(s) is not None), key=lambda s: slot_start(s) or 0
        )
        if not timed:
            empty = live(QLabel(host), NO_SLOTS)
            empty.setWordWrap(True)
            set_role(empty, "muted")
            grid.addWidget(empty, 0, 0)
        chosen = self.state.get("slot")
        for index, slot in enumerate(timed):
            button = QPushButton(slot_label(slot, self.tz), host)
            button.setCheckable(True)
            set_role(button, "choice")
            button.setProperty("wizard", "slot")
            button.toggled.connect(lambda on, s=slot: self._on_slot_toggled(s, on))
            group.addButton(button)
            grid.addWidget(button, index // SLOT_COLUMNS, index % SLOT_COLUMNS)
            self.slot_buttons.append((button, slot))
            if chosen is not None and slot_start(chosen) == slot_start(slot):
                button.setChecked(True)
        return host

    def _on_slot_toggled(self, slot: Any, on: bool) -> None:
        if on:
            self.state["slot"] = slot
            self.message.hide()

    def validate(self) -> list[QWidget]:
        if self.state.get("slot") is not None:
            return []
        self.message.show()
        target = self.slot_buttons[0][0] if self.slot_buttons else self.day_buttons[0]
        return [target]

    def submissions(self) -> list[Submission]:
        slot = self.state.get("slot")
        return [SlotChoice(slot)] if slot is not None else []
