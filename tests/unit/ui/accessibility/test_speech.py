"""The kiosk's voice: the configured engine, never Qt's mock by accident, and a kiosk without
speech-dispatcher keeps working and says so in the log once."""

from __future__ import annotations

import logging

from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.ui.accessibility.speech import MOCK_ENGINE, Speaker, voice_locale


def test_the_configured_engine_speaks_and_say_interrupts(qtbot) -> None:
    speaker = Speaker(MOCK_ENGINE)
    said: list[str] = []
    speaker.spoken.connect(said.append)
    speaker.say("First   text")
    speaker.say("Second text")
    engine = speaker.engine
    assert engine is not None and engine.engine() == MOCK_ENGINE
    assert said == ["First text", "Second text"] and speaker.last_text == "Second text"
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_rest: words.append(word))
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready)
    assert words == ["Second", "text"]  # the first text was cut off


def test_no_working_engine_means_silence_not_a_crash_and_one_log_line(qtbot, caplog) -> None:
    caplog.set_level(logging.INFO, "kiosk.ui")
    speaker = Speaker("no-such-engine")
    speaker.say("Hello")
    speaker.say("Hello again")
    installed = [n for n in QTextToSpeech.availableEngines() if n != MOCK_ENGINE]
    if speaker.available:  # a machine with a working engine (speech-dispatcher) falls back
        assert speaker.engine is not None and speaker.engine.engine() in installed
        return
    assert speaker.last_text == "Hello again"
    unavailable = [r for r in caplog.records if "a11y.speech_unavailable" in r.getMessage()]
    assert len(unavailable) == 1
    assert "Hello" not in caplog.text


def test_the_voice_follows_the_language(qtbot) -> None:
    speaker = Speaker(MOCK_ENGINE)
    speaker.set_language("en_GB")
    engine = speaker.engine
    assert engine is not None and engine.locale().name() == "en_GB"
    speaker.set_language("en_US")
    assert engine.locale().name() == "en_US"
    assert voice_locale("es").language() == voice_locale("es_MX").language()
