"""``tr_text`` and ``set_text``: kiosk sentences shown in the current language, kept live.

Module constants in the screens and the session's sentences are ``Message`` values (see
``kiosk.i18n.message``). ``tr_text`` translates one with ``QCoreApplication.translate`` and
fills in its placeholders (numbers in the current ``QLocale``); any other ``str`` is the
clinic's own text and comes back untouched.

``set_text(widget, text)`` shows ``tr_text(text)`` and remembers ``text`` on the widget, so
that ``retranslate_all()`` (the language switch) can show it again in the new language with
no per-screen code. A binding is dropped when the widget's text was since set some other way,
so a live text never overwrites a newer one. Texts built from several parts (a date, a
sentence chosen from state) are re-made by the widget's own ``retranslate()`` on
``QEvent.LanguageChange`` instead.
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.i18n.message import Message

W = TypeVar("W", bound=QWidget)

#: Widget attribute holding ``{setter name: (source text, text shown)}``.
_BINDINGS = "_kiosk_live_texts"
#: Setter → the getter that reads back what it set.
_GETTERS = {
    "setText": "text",
    "setPlaceholderText": "placeholderText",
    "setToolTip": "toolTip",
    "setAccessibleName": "accessibleName",
    "setTitle": "title",
}
#: Every widget ``set_text`` has shown a live text on. Weak: an entry goes with its widget.
#: ``retranslate_all`` walks this, not ``QApplication.allWidgets()``: that list hands back
#: wrappers for widgets the kiosk never made (and, when Qt reuses a freed widget's address,
#: a stale wrapper of another class — calling its getter segfaults). These widgets were all
#: made from Python, so a freed one raises RuntimeError instead.
_LIVE: weakref.WeakSet[QWidget] = weakref.WeakSet()


def _format_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, float):
        return QLocale().toString(value, "g", 12)
    if isinstance(value, Message):
        return tr_text(value)
    return str(value)


def tr_text(text: str) -> str:
    """``text`` in the current language: a ``Message`` translated, then formatted; a plain
    ``str`` (clinic data, server text) as it is."""
    if not isinstance(text, Message):
        return text
    translated = QCoreApplication.translate(text.context, text.source)
    if not text.args:
        return translated
    values = {name: _format_value(value) for name, value in text.args}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return text.source.format(**values)


def set_text(widget: QWidget, text: str, setter: str = "setText") -> None:
    """``widget.<setter>(tr_text(text))``, re-done in the new language on every switch."""
    shown = tr_text(text)
    getattr(widget, setter)(shown)
    bindings: dict[str, tuple[str, str]] | None = getattr(widget, _BINDINGS, None)
    if bindings is None:
        bindings = {}
        setattr(widget, _BINDINGS, bindings)
        _LIVE.add(widget)
    bindings[setter] = (text, shown)


def live(widget: W, text: str, setter: str = "setText") -> W:
    """``widget`` with ``set_text(widget, text, setter)`` done: ``live(QPushButton(bar), BACK)``."""
    set_text(widget, text, setter)
    return widget


def _reapply(widget: QWidget) -> None:
    bindings: dict[str, tuple[str, str]] | None = getattr(widget, _BINDINGS, None)
    if not bindings:
        return
    for setter, (text, shown) in list(bindings.items()):
        getter = _GETTERS.get(setter)
        if getter is not None and getattr(widget, getter)() != shown:
            del bindings[setter]  # set some other way since: that text is newer
            continue
        set_text(widget, text, setter)


def retranslate_all() -> None:
    """Show every live text again (after a translator change), then send each window a
    ``LanguageChange`` so widgets re-make their composed texts in ``retranslate()``.

    Qt only sends ``LanguageChange`` by itself to windows that are shown while its own loop
    runs; the kiosk's screens are built up front and tests run no ``exec()``, so this sends it.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in list(_LIVE):
        try:
            _reapply(widget)
        except RuntimeError:  # its C++ side was freed; the wrapper goes with the next collection
            _LIVE.discard(widget)
    for window in app.topLevelWidgets():
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


__all__ = ["is_language_change", "live", "retranslate_all", "set_text", "tr_text"]
