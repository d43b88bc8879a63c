"""The per-session answer model: in memory only, one dict per section, dropped by `clear()`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kiosk.wizard.definition import Section, Step
from kiosk.wizard.submissions import Submission


class Answers:
    """Everything the patient entered this session, so Back shows it again.

    Owned by the session; handed to each `StepView`, whose section widgets read and write the
    dict of their own section (`section_state`). Values are never written to disk or logged;
    `clear()` is the wipe at the end of a session.
    """

    def __init__(self) -> None:
        self._states: dict[str, dict[str, Any]] = {}
        self._submitted: dict[str, list[Submission]] = {}

    @staticmethod
    def scope(step: Step, position: int, section: Section) -> str:
        """The key of one section's answers: step key + section position and code."""
        return f"{step.key}#{position}:{section.code}"

    def section_state(self, step: Step, position: int, section: Section) -> dict[str, Any]:
        """The mutable dict of one section's answers (created empty on first use)."""
        return self._states.setdefault(self.scope(step, position, section), {})

    def record_submission(self, step: Step, submissions: list[Submission]) -> None:
        """Remember what a step last submitted (replacing any earlier submission of it)."""
        self._submitted[step.key] = list(submissions)

    def submissions(self, step: Step) -> list[Submission]:
        """What ``step`` last submitted; empty if it never was."""
        return list(self._submitted.get(step.key, ()))

    def clear(self) -> None:
        """Drop every answer (end of session); the object stays usable."""
        for state in self._states.values():
            state.clear()
        self._states.clear()
        self._submitted.clear()

    def __len__(self) -> int:
        return sum(1 for state in self._states.values() if state)

    def __iter__(self) -> Iterator[str]:
        return iter(self._states)

    def __repr__(self) -> str:
        return f"<Answers sections={len(self)}>"
