"""Fields that hold no typed answer: help text and the calm fallback for unsupported questions."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.progressive import BuildQueue
from kiosk.ui.wizard.registry import field_widget
from kiosk.wizard import Field

FALLBACK_TEXT = QT_TRANSLATE_NOOP(
    "HelpField", "This question can't be answered on the kiosk — staff will ask you at the visit."
)


@field_widget("help")
class HelpField(FieldWidget):
    """A paragraph of the clinic's help text (HTML already reduced to plain text)."""

    shows_title = False
    input_kind = "none"

    def build(self) -> QWidget:
        label = live(QLabel(self), self.field.description)
        label.setWordWrap(True)
        set_role(label, "muted")
        return label

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        del value


class UnsupportedField(FieldWidget):
    """Shown for questions the kiosk cannot ask (arrays of objects, tabs, conditions, $ref…).

    It is visible and says what happens next; validation ignores it so the patient is never
    stuck. Not registered: the form picks it for any field whose kind is unknown or blocked.
    It is titled with the question it replaces, so staff and patient know which one it was.
    """

    input_kind = "none"

    def build(self) -> QWidget:
        frame = QFrame(self)
        set_role(frame, "notice")
        frame.setProperty("wizard", "fallback")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 16, 20, 16)
        message = live(QLabel(frame), FALLBACK_TEXT)
        message.setWordWrap(True)
        layout.addWidget(message)
        return frame

    def _title_text(self) -> str:
        return self.field.label if (self.field.title or self.field.key) else "A further question"

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        del value


@field_widget("hidden")
class HiddenField(FieldWidget):
    """Never shown; answers with its default (the clinic's fixed value)."""

    shows_title = False
    input_kind = "none"

    def __init__(
        self, field: Field, parent: QWidget | None = None, builds: BuildQueue | None = None
    ) -> None:
        super().__init__(field, parent, builds)
        super().setVisible(False)

    def build(self) -> QWidget:
        return QWidget(self)

    def setVisible(self, visible: bool) -> None:
        del visible  # a condition may "show" it; it still has nothing to show
        super().setVisible(False)

    def value(self) -> Any:
        return self.field.default

    def set_value(self, value: Any) -> None:
        del value
