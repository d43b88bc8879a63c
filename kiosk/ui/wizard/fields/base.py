"""Base of every field widget: label, optional description, the control and an inline error."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import describe_error, name_from_label
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_invalid, set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.progressive import BuildQueue
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard import Field
from kiosk.wizard.validation import RETYPE_SUFFIXES

#: Shown before every error message, so an error is not told by colour alone.
ERROR_ICON = "⚠"


#: A question the patient may leave blank: the clinic's title and this mark.
OPTIONAL = QT_TRANSLATE_NOOP("FieldWidget", "{title}  (optional)")


class FieldWidget(QWidget):
    """One answer on screen. Subclasses build ``control`` in `build` and map values both ways.

    ``changed`` fires on every edit so the form can copy the value into the session's
    `Answers` at once (Back then shows it again without a submit).
    """

    changed = Signal()

    #: Whether the field shows its own title row (False for a toggle that carries the title).
    shows_title = True
    #: What the patient types here: ``text``, ``email``, ``number``, ``phone``, ``url``,
    #: ``date``, ``time`` or ``none`` (no typing). Set as the ``inputKind`` property of
    #: `focus_widget` so an on-screen keyboard can pick its layout.
    input_kind = "text"

    def __init__(
        self, field: Field, parent: QWidget | None = None, builds: BuildQueue | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        # The step's queue while it is being built progressively (see `BuildQueue`): a
        # question with many parts may leave some of them to it.
        self.builds = builds
        self.setProperty("wizard", "field")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title_label = live(QLabel(self), self._title_text())
        self.title_label.setWordWrap(True)
        self.title_label.setProperty("wizard", "field-label")
        set_shown(self.title_label, self.shows_title and bool(self.title_label.text()))
        layout.addWidget(self.title_label)
        if field.description and field.kind != "help":
            hint = live(QLabel(self), field.description)
            hint.setWordWrap(True)
            set_role(hint, "hint")
            layout.addWidget(hint)
        self.control = self.build()
        layout.addWidget(self._with_words_around(self.control))
        self._error_row: QWidget | None = None
        self.title_label.setBuddy(self.focus_widget())
        name_from_label(self.focus_widget(), self.title_label)
        self.focus_widget().setProperty("inputKind", self.input_kind)

    def _ensure_error_row(self) -> QWidget:
        """The icon and message under the control, built on first use: most fields never show
        an error, and four widgets fewer per field keep a long step within a frame."""
        if self._error_row is not None:
            return self._error_row
        self._error_row = QWidget(self)
        self._error_row.setProperty("wizard", "error-row")
        row = QHBoxLayout(self._error_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self._error_icon = live(QLabel(self._error_row), ERROR_ICON)
        self._error_icon.setProperty("wizard", "error-icon")
        set_text(self._error_icon, QT_TRANSLATE_NOOP("FieldWidget", "Problem"), "setAccessibleName")
        set_role(self._error_icon, "error")
        self._error_label = QLabel(self._error_row)
        self._error_label.setWordWrap(True)
        set_role(self._error_label, "error")
        row.addWidget(self._error_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._error_label, 1)
        self._error_row.hide()
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addWidget(self._error_row)
        return self._error_row

    @property
    def error_row(self) -> QWidget:
        """The error line (icon + message); hidden while there is no error."""
        return self._ensure_error_row()

    @property
    def error_label(self) -> QLabel:
        """The error message (empty while there is no error)."""
        self._ensure_error_row()
        return self._error_label

    @property
    def error_icon(self) -> QLabel:
        """The warning sign before the message, so an error is not told by colour alone."""
        self._ensure_error_row()
        return self._error_icon

    def _with_words_around(self, control: QWidget) -> QWidget:
        """The control between the form's ``prepend`` and ``append`` words ("$", "kg")."""
        if not (self.field.prepend or self.field.append):
            return control
        box, row = plain_box(self, QHBoxLayout, 12)
        for text, stretch in ((self.field.prepend, None), ("", 1), (self.field.append, None)):
            if stretch is not None:
                row.addWidget(control, stretch)
            elif text:
                word = live(QLabel(box), text)
                word.setProperty("wizard", "addon")
                row.addWidget(word)
        return box

    def _title_text(self) -> str:
        text = self.field.label
        repeats = self.field.key.endswith(RETYPE_SUFFIXES)
        if (
            self.field.holds_value
            and not self.field.required
            and self.field.supported
            and not repeats
        ):
            return OPTIONAL.format(title=text)
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

    def start_blank(self) -> None:
        """Called instead of `set_value` when there is no stored answer (and no default)."""

    def focus_widget(self) -> QWidget:
        """The widget that takes focus when this field has an error."""
        return self.control

    def set_error(self, message: str | None) -> None:
        """Show ``message`` under the field (None clears it) and colour the control."""
        if not message and self._error_row is None:
            return
        set_text(self.error_label, message or "")
        self.error_row.setVisible(bool(message))
        set_invalid(self.control, bool(message))
        describe_error(self.focus_widget(), self.error_label.text() or None)

    def has_error(self) -> bool:
        """True while an error message is shown under this field."""
        return self._error_row is not None and bool(self._error_label.text())

    def open_problems(self) -> int:
        """How many answers in this field show an error now (an array counts its items)."""
        return int(self.has_error())

    def show_problems(self, message: str | None, model: dict[str, Any]) -> list[QWidget]:
        """Show the validation result; the widgets to focus, first problem first. A field
        with inner answers (an array's items) also shows those."""
        del model
        self.set_error(message)
        return [self.focus_widget()] if message else []

    def apply_conditions(self, model: dict[str, Any]) -> None:
        """Show or hide inner questions by their conditions (only arrays have any)."""
        del model
