"""``CallScreen``: the video call page, full size, with one large "End visit" button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.call import CallView
from kiosk.ui.theme import set_role
from kiosk.ui.widgets import NoticeBox, big_button

CONNECTING = "Connecting you to your provider…"
END = "End visit"
CONFIRM = "End the visit now?"
CONFIRM_END = "Yes, end visit"
CONFIRM_STAY = "Keep talking"
BUTTON_MAX_WIDTH = 520
BUTTON_MIN_WIDTH = 400


class CallScreen(QWidget):
    """Hosts ``call_view``; "End visit" asks once inside the bar (no dialog) and then emits
    ``end_requested``. ``call_left`` is the view's: the page itself says the call is over.
    ``start_call(url)`` opens the page; ``stop_call()`` tears the web view down at once."""

    end_requested = Signal()
    call_left = Signal()

    def __init__(self, call_view: CallView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notice_box = NoticeBox(self)
        self.connecting = QLabel(CONNECTING, self)
        self.connecting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.connecting, "subheading")
        self.connecting.setProperty("screens", "connecting")
        self.call_view = call_view or CallView(parent=self)
        self.call_view.setParent(self)
        layout.addWidget(self.notice_box)
        layout.addWidget(self.connecting)
        layout.addWidget(self.call_view, 1)
        layout.addWidget(self._build_bar())
        self.call_view.call_left.connect(self.call_left)
        self.call_view.loading_changed.connect(self.on_loading_changed)
        self.connecting.hide()

    def _build_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setProperty("screens", "call-bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(32, 16, 32, 20)
        row.setSpacing(16)
        self.end_button = big_button(END, "danger", bar)
        self.end_button.setMaximumWidth(BUTTON_MAX_WIDTH)
        self.end_button.setMinimumWidth(BUTTON_MIN_WIDTH)
        self.confirm_label = QLabel(CONFIRM, bar)
        set_role(self.confirm_label, "subheading")
        self.stay_button = QPushButton(CONFIRM_STAY, bar)
        self.confirm_end_button = QPushButton(CONFIRM_END, bar)
        set_role(self.confirm_end_button, "danger")
        row.addStretch(1)
        for widget in (self.end_button, self.confirm_label, self.stay_button):
            row.addWidget(widget)
        row.addWidget(self.confirm_end_button)
        row.addStretch(1)
        self.end_button.clicked.connect(self.on_end_clicked)
        self.stay_button.clicked.connect(self.on_stay_clicked)
        self.confirm_end_button.clicked.connect(self.on_confirm_end_clicked)
        self.on_stay_clicked()
        return bar

    # -- the API the presenter uses ---------------------------------------------------------

    def start_call(self, url: str) -> None:
        self.on_stay_clicked()
        self.connecting.show()
        self.call_view.load(url)

    def stop_call(self) -> None:
        self.on_stay_clicked()
        self.connecting.hide()
        self.call_view.teardown()

    def set_clinic(self, _name: str) -> None:
        """The call page shows the clinic itself; nothing to do (same API as ``Screen``)."""

    def show_notice(self, text: str) -> None:
        self.notice_box.set_text(text)

    def clear_notice(self) -> None:
        self.notice_box.set_text("")

    @property
    def confirming(self) -> bool:
        return self.confirm_end_button.isVisibleTo(self)

    # -- slots ------------------------------------------------------------------------------

    def on_loading_changed(self, loading: bool) -> None:
        if not loading:
            self.connecting.hide()

    def on_end_clicked(self) -> None:
        self.end_button.hide()
        for widget in (self.confirm_label, self.stay_button, self.confirm_end_button):
            widget.show()

    def on_stay_clicked(self) -> None:
        for widget in (self.confirm_label, self.stay_button, self.confirm_end_button):
            widget.hide()
        self.end_button.show()

    def on_confirm_end_clicked(self) -> None:
        self.on_stay_clicked()
        self.end_requested.emit()
