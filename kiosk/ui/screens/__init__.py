"""The patient screens: pure views with signals and setters, switched by the presenter."""

from kiosk.ui.screens.booked import BookedScreen, booking_texts
from kiosk.ui.screens.call import CallScreen
from kiosk.ui.screens.goodbye import GoodbyeScreen
from kiosk.ui.screens.identify import IdentifyScreen
from kiosk.ui.screens.room_closed import RoomClosedScreen
from kiosk.ui.screens.room_picker import RoomChoice, RoomPickerScreen
from kiosk.ui.screens.step_host import StepHost
from kiosk.ui.screens.waiting_room import WaitingRoomScreen
from kiosk.ui.screens.welcome import WelcomeScreen

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
