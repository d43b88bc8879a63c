"""The condition evaluator: what clinics write, JavaScript's loose meaning, fail-open parsing."""

from __future__ import annotations

import pytest

from kiosk.wizard.conditions import ConditionError, parse_condition, shown

MODEL = {
    "smoker": "yes",
    "pain": 7,
    "pregnant": False,
    "age": "42",
    "author": {"name": "Robin"},
    "meds": [{"name": "Aspirin", "daily": True}, {"name": "Ibuprofen"}],
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("model.smoker == 'yes'", True),
        ('model.smoker == "no"', False),
        ("model.smoker != 'yes'", False),
        ("model.smoker", True),
        ("model.missing", False),
        ("!model.missing", True),
        ("!model.pregnant", True),
        ("!!model.pain", True),
        ("model.pain > 5", True),
        ("model.pain >= 8", False),
        ("model.pain < 7.5", True),
        ("model.age == 42", True),
        ("model.age === 42", False),
        ("model.age >= 18 && model.smoker == 'yes'", True),
        ("model.pain > 9 || model.smoker == 'yes'", True),
        ("(model.pain > 9 || model.pregnant) && model.smoker", False),
        ("model.author.name == 'Robin'", True),
        ("model['author']['name'] == 'Robin'", True),
        ("model.author.missing.deeper", False),
        ("model.meds[0].daily", True),
        ("model.meds[1].daily", False),
        ("model.meds[arrayIndex].daily", True),
        ("model.missing == null", True),
        ("model.pregnant === false", True),
        ("model.meds.length > 1", True),
    ],
)
def test_condition_evaluates_like_the_browser(source, expected):
    assert shown(parse_condition(source), MODEL, array_index=0) is expected


@pytest.mark.parametrize(
    "source",
    [
        "",
        "model.x = 'yes'",
        "alert('x')",
        "model.toString()",
        "path('model.users[]').name.length",
        "form.key == 1",
        "model.x == ",
        "(model.x",
        "model.x == 1 == 2",
        "model.x ? 1 : 2",
        "__import__('os')",
        "model.x == 'unterminated",
        "x" * 600,
    ],
)
def test_unsupported_syntax_is_refused_at_parse_time(source):
    with pytest.raises(ConditionError):
        parse_condition(source)


def test_no_condition_means_shown():
    assert shown(None, {}) is True


def test_comparing_text_with_a_number_that_is_not_one_is_false_not_an_error():
    assert shown(parse_condition("model.smoker > 3"), MODEL) is False
