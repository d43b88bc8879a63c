"""Rooms (waiting rooms) and what hangs off them: consultations, settings, queue."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BeforeValidator, Field

from kiosk.api.models.base import (
    ApiModel,
    Flag,
    Id,
    IdList,
    LooseFloat,
    LooseInt,
    Stamped,
    Text,
    to_bool,
)


class Consultation(ApiModel):
    """A bookable consultation kind; ``duration`` in minutes, ``amount`` in ``currency``."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "duration", "amount")

    id: Id = None
    description: Text = None
    duration: LooseInt = None
    amount: LooseFloat = None
    currency: Text = None
    charge: Flag = None
    group: Flag = None
    slots: LooseInt = None
    visible_to_patient: Flag = None


class Toggle(ApiModel):
    """``{"enabled": bool}``; absent means enabled (the room does not restrict it)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("enabled",)

    enabled: Annotated[bool, BeforeValidator(lambda v: to_bool(v) is not False)] = True


class RoomVisits(ApiModel):
    """Which visit kinds the room offers."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("walkin", "appointment")

    walkin: Toggle = Field(default_factory=Toggle)
    appointment: Toggle = Field(default_factory=Toggle)


class OperationSettings(ApiModel):
    """Whether the room is closed now, the message to show then, and its IANA time zone."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("is_closed", "default_timezone")

    is_closed: Annotated[bool, BeforeValidator(lambda v: to_bool(v) is True)] = False
    close_msg: Text = None
    default_timezone: Text = None


class RoomPayment(ApiModel):
    """Consultation kinds and currency (``paymentCurrency`` is the deprecated spelling)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("currency",)

    consultations: list[Consultation] = Field(default_factory=list)
    currency: Text = None
    payment_currency: Text = Field(None, alias="paymentCurrency")

    @property
    def effective_currency(self) -> str | None:
        """The currency, whichever key the server used."""
        return self.currency or self.payment_currency


class Specialty(ApiModel):
    """A specialty a room offers; ``duration`` in minutes."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("code",)

    code: Text = None
    name: Text = None
    duration: LooseInt = None


class Room(Stamped):
    """A waiting room: ``code`` is what visits and the queue use."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "code")

    id: Id = None
    code: Id = None
    slug: Text = None
    name: Text = None
    domain: Text = None
    account_code: Text = None
    subtitle: Text = None
    description: Text = None
    active: Flag = None
    default: Flag = None
    public_access_room: Flag = None
    users: Text = None
    provider_ids: IdList = Field(default_factory=list)
    visits: RoomVisits = Field(default_factory=RoomVisits)
    operation_settings: OperationSettings = Field(default_factory=OperationSettings)
    payment: RoomPayment = Field(default_factory=lambda: RoomPayment.model_validate({}))
    specialties: list[Specialty] = Field(default_factory=list)


class Queue(ApiModel):
    """``GET /rooms/:code/queue``: the patient's place in the room's queue."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("length", "capacity", "before_me")

    length: LooseInt = None
    capacity: LooseInt = None
    average_visit_time: LooseInt = Field(None, description="Seconds per patient.")
    before_me: LooseInt = None

    @property
    def expected_wait_s(self) -> int | None:
        """The doc's formula: ``average_visit_time * before_me`` (seconds), if both are known."""
        if self.average_visit_time is None or self.before_me is None:
            return None
        return self.average_visit_time * self.before_me
