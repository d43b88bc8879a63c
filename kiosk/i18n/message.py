"""``Message`` and ``QT_TRANSLATE_NOOP``: a sentence marked for translation, translated later.

The API client and the session have no widgets (and ``kiosk/api`` no Qt at all), yet the
sentences they hand to the UI must reach the patient in the session's language, which can
change while the sentence is on screen. So they never translate: they build a ``Message`` —
the English source text, the translation context, and the format arguments — and the UI
translates it with ``QCoreApplication.translate(context, source)`` each time it shows it
(``kiosk.ui.i18n.tr_text``), then formats the translation.

A ``Message`` *is* the English sentence (a ``str`` subclass equal to the formatted English), so
logs, tests and any code that only compares or prints it keep working. Plain ``str`` values are
the clinic's own words (a server message, a room's closing note) and are shown as they are.

``pyside6-lupdate``'s Python parser extracts calls of a function named ``QT_TRANSLATE_NOOP``
with literal arguments; that is why the marker has this unusual name.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """An English sentence from the kiosk with what it takes to translate it later.

    ``source`` is the text as written in the code (with ``{name}`` placeholders), ``context``
    the ``.ts`` context it was extracted under, ``args`` the placeholder values. The ``str``
    value is ``source.format(**args)``.
    """

    context: str
    source: str
    args: tuple[tuple[str, Any], ...]

    def __new__(cls, context: str, source: str, args: tuple[tuple[str, Any], ...] = ()) -> Message:
        text = source.format(**dict(args)) if args else source
        message = super().__new__(cls, text)
        message.context = context
        message.source = source
        message.args = args
        return message

    def format(self, *positional: object, **values: Any) -> Message:
        """The same sentence with its ``{name}`` placeholders filled (names only): still a
        ``Message``, so the UI can translate the source and fill in the translation."""
        if positional:
            raise TypeError("Message.format takes named values only")
        merged = {**dict(self.args), **values}
        return Message(self.context, self.source, tuple(sorted(merged.items())))

    def __reduce__(self) -> tuple[object, ...]:
        return (Message, (self.context, self.source, self.args))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for extraction under ``context`` without translating it now."""
    return Message(context, source)


def is_message(text: object) -> bool:
    """True for a kiosk sentence the UI should translate (False for the clinic's own text)."""
    return isinstance(text, Message)


__all__ = ["QT_TRANSLATE_NOOP", "Message", "is_message"]
