"""``VisitPlan``: which account steps a visit walks through, in order, and where the patient is."""

from __future__ import annotations

from kiosk.api.models import Room
from kiosk.session.state import VisitKind
from kiosk.wizard import Step, VisitOptions, WizardDefinition

INTAKE = "visits.intake"
VISIT_TYPE = "visits.visit_type"
CONSENT = "visits.consent"
CALENDAR = "visits.calendar"
POST_INTAKE = "visits.post_intake"
POST_CALL = "visits.post_call"


def visit_options(room: Room, definition: WizardDefinition) -> VisitOptions:
    """What the room offers: walk-in if its settings allow; appointments if they allow and the
    account has a calendar step to pick a slot in (without one a booking cannot be made)."""
    return VisitOptions(
        walkin=room.visits.walkin.enabled,
        appointment=room.visits.appointment.enabled and bool(definition.steps(CALENDAR)),
    )


class VisitPlan:
    """The steps before the visit (intake, visit type, consent, calendar) and after it is
    created (post-intake), with the patient's position.

    Groups the account does not configure are skipped. The visit-type step is shown only when
    both kinds are offered; with one, that kind is chosen. With both and no visit-type step,
    walk-in is chosen (a kiosk's main use). The visit is created when the patient leaves the
    last pre-visit step (``at_commit_point``); after that Back cannot return before it.
    """

    def __init__(self, definition: WizardDefinition, options: VisitOptions) -> None:
        self.definition = definition
        self.options = options
        self.position = 0
        self.visit_created = False
        self.kind: VisitKind | None = None
        if options.walkin != options.appointment:
            self.kind = "walkin" if options.walkin else "appointment"
        elif options.walkin and not definition.steps(VISIT_TYPE):
            self.kind = "walkin"

    @property
    def offers_anything(self) -> bool:
        """False when the room takes neither walk-ins nor appointments now."""
        return self.options.walkin or self.options.appointment

    @property
    def asks_visit_type(self) -> bool:
        return (
            self.options.walkin
            and self.options.appointment
            and bool(self.definition.steps(VISIT_TYPE))
        )

    def pre_visit_steps(self) -> list[Step]:
        steps = self.definition.steps(INTAKE)
        if self.asks_visit_type:
            steps += self.definition.steps(VISIT_TYPE)
        steps += self.definition.steps(CONSENT)
        if self.kind == "appointment":
            steps += self.definition.steps(CALENDAR)
        return steps

    @property
    def steps(self) -> list[Step]:
        """Every step of the plan as it stands (choosing a kind may add the calendar)."""
        return self.pre_visit_steps() + self.definition.steps(POST_INTAKE)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def current(self) -> Step | None:
        """The step to show, or None when the plan is done."""
        steps = self.steps
        return steps[self.position] if self.position < len(steps) else None

    @property
    def at_commit_point(self) -> bool:
        """True when every pre-visit step is done and the visit is not created yet."""
        return not self.visit_created and self.position >= len(self.pre_visit_steps())

    @property
    def can_go_back(self) -> bool:
        """Back stays within the plan and never crosses the created visit."""
        floor = len(self.pre_visit_steps()) if self.visit_created else 0
        return self.position > floor

    def advance(self) -> None:
        self.position += 1

    def back(self) -> None:
        if self.can_go_back:
            self.position -= 1


class PostCallPlan:
    """The account's post-call steps (survey) and the patient's position in them."""

    def __init__(self, definition: WizardDefinition) -> None:
        self.steps = definition.steps(POST_CALL)
        self.position = 0

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def current(self) -> Step | None:
        return self.steps[self.position] if self.position < len(self.steps) else None

    @property
    def can_go_back(self) -> bool:
        return self.position > 0

    def advance(self) -> None:
        self.position += 1

    def back(self) -> None:
        if self.can_go_back:
            self.position -= 1
