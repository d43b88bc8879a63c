"""``Screen``: the frame every patient screen shares — header, centred column, notice, footer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.accessibility.names import announce
from kiosk.ui.i18n import set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.header import ScreenHeader
from kiosk.ui.widgets.scroll import ScrollColumn

#: The content column never grows wider than this (px): lines stay short enough to read.
CONTENT_MAX_WIDTH = 920
MARGINS = (48, 20, 48, 24)
#: Landscape centres the body a little above the middle; portrait lifts it near the top
#: (a tall screen otherwise opened with a wide empty band above the content).
TOP_STRETCH, BOTTOM_STRETCH = 2, 3
PORTRAIT_TOP_STRETCH, PORTRAIT_BOTTOM_STRETCH = 1, 5


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
        before = self.label.text()
        set_text(self.label, text)  # a session Message follows the patient's language
        if text and self.label.text() != before:
            announce(self, self.label.text())
        self.setVisible(bool(text))


class ShowsNotices:
    """A screen with a ``NoticeBox`` for the session's notices (every ``Screen``, and the call
    screen, which has no ``Screen`` frame): the two setters the presenter calls on each."""

    notice_box: NoticeBox

    def show_notice(self, text: str) -> None:
        self.notice_box.set_text(text)

    def clear_notice(self) -> None:
        self.notice_box.set_text("")


class Screen(ShowsNotices, QWidget):
    """Base of the patient screens: a pure view with signals and setters, no session access.

    Subclasses fill ``body`` (the vertically centred middle of the column) and ``footer``
    (the action bar for the main buttons). Header and body scroll inside ``scroll_area``
    when the window is short (a 768 px screen, or the on-screen keyboard is up); the footer
    stays pinned below it, always visible. Both are centred columns of the same width with
    the same left edge. In portrait (taller than wide) the property ``portrait`` is set, the
    content sits higher, and ``on_orientation`` is called so a screen can use the extra height.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._portrait: bool | None = None
        left, top, right, bottom = MARGINS
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll_area = ScrollColumn(self)
        content = QWidget()
        content.setObjectName("ScreenContent")
        self._content = QVBoxLayout(content)
        self._content.setContentsMargins(left, top, right, 8)
        self._content.setSpacing(0)
        top_row, top_column = centred_column(content)
        top_layout = QVBoxLayout(top_column)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(16)
        self.header = ScreenHeader("", top_column)
        self.notice_box = NoticeBox(top_column)
        top_layout.addWidget(self.header)
        top_layout.addWidget(self.notice_box)
        self._content.addLayout(top_row)
        self._content.addStretch(TOP_STRETCH)
        body_row, body = centred_column(content)
        #: The widgets the body and footer layouts lay out (screens parent their parts here).
        self.body_widget: QWidget = body
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 8, 0, 8)
        self.body.setSpacing(24)
        self._content.addLayout(body_row)
        self._content.addStretch(BOTTOM_STRETCH)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        self.action_bar = QWidget(self)
        self.action_bar.setObjectName("ActionBar")
        bar = QVBoxLayout(self.action_bar)
        bar.setContentsMargins(left, 8, right, bottom)
        foot_row, foot = centred_column(self.action_bar)
        self.footer_widget: QWidget = foot
        self.footer = QVBoxLayout(foot)
        self.footer.setContentsMargins(0, 0, 0, 0)
        self.footer.setSpacing(16)
        bar.addLayout(foot_row)
        outer.addWidget(self.action_bar)

    # -- setters the presenter uses on every screen ----------------------------------------

    def set_clinic(self, name: str) -> None:
        self.header.set_clinic(name)

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
            self._content.setStretch(1, PORTRAIT_TOP_STRETCH if portrait else TOP_STRETCH)
            self._content.setStretch(3, PORTRAIT_BOTTOM_STRETCH if portrait else BOTTOM_STRETCH)
            self.on_orientation(portrait)

    def on_orientation(self, portrait: bool) -> None:
        """Override to resize pictures or figures for portrait; the base does nothing."""


def heading(text: str, role: str, parent: QWidget, centred: bool = True) -> QLabel:
    """A wrapped label with a theme role, centred by default (screens read top-down); a
    ``Message`` text is translated and follows the language (``set_text``)."""
    label = QLabel(parent)
    set_text(label, text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_role(label, role)
    return label
