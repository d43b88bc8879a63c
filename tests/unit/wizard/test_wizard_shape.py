"""What a section submits and checks: shown questions only, typed values, nested objects, lists."""

from __future__ import annotations

from kiosk.wizard import parse_section, validate_section
from kiosk.wizard.shape import submitted_values
from kiosk.wizard.validation import MSG_ADD_ONE, MSG_ITEMS, MSG_PHONE, MSG_TIME, MSG_URL

MEDS = {
    "type": "object",
    "properties": {
        "meds": {
            "type": "array",
            "title": "Medicines you take",
            "maxItems": 3,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "title": "Medicine"},
                    "doses": {"type": "integer", "title": "Doses a day"},
                },
                "required": ["name"],
            },
        }
    },
    "required": ["meds"],
}


def section(schema, form=None):
    return parse_section({"code": "update_intake", "schema": schema, "form": form})


def test_numbers_and_booleans_are_submitted_in_their_schema_type():
    s = section(
        {
            "age": {"type": "integer"},
            "weight": {"type": "number"},
            "smoker": {"type": "boolean"},
            "note": {"type": "string"},
        }
    )
    flat = {"age": "42", "weight": "70.5", "smoker": False, "note": " 12 "}
    assert submitted_values(s, flat) == {"age": 42, "weight": 70.5, "smoker": False, "note": "12"}


def test_nested_object_answers_are_submitted_as_objects_not_dotted_keys():
    s = section(
        {
            "type": "object",
            "properties": {
                "author": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
                }
            },
        }
    )
    assert submitted_values(s, {"author.name": "Robin", "author.age": "30"}) == {
        "author": {"name": "Robin", "age": 30}
    }


def test_array_of_objects_is_a_list_of_objects_with_blank_items_dropped():
    s = section(MEDS, [{"key": "meds", "items": ["meds[].name", "meds[].doses"]}])
    flat = {"meds": [{"name": "Aspirin", "doses": "2"}, {}, {"name": "Ibuprofen"}]}
    assert submitted_values(s, flat) == {
        "meds": [{"name": "Aspirin", "doses": 2}, {"name": "Ibuprofen"}]
    }


def test_array_of_free_text_is_a_list_of_strings():
    s = section({"allergies": {"type": "array", "items": {"type": "string"}}})
    assert s.fields[0].scalar_items
    assert submitted_values(s, {"allergies": ["Latex", " ", "Pollen"]}) == {
        "allergies": ["Latex", "Pollen"]
    }


def test_required_array_needs_one_item_and_respects_max_items():
    s = section(MEDS)
    assert validate_section(s, {}) == {"meds": MSG_ADD_ONE}
    four = [{"name": str(n)} for n in range(4)]
    assert validate_section(s, {"meds": four}) == {"meds": "Please list at most 3."}


def test_a_problem_inside_an_item_is_reported_on_the_array():
    s = section(MEDS)
    assert validate_section(s, {"meds": [{"doses": "2"}]}) == {"meds": MSG_ITEMS}
    assert validate_section(s, {"meds": [{"name": "Aspirin", "doses": "2"}]}) == {}


def test_hidden_question_is_neither_validated_nor_submitted():
    s = section(
        {"smoker": {"type": "string", "enum": ["yes", "no"]}, "packs": {"type": "integer"}},
        [
            "smoker",
            {"key": "packs", "condition": "model.smoker == 'yes'", "required": True},
        ],
    )
    assert validate_section(s, {"smoker": "no"}) == {}
    assert submitted_values(s, {"smoker": "no", "packs": "3"}) == {"smoker": "no"}
    assert validate_section(s, {"smoker": "yes"}) == {"packs": "Please fill this in."}
    assert submitted_values(s, {"smoker": "yes", "packs": "3"}) == {"smoker": "yes", "packs": 3}


def test_same_key_twice_with_opposite_conditions_uses_the_shown_one():
    s = section(
        {"spam": {"type": "boolean"}, "email": {"type": "string"}},
        [
            "spam",
            {"key": "email", "condition": "model.spam", "required": True},
            {"key": "email", "condition": "!model.spam"},
        ],
    )
    assert validate_section(s, {"spam": True}) == {"email": "Please fill this in."}
    assert validate_section(s, {"spam": False}) == {}


