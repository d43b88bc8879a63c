"""``Message``: the English sentence, with what the UI needs to translate it later."""

from __future__ import annotations

import pickle

from kiosk.i18n.message import QT_TRANSLATE_NOOP, Message, is_message


def test_a_marked_sentence_is_its_english_text() -> None:
    message = QT_TRANSLATE_NOOP("Errors", "Please try again.")
    assert message == "Please try again."
    assert (message.context, message.source, message.args) == ("Errors", "Please try again.", ())
    assert is_message(message) and not is_message("Please try again.")


def test_format_fills_the_english_and_keeps_the_source_for_translation() -> None:
    message = QT_TRANSLATE_NOOP("Validation", "Please add at least {count}.").format(count=3)
    assert message == "Please add at least 3."
    assert isinstance(message, Message)
    assert message.source == "Please add at least {count}."
    assert dict(message.args) == {"count": 3}


def test_a_message_survives_a_copy() -> None:
    message = QT_TRANSLATE_NOOP("C", "{n} ahead").format(n=2)
    copy = pickle.loads(pickle.dumps(message))
    assert (copy, copy.context, copy.source, copy.args) == (message, "C", "{n} ahead", (("n", 2),))
