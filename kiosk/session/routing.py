"""Where a step's answers go: wizard ``Submission`` objects → intake fields and client calls."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.api.models import EmrSection, Intake, Pharmacy, User
from kiosk.session.state import VisitKind
from kiosk.wizard import (
    Attachments,
    ConsentGiven,
    EmrUpdate,
    IntakeFields,
    PharmacyChoice,
    ProfileUpdate,
    SectionAnswers,
    SlotChoice,
    Submission,
    SurveyAnswers,
    TermsAccepted,
    VisitTypeChoice,
)

log = logging.getLogger("kiosk.session")

#: The intake's ``type``: 1 walk-in, 2 scheduled (the doc's ``POST /intakes``).
INTAKE_TYPE: dict[VisitKind, int] = {"walkin": 1, "appointment": 2}


class RoutingClient(Protocol):
    async def update_intake(self, intake_id: str, **fields: Any) -> Intake: ...

    async def update_emr(
        self, name: str, data: Any, data_not_reported: bool = False, user_id: str = "-"
    ) -> EmrSection: ...

    async def save_pharmacy(self, pharmacy: Pharmacy, user_id: str = "-") -> bool: ...

    async def update_me(self, **fields: Any) -> User: ...


@dataclass
class RoutedStep:
    """One step's submissions sorted by destination. Holds patient data: repr shows keys only."""

    intake: dict[str, Any] = field(default_factory=dict)
    calls: list[Callable[[RoutingClient], Awaitable[object]]] = field(default_factory=list)
    call_names: list[str] = field(default_factory=list)
    visit_kind: VisitKind | None = None
    slot: Any = None

    def __repr__(self) -> str:
        return f"<RoutedStep intake={sorted(self.intake)} calls={self.call_names}>"


def route_submissions(
    submissions: list[Submission], undocumented_fields: bool = False
) -> RoutedStep:
    """Sort submissions: intake-bound answers (reason, location, phone, attachments, consent,
    visit type) merge into one ``POST /intakes/:id``; EMR, pharmacy and profile answers become
    their own calls; a slot choice is kept for the booking.

    ``consent`` is not in the doc's table for ``POST /intakes/:id``, but the doc's intake
    object carries it (``"consent": "true"`` in ``GET /visits/:id`` and ``POST /visits``), so
    it is sent as the doc shows it. Survey answers and unknown sections' answers appear nowhere
    in the doc: they are sent (as ``intake_survey[...]`` etc.) only with
    ``undocumented_fields`` (the ``send_undocumented_intake_fields`` compatibility setting),
    else kept on the kiosk until the wipe. Sign-up submissions (activation, verification) have
    no place in a kiosk visit, which signs patients in by SSO; they are logged and left out."""
    routed = RoutedStep()
    for item in submissions:
        match item:
            case IntakeFields(fields=fields):
                routed.intake.update(fields)
            case SurveyAnswers(survey=survey, answers=answers) if undocumented_fields:
                routed.intake[survey] = dict(answers)
            case SectionAnswers(section_code=code, fields=fields) if undocumented_fields:
                routed.intake[code] = dict(fields)
            case ConsentGiven():
                routed.intake["consent"] = "true"
            case Attachments(file_ids=ids):
                routed.intake["attachments"] = list(ids)
            case VisitTypeChoice(visit_type=kind):
                routed.visit_kind = kind
                routed.intake["type"] = INTAKE_TYPE[kind]
            case SlotChoice(slot=slot):
                routed.slot = slot
            case EmrUpdate(name=name, data=data, data_not_reported=nr):
                routed.calls.append(_emr_call(name, data, nr))
                routed.call_names.append(f"update_emr:{name}")
            case PharmacyChoice(pharmacy=pharmacy):
                routed.calls.append(_pharmacy_call(pharmacy))
                routed.call_names.append("save_pharmacy")
            case ProfileUpdate(fields=fields):
                routed.calls.append(_profile_call(dict(fields)))
                routed.call_names.append("update_me")
            case TermsAccepted():
                routed.calls.append(_profile_call({"tos": True}))
                routed.call_names.append("update_me:tos")
            case _:
                log.info("submission.not_used kind=%s", item.kind)
    return routed


def _emr_call(name: str, data: Any, nr: bool) -> Callable[[RoutingClient], Awaitable[object]]:
    return lambda client: client.update_emr(name, data, data_not_reported=nr)


def _pharmacy_call(pharmacy: Any) -> Callable[[RoutingClient], Awaitable[object]]:
    if not isinstance(pharmacy, Pharmacy):
        pharmacy = Pharmacy.model_validate(pharmacy)
    return lambda client: client.save_pharmacy(pharmacy)


def _profile_call(fields: dict[str, Any]) -> Callable[[RoutingClient], Awaitable[object]]:
    return lambda client: client.update_me(**fields)


async def send_routed(client: RoutingClient, intake_id: str | None, routed: RoutedStep) -> None:
    """Send the intake update (if any field) and then each other call, in order. Raises the
    first ``ApiError``; everything is safe to send again on retry (each call replaces)."""
    if routed.intake and intake_id is not None:
        await client.update_intake(intake_id, **routed.intake)
    for call in routed.calls:
        await call(client)
