"""Answer validation against a section's schema, with messages a patient understands."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.wizard.definition import Field, Section
from kiosk.wizard.schema import schema_type
from kiosk.wizard.shape import condition_model, is_blank, visible_fields

# Deliberately simple: one @, something on each side, a dot in the domain. Good enough at a
# kiosk; the server is the authority.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_INTEGER = re.compile(r"^-?\d+$")
_URL = re.compile(r"^(https?://)?[^\s/@]+\.[^\s/]{2,}(/\S*)?$", re.IGNORECASE)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
#: A phone number has this many digits at least (a local number) and at most (E.164).
PHONE_DIGITS = (7, 15)

#: Suffixes that mark a "type it again" field; its value must equal the field it repeats.
RETYPE_SUFFIXES: tuple[str, ...] = ("_retype", "_confirm", "_confirmation")

MSG_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Please fill this in.")
MSG_CHOOSE = QT_TRANSLATE_NOOP("Validation", "Please choose an answer.")
MSG_CHOOSE_SOME = QT_TRANSLATE_NOOP("Validation", "Please choose at least one.")
MSG_TICK = QT_TRANSLATE_NOOP("Validation", "Please tick this box to continue.")
MSG_NOT_OFFERED = QT_TRANSLATE_NOOP("Validation", "Please choose one of the options shown.")
MSG_INTEGER = QT_TRANSLATE_NOOP("Validation", "Please use digits only.")
MSG_NUMBER = QT_TRANSLATE_NOOP("Validation", "Please enter a number.")
MSG_EMAIL = QT_TRANSLATE_NOOP("Validation", "Please enter an email address like name@example.com.")
MSG_DATE = QT_TRANSLATE_NOOP("Validation", "Please choose a full date.")
MSG_FUTURE_DATE = QT_TRANSLATE_NOOP("Validation", "This date is in the future. Please check it.")
MSG_FORMAT = QT_TRANSLATE_NOOP("Validation", "This doesn't look right. Please check it.")
MSG_MISMATCH = QT_TRANSLATE_NOOP(
    "Validation", "The two entries do not match. Please type them again."
)
MSG_PHONE = QT_TRANSLATE_NOOP("Validation", "Please enter a phone number, with the area code.")
MSG_URL = QT_TRANSLATE_NOOP("Validation", "Please enter a web address like example.com.")
MSG_TIME = QT_TRANSLATE_NOOP("Validation", "Please choose a time.")
MSG_DATETIME = QT_TRANSLATE_NOOP("Validation", "Please choose a date and a time.")
MSG_ADD_ONE = QT_TRANSLATE_NOOP("Validation", "Please add at least one.")
MSG_ADD_AT_LEAST = QT_TRANSLATE_NOOP("Validation", "Please add at least {count}.")
MSG_AT_MOST_ITEMS = QT_TRANSLATE_NOOP("Validation", "Please list at most {count}.")
MSG_ABOVE = QT_TRANSLATE_NOOP("Validation", "Please enter a number above {number}.")
MSG_AT_LEAST = QT_TRANSLATE_NOOP("Validation", "Please enter {number} or more.")
MSG_BELOW = QT_TRANSLATE_NOOP("Validation", "Please enter a number below {number}.")
MSG_AT_MOST = QT_TRANSLATE_NOOP("Validation", "Please enter {number} or less.")
MSG_LONGEST = QT_TRANSLATE_NOOP("Validation", "Please use at most {count} characters.")
MSG_SHORTEST = QT_TRANSLATE_NOOP("Validation", "Please use at least {count} characters.")
MSG_ITEMS = QT_TRANSLATE_NOOP("Validation", "Please check the answers in this list.")


def validate_field(item: Field, value: object) -> str | None:
    """The first problem with ``value`` for ``item``, or None. Unsupported fields always pass."""
    if not item.supported or not item.holds_value or item.kind == "hidden":
        return None
    if item.is_array:
        return _check_array(item, value)
    schema = item.schema
    if is_blank(value) or (item.kind == "checkbox" and item.required and value is not True):
        if not item.required or schema.get("allowedEmpty") is True:
            return None
        if item.kind == "checkbox":
            return MSG_TICK
        if item.multiple:
            return MSG_CHOOSE_SOME
        return MSG_CHOOSE if item.options else MSG_REQUIRED
    if item.options:
        return _check_choice(item, value)
    if item.kind == "checkbox":
        return None
    return _check_text(item, schema, value)


def _check_choice(item: Field, value: object) -> str | None:
    allowed = [option.value for option in item.options]
    values = value if isinstance(value, (list, tuple)) else [value]
    if isinstance(value, (list, tuple)) and not item.multiple:
        return MSG_NOT_OFFERED
    if any(v not in allowed for v in values):
        return MSG_NOT_OFFERED
    return None


def _check_text(item: Field, schema: Mapping[str, Any], value: object) -> str | None:
    text = str(value).strip()
    kind = schema_type(dict(schema))
    if kind == "integer" and not _INTEGER.match(text):
        return MSG_INTEGER
    if kind == "number" or item.kind in ("number", "range"):
        try:
            number = float(text)
        except ValueError:
            return MSG_NUMBER
        problem = _check_range(schema, number)
        if problem:
            return problem
    wants_email = item.kind == "email" or schema.get("format") == "email" or schema.get("email")
    if wants_email is True and not _EMAIL.match(text):
        return MSG_EMAIL
    if item.kind == "datepicker":
        problem = _check_date(text, item.is_birth_date)
        if problem:
            return problem
    problem = _check_kind(item.kind, text)
    if problem:
        return problem
    return _check_length(schema, text) or _check_pattern(schema, text)


def _check_kind(kind: str, text: str) -> str | None:
    """Phone, web address, time and date-time answers."""
    if kind == "tel":
        digits = sum(ch.isdigit() for ch in text)
        low, high = PHONE_DIGITS
        return None if low <= digits <= high else MSG_PHONE
    if kind == "url":
        return None if _URL.match(text) else MSG_URL
    if kind == "time":
        return None if _TIME.match(text) else MSG_TIME
    if kind == "datetime":
        day, _, clock = text.partition("T")
        if _check_date(day, False) or not _TIME.match(clock[:5]):
            return MSG_DATETIME
    return None


def _check_array(item: Field, value: object) -> str | None:
    """The number of items (``minItems``/``maxItems``, at least one if required); each
    item's own answers are checked by `validate_items`."""
    items = answered_items(value)
    low, high = item.schema.get("minItems"), item.schema.get("maxItems")
    if isinstance(low, int) and not isinstance(low, bool) and len(items) < low:
        return MSG_ADD_ONE if low == 1 else MSG_ADD_AT_LEAST.format(count=low)
    if item.required and not items and item.schema.get("allowedEmpty") is not True:
        return MSG_ADD_ONE
    if isinstance(high, int) and not isinstance(high, bool) and len(items) > high:
        return MSG_AT_MOST_ITEMS.format(count=high)
    return None


