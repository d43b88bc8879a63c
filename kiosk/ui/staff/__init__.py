"""Staff mode widgets: the hidden gesture, the PIN pad and the staff console."""

from kiosk.ui.staff.console import StaffConsole
from kiosk.ui.staff.gesture import StaffGestureDetector
from kiosk.ui.staff.mode import NoPinScreen, StaffMode
from kiosk.ui.staff.pin_pad import PinPadScreen

__all__ = ["NoPinScreen", "PinPadScreen", "StaffConsole", "StaffGestureDetector", "StaffMode"]
