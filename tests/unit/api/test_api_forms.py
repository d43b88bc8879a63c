"""Form bodies: lists of answer objects keep their fields (PHP bracket keys), ids stay joined."""

from __future__ import annotations

from kiosk.api.forms import form_fields


def test_list_of_answer_objects_uses_indexed_bracket_keys():
    meds = [{"name": "Aspirin", "per_day": 2}, {"name": "Ibuprofen", "daily": True}]
    assert form_fields({"meds": meds}) == {
        "meds[0][name]": "Aspirin",
        "meds[0][per_day]": "2",
        "meds[1][name]": "Ibuprofen",
        "meds[1][daily]": "1",
    }


def test_list_of_id_objects_and_of_strings_stay_comma_joined():
    assert form_fields({"attachments": [{"id": "a"}, {"id": "b"}], "reasons": ["x", "y"]}) == {
        "attachments": "a,b",
        "reasons": "x,y",
    }


def test_nested_object_answer_uses_bracket_keys():
    assert form_fields({"guardian": {"name": "Sam", "age": 40}}) == {
        "guardian[name]": "Sam",
        "guardian[age]": "40",
    }
