"""Property test: random well-formed schema/form pairs, in both dialects, never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.ui.wizard.form import SchemaForm
from kiosk.wizard import parse_section, validate_section

KEYS = st.text(alphabet="abcdefgh_.[]'", min_size=1, max_size=6)
TEXT = st.text(max_size=12)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-5, 99), TEXT)
FORM_TYPES = st.sampled_from(
    [
        "text",
        "textarea",
        "number",
        "email",
        "password",
        "select",
        "radios",
        "radiobuttons",
        "checkbox",
        "checkboxes",
        "datepicker",
        "help",
        "fieldset",
        "section",
        "tabs",
        "array",
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
                [{"type": "string", "enum": ["a", "b"]}, {"type": "object"}, {"type": "string"}]
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
                ]
            ),
            st.one_of(SCALAR, st.sampled_from(["email", "date", "[", "^a"])),
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
    return entry


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
    answers = {k: draw(st.one_of(SCALAR, st.lists(SCALAR, max_size=3))) for k in keys}
    return schema, form, answers


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(definitions())
def test_random_definitions_render_and_validate_without_raising(qtbot, definition):
    schema, form_def, answers = definition
    section = parse_section({"code": "random", "schema": schema, "form": form_def})
    validate_section(section, answers)
    form = SchemaForm(section, {})
    qtbot.addWidget(form)
    for key, value in answers.items():
        widget = form.by_key.get(key)
        if widget is not None:
            widget.set_value(value)
    form.validate()
    validate_section(section, form.values())
