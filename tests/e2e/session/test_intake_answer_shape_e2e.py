"""The wizard's answer shape reaches the sandbox's intake intact: numbers, objects, lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from seeded_clinic import answers_for
from test_session_e2e import (
    auto_provider,
    make_session,
    sandbox,
    sandbox_state,
    wait_idle,
)

from kiosk.session import Stage
from kiosk.wizard import IntakeFields, parse_section
from kiosk.wizard.shape import submitted_values

pytestmark = pytest.mark.e2e
__all__ = ["auto_provider", "make_session", "sandbox"]  # fixtures used by name below

MEDS_SECTION = parse_section(
    {
        "code": "update_intake",
        "schema": {
            "type": "object",
            "properties": {
                "pain": {"type": "integer", "minimum": 0, "maximum": 10},
                "guardian": {"type": "object", "properties": {"name": {"type": "string"}}},
                "meds": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "per_day": {"type": "integer"},
                        },
                    },
                },
                "allergies": {"type": "array", "items": {"type": "string"}},
            },
        },
        "form": [{"key": "pain", "type": "range"}, "guardian", "meds", "allergies"],
    }
)


def test_intake_answers_arrive_as_numbers_objects_and_lists(qtbot, make_session, sandbox):
    flat: dict[str, Any] = {
        "pain": 7,
        "guardian.name": "Sam",
        "meds": [{"name": "Aspirin", "per_day": "2"}, {"name": "Metformin", "per_day": "1"}],
        "allergies": ["Latex", "Pollen"],
    }
    shaped = submitted_values(MEDS_SECTION, flat)
    session = make_session()
    session.begin()
    qtbot.waitUntil(lambda: session.stage is Stage.IDENTIFY, timeout=15_000)
    session.identify_guest("Test", "Patient", dt.date(1990, 1, 1))
    wait_idle(qtbot, session)
    sent = False
    while session.stage is Stage.WIZARD and not sent:
        answers = answers_for(session, "walkin", None)
        if any(isinstance(a, IntakeFields) for a in answers) and session.state.intake_id:
            answers.append(IntakeFields(shaped))
            sent = True
        session.submit_step(answers)
        wait_idle(qtbot, session)
    assert sent, "no intake step after the intake was created"
    doc = next(
        i["doc"]
        for i in sandbox_state(sandbox)["intakes"]
        if str(i["id"]) == str(session.state.intake_id)
    )
    assert str(doc["pain"]) == "7"
    assert doc["guardian"] == {"name": "Sam"}
    meds = doc["meds"]
    items = list(meds.values()) if isinstance(meds, dict) else meds
    assert [(m["name"], str(m["per_day"])) for m in items] == [("Aspirin", "2"), ("Metformin", "1")]
    assert doc["allergies"] in ("Latex,Pollen", ["Latex", "Pollen"])
