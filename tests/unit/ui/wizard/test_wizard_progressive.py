"""A progressive step: the first screenful first, the rest after the first frame, same answers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.ui.wizard import StepView
from kiosk.ui.wizard import step_view as step_view_module
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.progressive import FIELD_PX, BuildQueue, estimated_px
from kiosk.wizard import Answers, Field, IntakeFields, Step, parse_section

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


@pytest.fixture
def make_progressive(qtbot, qloop, answers: Answers, services, monkeypatch):
    from kiosk.ui.theme import stylesheet

    qloop  # noqa: B018 - the loop must exist before sections start their tasks
    monkeypatch.setattr(step_view_module, "first_screen_px", lambda: FIRST_SCREEN_PX)

    def make(step: Step, progressive: bool = True) -> StepView:
        view = StepView(step, answers, services, progressive=progressive)
        view.setStyleSheet(stylesheet())
        view.resize(1280, 800)
        qtbot.addWidget(view)
        view.show()
        return view

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
    assert queue.take(200) and queue.take(200)
    assert not queue.take(10)
    assert not queue.pending


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
