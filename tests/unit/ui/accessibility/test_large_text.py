"""The "Aa" toggle: a tap makes this patient's text 1.35× larger on every screen, the toggles
everywhere agree, and the next patient gets normal text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.constants import LARGE_TEXT_SCALE
from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.buttons import AccessibilityButtons
from kiosk.ui.accessibility.presenter import AccessibilityPresenter
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import TypeScale, stylesheet


@pytest.fixture
def window(qtbot) -> KioskWindow:
    window = KioskWindow()
    window.setStyleSheet(stylesheet())
    qtbot.addWidget(window)
    window.patient_screens  # noqa: B018 - build every screen
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def bars(window: QWidget) -> list[AccessibilityButtons]:
    return window.findChildren(AccessibilityButtons)


def test_every_patient_screen_with_a_top_bar_has_the_toggles(window) -> None:
    screens = [s for s in window.patient_screens if getattr(s, "header", None) is not None]
    assert len(screens) >= 6
    for screen in screens:
        assert screen.header.findChild(AccessibilityButtons) is not None, type(screen).__name__


def test_tapping_aa_scales_the_text_and_checks_every_aa(qtbot, window) -> None:
    choices = AccessibilityChoices()
    AccessibilityPresenter(choices, window, window)
    lead = window.welcome.lead
    normal = lead.font().pixelSize()
    assert normal == TypeScale().font_subheading
    bar = bars(window)[0]
    qtbot.mouseClick(bar.large_text_button, Qt.MouseButton.LeftButton)
    assert choices.large_text
    assert lead.font().pixelSize() == round(normal * LARGE_TEXT_SCALE)
    assert all(b.large_text_button.isChecked() for b in bars(window))
    choices.reset()  # the wipe
    assert lead.font().pixelSize() == normal
    assert not any(b.large_text_button.isChecked() for b in bars(window))


def test_display_type_never_grows_past_the_largest_size() -> None:
    large = TypeScale().scaled(LARGE_TEXT_SCALE)
    assert large.font_body == round(TypeScale().font_body * LARGE_TEXT_SCALE)
    assert large.font_figure == TypeScale().font_figure
    assert large.touch == TypeScale().touch


def test_the_focus_ring_is_drawn_only_for_keyboard_use() -> None:
    assert "{focus}" not in stylesheet(focus_ring=True)
    assert ":focus" in stylesheet(focus_ring=True).split("focus-ring: begin")[1]
    assert "focus-ring: begin" not in stylesheet()


def test_a_wizard_step_has_the_toggles_in_its_action_bar(qtbot, window) -> None:
    import json

    from kiosk.resources import DEFAULT_STATES, resource_path
    from kiosk.ui.wizard import StepView
    from kiosk.wizard import Answers, parse_states

    definition = parse_states(json.loads(resource_path(DEFAULT_STATES).read_text("utf-8")))
    group = next(iter(definition))
    step = definition.steps(group)[0]
    choices = AccessibilityChoices()
    presenter = AccessibilityPresenter(choices, window, window)
    choices.set_large_text(True)
    view = StepView(step, Answers(), None, progress=(0, 3))  # type: ignore[arg-type]
    window.step_host.set_view(view)
    presenter.on_stage_changed(None)
    toggles = view.findChild(AccessibilityButtons)
    assert toggles is not None and toggles.large_text_button.isChecked()
    toggles.large_text_button.click()
    assert not choices.large_text
