"""Names and announcements for screen readers (``QAccessible``).

Qt names a button from its text, and a line edit from a ``QLabel`` buddy only when the label
is its sibling; a field's label one layout up (a password box with its Show button, a search
box inside a list) leaves the field nameless. ``name_from_label`` closes that gap.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


class Announcer(QObject):
    """The one channel for "say this now": errors and notices as they appear. Screen readers
    get a ``QAccessibleAnnouncementEvent``; audio guidance listens to ``said(text,
    assertive)``. GUI thread only; ``announcer()`` is the kiosk's one instance."""

    said = Signal(str, bool)


_announcer: list[Announcer] = []


def announcer() -> Announcer:
    if not _announcer:
        _announcer.append(Announcer())
    return _announcer[0]


def plain(text: str) -> str:
    """A label's text as a screen reader should say it: no mnemonic '&', no doubled spaces."""
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def name_from_label(widget: QWidget, label: QLabel) -> None:
    """Name ``widget`` after ``label`` (its visible label), unless it is a button: a button
    says its own text (an option's name is the option, not the question)."""
    if isinstance(widget, QAbstractButton):
        return
    text = plain(label.text())
    if text:
        widget.setAccessibleName(text)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget`` (Qt's own derivation included)."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None or not face.isValid():
        return ""
    return plain(face.text(QAccessible.Text.Name))


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Say ``text`` now (a live-region announcement from ``widget``): errors are
    ``assertive`` (they interrupt), notices polite."""
    text = plain(text)
    if not text:
        return
    if QAccessible.isActive():  # a screen reader listens
        event = QAccessibleAnnouncementEvent(widget, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        QAccessible.updateAccessibility(event)
    announcer().said.emit(text, assertive)


def describe_error(widget: QWidget, message: str | None) -> None:
    """``message`` (None clears it) becomes ``widget``'s accessible description, read with its
    name, and is announced once as it appears."""
    text = plain(message or "")
    if text == widget.accessibleDescription():
        return
    widget.setAccessibleDescription(text)
    if text:
        announce(widget, text, assertive=True)


__all__ = [
    "Announcer",
    "accessible_name",
    "announce",
    "announcer",
    "describe_error",
    "name_from_label",
    "plain",
]
