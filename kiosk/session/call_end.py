"""What a walk-in's status means for the patient's screen, and how the kiosk closes the visit.

Only the doc's contract is used: the visit's ``status`` from ``GET /visits/:id`` (doc "Visit
Object": 10 Pending, 20 Confirmed, 25 In-progress, 30 Completed, 40 Deleted / Cancelled) and
the reasons of ``POST /visits/close`` ("patientendcall" - Patient click End Call button;
"call_ended" - When call ended not by patient, could be due to network problem or provider
ended the call; …). No portal URL decides anything: the doc defines none for "call over".
The table is in docs/architecture.md ("Visit status → screen → close reason").
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.api.models import CloseReason
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session.lounge import OVER_STATUSES, READY_STATUSES
from kiosk.session.types import Stage

#: Said when the clinic cancels (40) a walk-in before the call.
PROVIDER_CANCELLED_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages",
    "The clinic has ended this visit. If you still need care, please ask the front desk.",
)


@dataclass(frozen=True)
class StatusOutcome:
    """What to do about one status: ``ready`` shows the lounge's "ready" prompt; ``stage``
    is where the patient goes (None: stay); ``close_reason`` is sent on ``POST /visits/close``
    first (None: the kiosk sends nothing, the server has closed it); ``notice`` is said on the
    way."""

    stage: Stage | None = None
    close_reason: CloseReason | None = None
    notice: str | None = None
    ready: bool = False


NOTHING = StatusOutcome()


def status_outcome(stage: Stage, status: int, in_lounge: bool) -> StatusOutcome:
    """The outcome of a walk-in's new ``status`` while the patient is on ``stage``.

    ``in_lounge``: the walk-in exists and the patient is still on its post-intake steps.
    """
    if stage is Stage.WIZARD and not in_lounge:
        return NOTHING
    if status in READY_STATUSES:
        if stage is Stage.WIZARD:
            return StatusOutcome(ready=True)
        if stage is Stage.WAITING:
            return StatusOutcome(stage=Stage.CALL)
        return NOTHING
    if status in OVER_STATUSES:
        if stage is Stage.CALL:
            # The call ended and not by the patient's End (that closes before any poll sees
            # it): the provider, or the network. The doc's reason for that is call_ended.
            return StatusOutcome(stage=Stage.POST_CALL, close_reason=CloseReason.CALL_ENDED)
        if stage in (Stage.WIZARD, Stage.WAITING):
            if status == 30:
                return StatusOutcome(stage=Stage.POST_CALL)
            return StatusOutcome(stage=Stage.GOODBYE, notice=PROVIDER_CANCELLED_MESSAGE)
    return NOTHING
