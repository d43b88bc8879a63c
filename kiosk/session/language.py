"""``SessionLanguage``: the language this patient reads the kiosk in, reset by the wipe."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("kiosk.session")


class SessionLanguage(QObject):
    """The patient's language: ``default`` (``[kiosk] language``) until the patient picks
    another with the language button; the wipe puts the default back for the next patient.

    ``changed(code)`` is emitted whenever the language changes; the UI installs that
    language's translator and every screen retranslates, live, without a new session.
    ``available`` are the languages the kiosk has texts for (the source language first); a
    default it has no texts for falls back to the first one.
    """

    changed = Signal(str)

    def __init__(
        self, default: str, available: Sequence[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if not available:
            raise ValueError("SessionLanguage needs at least one language")
        self.available: tuple[str, ...] = tuple(available)
        if default not in self.available:
            log.warning("i18n.default_unavailable language=%s", default)
            default = self.available[0]
        self.default = default
        self._code = default

    @property
    def code(self) -> str:
        return self._code

    def set(self, code: str) -> None:
        """Switch to ``code`` (ignored when the kiosk has no texts for it)."""
        if code not in self.available:
            log.warning("i18n.unknown_language language=%s", code)
            return
        if code == self._code:
            return
        self._code = code
        log.info("i18n.language language=%s", code)
        self.changed.emit(code)

    def next_language(self) -> str:
        """The one the language button offers: the next after the current, round the list."""
        index = self.available.index(self._code)
        return self.available[(index + 1) % len(self.available)]

    def reset(self) -> None:
        """Back to the kiosk's default language (the wipe, for the next patient)."""
        self.set(self.default)


__all__ = ["SessionLanguage"]
