"""PIN hashing: format, salt, verification, malformed stored values; lockout and the gate."""

from __future__ import annotations

import pytest
from fake_clock import FakeClock

from kiosk.staff.auth import PinOutcome, StaffAuthenticator
from kiosk.staff.lockout import PinLockout
from kiosk.staff.pin import PinFormatError, hash_pin, verify_pin

FAST = {"n": 2**4, "r": 8, "p": 1}


def test_hash_has_the_scrypt_format_with_default_cost():
    parts = hash_pin("482913").split("$")
    assert parts[0] == "scrypt" and parts[1:4] == ["16384", "8", "1"]
    assert len(parts) == 6 and all(parts[4:])


def test_stored_value_does_not_contain_the_pin():
    assert "482913" not in hash_pin("482913", **FAST)


def test_same_pin_gets_a_new_salt_each_time():
    assert hash_pin("482913", **FAST) != hash_pin("482913", **FAST)


def test_right_pin_verifies():
    assert verify_pin("482913", hash_pin("482913", **FAST))


def test_wrong_pin_does_not_verify():
    assert not verify_pin("482914", hash_pin("482913", **FAST))


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "482913",
        "bcrypt$16$8$1$c2FsdA$aGFzaA",
        "scrypt$16$8$1$c2FsdA",
        "scrypt$15$8$1$c2FsdA$aGFzaA",
        "scrypt$1048577$8$1$c2FsdA$aGFzaA",
        "scrypt$16$8$1$!!!$aGFzaA",
        "scrypt$x$8$1$c2FsdA$aGFzaA",
    ],
)
def test_malformed_stored_values_never_verify(stored):
    assert not verify_pin("482913", stored)


@pytest.mark.parametrize("pin", ["123", "12ab", "1234567890123", "١٢٣٤"])
def test_pins_that_are_not_4_to_12_ascii_digits_are_refused(pin):
    with pytest.raises(PinFormatError):
        hash_pin(pin, **FAST)


def test_lockout_after_the_maximum_wrong_attempts():
    clock = FakeClock()
    lockout = PinLockout(max_attempts=5, lockout_s=300, clock=clock)
    for _ in range(4):
        lockout.record_failure()
    assert not lockout.locked and lockout.attempts_left == 1
    lockout.record_failure()
    assert lockout.locked and lockout.remaining_s() == 300


def test_lockout_ends_when_the_time_has_passed():
    clock = FakeClock()
    lockout = PinLockout(max_attempts=1, lockout_s=300, clock=clock)
    lockout.record_failure()
    clock.now += 299.5
    assert lockout.locked
    clock.now += 1
    assert not lockout.locked and lockout.attempts_left == 1


@pytest.fixture
def gate() -> tuple[StaffAuthenticator, FakeClock]:
    clock = FakeClock()
    auth = StaffAuthenticator(hash_pin("482913", **FAST), PinLockout(5, 300, clock))
    return auth, clock


def test_gate_accepts_the_right_pin(gate):
    auth, _ = gate
    assert auth.attempt("482913").outcome is PinOutcome.ACCEPTED


def test_gate_counts_down_attempts_on_wrong_pins(gate):
    auth, _ = gate
    result = auth.attempt("000000")
    assert result.outcome is PinOutcome.WRONG and result.attempts_left == 4


def test_gate_locks_after_five_wrong_pins_even_for_the_right_one(gate):
    auth, _ = gate
    outcomes = [auth.attempt("000000").outcome for _ in range(5)]
    assert outcomes[-1] is PinOutcome.LOCKED
    assert auth.attempt("482913").outcome is PinOutcome.LOCKED


def test_gate_unlocks_after_the_lockout(gate):
    auth, clock = gate
    for _ in range(5):
        auth.attempt("000000")
    clock.now += 301
    assert auth.attempt("482913").outcome is PinOutcome.ACCEPTED


def test_right_pin_resets_the_wrong_count(gate):
    auth, _ = gate
    for _ in range(4):
        auth.attempt("000000")
    auth.attempt("482913")
    assert auth.attempt("000000").attempts_left == 4


def test_gate_without_a_hash_says_not_configured():
    auth = StaffAuthenticator(None, PinLockout())
    assert auth.attempt("482913").outcome is PinOutcome.NOT_CONFIGURED
    assert auth.status().outcome is PinOutcome.NOT_CONFIGURED
    assert "configured=False" in repr(auth)
