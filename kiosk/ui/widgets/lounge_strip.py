"""``LoungeStrip``: "you are in line" above each post-intake step, once the walk-in exists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role

IN_LINE_NOTE = "You are already in line. You can answer these questions while you wait."


class LoungeStrip(QFrame):
    """One calm line: place in line and expected wait, with a note that the patient is in
    line already; the presenter words the figures (``kiosk.ui.screens.queue_text``). Hidden
    until the first ``set_status``; ``clear()`` hides it again (a new patient, or the lounge
    is over)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "notice")
        self.setProperty("screens", "lounge-strip")
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 12, 24, 12)
        column.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(24)
        column.addLayout(row)
        self.place = QLabel(self)
        set_role(self.place, "subheading")
        self.wait = QLabel(self)
        self.note = QLabel(IN_LINE_NOTE, self)
        self.note.setWordWrap(True)
        set_role(self.note, "muted")
        for label in (self.place, self.wait):
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(label)
        row.addStretch(1)
        column.addWidget(self.note)
        self.hide()

    def set_status(self, place: str, wait: str) -> None:
        self.place.setText(place)
        self.wait.setText(wait)
        self.show()

    def clear(self) -> None:
        self.place.setText("")
        self.wait.setText("")
        self.hide()
