"""StepView: every example step renders; Next, Back, progress, errors and revisits behave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea

from kiosk.ui.wizard import SECTION_WIDGETS, StepView
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.wizard import IntakeFields, Section, Step, parse_section

EXAMPLE_STEPS = [
    ("signup.signup", "signup"),
    ("signup.verification", "signup_verification"),
    ("signup.update_profile", "post_signup_update_profile"),
    ("signup.terms_of_service", "terms_of_service_text"),
    ("visits.intake", "intake"),
    ("visits.intake", "intake2"),
    ("visits.visit_type", "visit_type"),
    ("visits.consent", "consent_text"),
    ("visits.calendar", "appointment_calendar"),
    ("visits.post_intake", "emr"),
    ("visits.post_intake", "pharmacy"),
    ("visits.post_intake", "survey"),
    ("visits.post_call", "survey"),
]


def test_example_account_has_the_listed_steps(definition):
    assert [(s.group, s.code) for s in definition.all_steps()] == EXAMPLE_STEPS


@pytest.mark.parametrize(("group", "code"), EXAMPLE_STEPS)
def test_every_example_step_renders_each_section(make_view, settle, step_by_code, group, code):
    step = step_by_code(group, code)
    view = make_view(step)
    settle(view)
    assert [s.section.code for s in view.sections] == [s.code for s in step.sections]
    assert all(s.code in SECTION_WIDGETS for s in step.sections)
    assert view.next_button.isVisible()


def test_heading_is_the_step_name(make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    assert view.heading.text() == "New account"


def test_next_button_uses_next_title(make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    assert view.next_button.text() == "Create"


def test_next_falls_back_to_next_without_next_title(make_view, step_by_code):
    view = make_view(step_by_code("visits.visit_type", "visit_type"))
    assert view.next_button.text() == "Next"


def test_consent_without_next_title_says_i_agree(make_view):
    step = Step(
        name="Consent",
        code="c",
        next_title="Next",
        sections=(parse_section({"code": "consent_text"}),),
    )
    assert make_view(step).next_button.text() == "I Agree"


def test_progress_shows_step_number_and_bar(make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"), progress=(1, 5))
    assert view.progress_label.text() == "Step 2 of 5"
    assert (view.progress_bar.value(), view.progress_bar.maximum()) == (2, 5)


def test_body_scrolls_and_action_bar_stays_outside_it(make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    scroll = view.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0
    assert not scroll.isAncestorOf(view.next_button)


def test_next_with_errors_shows_summary_and_focuses_first(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    with qtbot.assertNotEmitted(view.submitted):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.summary.isVisible()
    assert view.summary.text() == "6 answers need your attention."
    first = view.findChildren(FieldWidget)[0]
    assert first.error_label.isVisible()
    assert view.focusWidget() is first.focus_widget()


def test_focus_scrolls_to_first_error_further_down(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("signup.update_profile", "post_signup_update_profile"))
    fields = {w.field.key: w for w in view.findChildren(FieldWidget)}
    for key in ("first_name", "last_name"):
        qtbot.keyClicks(fields[key].edit, "Sam")
    fields["gender"].buttons[0].click()
    fields["dob"].set_value("1980-05-03")
    qtbot.keyClicks(fields["password"].edit, "secret1")
    qtbot.keyClicks(fields["password_retype"].edit, "secret2")
    view.findChild(QScrollArea).verticalScrollBar().setValue(0)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.summary.text() == "2 answers need your attention."
    assert view.findChild(QScrollArea).verticalScrollBar().value() > 0


def test_valid_step_emits_submissions(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"))
    fields = {w.field.key: w for w in view.findChildren(FieldWidget)}
    fields["location"].buttons[0].click()
    qtbot.keyClicks(fields["phone"].edit, "7123456789")
    with qtbot.waitSignal(view.submitted) as signal:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    (submission,) = signal.args[0]
    assert isinstance(submission, IntakeFields)
    assert submission.fields == {"location": "CA", "phone": "7123456789"}


def test_back_emits_back_requested(qtbot, make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"))
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)


def test_revisiting_a_step_shows_earlier_answers(qtbot, make_view, step_by_code):
    step = step_by_code("visits.intake", "intake2")
    first = make_view(step)
    phone = next(w for w in first.findChildren(FieldWidget) if w.field.key == "phone")
    qtbot.keyClicks(phone.edit, "555")
    first.close()
    again = make_view(step)
    phone = next(w for w in again.findChildren(FieldWidget) if w.field.key == "phone")
    assert phone.edit.text() == "555"


def test_set_busy_disables_buttons_and_says_wait(make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"))
    view.set_busy(True)
    assert not view.next_button.isEnabled() and not view.back_button.isEnabled()
    assert view.next_button.text() == "Please wait…"
    view.set_busy(False)
    assert view.next_button.text() == "Next"


def test_show_error_displays_message(make_view, step_by_code):
    view = make_view(step_by_code("visits.intake", "intake2"))
    view.show_error("We could not save your answers.")
    assert view.error_box.isVisible()
    assert view.error_box.text() == "We could not save your answers."


def test_unknown_section_with_schema_renders_generic_form(qtbot, make_view):
    section = parse_section({"code": "vitals", "schema": {"weight": {"type": "integer"}}})
    view = make_view(Step(name="Vitals", code="v", next_title="Next", sections=(section,)))
    assert [s.section.code for s in view.sections] == ["vitals"]
    assert view.findChild(QLineEdit) is not None


def test_unknown_section_without_schema_is_skipped_with_warning(caplog, make_view):
    section = Section(code="mystery_widget")
    view = make_view(Step(name="Hello", code="x", next_title="Go", sections=(section,)))
    assert view.sections == []
    assert "mystery_widget" in caplog.text


def test_step_without_sections_still_has_heading_and_next(qtbot, make_view):
    view = make_view(Step(name="Almost done", code="x", next_title="Next", sections=()))
    assert view.heading.text() == "Almost done"
    with qtbot.waitSignal(view.submitted) as signal:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert signal.args == [[]]


def test_step_view_builds_with_plain_constructor(qloop, qtbot, answers, services, definition):
    view = StepView(definition.all_steps()[0], answers, services)
    qtbot.addWidget(view)
    assert view.progress_label.isHidden()


# -- headings (issue 10: never the clinic's button text) -----------------------------------
@pytest.mark.parametrize(
    ("group", "code", "heading"),
    [
        ("visits.intake", "intake", "About your visit"),
        ("visits.post_intake", "emr", "Please update your medical history"),
        ("visits.visit_type", "visit_type", "When would you like to see a doctor?"),
        ("visits.consent", "consent_text", "Consent Forms"),
        ("visits.calendar", "appointment_calendar", "Pick a Date and Time"),
    ],
)
def test_heading_says_what_the_step_is_about(make_view, step_by_code, group, code, heading):
    assert make_view(step_by_code(group, code)).heading.text() == heading


def test_no_example_step_is_headed_with_a_button_text(make_view, definition):
    for step in definition.all_steps():
        view = make_view(step)
        assert view.heading.text() not in ("Enter Lounge", step.next_title), step.code
        assert view.heading.text()
        view.close()


def test_label_used_as_heading_is_not_repeated_below_it(make_view, step_by_code):
    view = make_view(step_by_code("visits.post_intake", "emr"))
    assert not view.sections[0].isVisibleTo(view)


def test_step_code_gives_a_readable_heading_when_nothing_else_does(make_view):
    step = Step(name="Enter Lounge", code="emr", next_title="Next", group="g")
    assert make_view(step).heading.text() == "Medical history"


# -- the summary follows the fixes ----------------------------------------------------------
def test_summary_counts_down_as_answers_are_fixed(qtbot, make_view):
    section = parse_section(
        {
            "code": "update_intake",
            "schema": {
                "a": {"type": "string", "title": "A", "required": True},
                "b": {"type": "string", "title": "B", "required": True},
            },
        }
    )
    view = make_view(Step(name="Questions", code="q", next_title="Next", sections=(section,)))
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.summary.text() == "2 answers need your attention."
    fields = {w.field.key: w for w in view.findChildren(FieldWidget)}
    qtbot.keyClicks(fields["a"].edit, "x")
    assert view.summary.text() == "1 answer needs your attention."
    qtbot.keyClicks(fields["b"].edit, "y")
    assert not view.summary.isVisibleTo(view)


def test_errors_show_an_icon_in_the_error_role(qtbot, make_view):
    section = parse_section(
        {"code": "update_intake", "schema": {"a": {"type": "string", "required": True}}}
    )
    view = make_view(Step(name="Q", code="q", next_title="Next", sections=(section,)))
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    field = view.findChildren(FieldWidget)[0]
    assert field.error_icon.isVisibleTo(view) and field.error_icon.text() == "⚠"
    assert field.error_label.property("role") == field.error_icon.property("role") == "error"
    colour = field.error_label.palette().color(field.error_label.foregroundRole())
    assert colour.name().upper() == "#B3261E"


# -- post-call Back -------------------------------------------------------------------------
def test_first_post_call_step_has_no_back_button(make_view, step_by_code):
    view = make_view(step_by_code("visits.post_call", "survey"))
    assert not view.back_button.isVisibleTo(view)


def test_intake_steps_keep_back(make_view, step_by_code):
    assert make_view(step_by_code("visits.intake", "intake")).back_button.isVisible()
