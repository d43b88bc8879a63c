"""Big touch buttons: the one clear next step of a screen, and cards that are buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role


def big_button(text: str, role: str = "primary", parent: QWidget | None = None) -> QPushButton:
    """A tall, wide button with large type (QSS ``screens="big"``) for a screen's main action.

    ``role`` is a theme role (``primary``, ``danger``, ``link``…; empty for the plain style);
    a ``Message`` text is translated and follows the language (``set_text``).
    """
    button = QPushButton(parent)
    set_text(button, text)
    button.setProperty("screens", "big")
    if role:
        set_role(button, role)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class CardButton(QPushButton):
    """A whole card that is one button: a bold title and an optional line of detail.

    The labels ignore the mouse, so a tap anywhere on the card clicks it. ``value`` holds what
    the card stands for (a room code).
    """

    def __init__(
        self, title: str, detail: str = "", value: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.value = value
        self.setProperty("screens", "card-button")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(6)
        self.title_label = live(QLabel(self), title)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setProperty("screens", "card-title")
        self.detail_label = live(QLabel(self), detail)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.detail_label, "muted")
        self.detail_label.setVisible(bool(detail))
        for label in (self.title_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)
        self.setMinimumHeight(layout.sizeHint().height())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.heightForWidth(self.width()))
