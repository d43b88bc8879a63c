"""Staff PIN: stored only as a salted scrypt hash, ``scrypt$n$r$p$salt$hash``."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os

from kiosk import constants

SCHEME = "scrypt"
#: 2**14 × 8 × 128 bytes = 16 MiB and ~50 ms per check: slow enough to make guessing a short
#: PIN from a stolen config expensive, fast enough for a touch screen.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
#: Upper bounds for values read back from a config file, so a doctored file cannot make a
#: PIN check take minutes or gigabytes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16


class PinFormatError(ValueError):
    """The PIN is not 4–12 digits (the PIN pad offers digits only)."""


def check_pin_format(pin: str) -> None:
    """Raise ``PinFormatError`` unless ``pin`` is digits of an allowed length."""
    low, high = constants.STAFF_PIN_MIN_DIGITS, constants.STAFF_PIN_MAX_DIGITS
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        raise PinFormatError(f"The PIN must be {low} to {high} digits.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    secret = pin.encode("utf-8")
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length)


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new random salt and the scrypt hash of ``pin``, as one config-safe string."""
    check_pin_format(pin)
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p, HASH_BYTES)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches ``stored``; False for any malformed ``stored`` value.

    The comparison is constant-time (``hmac.compare_digest``).
    """
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = (int(value) for value in parts[1:4])
        salt, expected = _unb64(parts[4]), _unb64(parts[5])
    except (ValueError, binascii.Error):
        return False
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return False
    if not salt or not expected:
        return False
    try:
        actual = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)
