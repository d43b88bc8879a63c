"""``RoomClosedScreen``: the room's own closing message, calmly, and a way back to the start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import set_text
from kiosk.ui.widgets import Screen, big_button, heading, icon

TITLE = QT_TRANSLATE_NOOP("RoomClosedScreen", "This waiting room is closed right now")
DEFAULT_MESSAGE = QT_TRANSLATE_NOOP(
    "RoomClosedScreen", "Please check back later, or ask the front desk for help."
)
DONE = QT_TRANSLATE_NOOP("RoomClosedScreen", "Back to start")
ICON_PX = 96


class RoomClosedScreen(Screen):
    """``set_message(close_msg)`` shows the clinic's words (plain text; a default when empty);
    "Back to start" emits ``done_requested``."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = self.body_widget
        self.picture = QLabel(body)
        self.picture.setPixmap(icon("moon").pixmap(ICON_PX, ICON_PX))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading(TITLE, "heading", body)
        self.message = heading(DEFAULT_MESSAGE, "muted", body)
        self.message.setProperty("screens", "lead")
        self.body.addWidget(self.picture)
        self.body.addWidget(self.title)
        self.body.addWidget(self.message)
        self.done_button = big_button(DONE, "primary", self.footer_widget)
        self.footer.addWidget(self.done_button)
        self.done_button.clicked.connect(self.done_requested)

    def set_message(self, text: str | None) -> None:
        set_text(self.message, (text or "").strip() or DEFAULT_MESSAGE)
