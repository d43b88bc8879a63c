"""Typed answers: text, email, number, password (masked, with a show toggle) and textarea."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from kiosk.ui.theme import set_invalid
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget

_HINTS: dict[str, Qt.InputMethodHint] = {
    "email": Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase,
    "number": Qt.InputMethodHint.ImhFormattedNumbersOnly,
}


@field_widget("text", "email", "number")
class LineField(FieldWidget):
    """One line of text. Length rules are checked on Next, not by silently eating key presses."""

    def build(self) -> QWidget:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.field.placeholder if self.field.title else "")
        hint = _HINTS.get(self.field.kind)
        if hint is None and self.field.schema.get("type") == "integer":
            hint = Qt.InputMethodHint.ImhDigitsOnly
        if hint is not None:
            edit.setInputMethodHints(hint)
        edit.textChanged.connect(self.changed)
        self.edit = edit
        return edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


@field_widget("password")
class PasswordField(FieldWidget):
    """A masked password with a big Show/Hide button beside it."""

    def build(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(box)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.edit.textChanged.connect(self.changed)
        self.toggle = QPushButton("Show", box)
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show password")
        self.toggle.toggled.connect(self._on_toggle_toggled)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        return box

    def _on_toggle_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.toggle.setText("Hide" if shown else "Show")

    def focus_widget(self) -> QWidget:
        return self.edit

    def set_error(self, message: str | None) -> None:
        super().set_error(message)
        set_invalid(self.edit, bool(message))

    def value(self) -> Any:
        return self.edit.text() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


@field_widget("textarea")
class TextAreaField(FieldWidget):
    """Several lines of free text, a few rows tall."""

    def build(self) -> QWidget:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(self.field.placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(160)
        edit.textChanged.connect(self.changed)
        self.edit = edit
        return edit

    def value(self) -> Any:
        text = self.edit.toPlainText().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))
