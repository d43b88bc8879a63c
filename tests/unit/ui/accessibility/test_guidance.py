"""Audio guidance on Qt's "mock" speech engine: what the kiosk says, screen by screen, and the
keys that repeat, stop and change the volume."""

from __future__ import annotations

import json
import logging

import window_input
from guided_rig import CLINIC, Guided
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.resources import DEFAULT_STATES, resource_path
from kiosk.session.types import QueueStatus
from kiosk.ui.accessibility.guidance import guidance_on_text, volume_text
from kiosk.ui.screens import goodbye, identify, welcome
from kiosk.ui.wizard import StepView
from kiosk.ui.wizard.step_view import attention_text
from kiosk.wizard import Answers, parse_states
from kiosk.wizard.validation import MSG_CHOOSE_SOME

KEYPAD = Qt.KeyboardModifier.KeypadModifier


def turn_on(g: Guided) -> str:
    g.choices.set_audio_guidance(True)
    return g.next_said(0)


def test_welcome_says_how_guidance_works_the_title_and_the_focused_button(guided) -> None:
    text = turn_on(guided)
    assert text.startswith(guidance_on_text())
    assert f"{welcome.WELCOME_TO.format(clinic=CLINIC)}." in text
    assert f"{welcome.LEAD}" in text
    assert text.endswith(f"{welcome.CHECK_IN}, button.")
    engine = guided.kit.speaker.engine
    assert engine is not None and engine.engine() == "mock"
    assert engine.state() == QTextToSpeech.State.Speaking  # the mock engine is reading it


def test_identify_says_its_title_and_the_first_field(guided) -> None:
    turn_on(guided)
    text = guided.next_said(guided.show(guided.window.identify))
    guest = identify.WORDING["guest"]
    assert f"{guest.title}." in text and f"{guest.hint}" in text
    assert text.endswith("First name, text box, empty.")
    tab = lambda: window_input.key(guided.window, Qt.Key.Key_Tab)  # noqa: E731
    assert guided.said_after(tab) == "Last name, text box, empty."


def test_a_wizard_step_with_an_error_says_what_needs_attention(guided) -> None:
    definition = parse_states(json.loads(resource_path(DEFAULT_STATES).read_text("utf-8")))
    step = next(s for s in definition.steps("visits.intake") if s.code == "intake")
    view = StepView(step, Answers(), None, progress=(0, 4))  # type: ignore[arg-type]
    turn_on(guided)
    guided.window.step_host.set_view(view)
    text = guided.next_said(guided.show(guided.window.step_host))
    assert "Step 1 of 4." in text
    assert guided.said_after(view.next_button.setFocus) == "Next, button."
    # Enter presses Next with nothing chosen: the summary first, then the field's own error.
    text = guided.said_after(lambda: window_input.key(guided.window, Qt.Key.Key_Return))
    assert text.startswith(attention_text(1))
    assert text == (
        f"{attention_text(1)} {MSG_CHOOSE_SOME} Abdominal pain, not selected, {MSG_CHOOSE_SOME}"
    )


def test_the_waiting_room_says_the_place_in_line_when_it_changes(guided) -> None:
    turn_on(guided)
    guide = guided.kit.guide
    guided.next_said(guided.show(guided.window.waiting_room))
    before = len(guided.said)
    guide.on_queue_updated(QueueStatus(3, 1200, 5, None, 60))
    assert guided.next_said(before) == "You are number 3 in line. About 20 minutes."
    before = len(guided.said)
    guide.on_queue_updated(QueueStatus(3, 1100, 5, None, 120))  # same place: nothing said
    guide.on_queue_updated(QueueStatus(1, 0, 5, None, 180))
    assert guided.next_said(before) == "You're next."


def test_goodbye_is_said(guided) -> None:
    turn_on(guided)
    guided.window.goodbye.start_countdown()
    text = guided.next_said(guided.show(guided.window.goodbye))
    assert f"{goodbye.TITLE}." in text and goodbye.TEXT in text
    assert text.endswith(f"{goodbye.DONE}, button.")
    guided.window.goodbye.stop_countdown()


