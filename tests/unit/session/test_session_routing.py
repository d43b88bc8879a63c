"""Only documented fields go on ``POST /intakes/:id`` unless the compatibility setting says so."""

from __future__ import annotations

from kiosk.session.routing import route_submissions
from kiosk.wizard import ConsentGiven, IntakeFields, SectionAnswers, SurveyAnswers

STEP = [
    IntakeFields({"reason_for_visit": "Cough", "phone": "7123456789"}),
    ConsentGiven("consent"),
    SurveyAnswers("intake_survey", {"recommend": "Yes"}),
    SectionAnswers("clinic_extra", {"pet": "cat"}),
]


def test_by_default_only_the_docs_fields_reach_the_intake() -> None:
    routed = route_submissions(STEP)
    assert routed.intake == {"reason_for_visit": "Cough", "phone": "7123456789", "consent": "true"}


def test_the_compatibility_setting_also_sends_surveys_and_unknown_sections() -> None:
    routed = route_submissions(STEP, undocumented_fields=True)
    assert routed.intake["intake_survey"] == {"recommend": "Yes"}
    assert routed.intake["clinic_extra"] == {"pet": "cat"}
