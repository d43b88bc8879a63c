"""Schema-form sections: intake fields, activation, verification, profile, unknown codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.wizard.form import SchemaForm
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import (
    ActivationRequest,
    IntakeFields,
    ProfileUpdate,
    SectionAnswers,
    Submission,
    VerificationCode,
)
from kiosk.wizard.validation import RETYPE_SUFFIXES


class FormSection(SectionWidget):
    """A section rendered from its schema/form; subclasses pick the submission type."""

    def build(self) -> None:
        self.form = SchemaForm(self.section, self.state, self, builds=self.context.builds)
        self.form.edited.connect(self.problems_changed)
        self.body.addWidget(self.form)

    def validate(self) -> list[QWidget]:
        return self.form.validate()

    def open_problems(self) -> int:
        return self.form.open_problems()

    def answers(self) -> dict[str, Any]:
        """The form's answers as submitted (unanswered keys left out)."""
        return self.form.values()

    def submissions(self) -> list[Submission]:
        return [SectionAnswers(self.section.code, self.answers())]


@section_widget("update_intake")
class IntakeSection(FormSection):
    """Intake questions (reason for visit, location, phone…) → `IntakeFields`.

    A ``multiple`` reason for visit is a list of strings; the session decides how to join it.
    """

    def submissions(self) -> list[Submission]:
        return [IntakeFields(self.answers())]


@section_widget("signup_activate")
class ActivationSection(FormSection):
    """Name, birth date, SSN digits and email for ``POST /users/activate``."""

    fallback_heading = QT_TRANSLATE_NOOP("StepHeadings", "Let's find your record")

    def submissions(self) -> list[Submission]:
        return [ActivationRequest(self.answers())]


@section_widget("signup_verification")
class VerificationSection(FormSection):
    """The emailed code for ``POST /users/login`` with ``email_token``."""

    fallback_heading = QT_TRANSLATE_NOOP("StepHeadings", "Check your email")

    def submissions(self) -> list[Submission]:
        return [VerificationCode(self.answers())]


@section_widget("post_signup_profile")
class ProfileSection(FormSection):
    """The new account's profile; "retype" fields are checked by validation, never sent."""

    def submissions(self) -> list[Submission]:
        fields = {k: v for k, v in self.answers().items() if not k.endswith(RETYPE_SUFFIXES)}
        return [ProfileUpdate(fields)]


class GenericFormSection(FormSection):
    """An unknown section code that carries a schema: rendered as a form → `SectionAnswers`.

    Not registered under a code: the step picks it when no registered class matches.
    """
