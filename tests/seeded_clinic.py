"""The sandbox's seeded clinic for tests that drive a ``PatientSession`` without the app: a
client with its credentials, and what a patient enters on each step of its wizard (and the
doc examples'). Shared by the session e2e tests, the staff e2e test and the chaos and soak
benchmarks (tests/benchmarks/patient_sessions.py)."""

from __future__ import annotations

from typing import Any

from kiosk.api import VSeeClient
from kiosk.api.models import Slot
from kiosk.backend import SANDBOX_API_KEY, SANDBOX_API_SECRET
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import PatientSession
from kiosk.wizard import ConsentGiven, IntakeFields, SlotChoice, Submission, VisitTypeChoice


def sandbox_client(sandbox: SandboxProcess) -> VSeeClient:
    """A client of the started ``sandbox``'s seeded clinic (``vclinic``); close it when done."""
    address = sandbox.address
    assert address is not None
    return VSeeClient(
        address.api_base_url,
        account_code="vclinic",
        api_key=SANDBOX_API_KEY,
        api_secret=SANDBOX_API_SECRET,
    )


def answers_for(
    session: PatientSession, kind: str = "walkin", slot: Slot | None = None
) -> list[Submission]:
    """The submissions for ``session``'s current step (none when it has no step)."""
    current = session.current_step
    if current is None:
        return []
    step = current[0]
    codes = [section.code for section in step.sections]
    answers: list[Submission] = []
    if "update_intake" in codes:
        fields: dict[str, Any] = {}
        for section in step.sections:
            for item in section.all_fields():
                if item.holds_value and item.required:
                    fields[item.key] = item.options[0].value if item.options else "test"
        answers.append(IntakeFields(fields))
    if "visit_type" in codes:
        answers.append(VisitTypeChoice(kind))  # type: ignore[arg-type]
    if "consent_text" in codes:
        answers.append(ConsentGiven("consent"))
    if "appointment_calendar" in codes and slot is not None:
        answers.append(SlotChoice(slot))
    return answers
