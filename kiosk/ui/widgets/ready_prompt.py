"""``ReadyPrompt``: full-screen "Dr. … is ready to see you — Join now", over the lounge's step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.buttons import big_button
from kiosk.ui.widgets.centred_card import centred_card
from kiosk.ui.widgets.chime import Chime

READY = QT_TRANSLATE_NOOP("ReadyPrompt", "{name} is ready to see you")
READY_UNNAMED = QT_TRANSLATE_NOOP("ReadyPrompt", "Your provider is ready to see you")
SENT = QT_TRANSLATE_NOOP(
    "ReadyPrompt",
    "The answers you have given so far have been sent. The remaining questions can wait.",
)
JOIN = QT_TRANSLATE_NOOP("ReadyPrompt", "Join now")
CARD_MAX_WIDTH = 880


def ready_text(provider_name: str | None) -> str:
    name = (provider_name or "").strip()
    return READY.format(name=name) if name else READY_UNNAMED


class ReadyPrompt(QWidget):
    """A whole-window page the presenter puts up as the navigator's ``LOUNGE_PROMPT`` overlay
    (no dialog: the GUIDE's qasync pitfall). ``show_ready(name)`` fills it and plays the chime
    the first time; "Join now" emits ``join_requested`` once and says "Joining…" until the
    call screen comes and the presenter calls ``dismiss()`` (also when the lounge ends
    another way)."""

    join_requested = Signal()

    def __init__(self, chime: Chime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.chime = chime or Chime(self)
        self._up = False
        card, layout = centred_card(self, CARD_MAX_WIDTH, (56, 48), 24)
        self.title = QLabel(card)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.title, "title")
        self.sent = live(QLabel(card), SENT)
        self.sent.setWordWrap(True)
        self.sent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.sent, "muted")
        self.join_button = big_button(JOIN, "primary", card)
        layout.addWidget(self.title)
        layout.addWidget(self.sent)
        layout.addWidget(self.join_button)
        self.join_button.clicked.connect(self.on_join_clicked)

    @property
    def showing(self) -> bool:
        """Between ``show_ready`` and ``dismiss``."""
        return self._up

    def show_ready(self, provider_name: str | None) -> None:
        set_text(self.title, ready_text(provider_name))
        if not self._up:
            self._up = True
            self._reset_button()
            self.chime.play()

    def dismiss(self) -> None:
        self._up = False
        self._reset_button()

    def on_join_clicked(self) -> None:
        if not self.join_button.isEnabled():
            return
        self.join_button.setEnabled(False)
        set_text(self.join_button, QT_TRANSLATE_NOOP("ReadyPrompt", "Joining…"))
        self.join_requested.emit()

    def _reset_button(self) -> None:
        self.join_button.setEnabled(True)
        set_text(self.join_button, JOIN)
