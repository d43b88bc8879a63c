"""Base of every field widget: label, optional description, the control and an inline error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import set_invalid, set_role
from kiosk.wizard import Field
from kiosk.wizard.validation import RETYPE_SUFFIXES


class FieldWidget(QWidget):
    """One answer on screen. Subclasses build ``control`` in `build` and map values both ways.

    ``changed`` fires on every edit so the form can copy the value into the session's
    `Answers` at once (Back then shows it again without a submit).
    """

    changed = Signal()

    #: Whether the field shows its own title row (False for a toggle that carries the title).
    shows_title = True

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setProperty("wizard", "field")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title_label = QLabel(self._title_text(), self)
        self.title_label.setWordWrap(True)
        self.title_label.setProperty("wizard", "field-label")
        self.title_label.setVisible(self.shows_title and bool(self.title_label.text()))
        layout.addWidget(self.title_label)
        if field.description and field.kind != "help":
            hint = QLabel(field.description, self)
            hint.setWordWrap(True)
            set_role(hint, "hint")
            layout.addWidget(hint)
        self.control = self.build()
        layout.addWidget(self.control)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.title_label.setBuddy(self.focus_widget())

    def _title_text(self) -> str:
        text = self.field.label
        repeats = self.field.key.endswith(RETYPE_SUFFIXES)
        if (
            self.field.holds_value
            and not self.field.required
            and self.field.supported
            and not repeats
        ):
            text += "  (optional)"
        return text

    def build(self) -> QWidget:
        """Create and return the input control; called once from the constructor."""
        raise NotImplementedError

    def value(self) -> Any:
        """The current answer in the stored shape (str, bool, list…); None when unanswered."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored answer (from `Answers`); unknown values are ignored."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The widget that takes focus when this field has an error."""
        return self.control

    def set_error(self, message: str | None) -> None:
        """Show ``message`` under the field (None clears it) and colour the control."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        set_invalid(self.control, bool(message))
