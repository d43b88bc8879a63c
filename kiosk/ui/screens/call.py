"""``CallScreen``: the portal's calling page fills the screen under one slim kiosk bar."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.call import CallView
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets import NoticeBox
from kiosk.ui.widgets.screen import ShowsNotices

BAR_HEIGHT = 80
CLOCK_MS = 1000
# How often the bar asks the page how many cameras it can switch between (not "#:": lupdate
# would hand that to translators as a note on the next string).
CAMERAS_MS = 2000
_CAMERA_COUNT_JS = "JSON.stringify((window.kiosk && window.kiosk.cameraCount) || 0)"


def format_elapsed(seconds: float) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` after (a clock a patient reads at a glance)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CallScreen(ShowsNotices, QWidget):
    """Hosts ``call_view`` under the kiosk bar: clinic name, time in call, "Switch camera" (when
    the page sees more than one) and "End visit", which asks once inside the bar (no dialog)
    before ``end_requested``. ``call_left`` is the view's: the page itself says the call is
    over. ``start_call(url)`` opens the page; ``stop_call()`` tears the web view down at once.
    ``clock`` is injectable so tests drive the time in call."""

    end_requested = Signal()
    call_left = Signal()

    def __init__(
        self,
        call_view: CallView | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._clock = clock
        self._started_at: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notice_box = NoticeBox(self)
        self.connecting = live(
            QLabel(self), QT_TRANSLATE_NOOP("CallScreen", "Connecting you to your provider…")
        )
        self.connecting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.connecting, "subheading")
        self.connecting.setProperty("screens", "connecting")
        self.call_view = call_view or CallView(parent=self)
        self.call_view.setParent(self)
        layout.addWidget(self._build_bar())
        layout.addWidget(self.notice_box)
        layout.addWidget(self.connecting)
        layout.addWidget(self.call_view, 1)
        self.call_view.call_left.connect(self.call_left)
        self.call_view.loading_changed.connect(self.on_loading_changed)
        self.connecting.hide()
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_MS)
        self._tick.timeout.connect(self.on_tick_timeout)
        self._cameras = QTimer(self)
        self._cameras.setInterval(CAMERAS_MS)
        self._cameras.timeout.connect(self.on_cameras_timeout)

    def _build_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setProperty("screens", "call-bar")
        bar.setMinimumHeight(BAR_HEIGHT)
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(16)
        self.clinic_label = live(QLabel(bar), "")
        set_role(self.clinic_label, "subheading")
        self.elapsed_label = live(QLabel(bar), "")
        self.elapsed_label.setProperty("screens", "call-clock")
        self.switch_button = live(
            QPushButton(bar), QT_TRANSLATE_NOOP("CallScreen", "Switch camera")
        )
        self.end_button = live(QPushButton(bar), QT_TRANSLATE_NOOP("CallScreen", "End visit"))
        set_role(self.end_button, "danger")
        self.confirm_label = live(
            QLabel(bar), QT_TRANSLATE_NOOP("CallScreen", "End the visit now?")
        )
        self.confirm_label.setWordWrap(True)
        set_role(self.confirm_label, "subheading")
        self.stay_button = live(QPushButton(bar), QT_TRANSLATE_NOOP("CallScreen", "Keep talking"))
        self.confirm_end_button = live(
            QPushButton(bar), QT_TRANSLATE_NOOP("CallScreen", "Yes, end visit")
        )
        set_role(self.confirm_end_button, "danger")
        row.addWidget(self.clinic_label)
        row.addWidget(self.elapsed_label)
        row.addStretch(1)
        for widget in (
            self.switch_button,
            self.end_button,
            self.confirm_label,
            self.stay_button,
            self.confirm_end_button,
        ):
            row.addWidget(widget)
        self.switch_button.hide()
        self.switch_button.clicked.connect(self.on_switch_clicked)
        self.end_button.clicked.connect(self.on_end_clicked)
        self.stay_button.clicked.connect(self.on_stay_clicked)
        self.confirm_end_button.clicked.connect(self.on_confirm_end_clicked)
        self.on_stay_clicked()
        return bar

    # -- the API the presenter uses ---------------------------------------------------------

    def start_call(self, url: str) -> None:
        self.on_stay_clicked()
        self.connecting.show()
        self._started_at = None
        set_text(self.elapsed_label, "")
        self.switch_button.hide()
        self.call_view.load(url)
        self._cameras.start()

    def stop_call(self) -> None:
        self.on_stay_clicked()
        self.connecting.hide()
        self._tick.stop()
        self._cameras.stop()
        self._started_at = None
        set_text(self.elapsed_label, "")
        self.switch_button.hide()
        self.call_view.teardown()

    def set_clinic(self, name: str) -> None:
        set_text(self.clinic_label, name)

    @property
    def confirming(self) -> bool:
        return self.confirm_end_button.isVisibleTo(self)

    # -- slots ------------------------------------------------------------------------------

    def on_loading_changed(self, loading: bool) -> None:
        if loading:
            return
        self.connecting.hide()
        if self._started_at is None and self.call_view.active:
            self._started_at = self._clock()
            self.on_tick_timeout()
            self._tick.start()

    def on_tick_timeout(self) -> None:
        if self._started_at is not None:
            set_text(self.elapsed_label, format_elapsed(self._clock() - self._started_at))

    def on_cameras_timeout(self) -> None:
        self.call_view.run_js(_CAMERA_COUNT_JS, self.on_camera_count)

    def on_camera_count(self, count: object) -> None:
        try:
            cameras = int(str(count))
        except ValueError:
            cameras = 0
        self.switch_button.setVisible(cameras > 1 and self.call_view.active and not self.confirming)

    def on_switch_clicked(self) -> None:
        self.call_view.switch_camera()

    def on_end_clicked(self) -> None:
        # The question takes the whole bar (the clinic's name and the clock step aside), so it
        # fits an 800 px wide portrait screen too.
        for widget in (self.end_button, self.switch_button, self.clinic_label, self.elapsed_label):
            widget.hide()
        for widget in (self.confirm_label, self.stay_button, self.confirm_end_button):
            widget.show()

    def on_stay_clicked(self) -> None:
        for widget in (self.confirm_label, self.stay_button, self.confirm_end_button):
            widget.hide()
        for widget in (self.end_button, self.clinic_label, self.elapsed_label):
            widget.show()

    def on_confirm_end_clicked(self) -> None:
        self.on_stay_clicked()
        self.end_requested.emit()
