"""Visit type: two big cards, "See a doctor now" and "Book an appointment", as the room allows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import Submission, VisitTypeChoice

CARDS = (
    (
        "walkin",
        QT_TRANSLATE_NOOP("VisitTypeSection", "See a doctor now"),
        QT_TRANSLATE_NOOP(
            "VisitTypeSection", "Wait in the virtual lounge for the next available doctor."
        ),
    ),
    (
        "appointment",
        QT_TRANSLATE_NOOP("VisitTypeSection", "Book an appointment"),
        QT_TRANSLATE_NOOP("VisitTypeSection", "Pick a day and time that suits you."),
    ),
)
MSG_CHOOSE = QT_TRANSLATE_NOOP("VisitTypeSection", "Please choose one of the options.")
MSG_NONE = QT_TRANSLATE_NOOP(
    "VisitTypeSection",
    "No visits can be started from the kiosk right now. Please ask at the front desk.",
)


def _card(title: str, subtitle: str, parent: QWidget) -> QPushButton:
    """A checkable button holding a bold title and a wrapped subtitle (button text can't wrap)."""
    card = QPushButton(parent)
    card.setCheckable(True)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(28, 20, 28, 20)
    for text, role in ((title, "subheading"), (subtitle, "muted")):
        label = live(QLabel(card), text)
        label.setWordWrap(True)
        set_role(label, role)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(label)
    layout.addStretch(1)
    return card


@section_widget("visit_type")
class VisitTypeSection(SectionWidget):
    """Only the options ``services.visit_options()`` allows; a single option is preselected."""

    def build(self) -> None:
        options = self.services.visit_options()
        allowed = [c for c in CARDS if getattr(options, c[0], False)]
        self.group = QButtonGroup(self)
        self.cards: dict[str, QPushButton] = {}
        grid_box, grid = plain_box(self, QGridLayout, 20)
        for column, (code, title, subtitle) in enumerate(allowed):
            card = _card(title, subtitle, grid_box)
            grid.setColumnStretch(column, 1)
            card.setProperty("wizard", "card-choice")
            set_role(card, "choice")
            card.setMinimumHeight(160)
            card.setAccessibleName(title)
            card.toggled.connect(lambda on, c=code: self._on_card_toggled(c, on))
            self.group.addButton(card)
            grid.addWidget(card, 0, column)
            self.cards[code] = card
        self.body.addWidget(grid_box)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.hide()
        self.body.addWidget(self.message)
        if not allowed:
            set_text(self.message, MSG_NONE)
            self.message.show()
        stored = self.state.get("visit_type")
        if stored in self.cards:
            self.cards[stored].setChecked(True)
        elif len(self.cards) == 1:
            next(iter(self.cards.values())).setChecked(True)

    def _on_card_toggled(self, code: str, on: bool) -> None:
        if on:
            self.state["visit_type"] = code
            self.message.hide()

    def chosen(self) -> str | None:
        """``"walkin"``, ``"appointment"`` or None."""
        return next((code for code, card in self.cards.items() if card.isChecked()), None)

    def validate(self) -> list[QWidget]:
        if self.chosen() is not None:
            return []
        set_text(self.message, MSG_CHOOSE if self.cards else MSG_NONE)
        self.message.show()
        first = next(iter(self.cards.values()), None)
        return [first or self.message]

    def submissions(self) -> list[Submission]:
        chosen = self.chosen()
        if chosen == "walkin":
            return [VisitTypeChoice("walkin")]
        if chosen == "appointment":
            return [VisitTypeChoice("appointment")]
        return []
