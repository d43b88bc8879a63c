"""Staff mode without widgets: PIN hashing and lockout, config edits, staff API actions."""

from kiosk.staff.auth import PinOutcome, PinResult, StaffAuthenticator
from kiosk.staff.lockout import PinLockout
from kiosk.staff.pin import PinFormatError, hash_pin, verify_pin

__all__ = [
    "PinFormatError",
    "PinLockout",
    "PinOutcome",
    "PinResult",
    "StaffAuthenticator",
    "hash_pin",
    "verify_pin",
]
