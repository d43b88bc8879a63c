"""Helpers that walk a session through its stages the way the UI would."""

from __future__ import annotations

from typing import Any

from kiosk.api.models import Slot
from kiosk.session import PatientSession, Stage
from kiosk.session.stages import Wizard
from kiosk.wizard import SlotChoice, Submission, VisitTypeChoice

WAIT_MS = 3000


def wait_stage(qtbot: Any, session: PatientSession, stage: Stage) -> None:
    qtbot.waitUntil(lambda: session.stage is stage and not session.busy, timeout=WAIT_MS)


def start(qtbot: Any, session: PatientSession) -> None:
    """Welcome → identified guest, on the first wizard step (or beyond)."""
    session.begin()
    wait_stage(qtbot, session, Stage.IDENTIFY)
    session.identify_guest("Ada", "Lovelace", "1990-01-01")
    qtbot.waitUntil(
        lambda: session.stage is not Stage.IDENTIFY and not session.busy, timeout=WAIT_MS
    )


def shown_groups(session: PatientSession) -> list[str]:
    """The group of every wizard step the session shows from now on, in order."""
    groups: list[str] = []
    session.stage_changed.connect(lambda p: isinstance(p, Wizard) and groups.append(p.step.group))
    return groups


SLOT = Slot(start=2_000_000_000, end=2_000_000_900)


def answers_for(session: PatientSession, kind: str) -> list[Submission]:
    current = session.current_step
    assert current is not None
    step = current[0]
    if step.group == "visits.visit_type":
        return [VisitTypeChoice(kind)]  # type: ignore[arg-type]
    if step.group == "visits.calendar":
        return [SlotChoice(SLOT)]
    return []


def submit_one(qtbot: Any, session: PatientSession, submissions: list[Submission]) -> None:
    before = session.current_step
    session.submit_step(submissions)
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT_MS)
    assert session.current_step != before or session.stage is not Stage.WIZARD


def walk_wizard(qtbot: Any, session: PatientSession, kind: str = "walkin") -> None:
    """Submit every step (visit type ``kind``, first slot) until the wizard is done."""
    while session.stage is Stage.WIZARD:
        submit_one(qtbot, session, answers_for(session, kind))


def to_call(qtbot: Any, session: PatientSession, client: Any) -> None:
    """Welcome → the video visit: identified, every step answered, then the provider takes
    the patient (the visit's status becomes 25, in progress)."""
    start(qtbot, session)
    walk_wizard(qtbot, session)
    client.visit_status = 25
    wait_stage(qtbot, session, Stage.CALL)
