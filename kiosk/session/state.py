"""``SessionState``: everything one patient's session holds in memory, dropped by the wipe."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from kiosk.api.models import Account, CloseReason, Room, User
from kiosk.session.types import BookingConfirmation
from kiosk.wizard import Answers, WizardDefinition

VisitKind = Literal["walkin", "appointment"]
TEMP_DIR_PREFIX = "kiosk-session-"


class Stoppable(Protocol):
    """A timer the wipe stops (``PollingTimer``, ``MaxWaitTimer``)."""

    def stop(self) -> None: ...


@dataclass(frozen=True, repr=False)
class KnownPatient:
    """A known patient whose session staff launched: signed in without the identify screen."""

    code: str
    first_name: str
    last_name: str

    def __repr__(self) -> str:
        return "<KnownPatient>"


@dataclass(eq=False)
class SessionState:
    """One patient's data, owned by ``PatientSession`` and replaced by a fresh one after a wipe.

    ``open_visit_id`` is a walk-in the wipe must close (with ``close_reason``); a booked
    appointment is kept in ``booked_visit_id`` and never closed by the wipe. ``temp_dir`` holds
    captured photos and resized uploads; the wipe deletes it. The repr shows ids only.
    """

    account: Account | None = None
    room: Room | None = None
    rooms: list[Room] = field(default_factory=list)
    definition: WizardDefinition = field(default_factory=WizardDefinition)
    answers: Answers = field(default_factory=Answers)
    user: User | None = None
    intake_id: str | None = None
    open_visit_id: str | None = None
    close_reason: CloseReason = CloseReason.PATIENT_EXIT_ROOM
    visit_id: str | None = None
    booked_visit_id: str | None = None
    booking: BookingConfirmation | None = None
    max_wait_s: float | None = None
    timers: list[Stoppable] = field(default_factory=list)
    temp_dir: Path | None = None
    staff_launch: KnownPatient | None = None
    wiped: bool = False

    def ensure_temp_dir(self) -> Path:
        """This session's private temp folder (``kiosk-session-*``), created on first use."""
        if self.temp_dir is None:
            self.temp_dir = Path(tempfile.mkdtemp(prefix=TEMP_DIR_PREFIX))
        return self.temp_dir

    def forget(self) -> None:
        """Drop every answer and cached patient or clinic object (the temp dir is the wipe's)."""
        self.answers.clear()
        self.account = None
        self.room = None
        self.rooms = []
        self.definition = WizardDefinition()
        self.user = None
        self.intake_id = None
        self.open_visit_id = None
        self.visit_id = None
        self.booked_visit_id = None
        self.booking = None
        self.max_wait_s = None
        self.timers = []
        self.staff_launch = None

    @property
    def room_code(self) -> str | None:
        return self.room.code if self.room is not None else None

    def __repr__(self) -> str:
        return (
            f"<SessionState room={self.room_code} user={self.user.id if self.user else None} "
            f"intake={self.intake_id} visit={self.visit_id} wiped={self.wiped}>"
        )
