"""``RoomPickerScreen``: one big card per waiting room when the clinic has several."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.widgets import CardButton, Screen, heading
from kiosk.ui.widgets.boxes import plain_box

TITLE = QT_TRANSLATE_NOOP("RoomPickerScreen", "Which clinic would you like to see?")
HINT = QT_TRANSLATE_NOOP("RoomPickerScreen", "Tap the one you came for.")


class RoomChoice(NamedTuple):
    """A room as the patient sees it: its code (sent back) and the words on the card."""

    code: str
    name: str
    detail: str = ""


class RoomPickerScreen(Screen):
    """``set_rooms`` replaces the cards; tapping one emits ``room_chosen(code)``.

    The cards scroll (flick) with the screen when there are more than fit; "Back" emits
    ``back_requested``.
    """

    room_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = self.body_widget
        self.title = heading(TITLE, "heading", body)
        self.hint = heading(HINT, "muted", body)
        holder, self._cards = plain_box(body, QVBoxLayout, 20)
        self._holder = holder
        self.body.addWidget(self.title)
        self.body.addWidget(self.hint)
        self.body.addWidget(holder)
        self.back_button = live(
            QPushButton(self.footer_widget), QT_TRANSLATE_NOOP("RoomChoice", "Back")
        )
        self.back_button.setMaximumWidth(240)
        self.footer.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.back_button.clicked.connect(self.back_requested)
        self.cards: list[CardButton] = []

    def set_rooms(self, rooms: list[RoomChoice]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        holder = self._holder
        for room in rooms:
            card = CardButton(room.name or room.code, room.detail, room.code, holder)
            card.clicked.connect(lambda _=False, code=room.code: self.room_chosen.emit(code))
            self._cards.addWidget(card)
            self.cards.append(card)
