"""``DashboardScreen``: the provider dashboard in a call view, with a way back to the console."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.call import CallView
from kiosk.ui.theme import set_role

TITLE = "Provider dashboard"
CLOSE = "Close dashboard"


class DashboardScreen(QWidget):
    """Staff open the provider dashboard (signed in through provider SSO) here. The view
    is a ``CallView``: an off-the-record profile limited to the portal's origin, torn down by
    ``close_dashboard()`` — when staff close it, and whenever staff mode ends."""

    closed = Signal()

    def __init__(self, call_view: CallView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.view = call_view
        self.view.setParent(self)
        bar = QFrame(self)
        bar.setProperty("staff", "bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 12, 24, 12)
        row.addWidget(set_role(QLabel(TITLE), "subheading"))
        row.addStretch(1)
        self.close_button = QPushButton(CLOSE)
        self.close_button.clicked.connect(self.close_dashboard)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

    @property
    def open(self) -> bool:
        return self.view.active

    def open_dashboard(self, url: str) -> None:
        self.view.load(url)

    def close_dashboard(self) -> None:
        was_open = self.view.active
        self.view.teardown()
        if was_open:
            self.closed.emit()
