"""Field widgets: each type filled by simulated input, read back, and its validation tripped."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from schema_forms import form_for

from kiosk.constants import MIN_TOUCH_TARGET_PX
from kiosk.ui.wizard.fields.choices import ChoiceField, ToggleField
from kiosk.ui.wizard.fields.date import DateField
from kiosk.ui.wizard.fields.text import LineField, PasswordField, TextAreaField
from kiosk.wizard import validate_field

STATES = [f"S{i:02d}" for i in range(51)]


def test_text_field_reads_typed_text(qtbot):
    form = form_for(qtbot, {"name": {"type": "string", "required": True}})
    field = form.by_key["name"]
    assert isinstance(field, LineField)
    qtbot.keyClicks(field.edit, "Robin")
    assert form.values() == {"name": "Robin"}


def test_required_text_left_empty_shows_inline_error(qtbot):
    form = form_for(qtbot, {"name": {"type": "string", "required": True}})
    assert form.validate() == [form.by_key["name"].edit]
    assert form.by_key["name"].error_label.text() == "Please fill this in."


def test_typing_clears_the_error(qtbot):
    form = form_for(qtbot, {"name": {"type": "string", "required": True}})
    form.validate()
    qtbot.keyClicks(form.by_key["name"].edit, "R")
    assert not form.by_key["name"].error_label.isVisible()


def test_email_field_rejects_malformed_address(qtbot):
    form = form_for(qtbot, {"email": {"type": "string"}}, [{"key": "email", "type": "email"}])
    qtbot.keyClicks(form.by_key["email"].edit, "robin@example")
    form.validate()
    assert "email address" in form.by_key["email"].error_label.text()


def test_integer_with_max_length_trips_both_rules(qtbot):
    form = form_for(qtbot, {"ssn": {"type": "integer", "maxLength": 4}})
    edit = form.by_key["ssn"].edit
    qtbot.keyClicks(edit, "12a")
    form.validate()
    assert form.by_key["ssn"].error_label.text() == "Please use digits only."
    edit.clear()
    qtbot.keyClicks(edit, "12345")
    form.validate()
    assert form.by_key["ssn"].error_label.text() == "Please use at most 4 characters."


def test_allowed_empty_lets_a_required_field_stay_blank(qtbot):
    form = form_for(qtbot, {"ssn": {"type": "integer", "required": True, "allowedEmpty": True}})
    assert form.validate() == []


def test_number_field_rejects_text(qtbot):
    form = form_for(qtbot, {"age": {"type": "number"}})
    qtbot.keyClicks(form.by_key["age"].edit, "ten")
    form.validate()
    assert form.by_key["age"].error_label.text() == "Please enter a number."


def test_password_is_masked_until_show_is_pressed(qtbot):
    form = form_for(
        qtbot, {"password": {"type": "string"}}, [{"key": "password", "type": "password"}]
    )
    field = form.by_key["password"]
    assert isinstance(field, PasswordField)
    qtbot.keyClicks(field.edit, "hunter22")
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Normal
    assert field.value() == "hunter22"


def test_password_retype_must_match(qtbot):
    schema = {"password": {"type": "string"}, "password_retype": {"type": "string"}}
    form_def = [
        {"key": "password", "type": "password"},
        {"key": "password_retype", "type": "password"},
    ]
    form = form_for(qtbot, schema, form_def)
    qtbot.keyClicks(form.by_key["password"].edit, "abc123")
    qtbot.keyClicks(form.by_key["password_retype"].edit, "abc124")
    assert form.validate() == [form.by_key["password_retype"].edit]


def test_textarea_reads_several_lines(qtbot):
    form = form_for(qtbot, {"note": {"type": "string"}}, [{"key": "note", "type": "textarea"}])
    assert isinstance(form.by_key["note"], TextAreaField)
    qtbot.keyClicks(form.by_key["note"].edit, "line one")
    assert form.values() == {"note": "line one"}


def test_short_enum_gives_big_choice_buttons(qtbot):
    schema = {"gender": {"type": "string", "enum": ["male", "female"], "required": True}}
    form = form_for(
        qtbot,
        schema,
        [{"key": "gender", "type": "radios", "titleMap": {"male": "Male", "female": "Female"}}],
    )
    field = form.by_key["gender"]
    assert [b.accessibleName() for b in field.buttons] == ["Male", "Female"]
    assert all(
        b.minimumSizeHint().height() >= MIN_TOUCH_TARGET_PX
        or b.sizeHint().height() >= MIN_TOUCH_TARGET_PX
        for b in field.buttons
    )
    qtbot.mouseClick(field.buttons[1], Qt.MouseButton.LeftButton)
    assert form.values() == {"gender": "female"}


def test_unanswered_required_choice_asks_to_choose(qtbot):
    form = form_for(qtbot, {"g": {"type": "string", "enum": ["a", "b"], "required": True}})
    form.validate()
    assert form.by_key["g"].error_label.text() == "Please choose an answer."


def test_long_select_is_a_searchable_list(qtbot):
    form = form_for(
        qtbot,
        {"state": {"type": "string", "enum": STATES}},
        [{"key": "state", "type": "select", "titleMap": {s: f"State {s}" for s in STATES}}],
    )
    search = form.by_key["state"].search
    qtbot.keyClicks(search.query, "S4")
    assert search.visible_titles() == [f"State S{i}" for i in range(40, 50)]
    item = search.view.findItems("State S42", Qt.MatchFlag.MatchExactly)[0]
    rect = search.view.visualItemRect(item)
    qtbot.mouseClick(search.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.values() == {"state": "S42"}
    assert search.chosen.text() == "Chosen: State S42"


def test_multiple_select_gives_chips_and_a_list_answer(qtbot):
    enum = ["Cough", "Fever", "Rash"]
    form = form_for(
        qtbot,
        {"rfv": {"type": "string", "enum": enum, "multiple": True, "required": True}},
        [{"key": "rfv", "type": "select"}],
    )
    field = form.by_key["rfv"]
    assert isinstance(field, ChoiceField)
    assert all(b.property("role") == "chip" for b in field.buttons)
    form.validate()
    assert field.error_label.text() == "Please choose at least one."
    qtbot.mouseClick(field.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(field.buttons[2], Qt.MouseButton.LeftButton)
    assert form.values() == {"rfv": ["Cough", "Rash"]}


def test_checkbox_is_a_big_toggle(qtbot):
    form = form_for(qtbot, {"ok": {"type": "boolean", "title": "I agree", "required": True}})
    field = form.by_key["ok"]
    assert isinstance(field, ToggleField)
    form.validate()
    assert field.error_label.text() == "Please tick this box to continue."
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert form.values() == {"ok": True}
    assert field.toggle.text().startswith("☑")


def test_birth_date_is_typed_on_digit_boxes(qtbot):
    form = form_for(
        qtbot,
        {"dob": {"type": "string"}},
        [{"key": "dob", "type": "datepicker", "title": "Date of Birth"}],
    )
    field = form.by_key["dob"]
    assert isinstance(field, DateField)
    boxes = field.entry.segments
    assert all(box.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly for box in boxes.values())
    for part, digits in (("month", "02"), ("day", "29"), ("year", "1980")):
        qtbot.keyClicks(boxes[part], digits)
    assert form.values() == {"dob": "1980-02-29"}


def test_partial_date_asks_for_a_full_date(qtbot):
    form = form_for(
        qtbot, {"dob": {"type": "string", "required": True}}, [{"key": "dob", "type": "datepicker"}]
    )
    form.by_key["dob"].entry.segments["month"].setText("05")
    form.validate()
    assert form.by_key["dob"].error_label.text() == "Please choose a full date."


def test_a_day_the_month_lacks_is_named_as_typed(qtbot):
    form = form_for(qtbot, {"dob": {"type": "string"}}, [{"key": "dob", "type": "datepicker"}])
    entry = form.by_key["dob"].entry
    for part, digits in (("month", "02"), ("day", "29"), ("year", "2001")):
        qtbot.keyClicks(entry.segments[part], digits)
    assert entry.message.text() == "Check the day"


def test_future_birth_date_is_rejected(qtbot):
    form = form_for(qtbot, {"dob": {"type": "string"}}, [{"key": "dob", "type": "datepicker"}])
    future = dt.date.today() + dt.timedelta(days=400)
    assert validate_field(form.by_key["dob"].field, future.isoformat()) is not None


def test_form_restores_values_from_state(qtbot):
    form = form_for(qtbot, {"name": {"type": "string"}}, state={"name": "Kim"})
    assert form.by_key["name"].edit.text() == "Kim"


@pytest.mark.parametrize(
    "kind",
    [
        "text",
        "email",
        "number",
        "password",
        "select",
        "radios",
        "checkbox",
        "checkboxes",
        "datepicker",
        "textarea",
    ],
)
def test_every_field_type_has_touch_sized_controls(qtbot, kind):
    schema = {
        "x": {"type": "array", "items": {"enum": ["a", "b"]}}
        if kind == "checkboxes"
        else {"type": "string", "enum": ["a", "b"]}
        if kind in ("select", "radios")
        else {"type": "boolean"}
        if kind == "checkbox"
        else {"type": "string"}
    }
    form = form_for(qtbot, schema, [{"key": "x", "type": kind}])
    target = form.by_key["x"].focus_widget()
    assert target.height() >= MIN_TOUCH_TARGET_PX
