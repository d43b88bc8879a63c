"""``IdentifyScreen``: name and date of birth (or a patient code), checked inline."""

from __future__ import annotations

from typing import Literal, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import describe_error
from kiosk.ui.i18n import live, set_text, tr_text
from kiosk.ui.theme import set_invalid, set_role
from kiosk.ui.widgets import Screen, big_button, heading
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.widgets.date_entry import PLACEHOLDERS, DateEntry
from kiosk.wizard import Field
from kiosk.wizard.validation import validate_field

Mode = Literal["guest", "known"]
NAME_MAX_CHARS = 60
CODE_MAX_CHARS = 120


class Wording(NamedTuple):
    """What the screen says in one mode: its title and hint, and the switch to the other."""

    title: str
    hint: str
    switch: str


WORDING: dict[Mode, Wording] = {
    "guest": Wording(
        title=QT_TRANSLATE_NOOP("IdentifyScreen", "Tell us who you are"),
        hint=QT_TRANSLATE_NOOP(
            "IdentifyScreen", "We use this to find you in the clinic's records and to call you in."
        ),
        switch=QT_TRANSLATE_NOOP("IdentifyScreen", "I have a patient code"),
    ),
    "known": Wording(
        title=QT_TRANSLATE_NOOP("IdentifyScreen", "Sign in with your patient code"),
        hint=QT_TRANSLATE_NOOP(
            "IdentifyScreen", "Type the code the clinic gave you, and your name."
        ),
        switch=QT_TRANSLATE_NOOP("IdentifyScreen", "I don't have a code"),
    ),
}


def _required(key: str, kind: str, title: str) -> Field:
    """One of the screen's questions as a wizard field, so the wizard's own checks apply."""
    return Field(key=key, kind=kind, title=title, required=True)


FIRST = _required("first_name", "text", QT_TRANSLATE_NOOP("IdentifyScreen", "First name"))
LAST = _required("last_name", "text", QT_TRANSLATE_NOOP("IdentifyScreen", "Last name"))
CODE = _required("code", "text", QT_TRANSLATE_NOOP("IdentifyScreen", "Patient code"))
DOB = _required("dob", "datepicker", QT_TRANSLATE_NOOP("IdentifyScreen", "Date of birth"))


class _TextInput(QWidget):
    """A labelled line edit with its own inline error line."""

    def __init__(self, field: Field, parent: QWidget, max_chars: int) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        label = live(QLabel(self), field.title)
        label.setProperty("wizard", "field-label")
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(max_chars)
        set_text(self.edit, field.title, "setAccessibleName")
        label.setBuddy(self.edit)
        self.error = QLabel(self)
        set_role(self.error, "error")
        self.error.hide()
        for widget in (label, self.edit, self.error):
            layout.addWidget(widget)
        self.edit.textEdited.connect(lambda _text: self.set_error(None))

    def value(self) -> str:
        return " ".join(self.edit.text().split())

    def set_error(self, message: str | None) -> None:
        set_text(self.error, message or "")
        self.error.setVisible(bool(message))
        set_invalid(self.edit, bool(message))
        describe_error(self.edit, self.error.text() or None)


