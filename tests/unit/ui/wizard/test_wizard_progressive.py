"""A progressive step: the first screenful first, the rest after the first frame, same answers."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.ui.wizard import StepView
from kiosk.ui.wizard import progressive as building
from kiosk.ui.wizard import step_view as step_view_module
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.progressive import FIELD_PX, BuildQueue, Placement, estimated_px
from kiosk.wizard import Field, IntakeFields, Step, parse_section

QUESTIONS = 12
#: Room for three ordinary questions on the "first screen" of these tests.
FIRST_SCREEN_PX = 3 * FIELD_PX - 10


def long_step() -> Step:
    """Twelve text questions; the first and the last required; q5 shown only when the
    (late) last answer is "yes", q10 only when q1 is "show"."""
    properties: dict[str, Any] = {
        f"q{n}": {"type": "string", "title": f"Question {n}"} for n in range(1, QUESTIONS + 1)
    }
    form: list[Any] = [f"q{n}" for n in range(1, QUESTIONS + 1)]
    form[2] = {"key": "q3", "condition": f"model.q{QUESTIONS} == 'yes'"}
    form[9] = {"key": "q10", "condition": "model.q1 == 'show'"}
    section = parse_section(
        {
            "code": "update_intake",
            "schema": {
                "type": "object",
                "properties": properties,
                "required": ["q1", f"q{QUESTIONS}"],
            },
            "form": form,
        }
    )
    return Step(name="Long", code="long", next_title="Next", sections=(section,), group="b")


@pytest.fixture(autouse=True)
def first_frame_without_a_deadline(monkeypatch):
    """These tests place questions by height alone: the first frame's time budget (CPU time,
    which varies with the machine) is set per test where it is the subject."""
    monkeypatch.setattr(building, "FIRST_FRAME_MS", 1e9)


@pytest.fixture
def make_progressive(make_view, monkeypatch):
    monkeypatch.setattr(step_view_module, "first_screen_px", lambda: FIRST_SCREEN_PX)

    def make(step: Step, progressive: bool = True) -> StepView:
        return make_view(step, progress=(0, 1), progressive=progressive)

    return make


def keys(view: StepView) -> list[str]:
    return [w.field.key for w in view.sections[0].form.field_widgets]


def test_only_the_first_screen_is_built_before_the_step_is_drawn(make_progressive, qtbot):
    view = make_progressive(long_step())
    assert keys(view) == ["q1", "q2", "q3"]
    assert view.building
    with qtbot.waitSignal(view.built):
        pass
    assert keys(view) == [f"q{n}" for n in range(1, QUESTIONS + 1)]
    assert not view.building
    shown = {w.field.key for w in view.findChildren(FieldWidget) if w.isVisible()}
    assert shown == {f"q{n}" for n in range(1, QUESTIONS + 1)} - {"q3", "q10"}


def test_a_step_built_whole_has_every_question_at_once(make_progressive):
    view = make_progressive(long_step(), progressive=False)
    assert len(keys(view)) == QUESTIONS
    assert not view.building


def test_next_builds_the_rest_and_validates_it(make_progressive, qtbot, answers):
    view = make_progressive(long_step())
    answers_state = view.sections[0].state
    answers_state["q1"] = "Alice"
    view.sections[0].form.by_key["q1"].set_value("Alice")
    with qtbot.assertNotEmitted(view.submitted):
        view.next_button.click()
    assert not view.building
    last = view.sections[0].form.by_key[f"q{QUESTIONS}"]
    assert last.has_error()
    assert view.summary.text() == "1 answer needs your attention."


def test_late_questions_come_before_back_and_next_in_the_tab_order(make_progressive, qtbot):
    view = make_progressive(long_step())
    qtbot.waitUntil(lambda: not view.building)
    widget = view.sections[0].form.by_key["q1"].focus_widget()
    order: list[str] = []
    for _ in range(60):
        if isinstance(widget, QLineEdit) and widget.isVisible():
            field = widget.parentWidget()
            order.append(field.field.key if isinstance(field, FieldWidget) else "?")
        if widget is view.back_button:
            break
        widget = widget.nextInFocusChain()
    assert order == [f"q{n}" for n in range(1, QUESTIONS + 1) if n not in (3, 10)]
    assert widget is view.back_button
    assert view.back_button.nextInFocusChain() is view.next_button


def test_a_condition_sees_the_stored_answer_of_a_question_not_built_yet(
    make_progressive, answers, qtbot
):
    step = long_step()
    answers.section_state(step, 0, step.sections[0])[f"q{QUESTIONS}"] = "yes"
    view = make_progressive(step)
    assert view.building
    assert view.sections[0].form.by_key["q3"].isVisible()
    qtbot.waitUntil(lambda: not view.building)
    assert view.sections[0].form.by_key["q3"].isVisible()
    assert not view.sections[0].form.by_key["q10"].isVisible()


def test_a_late_conditional_question_follows_its_condition(make_progressive, qtbot):
    view = make_progressive(long_step())
    qtbot.waitUntil(lambda: not view.building)
    form = view.sections[0].form
    form.by_key["q1"].set_value("show")
    form.by_key["q1"].changed.emit()
    assert form.by_key["q10"].isVisible()


def test_progressive_and_whole_steps_submit_the_same(make_progressive, answers, qtbot):
    step = long_step()
    state = answers.section_state(step, 0, step.sections[0])
    state.update({f"q{n}": f"answer {n}" for n in range(1, QUESTIONS + 1)})
    sent: list[list[Any]] = []
    for progressive in (True, False):
        view = make_progressive(step, progressive=progressive)
        with qtbot.waitSignal(view.submitted) as signal:
            view.next_button.click()
        sent.append(signal.args[0])
    assert sent[0] == sent[1]
    assert isinstance(sent[0][0], IntakeFields)
    assert sent[0][0].fields["q12"] == "answer 12"


def test_the_first_screen_holds_questions_by_their_estimated_height():
    queue = BuildQueue(room_px=300)
    assert queue.place(200) is Placement.NOW
    assert queue.place(200) is Placement.NOW
    assert queue.place(10) is Placement.LATER
    assert not queue.pending


def test_past_the_first_frames_time_the_first_screen_is_built_in_the_next_slice():
    queue = BuildQueue(room_px=300, budget_ms=0)
    assert queue.out_of_time()
    assert queue.place(100) is Placement.NOW  # the step shows at least one question
    assert queue.place(100) is Placement.SOON
    assert queue.place(100) is Placement.SOON
    assert queue.place(100) is Placement.LATER
    assert queue.first_frame
    queue.run_slice()
    assert not queue.first_frame


def test_the_rest_of_the_first_screen_is_shown_before_the_questions_below_it(
    make_progressive, qtbot, monkeypatch
):
    monkeypatch.setattr(building, "FIRST_FRAME_MS", 0.0)
    view = make_progressive(long_step())
    assert keys(view) == ["q1"]
    form = view.sections[0].form
    form.build_pending(until=None)  # one call: the first screen's block, then it stops
    assert keys(view) == ["q1", "q2", "q3"]
    assert form.by_key["q2"].isVisible()
    assert view.building
    with qtbot.waitSignal(view.built):
        pass
    assert keys(view) == [f"q{n}" for n in range(1, QUESTIONS + 1)]
    shown = {w.field.key for w in view.findChildren(FieldWidget) if w.isVisible()}
    assert shown == {f"q{n}" for n in range(1, QUESTIONS + 1)} - {"q3", "q10"}
    order = [w.field.key for w in view.findChildren(FieldWidget) if w.isVisible()]
    stops = [form.by_key[key].focus_widget() for key in order]
    for before, after in itertools.pairwise(stops):
        assert next_tab_stop(before) is after


def test_groups_and_tall_questions_count_their_height():
    line = Field(key="a", kind="text")
    group = Field(key="", kind="fieldset", children=(line, line))
    assert estimated_px(group) > 2 * estimated_px(line)
    assert estimated_px(Field(key="t", kind="textarea")) > estimated_px(line)
    assert estimated_px(Field(key="h", kind="hidden")) == 0


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget`` (the focus chain also holds widgets Tab skips)."""
    stop = widget.nextInFocusChain()
    while not (stop.focusPolicy() & Qt.FocusPolicy.TabFocus and stop.isVisible()):
        stop = stop.nextInFocusChain()
    return stop


