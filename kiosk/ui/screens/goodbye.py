"""``GoodbyeScreen``: thanks, and a quiet return to Welcome after a few seconds."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.constants import GOODBYE_RETURN_S
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import set_text
from kiosk.ui.widgets import Screen, big_button, heading, icon

TITLE = QT_TRANSLATE_NOOP("GoodbyeScreen", "Thank you")
TEXT = QT_TRANSLATE_NOOP("GoodbyeScreen", "Take care. You can leave the kiosk now.")
COUNTDOWN = QT_TRANSLATE_NOOP("GoodbyeScreen", "This screen will reset in {seconds} seconds.")
DONE = QT_TRANSLATE_NOOP("GoodbyeScreen", "Done")
PICTURE_PX = 96
TICK_MS = 250


class GoodbyeScreen(Screen):
    """``start_countdown()`` (the presenter calls it on showing) emits ``done`` after
    ``return_after_s`` seconds unless "Done" is pressed first (which emits it at once).
    ``done`` fires at most once per countdown; ``stop_countdown()`` cancels it."""

    done = Signal()

    def __init__(self, return_after_s: float = GOODBYE_RETURN_S, parent: QWidget | None = None):
        super().__init__(parent)
        self.return_after_s = return_after_s
        body = self.body_widget
        picture = QLabel(body)
        picture.setPixmap(icon("heart").pixmap(PICTURE_PX, PICTURE_PX))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading(TITLE, "title", body)
        self.text = heading(TEXT, "muted", body)
        self.text.setProperty("screens", "lead")
        self.countdown = heading("", "hint", body)
        for widget in (picture, self.title, self.text, self.countdown):
            self.body.addWidget(widget)
        self.done_button = big_button(DONE, "primary", self.footer_widget)
        self.footer.addWidget(self.done_button)
        self.done_button.clicked.connect(self.on_done_clicked)
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.on_tick)

    @property
    def counting(self) -> bool:
        return self._ticker.isActive()

    def start_countdown(self) -> None:
        self._clock.start()
        self._ticker.start(min(TICK_MS, max(1, int(self.return_after_s * 1000))))
        self.on_tick()

    def stop_countdown(self) -> None:
        self._ticker.stop()

    def on_tick(self) -> None:
        left = self.return_after_s - self._clock.elapsed() / 1000.0
        if left <= 0:
            self.stop_countdown()
            self.done.emit()
            return
        set_text(self.countdown, COUNTDOWN.format(seconds=math.ceil(left)))

    def on_done_clicked(self) -> None:
        if self.counting:
            self.stop_countdown()
        self.done.emit()
