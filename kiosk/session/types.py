"""Plain value types the session hands to the UI: stages, errors, queue status, bookings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Stage(Enum):
    """Which screen the patient should see. The UI switches screens on ``stage_changed``."""

    WELCOME = "welcome"
    ROOM_PICK = "room_pick"
    ROOM_CLOSED = "room_closed"
    IDENTIFY = "identify"
    WIZARD = "wizard"
    WAITING = "waiting"
    CALL = "call"
    BOOKED = "booked"
    POST_CALL = "post_call"
    GOODBYE = "goodbye"


class EndReason(StrEnum):
    """Why a session ended (the argument of ``ended``); ``end(reason)`` also takes any text."""

    FINISHED = "finished"
    START_OVER = "start_over"
    IDLE = "idle"
    CRASH = "crash"
    LEFT_WAITING_ROOM = "left_waiting_room"
    SHUTDOWN = "shutdown"


@dataclass(frozen=True)
class SessionError:
    """A failure as the patient should see it: a plain sentence and which buttons make sense.

    ``message`` is the server's own text (``ApiError.message``) or a plain-language sentence
    for network trouble; it never holds a traceback or a token.
    """

    message: str
    can_retry: bool
    can_go_back: bool


@dataclass(frozen=True)
class QueueStatus:
    """The patient's place in the waiting room.

    ``position`` is 1-based (1 = next; the doc's ``before_me`` + 1), ``expected_wait_s`` is the
    doc's ``average_visit_time × before_me`` in seconds; each is None when the server did not
    say. ``length`` and ``capacity`` are the room's whole queue (this patient included).
    ``waited_s`` is how long this patient has been in line (since the walk-in was created).
    """

    position: int | None
    expected_wait_s: int | None
    length: int | None
    capacity: int | None
    waited_s: int | None = None

    @property
    def ahead(self) -> int | None:
        """Patients before this one (the doc's ``before_me``)."""
        return None if self.position is None else self.position - 1


@dataclass(frozen=True)
class BookingConfirmation:
    """A booked appointment to show (and print as a QR code).

    ``start``/``end`` are Unix seconds, ``timezone`` the room's IANA zone for showing them.
    ``link`` is the one-time appointment link (None when the clinic does not use them); it
    carries a token, so it is shown to the patient only and never logged.
    """

    start: int | None
    end: int | None
    timezone: str
    provider_name: str | None
    link: str | None

    def __repr__(self) -> str:
        return f"BookingConfirmation(start={self.start}, end={self.end}, tz={self.timezone!r})"