def with_section(step: Step, raw: dict[str, Any]) -> Step:
    return Step(
        name=step.name,
        code=step.code,
        next_title="",
        sections=(*step.sections, parse_section(raw)),
        group=step.group,
    )


def test_a_section_below_the_first_screen_is_built_after_it(make_progressive, qtbot):
    step = with_section(long_step(), {"code": "post_signup_tos_popup", "title": "Terms"})
    view = make_progressive(step)
    assert [s.section.code for s in view.sections] == ["update_intake"]
    qtbot.waitUntil(lambda: not view.building)
    assert [s.section.code for s in view.sections] == ["update_intake", "post_signup_tos_popup"]
    terms = view.sections[1]
    assert terms.isVisible()
    last_question = view.sections[0].form.by_key[f"q{QUESTIONS}"].focus_widget()
    assert next_tab_stop(last_question) is terms.view_button
    assert next_tab_stop(terms.agree) is view.back_button


def test_next_waits_for_a_late_section(make_progressive, answers, qtbot):
    step = with_section(long_step(), {"code": "post_signup_tos_popup", "title": "Terms"})
    state = answers.section_state(step, 0, step.sections[0])
    state.update({f"q{n}": f"answer {n}" for n in range(1, QUESTIONS + 1)})
    view = make_progressive(step)
    with qtbot.assertNotEmitted(view.submitted):
        view.next_button.click()  # the terms, built now, are not agreed to yet
    assert len(view.sections) == 2
    assert view.summary.text() == "1 answer needs your attention."


