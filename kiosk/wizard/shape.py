"""What a section submits: only the questions shown, numbers as numbers, objects as objects.

Widgets keep answers flat, keyed by the form key (``"author.name"``, ``"meds"``), because that
is how fields find their values again after Back. Submission turns them into the shape the
schema describes: ``{"author": {"name": …}}``, ``{"age": 42}``, ``{"meds": [{…}, {…}]}``;
questions hidden by a condition, and blank answers, are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kiosk.wizard.conditions import shown
from kiosk.wizard.definition import SCALAR_ITEM_KEY, Field, Section
from kiosk.wizard.schema import schema_type, split_key

#: Keys of a JSON Form ``question`` field's schema (see `kiosk.wizard.structure._questions`).
QUESTIONS_OF = "x-questions-of"
OPTION_VALUES = "x-option-values"


def is_blank(value: object) -> bool:
    """No answer: None, blank text or an empty list/set/dict (False and 0 are answers)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, tuple, set, dict)) and not value


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """``{"a.b": 1, "c": 2}`` → ``{"a": {"b": 1}, "c": 2}``. A key that is already a
    top-level value, or that cannot be split, stays as written."""
    result: dict[str, Any] = {}
    for key, value in flat.items():
        path = split_key(key) or [key]
        target = result
        for segment in path[:-1]:
            inner = target.get(segment)
            if not isinstance(inner, dict):
                inner = {}
                target[segment] = inner
            target = inner
        target[path[-1]] = value
    return result


def condition_model(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The ``model`` conditions read: answered values only (an unanswered question is
    ``undefined`` to a condition, as in the browser), nested like the submission."""
    return nest({k: _model_value(v) for k, v in flat.items() if not is_blank(v)})


def _model_value(value: Any) -> Any:
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [nest(v) for v in value]
    return value


def visible_fields(
    fields: Iterable[Field], model: Mapping[str, Any], array_index: int | None = None
) -> Iterator[Field]:
    """Every field shown for ``model``, groups expanded (not array items); a hidden group
    hides everything in it."""
    for item in fields:
        if not shown(item.condition, model, array_index):
            continue
        yield item
        if not item.is_array:
            yield from visible_fields(item.children, model, array_index)


def coerce(item: Field, value: Any) -> Any:
    """The answer in its schema type: ``"42"`` → 42 for integer/number, trimmed text."""
    kind = schema_type(item.schema) if item.schema else ""
    if isinstance(value, str):
        text = value.strip()
        if kind == "integer" or (kind == "number" and item.kind in ("number", "range")):
            try:
                number = float(text)
            except ValueError:
                return text
            return int(number) if number.is_integer() else number
        if kind == "number":
            try:
                return float(text) if not text.lstrip("-").isdigit() else int(text)
            except ValueError:
                return text
        return text
    if isinstance(value, float) and kind == "integer" and value.is_integer():
        return int(value)
    return value


def item_values(item: Field, items: object, model: Mapping[str, Any]) -> list[Any]:
    """An array's items as submitted: objects of their shown, answered fields (nested), or
    the plain values; items left completely blank are dropped."""
    result: list[Any] = []
    for index, entry in enumerate(items if isinstance(items, list) else []):
        if item.scalar_items:
            child = item.children[0]
            if not is_blank(entry):
                result.append(coerce(child, entry))
            continue
        flat = entry if isinstance(entry, dict) else {}
        values = _values(item.children, flat, model, index)
        if values:
            result.append(values)
    return result


def _values(
    fields: Iterable[Field],
    flat: Mapping[str, Any],
    model: Mapping[str, Any],
    array_index: int | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in visible_fields(fields, model, array_index):
        if not item.holds_value or not item.supported or item.key in out:
            continue
        if QUESTIONS_OF in item.schema:
            _question_answer(item, flat.get(item.key), out)
            continue
        value = flat.get(item.key, item.default if item.kind == "hidden" else None)
        if item.is_array:
            value = item_values(item, value, model)
        if is_blank(value):
            continue
        out[item.key] = coerce(item, value)
    return nest(out)


def _question_answer(item: Field, chosen: Any, out: dict[str, Any]) -> None:
    """A JSON Form question's answer sets its ``questions`` key to the chosen option's
    ``value`` (questions come in order, so the last chosen value wins)."""
    values = item.schema.get(OPTION_VALUES)
    if not isinstance(values, list) or not isinstance(chosen, int) or isinstance(chosen, bool):
        return
    if 0 <= chosen < len(values) and values[chosen] is not None:
        out[str(item.schema[QUESTIONS_OF])] = values[chosen]


def submitted_values(section: Section, flat: Mapping[str, Any]) -> dict[str, Any]:
    """A section's answers as sent: shown questions only, typed and nested (see module doc)."""
    return _values(section.fields, flat, condition_model(flat))


__all__ = [
    "SCALAR_ITEM_KEY",
    "coerce",
    "condition_model",
    "is_blank",
    "item_values",
    "nest",
    "submitted_values",
    "visible_fields",
]
