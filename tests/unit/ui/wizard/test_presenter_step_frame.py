"""The presenter's step screen: one frame built while the patient identifies, every step of
the wizard shown in it, nothing of it left after the session."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.session.stages import Identify, Welcome, Wizard
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.presenter import FlowPresenter
from kiosk.ui.wizard import StepView
from kiosk.wizard import Answers, Step, parse_section
from tests.unit.ui.test_presenter import FakeClinic, FakeSession


def text_step(code: str, *keys: str) -> Step:
    section = parse_section(
        {
            "code": "update_intake",
            "schema": {
                "type": "object",
                "properties": {key: {"type": "string", "title": key.title()} for key in keys},
            },
        }
    )
    return Step(name=code.title(), code=code, next_title="Next", sections=(section,), group="b")


@pytest.fixture
def setup(qtbot, qloop, services, answers: Answers) -> Any:
    qloop  # noqa: B018 - sections may start tasks
    session = FakeSession()
    session.answers, session.services = answers, services
    window = KioskWindow(busy_delay_ms=0, goodbye_return_s=3600)
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    presenter = FlowPresenter(session, FakeClinic(), window)
    yield session, window
    presenter.close()


def test_the_frame_is_built_while_the_patient_identifies_and_kept_for_every_step(setup, qtbot):
    session, window = setup
    host = window.step_host
    session.stage_changed.emit(Identify())
    assert host.view is None  # not in the same turn as the identify screen
    qtbot.waitUntil(lambda: isinstance(host.view, StepView))
    frame = host.view
    assert window.current_screen is window.identify

    first, second = text_step("about", "name"), text_step("contact", "phone", "email")
    session.stage_changed.emit(Wizard(first, 0, 2))
    assert host.view is frame and frame.step is first
    assert window.current_screen is host
    qtbot.waitUntil(lambda: not frame.building)
    old = frame.sections[0]
    session.stage_changed.emit(Wizard(second, 1, 2))
    assert host.view is frame and frame.step is second
    assert not old.isVisible()  # the previous step's questions are gone from the screen
    assert frame.progress_label.text() == "Step 2 of 2"
    qtbot.waitUntil(lambda: not frame.building)
    assert [list(s.form.by_key) for s in frame.sections] == [["phone", "email"]]

    frame.submitted.emit(["answers"])  # wired once, however many steps it showed
    assert session.calls == [("submit_step", (["answers"],))]


def test_the_previous_steps_questions_are_deleted_once_the_next_step_is_drawn(setup, qtbot):
    session, window = setup
    session.stage_changed.emit(Wizard(text_step("about", "name"), 0, 2))
    view = window.step_host.view
    column = view.sections[0].parentWidget()
    assert isinstance(column, QWidget)
    destroyed: list[bool] = []
    column.destroyed.connect(lambda: destroyed.append(True))
    session.stage_changed.emit(Wizard(text_step("contact", "phone"), 1, 2))
    qtbot.waitUntil(lambda: bool(destroyed))


def test_nothing_of_the_step_screen_outlives_the_session(setup, qtbot):
    session, window = setup
    session.stage_changed.emit(Identify())
    qtbot.waitUntil(lambda: window.step_host.view is not None)
    session.stage_changed.emit(Wizard(text_step("about", "name"), 0, 1))
    session.ended.emit("idle")
    session.stage_changed.emit(Welcome())
    assert window.step_host.view is None


def test_no_frame_is_built_when_the_session_has_moved_on(setup, qtbot):
    session, window = setup
    session.stage_changed.emit(Identify())
    session.ended.emit("idle")  # before the next turn of the event loop
    session.stage_changed.emit(Welcome())
    for _ in range(3):  # the turns in which the frame would have been built
        QApplication.processEvents()
    assert window.step_host.view is None


def test_steps_shown_while_the_screen_is_hidden_leave_no_questions_behind(setup, qtbot):
    session, window = setup
    session.stage_changed.emit(Wizard(text_step("about", "name"), 0, 3))
    view = window.step_host.view
    destroyed: list[bool] = []
    view.hide()  # no paint follows the next steps while hidden
    for index, code in enumerate(("contact", "more"), start=1):
        column = view.sections[0].parentWidget()
        column.destroyed.connect(lambda: destroyed.append(True))
        session.stage_changed.emit(Wizard(text_step(code, "phone"), index, 3))
    qtbot.waitUntil(lambda: bool(destroyed))  # the first one goes as the second is retired
