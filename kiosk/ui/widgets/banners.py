"""Strips across the top of the window: "Reconnecting…" and the sandbox warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role

RECONNECTING = QT_TRANSLATE_NOOP("ConnectionBanner", "Reconnecting…")
RECONNECTING_HINT = QT_TRANSLATE_NOOP(
    "ConnectionBanner", "Please stay here. Your place in line is kept."
)
SANDBOX_TEXT = QT_TRANSLATE_NOOP("ConnectionBanner", "SANDBOX — not a real clinic")


class ConnectionBanner(QFrame):
    """Shown while the session reports the network lost (``connectivity_changed(False)``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 8)
        layout.setSpacing(16)
        self.title = live(QLabel(self), RECONNECTING)
        self.hint = live(QLabel(self), RECONNECTING_HINT)
        # One centred line beside the title: word-wrapped, the hint was squeezed into a narrow
        # column of two or three lines. It is short enough for the 1080 px portrait width.
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.hide()

    def set_online(self, online: bool) -> None:
        self.setVisible(not online)


class SandboxBadge(QFrame):
    """A thin strip that never scrolls away: this kiosk talks to the local sandbox clinic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("screens", "sandbox")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        self.label = live(QLabel(self), SANDBOX_TEXT)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setProperty("screens", "sandbox-text")
        layout.addWidget(self.label)
