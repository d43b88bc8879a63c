"""Model layer: parsing states, resolving form entries, answers and log-safe submissions."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.wizard import (
    Answers,
    IntakeFields,
    Option,
    ProfileUpdate,
    Step,
    parse_section,
    parse_states,
)
from kiosk.wizard.markup import label_html
from kiosk.wizard.records import emr_items, pharmacy_card, slot_start

STATES = Path(__file__).resolve().parents[3] / "resources" / "default_data" / "vclinic_states.json"


@pytest.fixture
def definition():
    return parse_states(json.loads(STATES.read_text(encoding="utf-8")))


def test_groups_use_dotted_names(definition):
    assert list(definition) == [
        "signup.signup",
        "signup.verification",
        "signup.update_profile",
        "signup.terms_of_service",
        "visits.signin",
        "visits.intake",
        "visits.visit_type",
        "visits.consent",
        "visits.calendar",
        "visits.post_intake",
        "visits.post_call",
    ]


def test_step_carries_name_code_next_title_and_sections(definition):
    step = definition.steps("signup.update_profile")[0]
    assert (step.name, step.code, step.next_title) == (
        "New account",
        "post_signup_update_profile",
        "Create",
    )
    assert [s.code for s in step.sections] == ["post_signup_profile", "post_signup_tos_popup"]


def test_missing_next_title_falls_back_to_next(definition):
    step = definition.steps("visits.visit_type")[0]
    assert (step.next_title, step.next_given) == ("Next", False)


def test_bare_property_map_required_flags(definition):
    section = definition.steps("signup.signup")[0].sections[0]
    required = {f.key for f in section.fields if f.required}
    assert required == {"first_name", "last_name", "dob", "ssn", "email"}


def test_json_schema_required_list_is_honoured():
    section = parse_section(
        {
            "code": "x",
            "schema": {
                "type": "object",
                "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                "required": ["b"],
            },
        }
    )
    assert [(f.key, f.required) for f in section.fields] == [("a", False), ("b", True)]


@pytest.mark.parametrize(
    "bad",
    [
        None,
        3,
        "x",
        [],
        {"visits": 1},
        {"visits": {"intake": 5}},
        {"visits": {"intake": [1, {"sections": "no"}]}},
    ],
)
def test_odd_states_never_raise(bad, caplog):
    with caplog.at_level(logging.WARNING):
        parse_states(bad)


def test_sections_without_code_are_skipped():
    step = parse_states({"v": {"g": [{"code": "s", "sections": [{}, {"code": "label"}]}]}})
    assert [s.code for s in step.steps("v.g")[0].sections] == ["label"]


def test_title_map_object_and_list_give_the_same_options():
    as_object = parse_section(
        {
            "code": "x",
            "schema": {"g": {"type": "string"}},
            "form": [{"key": "g", "type": "select", "titleMap": {"m": "Male"}}],
        }
    )
    as_list = parse_section(
        {
            "code": "x",
            "schema": {"g": {"type": "string"}},
            "form": [{"key": "g", "type": "select", "titleMap": [{"value": "m", "name": "Male"}]}],
        }
    )
    assert as_object.fields[0].options == as_list.fields[0].options == (Option("m", "Male"),)


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        ({"type": "string", "enum": ["a"]}, "select"),
        ({"type": "boolean"}, "checkbox"),
        ({"type": "integer"}, "number"),
        ({"type": "number"}, "number"),
        ({"type": "array", "items": {"type": "string", "enum": ["a"]}}, "checkboxes"),
        ({"type": "string", "format": "email"}, "email"),
        ({"type": "string", "format": "date"}, "datepicker"),
        ({"type": "string"}, "text"),
    ],
)
def test_form_type_is_inferred_from_schema(prop, kind):
    section = parse_section({"code": "x", "schema": {"k": prop}, "form": ["k"]})
    assert section.fields[0].kind == kind


def test_star_expands_to_every_property_in_order():
    section = parse_section({"code": "x", "schema": {"b": {}, "a": {}}, "form": ["*"]})
    assert [f.key for f in section.fields] == ["b", "a"]


def test_fieldset_groups_children():
    section = parse_section(
        {
            "code": "x",
            "schema": {"a": {}},
            "form": [{"type": "fieldset", "title": "Group", "items": ["a"]}],
        }
    )
    assert section.fields[0].kind == "fieldset"
    assert [f.key for f in section.fields[0].children] == ["a"]


@pytest.mark.parametrize(
    ("form", "reason"),
    [
        ([{"key": "a", "type": "color"}], "color"),
        ([{"type": "array"}], "array without key"),
        ([{"key": "a", "type": "autocomplete"}], "autocomplete"),
        ([{"key": "a", "type": "select"}], "choices loaded remotely"),
    ],
)
def test_unsupported_features_are_marked(form, reason):
    section = parse_section({"code": "x", "schema": {"a": {"type": "string"}}, "form": form})
    assert section.fields[0].unsupported == reason
    assert not section.fields[0].supported


def test_answers_keep_section_state_per_step_and_clear_drops_it(definition):
    answers = Answers()
    step = definition.steps("visits.intake")[1]
    state = answers.section_state(step, 0, step.sections[0])
    state["phone"] = "555"
    assert answers.section_state(step, 0, step.sections[0]) == {"phone": "555"}
    answers.clear()
    assert answers.section_state(step, 0, step.sections[0]) == {}
    assert len(answers) == 0


def test_same_step_code_in_two_groups_keeps_separate_answers(definition):
    answers = Answers()
    first = definition.steps("visits.post_intake")[2]
    second = definition.steps("visits.post_call")[0]
    answers.section_state(first, 1, first.sections[1])["rating"] = 5
    assert answers.section_state(second, 1, second.sections[1]) == {}


def test_reprs_never_show_answer_values():
    answers = Answers()
    step = Step(name="s", code="s", next_title="Next")
    answers.section_state(step, 0, parse_section({"code": "x"}))["name"] = "Jane Roe"
    text = repr(answers) + repr(IntakeFields({"reason_for_visit": "Rash"}))
    text += repr(ProfileUpdate({"first_name": "Jane Roe"}))
    assert "Jane" not in text and "Rash" not in text


def test_label_markup_bolds_and_escapes():
    assert label_html("a **b** <c>") == "a <b>b</b> &lt;c&gt;"


def test_emr_items_read_dicts_and_flags():
    emr = {"allergies": {"data": [{"substance": "A+D"}], "data_not_reported": False}}
    assert emr_items(emr, "allergies", "substance") == (["A+D"], False)
    assert emr_items(emr, "conditions", "condition") == ([], False)


def test_pharmacy_card_joins_address():
    card = pharmacy_card(
        {
            "name": "P",
            "address": "1 Main St",
            "city": "LA",
            "state": "CA",
            "zip": "90027",
            "code": "9",
        }
    )
    assert (card.name, card.address, card.code) == ("P", "1 Main St, LA, CA 90027", "9")


@pytest.mark.parametrize("slot", [{"slot_start": "1470186000"}, {"start": 1470186000}])
def test_slot_start_reads_both_response_shapes(slot):
    assert slot_start(slot) == 1470186000
