"""``RoomPickerScreen``: one big card per waiting room when the clinic has several."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.widgets import CardButton, Screen, heading

TITLE = "Which clinic would you like to see?"
HINT = "Tap the one you came for."
#: Above this the room list scrolls instead of pushing the Back button off the screen.
MAX_LIST_PX = 520


class RoomChoice(NamedTuple):
    """A room as the patient sees it: its code (sent back) and the words on the card."""

    code: str
    name: str
    detail: str = ""


class RoomPickerScreen(Screen):
    """``set_rooms`` replaces the cards; tapping one emits ``room_chosen(code)``.

    The cards scroll (flick) when there are more than fit; "Back" emits ``back_requested``.
    """

    room_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = self.body.parentWidget()
        self.title = heading(TITLE, "heading", body)
        self.hint = heading(HINT, "muted", body)
        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self._cards = QVBoxLayout(holder)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(20)
        self.scroll.setWidget(holder)
        self.body.addWidget(self.title)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.scroll, 1)
        self.back_button = QPushButton("Back", self.footer.parentWidget())
        self.back_button.setMaximumWidth(240)
        self.footer.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.back_button.clicked.connect(self.back_requested)
        self.cards: list[CardButton] = []

    def set_rooms(self, rooms: list[RoomChoice]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        holder = self.scroll.widget()
        for room in rooms:
            card = CardButton(room.name or room.code, room.detail, room.code, holder)
            card.clicked.connect(lambda _=False, code=room.code: self.room_chosen.emit(code))
            self._cards.addWidget(card)
            self.cards.append(card)
        holder.adjustSize()
        self._fit_scroll()

    def _fit_scroll(self) -> None:
        """Make the list tall enough for every card (up to ``MAX_LIST_PX``, then it scrolls).

        Cards wrap their text, so their height depends on the width they get; it is measured
        again whenever the screen is shown or resized (rooms arrive while it is hidden, when
        sizes are not final yet, and the list showed barely one card)."""
        width = self.scroll.viewport().width()
        heights = [
            max(card.heightForWidth(width) if width > 0 else -1, card.sizeHint().height())
            for card in self.cards
        ]
        total = sum(heights) + self._cards.spacing() * max(len(heights) - 1, 0)
        self.scroll.setMinimumHeight(min(total, MAX_LIST_PX))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_scroll()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_scroll()
