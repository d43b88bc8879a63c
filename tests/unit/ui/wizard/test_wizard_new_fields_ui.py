"""Arrays, phone, time, date-time, scale and hidden fields: driven by taps and keys, read back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from schema_forms import form_for

from kiosk.ui.wizard.fields.array import ArrayField
from kiosk.ui.wizard.fields.moments import DateTimeField, TimeField
from kiosk.ui.wizard.fields.scale import RangeField
from kiosk.ui.wizard.fields.static import HiddenField
from kiosk.ui.wizard.fields.text import LineField, PhoneField

LEFT = Qt.MouseButton.LeftButton
MEDS = {
    "type": "object",
    "properties": {
        "meds": {
            "type": "array",
            "title": "Medicines",
            "maxItems": 2,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "title": "Medicine"},
                    "per_day": {"type": "integer", "title": "Times a day"},
                },
                "required": ["name"],
            },
        }
    },
}

#: The form of MEDS whose "times a day" shows only once that item has a name.
MEDS_PER_DAY_WHEN_NAMED = [
    {
        "key": "meds",
        "items": [
            "meds[].name",
            {"key": "meds[].per_day", "condition": "model.meds[arrayIndex].name"},
        ],
    }
]


def item_field(array: ArrayField, key: str):
    (form,) = array.item_forms
    return form.by_key[key]


# -- arrays ---------------------------------------------------------------------------------
def test_array_starts_with_one_open_card_and_submits_a_list_of_objects(qtbot):
    form = form_for(qtbot, MEDS)
    meds = form.by_key["meds"]
    assert isinstance(meds, ArrayField)
    qtbot.keyClicks(item_field(meds, "name").edit, "Aspirin")
    qtbot.keyClicks(item_field(meds, "per_day").edit, "2")
    assert form.values() == {"meds": [{"name": "Aspirin", "per_day": 2}]}


def test_add_another_opens_a_new_card_and_lists_the_first_as_a_row(qtbot):
    state: dict = {}
    form = form_for(qtbot, MEDS, state=state)
    meds = form.by_key["meds"]
    qtbot.keyClicks(item_field(meds, "name").edit, "Aspirin")
    qtbot.mouseClick(meds.add_button, LEFT)
    assert meds.rows.count() == 2 and "Aspirin" in meds.rows.item(0).text()
    qtbot.keyClicks(item_field(meds, "name").edit, "Ibuprofen")
    assert [m["name"] for m in state["meds"]] == ["Aspirin", "Ibuprofen"]
    assert not meds.add_button.isEnabled()  # maxItems 2


def test_tapping_a_row_opens_that_item(qtbot):
    form = form_for(qtbot, MEDS, state={"meds": [{"name": "A"}, {"name": "B"}]})
    meds = form.by_key["meds"]
    assert meds.item_forms == []
    rect = meds.rows.visualItemRect(meds.rows.item(1))
    qtbot.mouseClick(meds.rows.viewport(), LEFT, pos=rect.center())
    assert item_field(meds, "name").edit.text() == "B"


def test_remove_drops_the_item(qtbot):
    form = form_for(qtbot, MEDS, state={"meds": [{"name": "A"}, {"name": "B"}]})
    meds = form.by_key["meds"]
    meds.open_item(0)
    remove = [b for b in meds.cards[0].findChildren(type(meds.add_button)) if b.text() == "Remove"]
    qtbot.mouseClick(remove[0], LEFT)
    assert form.values() == {"meds": [{"name": "B"}]}


def test_problem_in_a_closed_item_opens_it_and_shows_the_error(qtbot):
    form = form_for(qtbot, MEDS, state={"meds": [{"name": "A"}, {"per_day": "3"}]})
    meds = form.by_key["meds"]
    invalid = form.validate()
    assert meds.open_index == 1
    assert item_field(meds, "name").error_label.text() == "Please fill this in."
    assert invalid == [item_field(meds, "name").edit]
    assert form.open_problems() == 1


def test_array_of_free_text_is_rows_of_one_input(qtbot):
    form = form_for(qtbot, {"allergies": {"type": "array", "items": {"type": "string"}}})
    allergies = form.by_key["allergies"]
    qtbot.keyClicks(item_field(allergies, "[]").edit, "Latex")
    assert form.values() == {"allergies": ["Latex"]}
    assert not item_field(allergies, "[]").title_label.isVisibleTo(form)


def test_condition_inside_an_item_follows_that_items_answers(qtbot):
    form = form_for(qtbot, MEDS, MEDS_PER_DAY_WHEN_NAMED)
    meds = form.by_key["meds"]
    per_day = item_field(meds, "per_day")
    assert not per_day.isVisibleTo(form)
    qtbot.keyClicks(item_field(meds, "name").edit, "A")
    assert per_day.isVisibleTo(form)


# -- phone, url, time, date-time ------------------------------------------------------------
def test_phone_is_grouped_as_it_is_typed_and_asks_for_the_dial_pad(qtbot):
    form = form_for(qtbot, {"phone": {"type": "string"}}, [{"key": "phone", "type": "tel"}])
    phone = form.by_key["phone"]
    assert isinstance(phone, PhoneField)
    qtbot.keyClicks(phone.edit, "5551234567")
    assert phone.edit.text() == "(555) 123-4567"
    assert phone.edit.inputMethodHints() & Qt.InputMethodHint.ImhDialableCharactersOnly
    assert phone.edit.property("inputKind") == "phone"


@pytest.mark.parametrize(
    ("kind", "schema_type", "hint", "input_kind"),
    [
        ("email", "string", Qt.InputMethodHint.ImhEmailCharactersOnly, "email"),
        ("url", "string", Qt.InputMethodHint.ImhUrlCharactersOnly, "url"),
        ("number", "integer", Qt.InputMethodHint.ImhDigitsOnly, "number"),
        ("number", "number", Qt.InputMethodHint.ImhFormattedNumbersOnly, "number"),
    ],
)
def test_typed_fields_tell_the_keyboard_what_they_take(qtbot, kind, schema_type, hint, input_kind):
    form = form_for(qtbot, {"a": {"type": schema_type}}, [{"key": "a", "type": kind}])
    field = form.by_key["a"]
    assert isinstance(field, LineField)
    assert field.edit.inputMethodHints() & hint
    assert field.edit.property("inputKind") == input_kind


def test_time_is_three_taps_and_stored_in_24_hours(qtbot):
    form = form_for(qtbot, {"at": {"type": "string", "format": "time"}})
    at = form.by_key["at"]
    assert isinstance(at, TimeField)
    qtbot.mouseClick(at.hours.buttons[1], LEFT)  # 2
    qtbot.mouseClick(at.minutes.buttons[6], LEFT)  # 30
    assert form.validate() == [at.focus_widget()]  # AM/PM still missing
    qtbot.mouseClick(at.halves.buttons[1], LEFT)  # PM
    assert form.values() == {"at": "14:30"}
    assert form.validate() == []


def test_date_time_combines_the_date_control_and_the_time(qtbot):
    form = form_for(
        qtbot, {"when": {"type": "string"}}, [{"key": "when", "type": "datetime-local"}]
    )
    when = form.by_key["when"]
    assert isinstance(when, DateTimeField)
    when.set_value("2024-05-01T09:05")
    assert form.values() == {"when": "2024-05-01T09:05"}


# -- scale and hidden ------------------------------------------------------------------------
def test_pain_scale_is_a_row_of_cells_and_shows_the_value(qtbot):
    form = form_for(
        qtbot,
        {"pain": {"type": "integer", "minimum": 0, "maximum": 10}},
        [{"key": "pain", "type": "range"}],
    )
    pain = form.by_key["pain"]
    assert isinstance(pain, RangeField) and pain.bar is not None
    assert len(pain.bar.labels) == 11
    cell = pain.bar.cell(7)
    assert cell.width() >= 48 and cell.height() >= 48
    qtbot.mouseClick(pain.bar, LEFT, pos=cell.center())
    assert form.values() == {"pain": 7}
    assert pain.readout.text() == "Your answer: 7 of 10"
    qtbot.keyClick(pain.bar, Qt.Key.Key_Right)
    assert form.values() == {"pain": 8}


def test_long_scale_is_a_slider_and_unanswered_until_moved(qtbot):
    form = form_for(
        qtbot,
        {"hours": {"type": "integer", "minimum": 0, "maximum": 24}},
        [{"key": "hours", "type": "range"}],
    )
    hours = form.by_key["hours"]
    assert hours.slider is not None and form.values() == {}
    hours.slider.setValue(8)
    assert form.values() == {"hours": 8}


def test_hidden_field_is_invisible_and_submits_its_default(qtbot):
    form = form_for(
        qtbot,
        {"src": {"type": "string", "default": "kiosk"}, "a": {"type": "boolean"}},
        [{"key": "src", "type": "hidden", "condition": "model.a"}, "a"],
    )
    src = form.by_key["src"]
    assert isinstance(src, HiddenField) and not src.isVisibleTo(form)
    form.by_key["a"].toggle.click()
    assert not src.isVisibleTo(form)
    assert form.values() == {"src": "kiosk", "a": True}


def test_prepend_and_append_words_sit_around_the_input(qtbot):
    form = form_for(
        qtbot, {"w": {"type": "number"}}, [{"key": "w", "prepend": "about", "append": "kg"}]
    )
    field = form.by_key["w"]
    words = [
        w.text()
        for w in field.findChildren(type(field.title_label))
        if w.property("wizard") == "addon"
    ]
    assert words == ["about", "kg"]
    left, right = (
        w for w in field.findChildren(type(field.title_label)) if w.property("wizard") == "addon"
    )
    assert left.mapTo(field, QPoint(0, 0)).x() < field.edit.mapTo(field, QPoint(0, 0)).x()
    assert right.mapTo(field, QPoint(0, 0)).x() > field.edit.mapTo(field, QPoint(0, 0)).x()


def test_item_opened_later_applies_its_conditions_at_once(qtbot):
    form = form_for(
        qtbot,
        MEDS,
        MEDS_PER_DAY_WHEN_NAMED,
        state={"meds": [{"name": "A"}, {}]},
    )
    meds = form.by_key["meds"]
    meds.open_item(1)
    assert not item_field(meds, "per_day").isVisibleTo(form)
    meds.open_item(0)
    assert item_field(meds, "per_day").isVisibleTo(form)
