"""Payment settings, payment sources (cards), invoices and coupons."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from kiosk.api.models.base import ApiModel, Flag, Id, LooseFloat, LooseInt, Text, Timestamp
from kiosk.api.models.rooms import Consultation


class StripeSettings(ApiModel):
    """The clinic's Stripe publishable key (public by design)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ()

    publishable_key: Text = None


class BillingSettings(ApiModel):
    """``GET /billing/settings``."""

    _repr_fields: ClassVar[tuple[str, ...]] = ()

    stripe: StripeSettings | None = None


class PaymentSource(ApiModel):
    """A saved card; the repr shows brand and last four digits, never the holder's name."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "brand", "last4", "is_default")

    id: Id = None
    type: Text = None
    brand: Text = None
    country: Text = None
    exp_month: LooseInt = None
    exp_year: LooseInt = None
    funding: Text = None
    last4: Text = None
    name: Text = None
    is_default: Flag = None


class Coupon(ApiModel):
    """A promotion applied to an invoice (Stripe's coupon object)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "valid")

    id: Id = None
    percent_off: LooseFloat = None
    amount_off: LooseFloat = None
    currency: Text = None
    duration: Text = None
    duration_in_months: LooseInt = None
    valid: Flag = None
    created: Timestamp = None
    metadata: dict[str, Any] | list[Any] | None = None


class Invoice(ApiModel):
    """``POST /billing/invoices/process``: what the patient owes after any coupon."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("amount_due", "currency")

    currency: Text = None
    amount_due: LooseFloat = None
    consultation: Consultation | None = None
    coupon: Coupon | None = None
    id: Id = Field(None, description="Present when the server created an invoice.")
