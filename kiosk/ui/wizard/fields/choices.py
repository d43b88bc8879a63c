"""Touch choices: big buttons for short lists, a search list for long ones, chips for many."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.constants import WIZARD_SEARCHABLE_SELECT_MIN
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.flow_layout import FlowLayout
from kiosk.ui.wizard.registry import field_widget
from kiosk.ui.wizard.search_list import SearchList
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard import Option

TOGGLE_ON = "☑"
TOGGLE_OFF = "☐"
#: A toggle button's face: its tick box, then its words.
TOGGLE_FACE = QT_TRANSLATE_NOOP("ChoiceField", "{mark}  {text}")
#: Marks in front of a single-choice button, so even a lone option reads as a choice to tap
#: (a bare full-width button looked like a text box).
CHOICE_ON = "◉"
CHOICE_OFF = "○"
# Chips a multiple choice always shows in its step's first frame; past its time, the rest
# are built in the step's next slice (27 chips are half of a 16 ms frame).
FIRST_CHIPS = 3


def toggle_face(checked: bool, text: str) -> str:
    """The face of a toggle button showing ``text`` (the clinic's words, or a kiosk ``Message``
    translated when shown), ticked or not."""
    return TOGGLE_FACE.format(mark=TOGGLE_ON if checked else TOGGLE_OFF, text=text)


def _choice_columns(options: tuple[Option, ...]) -> int:
    """Two columns for short labels (Male/Female), one when any label is long."""
    return 2 if all(len(o.label) <= 18 for o in options) and len(options) > 1 else 1


@field_widget("select", "radios", "checkboxes")
class ChoiceField(FieldWidget):
    """One field, three presentations chosen from its options.

    * ``multiple`` or ``checkboxes`` → chips that toggle (the 27 reasons for visit);
    * many options (≥ ``WIZARD_SEARCHABLE_SELECT_MIN``) → a search box over big rows (states);
    * otherwise → radio-like big buttons side by side, each marked ○ / ◉.
    """

    input_kind = "none"

    def build(self) -> QWidget:
        options = self.field.options
        self.buttons: list[QPushButton] = []
        self.search: SearchList | None = None
        if self.field.multiple:
            return self._build_chips(options)
        if len(options) >= WIZARD_SEARCHABLE_SELECT_MIN:
            self.input_kind = "text"
            self.search = SearchList(
                self,
                placeholder=self.field.placeholder
                or QT_TRANSLATE_NOOP("SearchList", "Type to search"),
            )
            self.search.set_rows([(o.label, "", i) for i, o in enumerate(options)])
            self.search.selection_changed.connect(self.changed)
            return self.search
        return self._build_buttons(options)

    def _build_chips(self, options: tuple[Option, ...]) -> QWidget:
        outer, column = plain_box(self, QVBoxLayout)
        hint = live(QLabel(outer), QT_TRANSLATE_NOOP("ChoiceField", "Choose all that apply."))
        set_role(hint, "hint")
        column.addWidget(hint)
        self._chip_box = QWidget(outer)
        column.addWidget(self._chip_box)
        self._flow = FlowLayout(self._chip_box)
        #: Options chosen whose chips are not built yet (see `build_pending`).
        self._wanted: set[int] = set()
        builds = self.builds
        for index in range(len(options)):
            if (
                builds is not None
                and builds.first_frame
                and index >= FIRST_CHIPS
                and builds.out_of_time()
            ):
                builds.add(self)
                break
            self._add_chip(index)
        return outer

    def _add_chip(self, index: int) -> None:
        chip = live(QPushButton(self._chip_box), self.field.options[index].label)
        chip.setCheckable(True)
        chip.setChecked(index in self._wanted)
        set_role(chip, "chip")
        chip.toggled.connect(self.changed)
        self._flow.addWidget(chip)
        self.buttons.append(chip)
        set_shown(chip, True)  # built after the step was drawn: shown now, not a turn later

    # -- chips built after the step's first frame ------------------------------------------
    def has_pending(self) -> bool:
        return self.field.multiple and len(self.buttons) < len(self.field.options)

    def first_screen_pending(self) -> bool:
        return self.has_pending()  # held back only when the first frame's time ran out

    def build_pending(self, until: float | None = None) -> None:
        """Build the chips not built yet, in order, until ``time.thread_time()`` passes
        ``until`` (None: all of them); Tab reaches them after the ones before."""
        before = self.buttons[-1] if self.buttons else None
        while self.has_pending():
            self._add_chip(len(self.buttons))
            if until is not None and time.thread_time() >= until:
                break
        if before is not None:
            for chip in self.buttons[self.buttons.index(before) + 1 :]:
                QWidget.setTabOrder(before, chip)
                before = chip

    def _build_buttons(self, options: tuple[Option, ...]) -> QWidget:
        box, grid = plain_box(self, QGridLayout, 12)
        self.group = QButtonGroup(box)
        self.group.setExclusive(True)
        columns = _choice_columns(options)
        for index, option in enumerate(options):
            button = QPushButton(f"{CHOICE_OFF}  {option.label}", box)
            button.setCheckable(True)
            button.setAccessibleName(option.label)
            set_role(button, "choice")
            self.group.addButton(button, index)
            grid.addWidget(button, index // columns, index % columns)
            self.buttons.append(button)
        self.group.idToggled.connect(self._on_group_id_toggled)
        return box

    def _on_group_id_toggled(self, index: int, checked: bool) -> None:
        mark = CHOICE_ON if checked else CHOICE_OFF
        self.buttons[index].setText(f"{mark}  {self.field.options[index].label}")
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        if self.search is not None:
            return self.search.focus_widget()
        return self.buttons[0] if self.buttons else self.control

    def value(self) -> Any:
        options = self.field.options
        if self.field.multiple:
            return [
                option.value
                for index, option in enumerate(options)
                if (
                    self.buttons[index].isChecked()
                    if index < len(self.buttons)
                    else index in self._wanted
                )
            ]
        index = self.search.selected() if self.search is not None else self.group.checkedId()
        return options[index].value if isinstance(index, int) and index >= 0 else None

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, list) else [value]
        indexes = [i for i, o in enumerate(self.field.options) if o.value in values]
        if self.field.multiple:
            self._wanted = set(indexes)
            for index, button in enumerate(self.buttons):
                button.setChecked(index in indexes)
        elif self.search is not None:
            self.search.select(indexes[0] if indexes else None)
        elif indexes:
            self.buttons[indexes[0]].setChecked(True)


@field_widget("checkbox")
class ToggleField(FieldWidget):
    """A yes/no answer as one full-width toggle button carrying the question itself."""

    shows_title = False
    input_kind = "none"

    def build(self) -> QWidget:
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        set_role(self.toggle, "choice")
        self.toggle.toggled.connect(self._on_toggled)
        self._on_toggled(False)
        return self.toggle

    def _on_toggled(self, checked: bool) -> None:
        set_text(self.toggle, toggle_face(checked, self.field.label))
        self.changed.emit()

    def value(self) -> Any:
        return self.toggle.isChecked()

    def set_value(self, value: Any) -> None:
        self.toggle.setChecked(value is True)
