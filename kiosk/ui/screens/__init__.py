"""The patient screens: pure views with signals and setters, switched by the presenter.

The names below load on first use (PEP 562): the window builds Welcome before the first paint
and the other screens after it, so their modules (the wizard's, the QR code's) stay out of the
start-up path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from kiosk.ui.screens.booked import BookedScreen, booking_texts
    from kiosk.ui.screens.call import CallScreen
    from kiosk.ui.screens.goodbye import GoodbyeScreen
    from kiosk.ui.screens.identify import IdentifyScreen
    from kiosk.ui.screens.room_closed import RoomClosedScreen
    from kiosk.ui.screens.room_picker import RoomChoice, RoomPickerScreen
    from kiosk.ui.screens.step_host import StepHost
    from kiosk.ui.screens.waiting_room import WaitingRoomScreen
    from kiosk.ui.screens.welcome import WelcomeScreen

_HOMES = {
    "BookedScreen": "booked",
    "booking_texts": "booked",
    "CallScreen": "call",
    "GoodbyeScreen": "goodbye",
    "IdentifyScreen": "identify",
    "RoomClosedScreen": "room_closed",
    "RoomChoice": "room_picker",
    "RoomPickerScreen": "room_picker",
    "StepHost": "step_host",
    "WaitingRoomScreen": "waiting_room",
    "WelcomeScreen": "welcome",
}

__all__ = [
    "BookedScreen",
    "CallScreen",
    "GoodbyeScreen",
    "IdentifyScreen",
    "RoomChoice",
    "RoomClosedScreen",
    "RoomPickerScreen",
    "StepHost",
    "WaitingRoomScreen",
    "WelcomeScreen",
    "booking_texts",
]

__getattr__ = lazy_getattr(__name__, _HOMES, globals())