def test_a_section_that_names_the_next_button_is_built_at_once(make_progressive):
    consent = {"code": "consent_text", "title": "Consent", "document": "consent"}
    view = make_progressive(with_section(long_step(), consent))
    assert [s.section.code for s in view.sections] == ["update_intake", "consent_text"]
    assert view.next_button.text() == "I Agree"


def chips_step() -> Step:
    """One "choose all that apply" question with 27 options, as the example intake has."""
    options = [f"Reason {n}" for n in range(27)]
    section = parse_section(
        {
            "code": "update_intake",
            "schema": {
                "type": "object",
                "properties": {
                    "reasons": {
                        "type": "array",
                        "title": "Why are you here?",
                        "items": {"type": "string", "enum": options},
                    }
                },
            },
            "form": [{"key": "reasons", "type": "checkboxes"}],
        }
    )
    return Step(name="Reasons", code="reasons", next_title="Next", sections=(section,), group="b")


def test_many_chips_past_the_first_frames_time_are_built_after_it(
    make_progressive, answers, qtbot, monkeypatch
):
    from kiosk.ui.wizard.fields.choices import FIRST_CHIPS

    monkeypatch.setattr(building, "FIRST_FRAME_MS", 0.0)
    step = chips_step()
    answers.section_state(step, 0, step.sections[0])["reasons"] = ["Reason 1", "Reason 20"]
    view = make_progressive(step)
    field = view.sections[0].form.by_key["reasons"]
    assert len(field.buttons) == FIRST_CHIPS
    assert field.value() == ["Reason 1", "Reason 20"]  # a chosen chip not built yet counts
    field.buttons[2].click()
    assert field.value() == ["Reason 1", "Reason 2", "Reason 20"]
    with qtbot.waitSignal(view.built):
        pass
    assert [b.text() for b in field.buttons] == [f"Reason {n}" for n in range(27)]
    assert [n for n, b in enumerate(field.buttons) if b.isChecked()] == [1, 2, 20]
    for before, after in itertools.pairwise(field.buttons):
        assert next_tab_stop(before) is after
    assert next_tab_stop(field.buttons[-1]) is view.back_button


def test_chips_are_all_built_at_once_without_a_queue(make_progressive, monkeypatch):
    monkeypatch.setattr(building, "FIRST_FRAME_MS", 0.0)
    view = make_progressive(chips_step(), progressive=False)
    assert len(view.sections[0].form.by_key["reasons"].buttons) == 27
    assert not view.building
