"""Scales (``range``): a row of big numbered cells for 0–10, a big-thumb slider for more."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSlider, QVBoxLayout, QWidget

from kiosk.constants import MIN_TOUCH_TARGET_PX
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import Palette, TypeScale, set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget

#: A scale with at most this many steps is a row of buttons; longer scales are a slider.
MAX_BUTTONS = 11


NOTHING_CHOSEN = QT_TRANSLATE_NOOP("ScaleBar", "none")
CHOSEN = QT_TRANSLATE_NOOP("ScaleBar", "Chosen: {label}")
YOUR_ANSWER = QT_TRANSLATE_NOOP("ScaleBar", "Your answer: {value} of {top}")


class ScaleBar(QWidget):
    """``count`` numbered cells side by side; tapping one chooses it (Left/Right move).

    Painted as one widget rather than eleven buttons: a pain scale then costs one widget to
    build and style, and a cell is still at least ``MIN_TOUCH_TARGET_PX`` wide and 64 px tall.
    """

    chosen_changed = Signal(int)

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.chosen: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(len(labels) * MIN_TOUCH_TARGET_PX, TypeScale().touch))
        set_text(self, QT_TRANSLATE_NOOP("ScaleBar", "Scale"), "setAccessibleName")

    def sizeHint(self) -> QSize:
        return QSize(len(self.labels) * 80, TypeScale().touch)

    def cell(self, index: int) -> QRect:
        """Where cell ``index`` is drawn (and tapped)."""
        width = self.width() / max(len(self.labels), 1)
        return QRect(round(index * width), 0, round(width), self.height()).adjusted(3, 2, -3, -2)

    def choose(self, index: int | None) -> None:
        """Choose cell ``index`` (None clears); emits ``chosen_changed`` with -1 for none."""
        if index is not None and not 0 <= index < len(self.labels):
            return
        if index != self.chosen:
            self.chosen = index
            label = NOTHING_CHOSEN if index is None else self.labels[index]
            set_text(self, CHOSEN.format(label=label), "setAccessibleDescription")
            self.update()
            self.chosen_changed.emit(-1 if index is None else index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for index in range(len(self.labels)):
            if self.cell(index).contains(event.position().toPoint()):
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.choose(index)
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        current = self.chosen if self.chosen is not None else (-1 if step > 0 else len(self.labels))
        self.choose(min(max(current + step, 0), len(self.labels) - 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        colours = Palette()
        # (border, fill, text) of a cell, chosen or not: made once a paint, not once a cell.
        looks = {
            on: (QPen(QColor(edge), 2), QColor(fill), QColor(text))
            for on, edge, fill, text in (
                (True, colours.primary, colours.primary, colours.on_primary),
                (False, colours.border_strong, colours.surface, colours.text),
            )
        }
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())  # the style sheet's size: larger with the patient's "Aa"
        font.setBold(True)
        painter.setFont(font)
        centre = Qt.AlignmentFlag.AlignCenter
        for index, label in enumerate(self.labels):
            rect = self.cell(index)
            edge, fill, text = looks[index == self.chosen]
            painter.setPen(edge)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 12, 12)
            painter.setPen(text)
            painter.drawText(rect, centre, label)
        if self.hasFocus() and self.chosen is not None:
            painter.setPen(QPen(QColor(colours.primary_pressed), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.cell(self.chosen).adjusted(-2, -2, 2, 2), 14, 14)
        painter.end()


def _number(value: object, default: float) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return default


@field_widget("range")
class RangeField(FieldWidget):
    """A number between the schema's ``minimum`` and ``maximum`` (default 0–10) in steps of
    ``multipleOf``/``step`` (default 1): up to 11 steps a row of cells (`ScaleBar`), more a
    slider with a big thumb. The chosen value is always written out under it."""

    input_kind = "none"

    def build(self) -> QWidget:
        schema = self.field.schema
        self.low = _number(schema.get("minimum"), 0.0)
        self.high = max(_number(schema.get("maximum"), 10.0), self.low)
        self.step = _number(schema.get("multipleOf") or schema.get("step"), 1.0) or 1.0
        count = int((self.high - self.low) / self.step) + 1
        box, column = plain_box(self, QVBoxLayout, 8)
        self.bar: ScaleBar | None = None
        self.slider: QSlider | None = None
        if count <= MAX_BUTTONS:
            self.bar = ScaleBar([self._text(self._at(i)) for i in range(count)], box)
            self.bar.setAccessibleName(self.field.label)
            self.bar.chosen_changed.connect(self._on_bar_chosen_changed)
            column.addWidget(self.bar)
        else:
            self.slider = QSlider(Qt.Orientation.Horizontal, box)
            self.slider.setProperty("wizard", "scale")
            self.slider.setRange(0, count - 1)
            self.slider.setMinimumHeight(64)
            self.slider.valueChanged.connect(self._on_slider_value_changed)
            column.addWidget(self.slider)
            self._touched = False
        self.readout = live(QLabel(box), QT_TRANSLATE_NOOP("ScaleBar", "Not answered yet"))
        set_role(self.readout, "muted")
        column.addWidget(self.readout)
        return box

    def _at(self, index: int) -> float:
        return self.low + index * self.step

    @staticmethod
    def _text(number: float) -> str:
        return f"{number:g}"

    def _on_bar_chosen_changed(self, _index: int) -> None:
        self._show_value()
        self.changed.emit()

    def _on_slider_value_changed(self, _value: int) -> None:
        self._touched = True
        self._show_value()
        self.changed.emit()

    def _show_value(self) -> None:
        value = self.value()
        top = self._text(self.high)
        set_text(
            self.readout,
            QT_TRANSLATE_NOOP("ScaleBar", "Not answered yet")
            if value is None
            else YOUR_ANSWER.format(value=value, top=top),
        )

    def focus_widget(self) -> QWidget:
        return self.slider or self.bar or self.control

    def value(self) -> Any:
        if self.slider is not None:
            index: int | None = self.slider.value() if self._touched else None
        else:
            index = self.bar.chosen if self.bar is not None else None
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
        elif self.bar is not None:
            self.bar.choose(index)
