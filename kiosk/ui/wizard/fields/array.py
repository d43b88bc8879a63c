"""Lists of answers: one card per item (medicines, allergies…), "Add another" and Remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget
from kiosk.wizard.definition import SCALAR_ITEM_KEY
from kiosk.wizard.validation import validate_items

ADD_TEXT = "+  Add another"
ADD_FIRST_TEXT = "+  Add one"
REMOVE_TEXT = "Remove"


@field_widget("array")
class ArrayField(FieldWidget):
    """Item cards rendered from ``field.children`` by the same field registry as the form.

    The answer is a list: of flat item dicts (``{"name": …, "dose": …}``) for an array of
    objects, of plain values for an array of free text. An empty card is allowed and dropped
    on submit. ``minItems`` cards are there from the start; "Add another" stops at ``maxItems``.
    """

    input_kind = "none"

    def build(self) -> QWidget:
        from kiosk.ui.wizard.form import FieldsForm  # the form builds arrays, arrays build forms

        self._form_class = FieldsForm
        self._items: list[dict[str, Any]] = []
        self.cards: list[QFrame] = []
        self.item_forms: list[FieldsForm] = []
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self._cards_box = QWidget(box)
        self._cards = QVBoxLayout(self._cards_box)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(16)
        column.addWidget(self._cards_box)
        self.add_button = QPushButton(ADD_FIRST_TEXT, box)
        self.add_button.setAccessibleName(f"Add to {self.field.label}")
        self.add_button.clicked.connect(self._on_add_clicked)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        low = self.field.schema.get("minItems")
        start = low if isinstance(low, int) and not isinstance(low, bool) and low > 0 else 1
        for _ in range(min(start, self._limit())):
            self._items.append({})
        self._rebuild()
        return box

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
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards, self.item_forms = [], []
        for index, item in enumerate(self._items):
            self._add_card(index, item)
        self._update_add_button()

    def _add_card(self, index: int, item: dict[str, Any]) -> None:
        card = QFrame(self._cards_box)
        card.setProperty("wizard", "item-card")
        scalar = self.field.scalar_items
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(card) if scalar else QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        remove = QPushButton(REMOVE_TEXT, card)
        set_role(remove, "link")
        remove.setAccessibleName(f"Remove {self._item_title(index)}")
        remove.clicked.connect(lambda _=False, i=index: self._on_remove_clicked(i))
        form = self._form_class(self.field.children, item, card, array_index=index)
        form.edited.connect(self.changed)
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
        self.cards.append(card)
        self.item_forms.append(form)

    def _update_add_button(self) -> None:
        self.add_button.setText(ADD_TEXT if self._items else ADD_FIRST_TEXT)
        self.add_button.setEnabled(len(self._items) < self._limit())

    def _on_add_clicked(self) -> None:
        if len(self._items) >= self._limit():
            return
        self._items.append({})
        self._add_card(len(self._items) - 1, self._items[-1])
        self._update_add_button()
        targets = [w.focus_widget() for w in self.item_forms[-1].field_widgets]
        if targets:
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_remove_clicked(self, index: int) -> None:
        if 0 <= index < len(self._items):
            del self._items[index]
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
        self._rebuild()

    def focus_widget(self) -> QWidget:
        if not hasattr(self, "item_forms"):
            return self
        for form in self.item_forms:
            for widget in form.field_widgets:
                return widget.focus_widget()
        return self.add_button

    # -- conditions and problems -----------------------------------------------------------
    def apply_conditions(self, model: dict[str, Any]) -> None:
        for form in self.item_forms:
            form.apply_conditions(model)

    def show_problems(self, message: str | None, model: dict[str, Any]) -> list[QWidget]:
        problems = validate_items(self.field, self.value(), model)
        targets: list[QWidget] = []
        for index, form in enumerate(self.item_forms):
            targets.extend(form.show_errors(problems.get(index, {}), model))
        own = None if problems and not targets else message
        if targets:
            own = None  # the items say what is wrong; no second message for the list
        self.set_error(own)
        return targets or ([self.focus_widget()] if own else [])

    def open_problems(self) -> int:
        return int(self.has_error()) + sum(form.open_problems() for form in self.item_forms)
