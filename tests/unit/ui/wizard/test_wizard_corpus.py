"""Form corpora render offscreen: the project's own examples (one per feature, written here, each
with its expected support and submitted answer) and, when present, the shared real-world corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.ui.theme import stylesheet
from kiosk.ui.wizard.fields.choices import ChoiceField
from kiosk.ui.wizard.fields.static import UnsupportedField
from kiosk.ui.wizard.form import SchemaForm
from kiosk.wizard import parse_section, validate_section

OWN = Path(__file__).with_name("corpus")
ROOT = Path(__file__).resolve().parents[4]
#: The shared corpus (angular-schema-form's example data, MIT) next to the checkout, if any.
SHARED = next(
    (
        p
        for p in (
            ROOT.parent / "shared" / "forms-corpus" / "angular-schema-form",
            ROOT.parent.parent / "shared" / "forms-corpus" / "angular-schema-form",
        )
        if p.is_dir()
    ),
    None,
)


def render(qtbot, data: dict[str, Any], state: dict[str, Any]) -> SchemaForm:
    section = parse_section(
        {"code": "update_intake", "schema": data.get("schema"), "form": data.get("form")}
    )
    form = SchemaForm(section, state)
    form.setStyleSheet(stylesheet())
    qtbot.addWidget(form)
    form.resize(1000, 800)
    form.show()
    return form


def support(form: SchemaForm) -> tuple[set[str], set[str]]:
    real = {
        w.field.key
        for w in form.field_widgets
        if not isinstance(w, UnsupportedField) and w.field.holds_value
    }
    fallback = {w.field.key for w in form.field_widgets if isinstance(w, UnsupportedField)}
    return real, fallback


OWN_FILES = sorted(p.name for p in OWN.glob("*.json"))


def test_own_corpus_covers_each_feature_of_the_issue():
    features = " ".join(json.loads((OWN / n).read_text())["feature"] for n in OWN_FILES)
    for word in (
        "array of objects",
        "array of free text",
        "conditions",
        "selectfieldset",
        "questions",
        "tel",
        "url",
        "time",
        "datetime-local",
        "range",
        "hidden",
        "prepend/append",
        "template text",
        "tabs",
        "advancedfieldset",
        "authfieldset",
        "expandable",
        "fallback box titled",
        "nested objects",
        "typed numbers",
    ):
        assert word in features, word


@pytest.mark.parametrize("name", OWN_FILES)
def test_own_example_renders_answers_and_submits_the_expected_shape(qtbot, name):
    data = json.loads((OWN / name).read_text(encoding="utf-8"))
    expect = data["expect"]
    form = render(qtbot, data, dict(data["answers"]))
    assert support(form) == (set(expect["real"]), set(expect["fallback"]))
    assert form.values() == expect["submitted"]
    assert form.validate() == []
    for key in expect.get("hidden", []):
        assert not any(w.isVisibleTo(form) for w in form.field_widgets if w.field.key == key)
    if "groups" in expect:
        titles = [
            lb.text() for lb in form.findChildren(QLabel) if lb.property("role") == "subheading"
        ]
        assert titles == expect["groups"]


def test_fallback_boxes_say_which_question_they_replace(qtbot):
    data = json.loads((OWN / "titled-fallbacks.json").read_text(encoding="utf-8"))
    form = render(qtbot, data, {})
    fallbacks = [w for w in form.field_widgets if isinstance(w, UnsupportedField)]
    assert [w.title_label.text() for w in fallbacks] == ["Favourite colour", "Find your doctor"]
    assert all(w.title_label.isVisibleTo(form) for w in fallbacks)


def test_select_with_one_option_is_a_marked_choice_button(qtbot):
    data = json.loads((OWN / "titled-fallbacks.json").read_text(encoding="utf-8"))
    form = render(qtbot, data, {})
    room = form.by_key["room"]
    assert isinstance(room, ChoiceField)
    assert [b.text() for b in room.findChildren(QPushButton)] == ["○  Lobby"]
    room.buttons[0].click()
    assert room.buttons[0].text() == "◉  Lobby"


def test_template_text_is_removed_from_titles(qtbot):
    data = json.loads((OWN / "pain-scales.json").read_text(encoding="utf-8"))
    form = render(qtbot, data, {})
    assert form.by_key["pain"].title_label.text() == "Pain now  (optional)"


def test_answering_shows_and_hides_follow_up_questions(qtbot):
    data = json.loads((OWN / "follow-up-questions.json").read_text(encoding="utf-8"))
    form = render(qtbot, data, {})
    packs = form.by_key["packs"]
    assert not packs.isVisibleTo(form)
    form.by_key["smoke"].buttons[0].click()  # yes
    assert packs.isVisibleTo(form)
    assert "packs" in validate_section(form.section, form.flat_values())
    form.by_key["smoke"].buttons[1].click()  # no
    assert not packs.isVisibleTo(form)
    assert form.validate() == []


# -- the shared real-world corpus (read only, skipped when the checkout has no ../shared) -------
SHARED_EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "array-of-types.json": ({"foo"}, set()),
    "array-radiobuttons.json": ({"field1", "field2"}, set()),
    "array.json": ({"comments"}, set()),
    "autocomplete.json": (set(), {"first", "second"}),
    "calculate.json": ({"area", "length", "property", "width"}, {"area"}),
    "complex-keys.json": ({"['a[\"b\"].c']", "array-key", "simple.prøp"}, set()),
    "conditional-required.json": ({"email", "switch"}, set()),
    "custom-error.json": ({"email"}, set()),
    "deep-array.json": ({"users"}, set()),
    "grid.json": ({"comment", "email", "name"}, set()),
    "jsonref.json": (set(), {"local", "remote"}),
    "remote-titlemap-books.json": (set(), set()),
    "remote-titlemap-movies.json": (set(), set()),
    "simple-oneOf.json": (set(), {"name"}),
    "simple.json": ({"age", "comment", "date", "email", "name"}, set()),
    "sink.json": (
        {
            "attributes.eyecolor",
            "attributes.haircolor",
            "attributes.shoulders.left",
            "date",
            "dislike",
            "favorite",
            "invitation",
            "name",
            "radio",
            "radio2",
            "radiobuttons",
            "shoesizeLeft",
            "shoesizeRight",
            "soul",
            "soulserial",
            "things",
        },
        set(),
    ),
    "switch.json": ({"live"}, set()),
    "tabarray.json": ({"comments"}, set()),
    "tabs.json": (
        {
            "armySize",
            "assassinationStyle",
            "clan",
            "colour",
            "date",
            "fee",
            "suggestions",
            "victim",
            "weaponOfChoice",
        },
        set(),
    ),
    "titlemaps.json": (
        {"select", "select2", "noenum", "radios", "array", "array2", "radiobuttons"},
        {"selectOptionData", "selectOptionRemote"},
    ),
    "types.json": ({"string", "integer", "number", "boolean"}, set()),
}

needs_shared = pytest.mark.skipif(SHARED is None, reason="no ../shared/forms-corpus checkout")


@needs_shared
def test_table_covers_the_whole_shared_corpus():
    assert SHARED is not None
    assert {p.name for p in SHARED.glob("*.json")} == set(SHARED_EXPECTED)


@needs_shared
@pytest.mark.parametrize("name", sorted(SHARED_EXPECTED))
def test_shared_definition_renders_with_expected_support(qtbot, name):
    assert SHARED is not None
    data = json.loads((SHARED / name).read_text(encoding="utf-8"))
    form = render(qtbot, data, dict(data.get("model") or {}))
    assert support(form) == SHARED_EXPECTED[name]
    validate_section(form.section, form.flat_values())
    form.validate()
    form.values()
