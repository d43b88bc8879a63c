"""``Guided``: a kiosk window with its accessibility kit on Qt's "mock" speech engine, and
what it said (the accessibility tests' rig)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.kit import AccessibilityKit
from kiosk.ui.main_window import KioskWindow

CLINIC = "Sunrise Family Clinic"
#: A long press in tests: short, so the test waits for the timer, not for seconds.
LONG_PRESS_MS = 60


@dataclass
class Guided:
    window: KioskWindow
    choices: AccessibilityChoices
    kit: AccessibilityKit
    qtbot: object
    said: list[str] = field(default_factory=list)

    def settle(self) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()

    def show(self, screen) -> int:
        """The screen comes up as the flow would bring it (the navigator switches the stack);
        returns how much was said before it (for ``next_said``)."""
        before = len(self.said)
        self.window.navigator.replace(screen)
        return before

    def next_said(self, after: int | None = None) -> str:
        """Wait for the next thing said (after the ``after``-th) and return it."""
        start = len(self.said) if after is None else after
        self.qtbot.waitUntil(lambda: len(self.said) > start)  # type: ignore[attr-defined]
        return self.said[start]

    def said_after(self, action) -> str:
        """Do ``action`` (a key, a focus change…) and return what is said next."""
        before = len(self.said)
        action()
        return self.next_said(before)

    @property
    def last(self) -> str:
        return self.said[-1] if self.said else ""


__all__ = ["CLINIC", "LONG_PRESS_MS", "Guided"]
