"""Words for the waiting room: place in line and expected wait, as a patient would say them."""

from __future__ import annotations

import math

from kiosk.i18n.message import QT_TRANSLATE_NOOP

NEXT = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You're next")
IN_LINE = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You are in line")
NUMBER = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You are number {position} in line")
SOON = QT_TRANSLATE_NOOP("WaitingRoomScreen", "A provider will be with you soon")
ANY_MOMENT = QT_TRANSLATE_NOOP("WaitingRoomScreen", "Any moment now")
MINUTE = QT_TRANSLATE_NOOP("WaitingRoomScreen", "About 1 minute")
MINUTES = QT_TRANSLATE_NOOP("WaitingRoomScreen", "About {minutes} minutes")
HOUR_PLUS = QT_TRANSLATE_NOOP("WaitingRoomScreen", "More than an hour")
ONE_WAITING = QT_TRANSLATE_NOOP("WaitingRoomScreen", "1 person waiting")
MANY_WAITING = QT_TRANSLATE_NOOP("WaitingRoomScreen", "{count} people waiting")
NO_OTHERS = QT_TRANSLATE_NOOP("WaitingRoomScreen", "No one else is waiting")
ONE_OTHER = QT_TRANSLATE_NOOP("WaitingRoomScreen", "1 other person waiting")
MANY_OTHERS = QT_TRANSLATE_NOOP("WaitingRoomScreen", "{count} other people waiting")
WAITED_MINUTE = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You have waited about 1 minute")
WAITED_MINUTES = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You have waited about {minutes} minutes")
WAITED_JUST_NOW = QT_TRANSLATE_NOOP("WaitingRoomScreen", "You joined the line just now")


def position_text(position: int | None) -> str:
    """``QueueStatus.position`` (1 = next) as a sentence; unknown → "You are in line"."""
    if position is None or position < 1:
        return IN_LINE
    if position == 1:
        return NEXT
    return NUMBER.format(position=position)


def wait_text(expected_wait_s: int | None) -> str:
    """``expected_wait_s`` as a rough, honest estimate.

    Under a minute says "Any moment now"; up to 10 minutes to the minute; longer rounded up to
    5 minutes (a promise of "23 minutes" sounds more exact than a queue can be); over an hour
    says so. Unknown → "A provider will be with you soon".
    """
    if expected_wait_s is None or expected_wait_s < 0:
        return SOON
    if expected_wait_s < 60:
        return ANY_MOMENT
    minutes = math.ceil(expected_wait_s / 60)
    if minutes == 1:
        return MINUTE
    if minutes > 60:
        return HOUR_PLUS
    if minutes > 10:
        minutes = min(60, 5 * math.ceil(minutes / 5))
    return MINUTES.format(minutes=minutes)


def queue_length_text(length: int | None, position: int | None = None) -> str:
    """The room's queue. ``length`` counts this patient too, so with a known ``position`` the
    sentence counts the *others* ("You're next" beside "1 person waiting" read as a
    contradiction when that one person was the patient). Empty when unknown."""
    if length is None or length < 1:
        return ""
    if position is not None and position >= 1:
        others = max(0, length - 1)
        if others == 0:
            return NO_OTHERS
        return ONE_OTHER if others == 1 else MANY_OTHERS.format(count=others)
    return ONE_WAITING if length == 1 else MANY_WAITING.format(count=length)


def waited_text(waited_s: int | None) -> str:
    """How long the patient has been in line, to the minute; empty when unknown."""
    if waited_s is None or waited_s < 0:
        return ""
    minutes = int(waited_s // 60)
    if minutes < 1:
        return WAITED_JUST_NOW
    return WAITED_MINUTE if minutes == 1 else WAITED_MINUTES.format(minutes=minutes)
