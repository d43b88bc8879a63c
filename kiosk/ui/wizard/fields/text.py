"""Typed answers: text, email, number, phone, web address, password and textarea."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_invalid
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.registry import field_widget
from kiosk.wizard.phone import cursor_after_format, format_phone
from kiosk.wizard.schema import schema_type

_HINTS: dict[str, Qt.InputMethodHint] = {
    "email": Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase,
    "number": Qt.InputMethodHint.ImhFormattedNumbersOnly,
    "integer": Qt.InputMethodHint.ImhDigitsOnly,
    "tel": Qt.InputMethodHint.ImhDialableCharactersOnly,
    "url": Qt.InputMethodHint.ImhUrlCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase,
}

#: Field kind → the on-screen keyboard layout it wants (see `FieldWidget.input_kind`).
_INPUT_KINDS: dict[str, str] = {
    "email": "email",
    "number": "number",
    "integer": "number",
    "tel": "phone",
    "url": "url",
}


@field_widget("text", "email", "number", "url")
class LineField(FieldWidget):
    """One line of text. Length rules are checked on Next, not by silently eating key presses.

    A ``number`` answer is read back as a number when it is one (``"42"`` → 42), else as the
    text typed, so validation can say what is wrong with it.
    """

    def _kind(self) -> str:
        if self.field.kind == "number" and schema_type(self.field.schema) == "integer":
            return "integer"
        if self.field.kind == "text" and schema_type(self.field.schema) == "integer":
            return "integer"
        return self.field.kind

    def build(self) -> QWidget:
        edit = QLineEdit(self)
        set_text(edit, self.field.placeholder if self.field.title else "", "setPlaceholderText")
        kind = self._kind()
        self.input_kind = _INPUT_KINDS.get(kind, "text")
        hint = _HINTS.get(kind)
        if hint is not None:
            edit.setInputMethodHints(hint)
        edit.textChanged.connect(self.changed)
        self.edit = edit
        return edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        if text and self.field.kind == "number":
            return _number(text)
        return text or None

    def set_value(self, value: Any) -> None:
        set_text(self.edit, "" if value is None else str(value))


def _number(text: str) -> Any:
    """``"42"`` → 42, ``"1.5"`` → 1.5; anything else stays text."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return text
    return number if number == number and abs(number) != float("inf") else text


@field_widget("tel")
class PhoneField(LineField):
    """A phone number on the dial pad, grouped as it is typed: ``(555) 123-4567``."""

    def build(self) -> QWidget:
        edit = super().build()
        self.edit.textEdited.connect(self._on_edit_text_edited)
        return edit

    def _on_edit_text_edited(self, text: str) -> None:
        formatted = format_phone(text)
        if formatted != text:
            cursor = cursor_after_format(text, self.edit.cursorPosition(), formatted)
            set_text(self.edit, formatted)
            self.edit.setCursorPosition(cursor)


@field_widget("password")
class PasswordField(FieldWidget):
    """A masked password with a big Show/Hide button beside it."""

    def build(self) -> QWidget:
        box, row = plain_box(self, QHBoxLayout)
        self.edit = QLineEdit(box)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.edit.textChanged.connect(self.changed)
        self.toggle = live(QPushButton(box), QT_TRANSLATE_NOOP("LineField", "Show"))
        self.toggle.setCheckable(True)
        set_text(self.toggle, QT_TRANSLATE_NOOP("LineField", "Show password"), "setAccessibleName")
        self.toggle.toggled.connect(self._on_toggle_toggled)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        return box

    def _on_toggle_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        set_text(
            self.toggle,
            QT_TRANSLATE_NOOP("LineField", "Hide")
            if shown
            else QT_TRANSLATE_NOOP("LineField", "Show"),
        )

    def focus_widget(self) -> QWidget:
        return self.edit

    def set_error(self, message: str | None) -> None:
        super().set_error(message)
        set_invalid(self.edit, bool(message))

    def value(self) -> Any:
        return self.edit.text() or None

    def set_value(self, value: Any) -> None:
        set_text(self.edit, "" if value is None else str(value))


@field_widget("textarea")
class TextAreaField(FieldWidget):
    """Several lines of free text, a few rows tall."""

    def build(self) -> QWidget:
        edit = QPlainTextEdit(self)
        set_text(edit, self.field.placeholder, "setPlaceholderText")
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