def answered_items(value: object) -> list[Any]:
    """The items of an array answer that are not completely blank."""
    items = value if isinstance(value, list) else []
    return [
        entry
        for entry in items
        if not is_blank(entry)
        and not (isinstance(entry, dict) and all(is_blank(v) for v in entry.values()))
    ]


def validate_items(
    item: Field, value: object, model: Mapping[str, Any]
) -> dict[int, dict[str, str]]:
    """Problems inside an array's items: item index → {child key → message}."""
    problems: dict[int, dict[str, str]] = {}
    for index, entry in enumerate(value if isinstance(value, list) else []):
        answers = {item.children[0].key: entry} if item.scalar_items else entry
        if not isinstance(answers, dict) or all(is_blank(v) for v in answers.values()):
            continue  # an item left blank is dropped, not an error
        found = _problems(item.children, answers, model, index)
        if found:
            problems[index] = found
    return problems


def _check_range(schema: Mapping[str, Any], number: float) -> str | None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if isinstance(low, (int, float)) and (
        number < low or (schema.get("exclusiveMinimum") is True and number == low)
    ):
        return (
            MSG_ABOVE.format(number=low)
            if schema.get("exclusiveMinimum") is True
            else MSG_AT_LEAST.format(number=low)
        )
    if isinstance(high, (int, float)) and (
        number > high or (schema.get("exclusiveMaximum") is True and number == high)
    ):
        return (
            MSG_BELOW.format(number=high)
            if schema.get("exclusiveMaximum") is True
            else MSG_AT_MOST.format(number=high)
        )
    return None


def _check_length(schema: Mapping[str, Any], text: str) -> str | None:
    longest, shortest = schema.get("maxLength"), schema.get("minLength")
    if isinstance(longest, int) and not isinstance(longest, bool) and len(text) > longest:
        return MSG_LONGEST.format(count=longest)
    if isinstance(shortest, int) and not isinstance(shortest, bool) and len(text) < shortest:
        return MSG_SHORTEST.format(count=shortest)
    return None


def _check_pattern(schema: Mapping[str, Any], text: str) -> str | None:
    pattern = schema.get("pattern")
    if not isinstance(pattern, str):
        return None
    try:
        matched = re.search(pattern, text) is not None
    except re.error:
        return None  # a clinic's broken pattern must not block the patient
    if matched:
        return None
    message = schema.get("validationMessage")
    return message if isinstance(message, str) and message else MSG_FORMAT


def _check_date(text: str, birth: bool) -> str | None:
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return MSG_DATE
    return MSG_FUTURE_DATE if birth and day > dt.date.today() else None


def validate_section(section: Section, answers: Mapping[str, Any]) -> dict[str, str]:
    """Every problem in ``answers`` for ``section``'s fields: key → patient-readable message.

    Also checks that a ``*_retype`` field repeats its partner (``password_retype`` must equal
    ``password``), whether or not the schema marks the retype as required. Questions hidden by
    a condition are not checked; an array with a problem in an item reports `MSG_ITEMS`.
    """
    return _problems(section.fields, answers, condition_model(answers))


def _problems(
    fields_in: tuple[Field, ...],
    answers: Mapping[str, Any],
    model: Mapping[str, Any],
    array_index: int | None = None,
) -> dict[str, str]:
    """Problems of the fields shown for ``model`` (hidden questions are not checked)."""
    errors: dict[str, str] = {}
    fields: dict[str, Field] = {}
    for item in visible_fields(fields_in, model, array_index):
        if item.holds_value and item.key not in fields:
            fields[item.key] = item
    for key, item in fields.items():
        problem = validate_field(item, answers.get(key))
        if problem is None and item.is_array and validate_items(item, answers.get(key), model):
            problem = MSG_ITEMS
        if problem:
            errors[key] = problem
    for key, item in fields.items():
        base = next((key[: -len(s)] for s in RETYPE_SUFFIXES if key.endswith(s)), None)
        if base is None or base not in fields or not item.supported or key in errors:
            continue
        first, again = answers.get(base), answers.get(key)
        if not is_blank(first) and first != again:
            errors[key] = MSG_MISMATCH
    return errors
