"""What a step hands to the session: one small object per destination of the answers.

Reprs name the kind and the keys only, never the values, so a submission can be logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


class Submission:
    """Base of every submission; ``kind`` is the event name used in logs."""

    kind: str = "submission"

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _keys_repr(name: str, values: dict[str, Any]) -> str:
    return f"<{name} keys={sorted(values)}>"


@dataclass(frozen=True, repr=False)
class FieldsSubmission(Submission):
    """Base of the submissions that are a form's fields by name (patient data: the repr
    lists the keys only)."""

    fields: dict[str, Any]

    def __repr__(self) -> str:
        return _keys_repr(type(self).__name__, self.fields)


class IntakeFields(FieldsSubmission):
    """Fields for ``POST /intakes`` (``reason_for_visit``, ``location``, ``phone``…)."""

    kind = "intake_fields"


@dataclass(frozen=True, repr=False)
class EmrUpdate(Submission):
    """``POST /users/-/emr/:name``: ``data`` uses the doc's item shapes (``{"condition": …}``)."""

    name: str
    data: list[dict[str, Any]]
    data_not_reported: bool = False
    kind = "emr_update"

    def __repr__(self) -> str:
        return f"<EmrUpdate {self.name} items={len(self.data)} nr={self.data_not_reported}>"


@dataclass(frozen=True, repr=False)
class PharmacyChoice(Submission):
    """The pharmacy object the patient picked, as the API returned it."""

    pharmacy: Any
    kind = "pharmacy_choice"


class ProfileUpdate(FieldsSubmission):
    """Fields for ``POST /me`` (retype fields already dropped)."""

    kind = "profile_update"


@dataclass(frozen=True, repr=False)
class SurveyAnswers(Submission):
    """A survey's answers; ``survey`` is the section code (``intake_survey``…)."""

    survey: str
    answers: dict[str, Any]
    kind = "survey_answers"

    def __repr__(self) -> str:
        return _keys_repr(f"SurveyAnswers {self.survey}", self.answers)


@dataclass(frozen=True, repr=False)
class ConsentGiven(Submission):
    """The patient agreed to the account document with this code (``"consent"``)."""

    document_id: str
    kind = "consent_given"


@dataclass(frozen=True, repr=False)
class VisitTypeChoice(Submission):
    """See a doctor now (``walkin``) or book (``appointment``)."""

    visit_type: Literal["walkin", "appointment"]
    kind = "visit_type_choice"

    def __repr__(self) -> str:
        return f"<VisitTypeChoice {self.visit_type}>"


@dataclass(frozen=True, repr=False)
class SlotChoice(Submission):
    """The availability slot the patient picked, as ``load_availability`` returned it."""

    slot: Any
    kind = "slot_choice"


@dataclass(frozen=True, repr=False)
class Attachments(Submission):
    """Ids of files already uploaded through ``services.upload_image``."""

    file_ids: tuple[str, ...] = ()
    kind = "attachments"

    def __repr__(self) -> str:
        return f"<Attachments n={len(self.file_ids)}>"


class ActivationRequest(FieldsSubmission):
    """``POST /users/activate`` fields (first/last name, email, dob, ssn)."""

    kind = "activation_request"


class VerificationCode(FieldsSubmission):
    """The emailed verification code (``email_token``) and whatever else the form asked."""

    kind = "verification_code"


@dataclass(frozen=True, repr=False)
class TermsAccepted(Submission):
    """The patient ticked "I Agree" to the account's terms of use."""

    kind = "terms_accepted"


@dataclass(frozen=True, repr=False)
class SectionAnswers(Submission):
    """Answers of a section whose code the kiosk does not know but could render from its schema."""

    section_code: str
    fields: dict[str, Any] = field(default_factory=dict)
    kind = "section_answers"

    def __repr__(self) -> str:
        return _keys_repr(f"SectionAnswers {self.section_code}", self.fields)
