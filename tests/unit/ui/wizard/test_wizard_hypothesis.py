"""Property test: random well-formed schema/form pairs, in both dialects, never raise.

Runs under the profile from tests/conftest.py: ``ci`` (derandomized, the default) or
``HYPOTHESIS_PROFILE=fuzz`` for the long randomized run.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.ui.wizard.form import SchemaForm
from kiosk.wizard import KNOWN_FIELD_KINDS, parse_section, validate_section

KEYS = st.text(alphabet="abcdefgh_.[]'", min_size=1, max_size=6)
TEXT = st.text(max_size=12)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-5, 99), TEXT)
#: Every kind the model knows, then aliases, layouts and kinds it must fall back on.
FORM_TYPES = st.sampled_from(
    [
        *sorted(KNOWN_FIELD_KINDS),
        "radiobuttons",
        "section",
        "tabs",
        "tabarray",
        "datetime-local",
        "wysihtml5",
        "selectfieldset",
        "questions",
        "advancedfieldset",
        "color",
        "submit",
        "signature",
        "autocomplete",
        "",
    ]
)


@st.composite
def properties(draw):
    kind = draw(
        st.sampled_from(
            ["string", "integer", "number", "boolean", "array", "object", ["string", "null"]]
        )
    )
    prop = {"type": kind, "title": draw(TEXT)}
    if draw(st.booleans()):
        prop["enum"] = draw(st.lists(SCALAR, max_size=12))
    if kind == "array":
        prop["items"] = draw(
            st.sampled_from(
                [
                    {"type": "string", "enum": ["a", "b"]},
                    {"type": "object"},
                    {"type": "string"},
                    {"type": "integer", "minimum": 0},
                    {
                        "type": "object",
                        "properties": {"n": {"type": "string"}, "d": {"type": "number"}},
                        "required": ["n"],
                    },
                    [{"type": "string"}],
                ]
            )
        )
    for key, value in draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "maxLength",
                    "minLength",
                    "minimum",
                    "maximum",
                    "pattern",
                    "format",
                    "multiple",
                    "allowedEmpty",
                    "required",
                    "default",
                    "minItems",
                    "maxItems",
                ]
            ),
            st.one_of(
                SCALAR, st.sampled_from(["email", "date", "[", "^a", "time", "uri", "date-time"])
            ),
            max_size=4,
        )
    ).items():
        prop[key] = value
    return prop


@st.composite
def form_entries(draw, keys):
    key = draw(st.one_of(st.sampled_from(keys), KEYS)) if keys else draw(KEYS)
    if draw(st.booleans()):
        return key
    entry = {"key": key, "type": draw(FORM_TYPES), "title": draw(TEXT)}
    if draw(st.booleans()):
        entry["titleMap"] = draw(
            st.one_of(
                st.dictionaries(TEXT, TEXT, max_size=4),
                st.lists(st.fixed_dictionaries({"value": SCALAR, "name": TEXT}), max_size=4),
            )
        )
    if draw(st.booleans()):
        entry["items"] = [draw(st.sampled_from(keys or ["x"]))]
    if draw(st.booleans()):
        entry["items"] = [f"{key}[]", f"{key}[].n", {"key": f"{key}[].d", "condition": "x"}]
    if draw(st.booleans()):
        entry["condition"] = draw(conditions(keys))
    if draw(st.booleans()):
        entry["prepend"], entry["append"] = draw(TEXT), draw(TEXT)
    return entry


def conditions(keys):
    """Conditions clinics write, odd ones and ones the evaluator must refuse."""
    names = st.sampled_from([*(keys or ["x"]), "missing", "a.b", "arr[0]"])
    simple = st.one_of(
        names.map(lambda k: f"model.{k}"),
        names.map(lambda k: f"!model.{k}"),
        st.tuples(names, st.sampled_from(["==", "!=", ">", "<=", "==="]), SCALAR).map(
            lambda t: f"model.{t[0]} {t[1]} {t[2]!r}"
        ),
    )
    return st.one_of(
        simple,
        st.tuples(simple, st.sampled_from(["&&", "||"]), simple).map(" ".join),
        simple.map(lambda c: f"({c})"),
        st.text(alphabet="model.!=&|()'[]x 1", max_size=20),
    )


@st.composite
def definitions(draw):
    props = draw(st.dictionaries(KEYS, properties(), max_size=5))
    keys = list(props)
    if draw(st.booleans()):
        schema = props  # JSON Form: bare property map, required flags per property
    else:
        schema = {
            "type": "object",
            "properties": props,
            "required": draw(st.lists(st.sampled_from(keys), max_size=3)) if keys else [],
        }
    form = draw(st.one_of(st.none(), st.just(["*"]), st.lists(form_entries(keys), max_size=6)))
    item = st.one_of(SCALAR, st.dictionaries(st.sampled_from(["n", "d", "[]"]), SCALAR))
    answers = {
        k: draw(st.one_of(SCALAR, st.lists(SCALAR, max_size=3), st.lists(item, max_size=3)))
        for k in keys
    }
    return schema, form, answers


@given(definitions())
def test_random_definitions_render_and_validate_without_raising(qtbot, definition):
    schema, form_def, answers = definition
    section = parse_section({"code": "random", "schema": schema, "form": form_def})
    validate_section(section, answers)
    form = SchemaForm(section, {})
    # Not handed to qtbot: the fuzz profile builds thousands of forms in one test, and qtbot
    # keeps every widget it is given alive until the test ends.
    for key, value in answers.items():
        widget = form.by_key.get(key)
        if widget is not None:
            widget.set_value(value)
    form.validate()
    validate_section(section, form.flat_values())
    form.values()
    form.deleteLater()


def test_choice_with_an_empty_label_in_a_long_list_can_be_chosen(qtbot):
    """Regression: an empty titleMap name made the search list's "Chosen:" line raise
    IndexError (search_list.py, splitting the row's empty text)."""
    title_map = [{"value": "", "name": ""}] + [{"value": str(n), "name": str(n)} for n in range(9)]
    section = parse_section(
        {
            "code": "t",
            "schema": {"a": {"type": "string"}},
            "form": [{"key": "a", "type": "select", "titleMap": title_map}],
        }
    )
    form = SchemaForm(section, {})
    qtbot.addWidget(form)
    search = form.by_key["a"].search
    search.view.item(0).setSelected(True)
    assert search.chosen.text() == "Chosen: (no answer)"
    assert form.flat_values() == {"a": ""}


def test_search_list_row_with_empty_title_can_be_selected(qtbot):
    from kiosk.ui.wizard.search_list import SearchList

    search = SearchList()
    qtbot.addWidget(search)
    search.set_rows([("", "", 0), ("B", "b", 1)])
    search.view.item(0).setSelected(True)
    assert search.chosen.text() == "Chosen: "
    assert search.visible_titles() == ["", "B"]
