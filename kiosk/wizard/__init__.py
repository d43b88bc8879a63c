"""Account `states` → typed steps and sections; answers; validation. No widgets here."""

from kiosk.wizard.answers import Answers
from kiosk.wizard.definition import (
    KNOWN_FIELD_KINDS,
    Field,
    Option,
    Section,
    Step,
    WizardDefinition,
    register_field_kind,
)
from kiosk.wizard.parser import parse_section, parse_states
from kiosk.wizard.services import VisitOptions, WizardServices
from kiosk.wizard.submissions import (
    ActivationRequest,
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
    VerificationCode,
    VisitTypeChoice,
)
from kiosk.wizard.validation import validate_field, validate_section

__all__ = [
    "KNOWN_FIELD_KINDS",
    "ActivationRequest",
    "Answers",
    "Attachments",
    "ConsentGiven",
    "EmrUpdate",
    "Field",
    "IntakeFields",
    "Option",
    "PharmacyChoice",
    "ProfileUpdate",
    "Section",
    "SectionAnswers",
    "SlotChoice",
    "Step",
    "Submission",
    "SurveyAnswers",
    "TermsAccepted",
    "VerificationCode",
    "VisitOptions",
    "VisitTypeChoice",
    "WizardDefinition",
    "WizardServices",
    "parse_section",
    "parse_states",
    "register_field_kind",
    "validate_field",
    "validate_section",
]
