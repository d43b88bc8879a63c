"""``Screen``: the frame every patient screen shares — header, centred column, notice, footer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role
from kiosk.ui.widgets.header import ScreenHeader

#: The content column never grows wider than this (px): lines stay short enough to read.
CONTENT_MAX_WIDTH = 920
MARGINS = (48, 20, 48, 24)


def centred_column(
    parent: QWidget, max_width: int = CONTENT_MAX_WIDTH
) -> tuple[QHBoxLayout, QWidget]:
    """A row holding one column widget, centred and at most ``max_width`` wide."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    column = QWidget(parent)
    column.setMaximumWidth(max_width)
    row.addStretch(1)
    row.addWidget(column, 100)
    row.addStretch(1)
    return row, column


class NoticeBox(QFrame):
    """A calm box for messages the session sends with ``notice`` (e.g. "the wait was too long")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self.hide()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class Screen(QWidget):
    """Base of the patient screens: a pure view with signals and setters, no session access.

    Subclasses fill ``body`` (the vertically centred middle of the column) and ``footer``
    (pinned to the bottom, for the main buttons). In portrait (taller than wide) the property
    ``portrait`` is set and ``on_orientation`` is called so a screen can use the extra height.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._portrait: bool | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*MARGINS)
        outer.setSpacing(0)
        top_row, top = centred_column(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(16)
        self.header = ScreenHeader("", top)
        self.notice_box = NoticeBox(top)
        top_layout.addWidget(self.header)
        top_layout.addWidget(self.notice_box)
        outer.addLayout(top_row)
        self._top_stretch = 2
        outer.addStretch(self._top_stretch)
        body_row, body = centred_column(self)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 8, 0, 8)
        self.body.setSpacing(24)
        outer.addLayout(body_row)
        outer.addStretch(3)
        foot_row, foot = centred_column(self)
        self.footer = QVBoxLayout(foot)
        self.footer.setContentsMargins(0, 0, 0, 0)
        self.footer.setSpacing(16)
        outer.addLayout(foot_row)

    # -- setters the presenter uses on every screen ----------------------------------------

    def set_clinic(self, name: str) -> None:
        self.header.set_clinic(name)

    def show_notice(self, text: str) -> None:
        self.notice_box.set_text(text)

    def clear_notice(self) -> None:
        self.notice_box.set_text("")

    @property
    def notice_text(self) -> str:
        return self.notice_box.label.text() if self.notice_box.isVisibleTo(self) else ""

    @property
    def portrait(self) -> bool:
        return bool(self._portrait)

    # -- orientation ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        if portrait != self._portrait:
            self._portrait = portrait
            self.setProperty("portrait", "true" if portrait else "false")
            self.on_orientation(portrait)

    def on_orientation(self, portrait: bool) -> None:
        """Override to resize pictures or figures for portrait; the base does nothing."""


def heading(text: str, role: str, parent: QWidget, centred: bool = True) -> QLabel:
    """A wrapped label with a theme role, centred by default (screens read top-down)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_role(label, role)
    return label