def test_condition_inside_an_array_item_reads_that_item():
    s = section(
        MEDS,
        [
            {
                "key": "meds",
                "items": [
                    "meds[].name",
                    {"key": "meds[].doses", "condition": "model.meds[arrayIndex].name"},
                ],
            }
        ],
    )
    flat = {"meds": [{"name": "Aspirin", "doses": "1"}, {"doses": "5"}]}
    assert submitted_values(s, flat) == {"meds": [{"name": "Aspirin", "doses": 1}]}


def test_unreadable_condition_shows_the_field():
    s = section({"a": {"type": "string"}}, [{"key": "a", "condition": "eval('x')"}])
    assert s.fields[0].condition is None
    assert submitted_values(s, {"a": "x"}) == {"a": "x"}


def test_hidden_type_submits_its_default_and_is_never_checked():
    s = section(
        {"source": {"type": "string", "default": "kiosk", "required": True}},
        [{"key": "source", "type": "hidden"}],
    )
    assert validate_section(s, {}) == {}
    assert submitted_values(s, {}) == {"source": "kiosk"}


def test_phone_url_and_time_answers_are_checked():
    s = section(
        {"phone": {"type": "string"}, "site": {"type": "string"}, "at": {"type": "string"}},
        [
            {"key": "phone", "type": "tel"},
            {"key": "site", "type": "url"},
            {"key": "at", "type": "time"},
        ],
    )
    bad = validate_section(s, {"phone": "555-12", "site": "not a site", "at": "25:00"})
    assert bad == {"phone": MSG_PHONE, "site": MSG_URL, "at": MSG_TIME}
    good = {"phone": "(555) 123-4567", "site": "clinic.example.org", "at": "09:30"}
    assert validate_section(s, good) == {}


def test_tabs_are_flattened_into_titled_groups_in_order():
    s = section(
        {"a": {"type": "string"}, "b": {"type": "string"}},
        [
            {
                "type": "tabs",
                "tabs": [{"title": "One", "items": ["a"]}, {"title": "Two", "items": ["b"]}],
            }
        ],
    )
    assert [(g.kind, g.title, [c.key for c in g.children]) for g in s.fields] == [
        ("fieldset", "One", ["a"]),
        ("fieldset", "Two", ["b"]),
    ]


def test_select_fieldset_shows_the_group_of_the_chosen_option_only():
    s = section(
        {
            "how": {"type": "string", "enum": ["phone", "mail"]},
            "number": {"type": "string"},
            "street": {"type": "string"},
        },
        [
            {
                "type": "selectfieldset",
                "key": "how",
                "title": "How should we reach you?",
                "items": [
                    {
                        "type": "fieldset",
                        "title": "Phone",
                        "items": [{"key": "number", "required": True}],
                    },
                    {
                        "type": "fieldset",
                        "title": "Mail",
                        "items": [{"key": "street", "required": True}],
                    },
                ],
            }
        ],
    )
    assert [o.value for o in s.fields[0].options] == ["phone", "mail"]
    assert validate_section(s, {"how": "mail"}) == {"street": "Please fill this in."}
    assert submitted_values(s, {"how": "phone", "number": "555", "street": "x"}) == {
        "how": "phone",
        "number": "555",
    }


def test_questions_ask_the_next_question_only_after_its_answer():
    s = section(
        {"screen": {"type": "string"}},
        [
            {
                "type": "questions",
                "key": "screen",
                "items": [
                    {
                        "type": "question",
                        "qid": "fever",
                        "title": "Fever?",
                        "options": [
                            {"title": "Yes", "next": "days"},
                            {"title": "No", "value": "no fever"},
                        ],
                    },
                    {
                        "type": "question",
                        "qid": "days",
                        "title": "For how long?",
                        "options": [
                            {"title": "A day", "value": "fever, 1 day"},
                            {"title": "Longer", "value": "fever, longer"},
                        ],
                    },
                ],
            }
        ],
    )
    assert [o.label for o in s.fields[0].options] == ["Yes", "No"]
    assert validate_section(s, {"screen.fever": 1}) == {}
    assert submitted_values(s, {"screen.fever": 1, "screen.days": 1}) == {"screen": "no fever"}
    assert validate_section(s, {"screen.fever": 0}) == {"screen.days": "Please choose an answer."}
    assert submitted_values(s, {"screen.fever": 0, "screen.days": 1}) == {"screen": "fever, longer"}


def test_template_text_is_removed_from_titles():
    s = section({"a": {"type": "string", "title": "Friend {{ $index + 1 }}"}})
    assert s.fields[0].title == "Friend"
