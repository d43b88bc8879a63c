"""The patient's language: starts at ``[kiosk] language``, switches live, the wipe resets it."""

from __future__ import annotations

from session_drive import start, wait_stage

from kiosk.session import Stage
from kiosk.session.language import SessionLanguage
from kiosk.session.types import EndReason


def test_a_session_starts_in_the_configured_language(make_session, client) -> None:
    session = make_session(client, language="es")
    assert session.language.code == "es"
    assert session.language.default == "es"


def test_switching_emits_changed_once(qtbot) -> None:
    language = SessionLanguage("en", ("en", "es"))
    with qtbot.wait_signal(language.changed) as blocker:
        language.set("es")
    assert blocker.args == ["es"]
    with qtbot.assertNotEmitted(language.changed):
        language.set("es")
        language.set("fr")  # no texts for it: ignored
    assert language.code == "es"


def test_the_button_offers_the_next_language_round_the_list() -> None:
    language = SessionLanguage("en", ("en", "es"))
    assert language.next_language() == "es"
    language.set("es")
    assert language.next_language() == "en"


def test_a_default_without_texts_falls_back_to_the_first_language() -> None:
    assert SessionLanguage("fr", ("en", "es")).code == "en"


def test_the_wipe_gives_the_next_patient_the_kiosk_language(qtbot, session, client) -> None:
    start(qtbot, session)
    session.language.set("es")
    session.end(EndReason.START_OVER)
    wait_stage(qtbot, session, Stage.WELCOME)
    qtbot.waitUntil(lambda: session.language.code == "en")
