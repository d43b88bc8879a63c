"""Tell the log's redactor what this patient typed, so no handler can write it out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from kiosk.logging_setup import redactor

#: Nested answers deeper than this are not walked (no real form nests so far).
MAX_DEPTH = 6


def patient_strings(value: Any, depth: int = 0) -> Iterator[str]:
    """Every text a patient's answer holds: strings, dates (as the ISO text the API sends),
    and the values inside dicts, lists and dataclasses (wizard submissions)."""
    if depth > MAX_DEPTH or value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dt.date):
        yield value.isoformat()
    elif isinstance(value, int | float):
        return
    elif isinstance(value, dict):
        for item in value.values():
            yield from patient_strings(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from patient_strings(item, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from patient_strings(getattr(value, item.name), depth + 1)


def remember_patient_values(*values: Any) -> None:
    """Mask these values in every log line until the wipe forgets them."""
    redactor.add_patient_values(patient_strings(values))


def forget_patient_values() -> None:
    redactor.clear_patient_values()
