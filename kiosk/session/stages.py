"""Stage payloads: what ``stage_changed`` carries, one frozen value per screen the patient sees.

The UI matches on the payload's type and fills its screen from the payload alone; it never
reads the session back. Each payload names its ``Stage`` (``payload.stage``) for code that only
needs to know where the patient is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from kiosk.api.models import Room
from kiosk.session.types import BookingConfirmation, Stage
from kiosk.wizard import Step


@dataclass(frozen=True)
class Welcome:
    """Nobody is checked in; the kiosk waits for the next patient."""

    stage: ClassVar[Stage] = Stage.WELCOME


@dataclass(frozen=True)
class RoomPick:
    """The kiosk serves no one room: the patient chooses among ``rooms``."""

    stage: ClassVar[Stage] = Stage.ROOM_PICK
    rooms: tuple[Room, ...]


@dataclass(frozen=True)
class RoomClosed:
    """The room is closed or takes no visits now; ``message`` is the room's or ours."""

    stage: ClassVar[Stage] = Stage.ROOM_CLOSED
    message: str


@dataclass(frozen=True)
class Identify:
    """The patient signs in (name and date of birth, or a patient code)."""

    stage: ClassVar[Stage] = Stage.IDENTIFY


@dataclass(frozen=True, eq=False)
class Wizard:
    """One intake step on screen: ``index`` of ``total`` (0-based). Every step is a new payload,
    also when the same step comes back (Back, or a slot still to pick)."""

    stage: ClassVar[Stage] = Stage.WIZARD
    step: Step
    index: int
    total: int


@dataclass(frozen=True, eq=False)
class PostCall(Wizard):
    """One post-call step (the survey); shown like an intake step."""

    stage: ClassVar[Stage] = Stage.POST_CALL


@dataclass(frozen=True)
class Waiting:
    """In the queue. ``subtitle`` is the room's (or the account's) waiting-room line. The place
    in line follows as ``queue_updated(QueueStatus)`` once the queue poll answers."""

    stage: ClassVar[Stage] = Stage.WAITING
    subtitle: str = ""


@dataclass(frozen=True)
class Call:
    """The provider took the patient: ``url`` opens the call (it carries a login token, so
    the repr hides it and it is never logged)."""

    stage: ClassVar[Stage] = Stage.CALL
    url: str = field(repr=False)


@dataclass(frozen=True)
class Booked:
    """An appointment was booked: show ``confirmation`` (and its link as a QR code)."""

    stage: ClassVar[Stage] = Stage.BOOKED
    confirmation: BookingConfirmation


@dataclass(frozen=True)
class Goodbye:
    """The visit is over: thank the patient, then start over on a timer."""

    stage: ClassVar[Stage] = Stage.GOODBYE


#: Every payload ``stage_changed`` may carry.
StagePayload = (
    Welcome | RoomPick | RoomClosed | Identify | Wizard | Waiting | Call | Booked | Goodbye
)
