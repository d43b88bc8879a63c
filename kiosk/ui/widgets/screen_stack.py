"""``ScreenStack``: a stack of screens as small as the screen on show, not its tallest page."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class ScreenStack(QStackedWidget):
    """``QStackedWidget`` asks for the largest minimum size of all its pages, so one tall page
    (the staff PIN pad) made every screen — and the window — taller than a 800 px screen, and
    a window that cannot shrink leaves no room for the on-screen keyboard. Here only the page
    on show counts; each page scrolls or fits on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.on_current_changed)

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return QSize(0, 0)
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else QSize(0, 0)

    def on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
