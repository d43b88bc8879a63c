"""``KioskWindow``: the one window — banners on top, a stack of screens, overlays over all."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from kiosk.constants import BUSY_OVERLAY_DELAY_MS, GOODBYE_RETURN_S
from kiosk.ui.call import CallView
from kiosk.ui.keyboard import KeyboardController, KeyboardPanel
from kiosk.ui.navigator import Navigator
from kiosk.ui.screens import (
    BookedScreen,
    CallScreen,
    GoodbyeScreen,
    IdentifyScreen,
    RoomClosedScreen,
    RoomPickerScreen,
    StepHost,
    WaitingRoomScreen,
    WelcomeScreen,
)
from kiosk.ui.widgets import BusyOverlay, ConnectionBanner, ErrorPanel, SandboxBadge
from kiosk.ui.widgets.screen_stack import ScreenStack

TITLE = "Clinic Kiosk"


class KioskWindow(QMainWindow):
    """Owns every patient screen; knows nothing of the session (``FlowPresenter`` drives it).

    Layout, top to bottom: the sandbox strip (only when ``sandbox``), the connection banner
    (hidden until the network drops), the screen stack, the on-screen keyboard (hidden until
    ``keyboard_control`` is installed and a text field has the focus; it shrinks the stack,
    it does not cover it). ``busy`` and ``error_panel`` lie over all of it. ``navigator``
    alone decides which screen or overlay (staff, still-there, crash reset) the stack shows.
    Fits every supported screen, 1024x768 to 1080x1920: each screen centres a column of at
    most ``CONTENT_MAX_WIDTH`` px and scrolls it above a pinned action bar. ``closing`` fires
    from ``closeEvent``.
    """

    closing = Signal()

    def __init__(
        self,
        sandbox: bool = False,
        busy_delay_ms: int = BUSY_OVERLAY_DELAY_MS,
        goodbye_return_s: float = GOODBYE_RETURN_S,
        call_view: CallView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        root = QWidget(self)
        root.setObjectName("Root")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sandbox_badge = SandboxBadge(root)
        self.sandbox_badge.setVisible(sandbox)
        self.connection_banner = ConnectionBanner(root)
        self.stack = ScreenStack(root)
        layout.addWidget(self.sandbox_badge)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.stack, 1)
        # The on-screen keyboard sits below the screens (not over them): while it is up the
        # screens shrink and scroll, so a focused field is never under it.
        self.keyboard = KeyboardPanel(root)
        layout.addWidget(self.keyboard)
        self.keyboard_control = KeyboardController(self, self.keyboard)
        self.setCentralWidget(root)

        self.welcome = WelcomeScreen()
        self.room_picker = RoomPickerScreen()
        self.room_closed = RoomClosedScreen()
        self.identify = IdentifyScreen()
        self.step_host = StepHost()
        self.waiting_room = WaitingRoomScreen()
        self.booked = BookedScreen()
        self.call = CallScreen(call_view)
        self.goodbye = GoodbyeScreen(goodbye_return_s)
        for screen in self.patient_screens:
            self.stack.addWidget(screen)
        self.navigator = Navigator(self.stack, self.welcome)

        self.error_panel = ErrorPanel(root)
        self.busy = BusyOverlay(root, busy_delay_ms)

    @property
    def patient_screens(self) -> tuple[QWidget, ...]:
        """Every screen this window owns, in stack order."""
        return (
            self.welcome,
            self.room_picker,
            self.room_closed,
            self.identify,
            self.step_host,
            self.waiting_room,
            self.booked,
            self.call,
            self.goodbye,
        )

    @property
    def current_screen(self) -> QWidget:
        """What the window shows now (``navigator.visible``: an overlay, else the screen)."""
        return self.navigator.visible

    def set_clinic(self, name: str) -> None:
        """The clinic's name on every screen's header (and in "Welcome to …")."""
        for screen in self.patient_screens:
            setter = getattr(screen, "set_clinic", None)
            if setter is not None:
                setter(name)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
