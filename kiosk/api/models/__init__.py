"""Typed, tolerant models of every object the VSee Clinic API v3 doc shows."""

from kiosk.api.models.account import Account, AccountFile, ServerSettings, WaitingRoomSettings
from kiosk.api.models.base import ApiModel
from kiosk.api.models.billing import (
    BillingSettings,
    Coupon,
    Invoice,
    PaymentSource,
    StripeSettings,
)
from kiosk.api.models.emr import EMR_RECORDS, Emr, EmrSection, Pharmacy, Prescription
from kiosk.api.models.files import Endpoint, FileInfo, FileMeta, FileTarget, Notification
from kiosk.api.models.rooms import (
    Consultation,
    OperationSettings,
    Queue,
    Room,
    RoomPayment,
    RoomVisits,
    Specialty,
    Toggle,
)
from kiosk.api.models.users import (
    Heartbeat,
    LoginResult,
    Provider,
    RefreshToken,
    TokenState,
    User,
    UserType,
)
from kiosk.api.models.visits import (
    CloseReason,
    Intake,
    Slot,
    Visit,
    VisitPayment,
    VisitStatus,
    parse_slots,
)

#: ``GET /settings`` model under the name the API doc uses (not ``kiosk.config.Settings``).
Settings = ServerSettings

__all__ = [
    "EMR_RECORDS",
    "Account",
    "AccountFile",
    "ApiModel",
    "BillingSettings",
    "CloseReason",
    "Consultation",
    "Coupon",
    "Emr",
    "EmrSection",
    "Endpoint",
    "FileInfo",
    "FileMeta",
    "FileTarget",
    "Heartbeat",
    "Intake",
    "Invoice",
    "LoginResult",
    "Notification",
    "OperationSettings",
    "PaymentSource",
    "Pharmacy",
    "Prescription",
    "Provider",
    "Queue",
    "RefreshToken",
    "Room",
    "RoomPayment",
    "RoomVisits",
    "ServerSettings",
    "Settings",
    "Slot",
    "Specialty",
    "StripeSettings",
    "Toggle",
    "TokenState",
    "User",
    "UserType",
    "Visit",
    "VisitPayment",
    "VisitStatus",
    "WaitingRoomSettings",
    "parse_slots",
]
