"""A schema form: field widgets for a section's fields, kept in sync with the session's answers."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.fields.static import UnsupportedField
from kiosk.ui.wizard.registry import FIELD_WIDGETS
from kiosk.wizard import Field, Section, validate_section

log = logging.getLogger("kiosk.ui.wizard")


class SchemaForm(QWidget):
    """Renders ``section.fields`` top to bottom and validates them with the model's rules.

    ``state`` is the section's dict in `Answers` (owned by the session): values shown come
    from it and every edit is written back at once.
    """

    def __init__(
        self, section: Section, state: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.state = state
        self.field_widgets: list[FieldWidget] = []
        self.by_key: dict[str, FieldWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        for item in section.fields:
            layout.addWidget(self._build(item))

    def _build(self, item: Field) -> QWidget:
        if item.kind == "fieldset" and item.unsupported is None:
            return self._group(item)
        cls = FIELD_WIDGETS.get(item.kind) if item.supported else None
        if cls is None:
            log.warning(
                "field fallback: kind=%s reason=%s", item.kind, item.unsupported or "unknown"
            )
            cls = UnsupportedField
        widget: FieldWidget = cls(item, self)
        self.field_widgets.append(widget)
        if cls is not UnsupportedField and item.holds_value and item.key not in self.by_key:
            self.by_key[item.key] = widget
            stored = self.state.get(item.key, item.default)
            if stored is not None:
                widget.set_value(stored)
            widget.changed.connect(lambda w=widget: self._on_field_changed(w))
        return widget

    def _group(self, item: Field) -> QWidget:
        frame = QFrame(self)
        frame.setProperty("wizard", "group")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        if item.title:
            title = QLabel(item.title, frame)
            title.setWordWrap(True)
            set_role(title, "subheading")
            layout.addWidget(title)
        for child in item.children:
            layout.addWidget(self._build(child))
        return frame

    def _on_field_changed(self, widget: FieldWidget) -> None:
        value = widget.value()
        if value is None:
            self.state.pop(widget.field.key, None)
        else:
            self.state[widget.field.key] = value
        if widget.error_label.isVisible():
            widget.set_error(None)

    def values(self) -> dict[str, Any]:
        """Every answered field: key → value (unanswered keys are left out)."""
        return {k: v for k, w in self.by_key.items() if (v := w.value()) not in (None, "", [])}

    def validate(self) -> list[QWidget]:
        """Show each problem under its field; the focus targets of the invalid fields, in order."""
        errors = validate_section(self.section, {k: w.value() for k, w in self.by_key.items()})
        invalid: list[QWidget] = []
        for key, widget in self.by_key.items():
            widget.set_error(errors.get(key))
            if key in errors:
                invalid.append(widget.focus_widget())
        return invalid
