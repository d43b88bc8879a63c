"""Validation rules and their patient-readable messages."""

from __future__ import annotations

import pytest

from kiosk.wizard import parse_section, validate_section
from kiosk.wizard import validation as v


def errors(schema, answers, form=None):
    return validate_section(parse_section({"code": "x", "schema": schema, "form": form}), answers)


def test_required_missing():
    assert errors({"a": {"type": "string", "required": True}}, {}) == {"a": v.MSG_REQUIRED}


def test_required_blank_text_counts_as_missing():
    assert errors({"a": {"type": "string", "required": True}}, {"a": "  "}) == {"a": v.MSG_REQUIRED}


def test_allowed_empty_accepts_blank_but_checks_given_value():
    schema = {"ssn": {"type": "integer", "maxLength": 4, "required": True, "allowedEmpty": True}}
    assert errors(schema, {}) == {}
    assert errors(schema, {"ssn": "12345"}) == {"ssn": "Please use at most 4 characters."}


def test_enum_value_must_be_offered():
    schema = {"s": {"type": "string", "enum": ["CA"]}}
    assert errors(schema, {"s": "NY"}) == {"s": v.MSG_NOT_OFFERED}
    assert errors(schema, {"s": "CA"}) == {}


def test_integer_needs_digits():
    assert errors({"n": {"type": "integer"}}, {"n": "4a"}) == {"n": v.MSG_INTEGER}


def test_email_format():
    schema = {"e": {"type": "string"}}
    form = [{"key": "e", "type": "email"}]
    assert errors(schema, {"e": "x@y"}, form) == {"e": v.MSG_EMAIL}
    assert errors(schema, {"e": "x@y.org"}, form) == {}


def test_multiple_needs_at_least_one_offered_value():
    schema = {"r": {"type": "string", "multiple": True, "required": True, "enum": ["a", "b"]}}
    assert errors(schema, {"r": []}) == {"r": v.MSG_CHOOSE_SOME}
    assert errors(schema, {"r": ["a", "z"]}) == {"r": v.MSG_NOT_OFFERED}
    assert errors(schema, {"r": ["a", "b"]}) == {}


def test_single_choice_rejects_a_list():
    assert errors({"g": {"type": "string", "enum": ["a"]}}, {"g": ["a"]}) == {
        "g": v.MSG_NOT_OFFERED
    }


def test_retype_must_match():
    schema = {"password": {"type": "string"}, "password_retype": {"type": "string"}}
    assert errors(schema, {"password": "a1", "password_retype": "a2"}) == {
        "password_retype": v.MSG_MISMATCH
    }
    assert errors(schema, {"password": "a1", "password_retype": "a1"}) == {}


@pytest.mark.parametrize(
    ("schema", "value", "message"),
    [
        (
            {"type": "number", "minimum": 17, "exclusiveMinimum": True},
            "17",
            "Please enter a number above 17.",
        ),
        ({"type": "number", "maximum": 5}, "6", "Please enter 5 or less."),
        ({"type": "string", "minLength": 3}, "ab", "Please use at least 3 characters."),
        ({"type": "string", "pattern": "^\\S+@\\S+$", "validationMessage": "Bad"}, "x", "Bad"),
    ],
)
def test_json_schema_extras(schema, value, message):
    assert errors({"k": schema}, {"k": value}) == {"k": message}


def test_broken_pattern_does_not_block():
    assert errors({"k": {"type": "string", "pattern": "["}}, {"k": "x"}) == {}


def test_unsupported_required_field_never_blocks():
    schema = {"type": "object", "required": ["a"], "properties": {"a": {"oneOf": []}}}
    assert errors(schema, {}) == {}


def test_required_checkbox_must_be_ticked():
    assert errors({"ok": {"type": "boolean", "required": True}}, {"ok": False}) == {
        "ok": v.MSG_TICK
    }