class _DateInput(QWidget):
    """ "Date of birth" over the digit boxes, in the locale's order (e.g. "MM / DD / YYYY")."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.entry = DateEntry(birth=True, parent=self)
        order = " / ".join(tr_text(PLACEHOLDERS[part]) for part in self.entry.order)
        dob_label = QT_TRANSLATE_NOOP("IdentifyScreen", "{title}  ({order})")
        label = live(QLabel(self), dob_label.format(title=DOB.title, order=order))
        label.setProperty("wizard", "field-label")
        label.setBuddy(self.entry.focus_widget())
        layout.addWidget(label)
        layout.addWidget(self.entry)

    def value(self) -> str | None:
        return self.entry.value()

    def set_value(self, iso_date: str) -> None:
        self.entry.set_value(iso_date)

    @property
    def error_text(self) -> str:
        return self.entry.message.text() if self.entry.message.isVisibleTo(self) else ""


class IdentifyScreen(Screen):
    """Guest mode emits ``guest_submitted(first, last, dob_iso)``; known-patient mode emits
    ``known_submitted(code, first, last)``. Nothing is emitted until every field passes the
    wizard's own checks (required, full date, not in the future); problems show under each
    field and the first one takes focus. ``clear()`` forgets everything typed (the presenter
    calls it whenever a session ends)."""

    guest_submitted = Signal(str, str, str)
    known_submitted = Signal(str, str, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode: Mode = "guest"
        self._known_allowed = False
        body = self.body_widget
        # set_mode() below gives them the mode's words.
        self.title = heading("", "heading", body, centred=False)
        self.hint = heading("", "muted", body, centred=False)
        self.body.addWidget(self.title)
        self.body.addWidget(self.hint)
        self.body.addWidget(self._build_form(body), 1)
        self._build_footer()
        self.set_mode("guest")

    def _build_form(self, body: QWidget) -> QWidget:
        form, self._grid = plain_box(body, QGridLayout)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(24)
        self.code = _TextInput(CODE, form, CODE_MAX_CHARS)
        self.first = _TextInput(FIRST, form, NAME_MAX_CHARS)
        self.last = _TextInput(LAST, form, NAME_MAX_CHARS)
        self.dob = _DateInput(form)
        top = Qt.AlignmentFlag.AlignTop  # an error under one name must not lower the other
        self._grid.addWidget(self.code, 0, 0, 1, 2, top)
        self._grid.addWidget(self.first, 1, 0, top)
        self._grid.addWidget(self.last, 1, 1, top)
        self._grid.addWidget(self.dob, 2, 0, 1, 2, top)
        date_boxes = tuple(self.dob.entry.segments.values())
        for edit in (self.code.edit, self.first.edit, self.last.edit, *date_boxes):
            edit.returnPressed.connect(self.on_continue_clicked)
        return form

    def _build_footer(self) -> None:
        foot = self.footer_widget
        self.continue_button = big_button(
            QT_TRANSLATE_NOOP("IdentifyScreen", "Continue"), "primary", foot
        )
        self.back_button = live(QPushButton(foot), QT_TRANSLATE_NOOP("_TextInput", "Back"))
        self.switch_button = QPushButton(foot)
        set_role(self.switch_button, "link")
        # One row — Back, the mode switch, Continue taking the rest — keeps the action bar
        # low, so the form keeps room above the on-screen keyboard on a 768 px screen.
        row = QGridLayout()
        row.setHorizontalSpacing(16)
        row.addWidget(self.back_button, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.switch_button, 0, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.continue_button, 0, 2)
        row.setColumnStretch(2, 1)
        self.footer.addLayout(row)
        self.continue_button.clicked.connect(self.on_continue_clicked)
        self.back_button.clicked.connect(self.back_requested)
        self.switch_button.clicked.connect(self.on_switch_clicked)

    # -- setters ----------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_known_patient_allowed(self, allowed: bool) -> None:
        self._known_allowed = allowed
        if not allowed:
            self.set_mode("guest")
        self.switch_button.setVisible(allowed)

    def set_mode(self, mode: Mode) -> None:
        self._mode = "known" if mode == "known" and self._known_allowed else "guest"
        known = self._mode == "known"
        wording = WORDING[self._mode]
        set_text(self.title, wording.title)
        set_text(self.hint, wording.hint)
        self.code.setVisible(known)
        self.dob.setVisible(not known)
        set_text(self.switch_button, wording.switch)
        self.switch_button.setVisible(self._known_allowed)
        self._clear_errors()

    def clear(self) -> None:
        """Forget every answer on screen (privacy: the next patient must not see them)."""
        for item in (self.code, self.first, self.last):
            item.edit.clear()
        self.dob.entry.clear()
        self._clear_errors()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _clear_errors(self) -> None:
        for item in (self.code, self.first, self.last):
            item.set_error(None)
        self.dob.entry.set_error(None)

    # -- slots ------------------------------------------------------------------------------

    def on_switch_clicked(self) -> None:
        self.set_mode("guest" if self._mode == "known" else "known")

    def on_continue_clicked(self) -> None:
        inputs: list[_TextInput] = [self.first, self.last]
        if self._mode == "known":
            inputs.insert(0, self.code)
        first_bad: QWidget | None = None
        for item in inputs:
            problem = validate_field(item.field, item.value())
            item.set_error(problem)
            if problem and first_bad is None:
                first_bad = item.edit
        if self._mode == "guest":
            problem = self.dob.entry.problem() or validate_field(DOB, self.dob.value())
            self.dob.entry.set_error(problem)
            if problem and first_bad is None:
                first_bad = self.dob.entry.focus_widget()
        if first_bad is not None:
            first_bad.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first_bad, 40, 80)
            return
        if self._mode == "known":
            self.known_submitted.emit(self.code.value(), self.first.value(), self.last.value())
        else:
            self.guest_submitted.emit(self.first.value(), self.last.value(), self.dob.value())
