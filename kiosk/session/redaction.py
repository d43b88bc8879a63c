"""Tell the log's redactor what this patient typed, so no handler can write it out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from kiosk.logging_setup import redactor
from kiosk.wizard import Submission

#: Nested answers deeper than this are not walked (no real form nests so far).
MAX_DEPTH = 6


#: The parts of a wizard submission that hold what the patient entered. The rest — section
#: and survey names, visit type, document and file ids — is the clinic's vocabulary, and
#: masking it would only make the log unreadable.
ANSWER_ATTRIBUTES = ("fields", "data", "answers", "pharmacy")


def patient_strings(value: Any, depth: int = 0) -> Iterator[str]:
    """Every text a patient's answer holds: strings, dates (as the ISO text the API sends),
    the values (not keys) of dicts, lists, and the answer parts of wizard submissions."""
    if depth > MAX_DEPTH or value is None or isinstance(value, bool):
        return
    if isinstance(value, Submission):
        for name in ANSWER_ATTRIBUTES:
            yield from patient_strings(getattr(value, name, None), depth + 1)
    elif isinstance(value, BaseModel):
        yield from patient_strings(value.model_dump(), depth + 1)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dt.date):
        yield value.isoformat()
    elif isinstance(value, dict):
        for item in value.values():
            yield from patient_strings(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from patient_strings(item, depth + 1)


def remember_patient_values(*values: Any) -> None:
    """Mask these values in every log line until the wipe forgets them."""
    redactor.add_patient_values(patient_strings(values))


def forget_patient_values() -> None:
    redactor.clear_patient_values()
