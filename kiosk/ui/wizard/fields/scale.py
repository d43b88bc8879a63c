"""Scales (``range``): a row of big numbered buttons for 0–10, a big-thumb slider for more."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.flow_layout import FlowLayout
from kiosk.ui.wizard.registry import field_widget

#: A scale with at most this many steps is a row of buttons; longer scales are a slider.
MAX_BUTTONS = 11


def _number(value: object, default: float) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return default


@field_widget("range")
class RangeField(FieldWidget):
    """A number between the schema's ``minimum`` and ``maximum`` (default 0–10) in steps of
    ``multipleOf``/``step`` (default 1). The chosen value is always written out beside it."""

    input_kind = "none"

    def build(self) -> QWidget:
        schema = self.field.schema
        self.low = _number(schema.get("minimum"), 0.0)
        self.high = max(_number(schema.get("maximum"), 10.0), self.low)
        self.step = _number(schema.get("multipleOf") or schema.get("step"), 1.0) or 1.0
        count = int((self.high - self.low) / self.step) + 1
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.buttons: list[QPushButton] = []
        self.slider: QSlider | None = None
        if count <= MAX_BUTTONS:
            row = QWidget(box)
            flow = FlowLayout(row)
            self.group = QButtonGroup(row)
            for index in range(count):
                button = QPushButton(self._text(self._at(index)), row)
                button.setCheckable(True)
                button.setProperty("wizard", "scale")
                set_role(button, "choice")
                self.group.addButton(button, index)
                flow.addWidget(button)
                self.buttons.append(button)
            self.group.idToggled.connect(self._on_scale_toggled)
            column.addWidget(row)
        else:
            self.slider = QSlider(Qt.Orientation.Horizontal, box)
            self.slider.setProperty("wizard", "scale")
            self.slider.setRange(0, count - 1)
            self.slider.setMinimumHeight(64)
            self.slider.valueChanged.connect(self._on_slider_value_changed)
            column.addWidget(self.slider)
            self._touched = False
        self.readout = QLabel("Not answered yet", box)
        set_role(self.readout, "muted")
        column.addWidget(self.readout)
        return box

    def _at(self, index: int) -> float:
        return self.low + index * self.step

    @staticmethod
    def _text(number: float) -> str:
        return f"{number:g}"

    def _on_scale_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._show_value()
            self.changed.emit()

    def _on_slider_value_changed(self, _value: int) -> None:
        self._touched = True
        self._show_value()
        self.changed.emit()

    def _show_value(self) -> None:
        value = self.value()
        top = self._text(self.high)
        self.readout.setText(
            "Not answered yet" if value is None else f"Your answer: {value:g} of {top}"
        )

    def focus_widget(self) -> QWidget:
        if self.slider is not None:
            return self.slider
        return self.buttons[0] if self.buttons else self.control

    def value(self) -> Any:
        if self.slider is not None:
            index: int | None = self.slider.value() if self._touched else None
        else:
            checked = self.group.checkedId()
            index = checked if checked >= 0 else None
        if index is None:
            return None
        number = self._at(index)
        return int(number) if number.is_integer() else number

    def set_value(self, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return
        try:
            number = float(value)
        except ValueError:
            return
        index = round((number - self.low) / self.step)
        if self.slider is not None:
            self.slider.setValue(index)
            self._touched = True
            self._show_value()
        elif 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
