"""A step's heading: what the step is about, never the clinic's button text.

VSee accounts often name a step after the button that leaves it ("Enter Lounge"); as a heading
that says nothing. The heading is the first ``label`` section's text, else the first section's
title, else the step's name when it reads as a title, else a readable name for the step code.
"""

from __future__ import annotations

import re

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.wizard.definition import Step

#: Readable names for the step codes VSee accounts use.
STEP_CODE_NAMES: dict[str, str] = {
    "emr": QT_TRANSLATE_NOOP("StepHeadings", "Medical history"),
    "intake": QT_TRANSLATE_NOOP("StepHeadings", "About your visit"),
    "intake2": QT_TRANSLATE_NOOP("StepHeadings", "About your visit"),
    "pharmacy": QT_TRANSLATE_NOOP("StepHeadings", "Your pharmacy"),
    "survey": QT_TRANSLATE_NOOP("StepHeadings", "Your feedback"),
    "visit_type": QT_TRANSLATE_NOOP("StepHeadings", "When would you like to be seen?"),
    "consent_text": QT_TRANSLATE_NOOP("StepHeadings", "Consent"),
    "appointment_calendar": QT_TRANSLATE_NOOP("StepHeadings", "Choose a time"),
    "signup": QT_TRANSLATE_NOOP("StepHeadings", "Let's find your record"),
    "signup_verification": QT_TRANSLATE_NOOP("StepHeadings", "Check your email"),
    "post_signup_update_profile": QT_TRANSLATE_NOOP("StepHeadings", "Your account"),
    "terms_of_service_text": QT_TRANSLATE_NOOP("StepHeadings", "Terms of service"),
}

#: First words of a button's text rather than a title ("Enter Lounge", "Submit", "Next").
BUTTON_VERBS: frozenset[str] = frozenset(
    {"enter", "submit", "next", "continue", "go", "start", "join", "done", "save", "send", "ok"}
)

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def _plain(text: str) -> str:
    return " ".join(_BOLD.sub(r"\1", text).split())


def reads_as_button(text: str, step: Step) -> bool:
    """True for a button's wording: the step's own Next text or an imperative like "Enter…"."""
    words = text.casefold().split()
    if not words:
        return True
    return text.casefold() == step.next_title.casefold() or words[0] in BUTTON_VERBS


def code_name(code: str) -> str:
    """``emr`` → "Medical history"; an unknown ``post_op_check`` → "Post op check"."""
    known = STEP_CODE_NAMES.get(code)
    if known:
        return known
    words = re.sub(r"\d+$", "", code).replace("_", " ").replace("-", " ").strip()
    return words.capitalize() if words else ""


def step_heading(step: Step) -> tuple[str, int | None]:
    """The heading for ``step`` and the index of the ``label`` section it came from (which
    then need not be shown again below it), or None when it came from elsewhere."""
    for index, section in enumerate(step.sections):
        if section.code == "label" and _plain(section.title):
            return _plain(section.title), index
    if step.sections and step.sections[0].title.strip():
        return _plain(step.sections[0].title), None
    if step.name and not reads_as_button(step.name, step):
        return step.name, None
    return code_name(step.code), None
