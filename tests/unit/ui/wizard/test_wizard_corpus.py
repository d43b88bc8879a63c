"""Every angular-schema-form example renders offscreen; supported fields get real widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ui.theme import stylesheet
from kiosk.ui.wizard.fields.static import UnsupportedField
from kiosk.ui.wizard.form import SchemaForm
from kiosk.wizard import parse_section, validate_section

CORPUS = Path("/work/shared/forms-corpus/angular-schema-form")

# file → (keys answered by a real widget, keys shown as the "staff will ask you" fallback).
# Help text and groups are neither. Fallbacks: arrays of objects or of free text, tabs,
# tabarray, conditions, oneOf, $ref, autocomplete, switch, calculate and remote titleMaps.
EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "array-of-types.json": ({"foo"}, set()),
    "array-radiobuttons.json": (set(), {"field1", "field2"}),
    "array.json": (set(), {"comments"}),
    "autocomplete.json": (set(), {"first", "second"}),
    "calculate.json": ({"width", "length", "area"}, {"area", "property"}),
    "complex-keys.json": ({"['a[\"b\"].c']", "simple.prøp"}, {"array-key"}),
    "conditional-required.json": ({"switch"}, {"email"}),
    "custom-error.json": ({"email"}, set()),
    "deep-array.json": (set(), {"users"}),
    "grid.json": ({"name", "email", "comment"}, set()),
    "jsonref.json": (set(), {"local", "remote"}),
    "remote-titlemap-books.json": (set(), set()),
    "remote-titlemap-movies.json": (set(), set()),
    "simple-oneOf.json": (set(), {"name"}),
    "simple.json": ({"name", "date", "age", "email", "comment"}, set()),
    "sink.json": ({"soul", "date", "radio", "radio2", "radiobuttons"}, {"", "soulserial"}),
    "switch.json": (set(), {"live"}),
    "tabarray.json": (set(), {"comments"}),
    "tabs.json": (set(), {""}),
    "titlemaps.json": (
        {"select", "select2", "noenum", "radios", "array", "array2", "radiobuttons"},
        {"selectOptionData", "selectOptionRemote"},
    ),
    "types.json": ({"string", "integer", "number", "boolean"}, set()),
}


def test_table_covers_the_whole_corpus():
    assert {p.name for p in CORPUS.glob("*.json")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_definition_renders_with_expected_support(qtbot, name):
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    section = parse_section(
        {"code": "corpus", "schema": data.get("schema"), "form": data.get("form")}
    )
    form = SchemaForm(section, dict(data.get("model") or {}))
    form.setStyleSheet(stylesheet())
    qtbot.addWidget(form)
    form.resize(1000, 800)
    form.show()
    real = {
        w.field.key
        for w in form.field_widgets
        if not isinstance(w, UnsupportedField) and w.field.holds_value
    }
    fallback = {w.field.key for w in form.field_widgets if isinstance(w, UnsupportedField)}
    assert (real, fallback) == EXPECTED[name]
    assert all(w.isVisibleTo(form) for w in form.field_widgets)
    validate_section(section, form.values())
    form.validate()
