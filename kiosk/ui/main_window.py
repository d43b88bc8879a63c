"""``KioskWindow``: the one window — banners on top, a stack of screens, overlays over all."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from kiosk.constants import BUSY_OVERLAY_DELAY_MS, GOODBYE_RETURN_S
from kiosk.ui.keyboard import KeyboardController, KeyboardPanel
from kiosk.ui.navigator import Navigator
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.widgets import BusyOverlay, ConnectionBanner, ErrorPanel, SandboxBadge
from kiosk.ui.widgets.screen_stack import ScreenStack

if TYPE_CHECKING:
    from kiosk.ui.call import CallView
    from kiosk.ui.screens import (
        BookedScreen,
        CallScreen,
        GoodbyeScreen,
        IdentifyScreen,
        RoomClosedScreen,
        RoomPickerScreen,
        StepHost,
        WaitingRoomScreen,
    )
    from kiosk.ui.widgets.device_check_slot import OffersDeviceCheck

S = TypeVar("S", bound=QWidget)
D = TypeVar("D", bound="OffersDeviceCheck")


def _screen_class(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"kiosk.ui.screens.{module}"), name)


class _LazyScreen(Generic[S]):
    """A screen of the window built, and added to its stack, the first time it is read: only
    Welcome is built before the first paint; the rest (and their modules) load after it."""

    def __init__(self, build: Callable[[KioskWindow], S]) -> None:
        self._build = build
        self._attribute = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = f"_built_{name}"

    @overload
    def __get__(self, window: None, owner: type | None = None) -> _LazyScreen[S]: ...
    @overload
    def __get__(self, window: KioskWindow, owner: type | None = None) -> S: ...
    def __get__(self, window: KioskWindow | None, owner: type | None = None) -> Any:
        if window is None:
            return self
        screen = window.__dict__.get(self._attribute)
        if screen is None:
            screen = self._build(window)
            window.__dict__[self._attribute] = screen
            window.stack.addWidget(screen)
        return screen

    def is_built(self, window: KioskWindow) -> bool:
        return self._attribute in window.__dict__


TITLE = "Clinic Kiosk"


class KioskWindow(QMainWindow):
    """Owns every patient screen; knows nothing of the session (``FlowPresenter`` drives it).

    Only Welcome is built with the window; every other screen is built on first use (see
    ``_LazyScreen``), so the first frame is painted before their modules load. Layout, top to
    bottom: the sandbox strip (only when ``sandbox``), the connection banner (hidden until the
    network drops), the screen stack, the on-screen keyboard (hidden until ``keyboard_control``
    is installed and a text field has the focus; it shrinks the stack, it does not cover it).
    ``busy`` and ``error_panel`` lie over all of it. ``navigator`` alone decides which screen or
    overlay (staff, still-there, crash reset) the stack shows. Fits every supported screen,
    1024x768 to 1080x1920: each screen centres a column of at most ``CONTENT_MAX_WIDTH`` px and
    scrolls it above a pinned action bar. ``closing`` fires from ``closeEvent``.
    """

    closing = Signal()
    _call_view: CallView | None
    _goodbye_return_s: float

    room_picker: _LazyScreen[RoomPickerScreen] = _LazyScreen(
        lambda w: _screen_class("room_picker", "RoomPickerScreen")()
    )
    room_closed: _LazyScreen[RoomClosedScreen] = _LazyScreen(
        lambda w: _screen_class("room_closed", "RoomClosedScreen")()
    )
    identify: _LazyScreen[IdentifyScreen] = _LazyScreen(
        lambda w: _screen_class("identify", "IdentifyScreen")()
    )
    step_host: _LazyScreen[StepHost] = _LazyScreen(
        lambda w: w._with_device_check(_screen_class("step_host", "StepHost")())
    )
    waiting_room: _LazyScreen[WaitingRoomScreen] = _LazyScreen(
        lambda w: w._with_device_check(_screen_class("waiting_room", "WaitingRoomScreen")())
    )
    booked: _LazyScreen[BookedScreen] = _LazyScreen(
        lambda w: _screen_class("booked", "BookedScreen")()
    )
    call: _LazyScreen[CallScreen] = _LazyScreen(
        lambda w: _screen_class("call", "CallScreen")(w._call_view)
    )
    goodbye: _LazyScreen[GoodbyeScreen] = _LazyScreen(
        lambda w: _screen_class("goodbye", "GoodbyeScreen")(w._goodbye_return_s)
    )

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

        self._call_view = call_view
        self._goodbye_return_s = goodbye_return_s
        self.welcome = WelcomeScreen()
        self.stack.addWidget(self.welcome)
        self.navigator = Navigator(self.stack, self.welcome)

        self.error_panel = ErrorPanel(root)
        self.busy = BusyOverlay(root, busy_delay_ms)

    @property
    def patient_screens(self) -> tuple[QWidget, ...]:
        """Every patient screen this window owns (reading it builds those not built yet)."""
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

    def _with_device_check(self, screen: D) -> D:
        """The camera and microphone check is offered in the waiting room and in the lounge
        (post-intake steps); both panels share the call screen's view, so either one warms
        the engine for the call."""
        from kiosk.ui.call.check import DeviceCheckPanel

        screen.set_device_check(DeviceCheckPanel(self.call.call_view))
        return screen

    def set_call_view(self, call_view: CallView) -> None:
        """The web view the call screen will use (it is built on first use, after this)."""
        if KioskWindow.call.is_built(self):
            raise RuntimeError("the call screen exists already")
        self._call_view = call_view

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