def test_f1_repeats_escape_stops_and_keypad_plus_is_louder(guided) -> None:
    first = turn_on(guided)
    window_input.key(guided.window, Qt.Key.Key_F1)
    assert guided.next_said(1) == first
    window_input.key(guided.window, Qt.Key.Key_Escape)
    assert not guided.kit.speaker.speaking
    volume = guided.choices.volume
    window_input.key(guided.window, Qt.Key.Key_Plus, KEYPAD)
    assert guided.choices.volume > volume
    assert guided.last == volume_text(guided.choices.volume)
    engine = guided.kit.speaker.engine
    assert engine is not None and abs(engine.volume() - guided.choices.volume) < 0.01
    window_input.key(guided.window, Qt.Key.Key_VolumeDown)
    assert guided.choices.volume == volume


def test_the_repeat_key_turns_guidance_on(guided) -> None:
    window_input.key(guided.window, Qt.Key.Key_Asterisk, KEYPAD)
    assert guided.choices.audio_guidance
    assert guided.next_said(0).startswith(guidance_on_text())


def test_a_long_press_anywhere_on_welcome_turns_guidance_on_without_checking_in(guided) -> None:
    checked_in: list[bool] = []
    guided.window.welcome.check_in_requested.connect(lambda: checked_in.append(True))
    button = guided.window.welcome.check_in_button
    window_input.press(button)
    guided.qtbot.waitUntil(lambda: guided.choices.audio_guidance)
    window_input.release(button)
    guided.settle()
    assert not checked_in


def test_enter_presses_the_focused_button(guided) -> None:
    checked_in: list[bool] = []
    guided.window.welcome.check_in_requested.connect(lambda: checked_in.append(True))
    window_input.key(guided.window, Qt.Key.Key_Tab)
    assert guided.window.focusWidget() is not None
    while guided.window.focusWidget() is not guided.window.welcome.check_in_button:
        window_input.key(guided.window, Qt.Key.Key_Down)
    window_input.key(guided.window, Qt.Key.Key_Enter, KEYPAD)
    guided.qtbot.waitUntil(lambda: bool(checked_in))


def test_a_choice_says_whether_it_is_selected(guided) -> None:
    turn_on(guided)
    toggle = guided.window.welcome.guidance_button
    assert guided.said_after(toggle.setFocus) == "Audio guidance, selected."
    guided.said_after(lambda: guided.kit.keys.move_focus(-1))  # to the one before, and back
    assert guided.said_after(lambda: guided.kit.keys.move_focus(1)) == "Audio guidance, selected."


def test_nothing_a_patient_types_or_hears_reaches_the_log(guided, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    turn_on(guided)
    guided.next_said(guided.show(guided.window.identify))
    edit = guided.window.identify.first.edit
    edit.setText("Zebulon")
    window_input.key(guided.window, Qt.Key.Key_Tab)
    back = lambda: window_input.key(guided.window, Qt.Key.Key_Backtab)  # noqa: E731
    assert "Zebulon" in guided.said_after(back)  # said to the patient…
    assert "Zebulon" not in caplog.text  # …never logged
    assert identify.WORDING["guest"].title not in caplog.text


def test_the_wipe_turns_guidance_off_and_forgets_the_last_text(guided) -> None:
    turn_on(guided)
    guided.choices.reset()
    assert guided.kit.speaker.last_text == ""
    assert not guided.kit.speaker.speaking


def test_keys_the_navigator_takes_still_count_as_activity(guided) -> None:
    from kiosk.session.idle import IdleMonitor

    idle = IdleMonitor(60.0, 60.0, 5.0)
    guided.kit.keys.uninstall()
    guided.kit.keys.install(guided.window)  # as the app does: keys first, then the idle clock
    idle.install(guided.window)
    idle.resume()
    pokes: list[object] = []
    idle._on_activity = lambda kind: pokes.append(kind)  # type: ignore[method-assign]
    window_input.key(guided.window, Qt.Key.Key_Tab)
    assert QEvent.Type.KeyPress in pokes  # the press the navigator took, not only the release
    idle.uninstall()


def test_keys_do_nothing_under_the_busy_cover(guided) -> None:
    checked_in: list[bool] = []
    guided.window.welcome.check_in_requested.connect(lambda: checked_in.append(True))
    guided.window.busy.set_busy(True, "One moment…")
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Return):
        window_input.key(guided.window, key)
    focus = guided.window.focusWidget()
    assert focus is None or not guided.window.welcome.isAncestorOf(focus)
    assert not checked_in
    guided.window.busy.set_busy(False)
