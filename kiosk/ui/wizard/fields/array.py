"""Lists of answers: one card per item (medicines, allergies…), "Add another" and Remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard.definition import SCALAR_ITEM_KEY
from kiosk.wizard.validation import validate_items

ROWS_NAME = QT_TRANSLATE_NOOP("ArrayField", "{field}: tap one to change it")
ADD_TO = QT_TRANSLATE_NOOP("ArrayField", "Add to {field}")
REMOVE_ITEM = QT_TRANSLATE_NOOP("ArrayField", "Remove {item}")
ADD_TEXT = QT_TRANSLATE_NOOP("ArrayField", "+  Add another")
ADD_FIRST_TEXT = QT_TRANSLATE_NOOP("ArrayField", "+  Add one")
REMOVE_TEXT = QT_TRANSLATE_NOOP("ArrayField", "Remove")
#: Height of one closed item's row (the theme's touch height plus its border).
ROW_PX = 66


@field_widget("array")
class ArrayField(FieldWidget):
    """Item cards rendered from ``field.children`` by the same field registry as the form.

    The answer is a list: of flat item dicts (``{"name": …, "dose": …}``) for an array of
    objects, of plain values for an array of free text. An empty card is allowed and dropped
    on submit. ``minItems`` cards are there from the start; "Add another" stops at ``maxItems``.

    Only one item is open as a card of fields at a time; every item is also a row of one list
    ("Medicine 2:  Metformin · 10 mg · 2") that opens it when tapped. A list of 20 medicines
    is then one list widget, not 60 inputs, and the step still builds within a frame.
    """

    input_kind = "none"

    def build(self) -> QWidget:
        from kiosk.ui.wizard.form import FieldsForm  # the form builds arrays, arrays build forms

        self._form_class = FieldsForm
        self._items: list[dict[str, Any]] = []
        self.cards: list[QFrame] = []
        self.item_forms: list[FieldsForm] = []
        self.open_index: int | None = None
        self._model: dict[str, Any] | None = None
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.rows = QListWidget(box)
        self.rows.setProperty("wizard", "item-rows")
        set_text(self.rows, ROWS_NAME.format(field=self.field.label), "setAccessibleName")
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.itemClicked.connect(self._on_rows_item_clicked)
        self.rows_hint = live(
            QLabel(box), QT_TRANSLATE_NOOP("ArrayField", "Tap a line to change or remove it.")
        )
        set_role(self.rows_hint, "hint")
        column.addWidget(self.rows_hint)
        column.addWidget(self.rows)
        self._cards_box = QWidget(box)
        self._cards = QVBoxLayout(self._cards_box)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(16)
        column.addWidget(self._cards_box)
        self.add_button = live(QPushButton(box), ADD_FIRST_TEXT)
        set_text(self.add_button, ADD_TO.format(field=self.field.label), "setAccessibleName")
        self.add_button.clicked.connect(self._on_add_clicked)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._update_add_button()
        return box

    def start_blank(self) -> None:
        """No stored answer: ``minItems`` empty cards (at least one), the first one open."""
        low = self.field.schema.get("minItems")
        start = low if isinstance(low, int) and not isinstance(low, bool) and low > 0 else 1
        self._items = [{} for _ in range(min(start, self._limit()))]
        self.open_index = 0 if self._items else None
        self._rebuild()

    # -- limits and items -------------------------------------------------------------------
    def _limit(self) -> int:
        high = self.field.schema.get("maxItems")
        if isinstance(high, int) and not isinstance(high, bool) and high >= 0:
            return high
        return 50

    def _item_title(self, index: int) -> str:
        items = self.field.schema.get("items")
        title = items.get("title") if isinstance(items, dict) else None
        return f"{title if isinstance(title, str) and title else 'Item'} {index + 1}"

    def _rebuild(self) -> None:
        for old in self.cards:
            old.hide()
            old.deleteLater()
        self.cards, self.item_forms = [], []
        self._fill_rows()
        if self.open_index is not None and 0 <= self.open_index < len(self._items):
            self._add_card(self.open_index, self._items[self.open_index])
        self._update_add_button()

    def _fill_rows(self) -> None:
        """One list row per item (a single widget however long the list is)."""
        closed = [i for i in range(len(self._items))]
        if self.open_index is not None and len(self._items) == 1:
            closed = []  # a lone open card needs no list above it
        self.rows.blockSignals(True)
        self.rows.clear()
        for index in closed:
            mark = "✎ " if index == self.open_index else ""
            row = QListWidgetItem(f"{mark}{self._item_title(index)}:  {self.summary(index)}")
            row.setData(Qt.ItemDataRole.UserRole, index)
            self.rows.addItem(row)
            if index == self.open_index:
                row.setSelected(True)
        self.rows.blockSignals(False)
        self.rows.setFixedHeight(len(closed) * ROW_PX + 8 if closed else 0)
        set_shown(self.rows, bool(closed))
        set_shown(self.rows_hint, bool(closed))

    def _on_rows_item_clicked(self, row: QListWidgetItem) -> None:
        self.open_item(int(row.data(Qt.ItemDataRole.UserRole)))

    def summary(self, index: int) -> str:
        """One line for a closed item: its answers joined, or "(empty)"."""
        item = self._items[index]
        parts = [str(item[c.key]) for c in self.field.children if item.get(c.key) not in (None, "")]
        parts = [p for p in parts if p.strip()]
        return " · ".join(parts) if parts else "(empty)"

    def open_item(self, index: int) -> None:
        """Open item ``index`` as a card of fields (closing the one open before)."""
        if 0 <= index < len(self._items) and index != self.open_index:
            self.open_index = index
            self._rebuild()

    def _add_card(self, index: int, item: dict[str, Any]) -> None:
        card = QFrame(self._cards_box)
        card.setProperty("wizard", "item-card")
        scalar = self.field.scalar_items
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(card) if scalar else QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        remove = live(QPushButton(card), REMOVE_TEXT)
        set_role(remove, "link")
        set_text(remove, REMOVE_ITEM.format(item=self._item_title(index)), "setAccessibleName")
        remove.clicked.connect(lambda _=False, i=index: self._on_remove_clicked(i))
        self.card_index = index
        form = self._form_class(self.field.children, item, card, array_index=index)
        if self._model is not None:
            form.apply_conditions(self._model)
        form.edited.connect(self._on_item_edited)
        if scalar:
            layout.addWidget(form, 1)
            layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        else:
            header = QHBoxLayout()
            title = QLabel(self._item_title(index), card)
            title.setProperty("wizard", "item-title")
            header.addWidget(title, 1)
            header.addWidget(remove)
            layout.addLayout(header)
            layout.addWidget(form)
        self._cards.addWidget(card)
        set_shown(card, True)  # at once, not on the layout's queued show (tests and focus)
        self.cards.append(card)
        self.item_forms.append(form)

    def _on_item_edited(self) -> None:
        index = self.open_index
        if index is not None and self.rows.isVisible():
            for row in range(self.rows.count()):
                item = self.rows.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == index:
                    item.setText(f"✎ {self._item_title(index)}:  {self.summary(index)}")
        self.changed.emit()

    def _update_add_button(self) -> None:
        set_text(self.add_button, ADD_TEXT if self._items else ADD_FIRST_TEXT)
        self.add_button.setEnabled(len(self._items) < self._limit())

    def _on_add_clicked(self) -> None:
        if len(self._items) >= self._limit():
            return
        self._items.append({})
        self.open_index = len(self._items) - 1
        self._rebuild()
        targets = [w.focus_widget() for w in self.item_forms[-1].field_widgets]
        if targets:
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_remove_clicked(self, index: int) -> None:
        if 0 <= index < len(self._items):
            del self._items[index]
            self.open_index = None
            self._rebuild()
            self.changed.emit()

    # -- value ------------------------------------------------------------------------------
    def value(self) -> Any:
        if self.field.scalar_items:
            return [item.get(SCALAR_ITEM_KEY) for item in self._items] or None
        return [dict(item) for item in self._items] or None

    def set_value(self, value: Any) -> None:
        if not isinstance(value, list):
            return
        if self.field.scalar_items:
            self._items = [{SCALAR_ITEM_KEY: v} if v is not None else {} for v in value]
        else:
            self._items = [dict(v) if isinstance(v, dict) else {} for v in value]
        del self._items[self._limit() :]
        self.open_index = None
        self._rebuild()

    def focus_widget(self) -> QWidget:
        if not hasattr(self, "item_forms"):
            return self
        for form in self.item_forms:
            for widget in form.field_widgets:
                return widget.focus_widget()
        return self.rows if self.rows.count() else self.add_button

    # -- conditions and problems -----------------------------------------------------------
    def apply_conditions(self, model: dict[str, Any]) -> None:
        self._model = model  # for cards opened later
        for form in self.item_forms:
            form.apply_conditions(model)

    def show_problems(self, message: str | None, model: dict[str, Any]) -> list[QWidget]:
        problems = validate_items(self.field, self.value(), model)
        if problems and self.open_index not in problems:
            self.open_item(min(problems))  # open the first item that needs attention
            self.apply_conditions(model)
        self._closed_problems = len([i for i in problems if i != self.open_index])
        targets: list[QWidget] = []
        for form in self.item_forms:
            targets.extend(form.show_errors(problems.get(self.open_index or 0, {}), model))
        own = None if problems and not targets else message
        if targets:
            own = None  # the items say what is wrong; no second message for the list
        self.set_error(own)
        return targets or ([self.focus_widget()] if own else [])

    def open_problems(self) -> int:
        closed = getattr(self, "_closed_problems", 0)
        return int(self.has_error()) + closed + sum(f.open_problems() for f in self.item_forms)
