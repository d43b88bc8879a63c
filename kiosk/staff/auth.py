"""``StaffAuthenticator``: the PIN check with its lockout, for the PIN pad to call."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from pydantic import SecretStr

from kiosk.staff.lockout import PinLockout
from kiosk.staff.pin import verify_pin

log = logging.getLogger("kiosk.staff")


class PinOutcome(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class PinResult:
    """What the PIN pad shows: ``attempts_left`` after a wrong PIN, ``locked_s`` when shut."""

    outcome: PinOutcome
    attempts_left: int = 0
    locked_s: float = 0.0


class StaffAuthenticator:
    """Checks PINs against the configured hash; while locked, PINs are not even checked."""

    def __init__(self, pin_hash: SecretStr | str | None, lockout: PinLockout) -> None:
        value = pin_hash.get_secret_value() if isinstance(pin_hash, SecretStr) else pin_hash
        self._pin_hash = value or None
        self.lockout = lockout

    def __repr__(self) -> str:
        return f"StaffAuthenticator(configured={self.configured})"

    @property
    def configured(self) -> bool:
        return self._pin_hash is not None

    def status(self) -> PinResult:
        """Before the pad shows: is a PIN set, is staff mode locked?"""
        if not self.configured:
            return PinResult(PinOutcome.NOT_CONFIGURED)
        if self.lockout.locked:
            return PinResult(PinOutcome.LOCKED, locked_s=self.lockout.remaining_s())
        return PinResult(PinOutcome.WRONG, attempts_left=self.lockout.attempts_left)

    def attempt(self, pin: str) -> PinResult:
        if self._pin_hash is None:
            return PinResult(PinOutcome.NOT_CONFIGURED)
        if self.lockout.locked:
            return PinResult(PinOutcome.LOCKED, locked_s=self.lockout.remaining_s())
        if verify_pin(pin, self._pin_hash):
            self.lockout.record_success()
            log.info("staff.pin_accepted")
            return PinResult(PinOutcome.ACCEPTED)
        self.lockout.record_failure()
        if self.lockout.locked:
            return PinResult(PinOutcome.LOCKED, locked_s=self.lockout.remaining_s())
        return PinResult(PinOutcome.WRONG, attempts_left=self.lockout.attempts_left)
