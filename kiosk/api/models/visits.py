"""Intakes, visits and availability slots."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, SecretStr, model_validator

from kiosk.api.models.base import (
    ApiModel,
    Id,
    IdList,
    LooseFloat,
    LooseInt,
    Stamped,
    Text,
    Timestamp,
    to_int,
    to_list,
)
from kiosk.api.models.files import FileInfo
from kiosk.api.models.rooms import Consultation, Room
from kiosk.api.models.users import Provider, User


class VisitStatus(IntEnum):
    """The doc's visit status codes."""

    PENDING = 10
    CONFIRMED = 20
    IN_PROGRESS = 25
    COMPLETED = 30
    CANCELLED = 40


class CloseReason(StrEnum):
    """Why ``POST /visits/close`` closes a visit."""

    PATIENT_END_CALL = "patientendcall"
    PATIENT_EXIT_ROOM = "patientexitroom"
    CALL_ENDED = "call_ended"
    PATIENT_CANCEL_APPOINTMENT = "patientcancelappointment"
    MAX_WAITING_TIME_REACHED = "maxwaitingtime_reached"


def _to_status(value: Any) -> VisitStatus | int | None:
    """Known codes become ``VisitStatus``; an unknown number stays an int; garbage → None."""
    number = to_int(value)
    if number is None:
        return None
    try:
        return VisitStatus(number)
    except ValueError:
        return number


def _to_secret(value: Any) -> Any:
    return None if value in (None, "") else str(value)


Status = Annotated[VisitStatus | int | None, BeforeValidator(_to_status)]
Attachments = Annotated[list[FileInfo], BeforeValidator(to_list)]
OptionalSecret = Annotated[SecretStr | None, BeforeValidator(_to_secret)]


class Intake(Stamped):
    """What the patient told us before the visit; ``type`` 1 = walk-in, 2 = scheduled.

    Patient data: the repr shows only ids and type.
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type", "visit_id")

    id: Id = None
    type: LooseInt = None
    room_code: Id = None
    room: Id = None
    provider_id: Id = None
    provider: Id = None
    member_id: Id = None
    visit_id: Id = None
    reason_for_visit: Any = None
    location: Text = None
    phone: Text = None
    attachments: Attachments = Field(default_factory=list)
    consultation: Consultation | None = None
    medical_profile: dict[str, Any] | None = None


class VisitPayment(ApiModel):
    """The charge attached to a visit; ``duration`` in minutes."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "amount")

    id: Id = None
    duration: LooseInt = None
    amount: LooseFloat = None
    description: Text = None


class Visit(Stamped):
    """A walk-in or appointment. ``start``/``end`` in Unix s; ``type`` 1 walk-in, 2 scheduled.

    ``one_time_link_token`` (if the clinic uses one-time links) is secret: build the patient's
    link with ``PortalUrls.appointment_link``.
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type", "status")

    id: Id = None
    code: Id = None
    member_id: Id = None
    provider_id: Id = None
    account_code: Text = None
    room_id: Id = None
    room_code: Id = None
    intake_id: Id = None
    invoice_id: Id = None
    type: LooseInt = None
    subtype: LooseInt = None
    status: Status = None
    start: Timestamp = None
    end: Timestamp = None
    actual_start: Timestamp = None
    actual_end: Timestamp = None
    completed_by: Id = None
    one_time_link_token: OptionalSecret = None
    payment: VisitPayment | None = None
    intake: Intake | None = None
    provider: Provider | None = None
    member: User | None = None
    room: Room | None = None
    host_ids: IdList = Field(default_factory=list)


class Slot(ApiModel):
    """A free appointment slot, from either response shape.

    Today's shape is ``{slot_id, slot_start, slot_end, slot_booked, slot_available, group_id}``;
    the announced one is ``{start, end, providers}``. Both fill ``start``/``end`` (Unix s).
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("start", "end")

    start: Timestamp = None
    end: Timestamp = None
    providers: IdList = Field(default_factory=list)
    slot_id: Id = None
    group_id: Id = None
    booked: LooseInt = None
    available: LooseInt = None

    @model_validator(mode="before")
    @classmethod
    def _current_shape(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        renamed = dict(data)
        for old, new in (
            ("slot_start", "start"),
            ("slot_end", "end"),
            ("slot_booked", "booked"),
            ("slot_available", "available"),
        ):
            if old in renamed and new not in renamed:
                renamed[new] = renamed[old]
        return renamed

    @property
    def is_available(self) -> bool:
        """False only when the server says the slot is full."""
        return self.available is None or self.available > 0


def parse_slots(data: Any) -> list[Slot]:
    """Slots from ``{"slots": [...]}`` (today) or a bare list (announced); else empty."""
    if isinstance(data, dict):
        data = data.get("slots", [])
    return [Slot.model_validate(item) for item in to_list(data) if isinstance(item, dict)]
