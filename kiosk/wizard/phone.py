"""Phone numbers as typed on a kiosk keypad: ``5551234567`` shows as ``(555) 123-4567``."""

from __future__ import annotations

#: North American numbers (the clinics' home) have 10 digits after an optional leading 1.
_NANP_DIGITS = 10


def phone_digits(text: str) -> str:
    """The digits of ``text``, with a leading ``+`` kept (international numbers)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return f"+{digits}" if text.lstrip().startswith("+") else digits


def format_phone(text: str) -> str:
    """Group a number while it is typed, adding separators only before a digit that follows
    them (so Backspace never fights the formatting). A North American number becomes
    ``(555) 123-4567`` (``+1 (555) 123-4567`` with its country code); anything longer, or
    starting with another country code, stays as the digits typed after ``+``."""
    raw = phone_digits(text)
    plus = raw.startswith("+")
    digits = raw.lstrip("+")
    lead = ""
    if plus and digits.startswith("1"):
        lead, digits = "+1 ", digits[1:]
    elif plus:
        return raw
    elif digits.startswith("1") and len(digits) > _NANP_DIGITS:
        lead, digits = "1 ", digits[1:]
    if len(digits) > _NANP_DIGITS:
        return lead.replace(" ", "") + digits if lead else digits
    if len(digits) <= 3:
        return lead + digits
    if len(digits) <= 6:
        return f"{lead}({digits[:3]}) {digits[3:]}"
    return f"{lead}({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def cursor_after_format(old_text: str, old_cursor: int, new_text: str) -> int:
    """Where the cursor goes after reformatting: after the same number of digits."""
    wanted = sum(ch.isdigit() for ch in old_text[:old_cursor])
    if wanted == 0:
        return 0 if old_cursor == 0 else min(old_cursor, len(new_text))
    seen = 0
    for position, ch in enumerate(new_text):
        seen += ch.isdigit()
        if seen == wanted:
            return position + 1
    return len(new_text)
