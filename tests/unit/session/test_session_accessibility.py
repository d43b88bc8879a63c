"""One patient's accessibility choices: signals on change, and the wipe puts them back."""

from __future__ import annotations

import asyncio

from session_drive import start
from session_fakes import FakeClient

from kiosk import constants
from kiosk.session import SessionHooks, SessionState, wipe_session
from kiosk.session.accessibility import AccessibilityChoices


def test_a_choice_signals_only_when_it_changes(qtbot) -> None:
    choices = AccessibilityChoices()
    seen: list[bool] = []
    choices.large_text_changed.connect(seen.append)
    choices.set_large_text(True)
    choices.set_large_text(True)
    choices.toggle_large_text()
    assert seen == [True, False]


def test_volume_moves_in_steps_and_never_goes_silent(qtbot) -> None:
    choices = AccessibilityChoices()
    choices.change_volume(+5)
    assert choices.volume == 1.0
    choices.change_volume(-50)
    assert choices.volume == constants.SPEECH_VOLUME_MIN


def test_the_wipe_resets_the_patients_choices() -> None:
    choices = AccessibilityChoices()
    choices.set_large_text(True)
    choices.set_audio_guidance(True)
    choices.set_keyboard_used(True)
    choices.change_volume(-3)
    failed = asyncio.run(
        wipe_session(FakeClient(), SessionState(), SessionHooks(), choices=(choices,))
    )
    assert failed == []
    assert not choices.large_text and not choices.audio_guidance and not choices.keyboard_used
    assert choices.volume == constants.SPEECH_VOLUME_DEFAULT


def test_a_choice_that_fails_to_reset_does_not_stop_the_wipe() -> None:
    class Broken:
        def reset(self) -> None:
            raise RuntimeError("boom")

    state = SessionState()
    folder = state.ensure_temp_dir()
    failed = asyncio.run(wipe_session(FakeClient(), state, SessionHooks(), choices=(Broken(),)))
    assert failed == ["choices"]
    assert not folder.exists()


def test_every_session_ending_gives_the_next_patient_normal_text(qtbot, session) -> None:
    start(qtbot, session)
    session.accessibility.set_large_text(True)
    session.accessibility.set_audio_guidance(True)
    with qtbot.waitSignal(session.accessibility.large_text_changed, timeout=3000) as changed:
        session.end("start_over")
    assert changed.args == [False]
    qtbot.waitUntil(lambda: not session.busy, timeout=3000)
    assert not session.accessibility.audio_guidance
