"""``LanguageSwitcher``: installs the patient's language — its ``QTranslator`` and ``QLocale``."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.i18n.catalog import SOURCE_LANGUAGE, compiled_catalogue, native_name
from kiosk.ui.i18n.live import retranslate_all

if TYPE_CHECKING:  # the session package is loaded after the first paint (kiosk/launcher.py)
    from kiosk.session.language import SessionLanguage

log = logging.getLogger("kiosk.ui")

#: The locale each language's dates, times and numbers use: a US clinic's Spanish is es_US.
LOCALES: dict[str, str] = {"en": "en_US", "es": "es_US"}


def locale_for(code: str) -> QLocale:
    return QLocale(LOCALES.get(code, code))


class LanguageSwitcher(QObject):
    """Follows ``language.changed``: swaps the kiosk's ``QTranslator`` for that language's
    compiled catalogue (none for English), makes its ``QLocale`` the default, and retranslates
    every widget — live, without rebuilding the session or any screen.

    There is one per kiosk (the app builds it); ``LanguageSwitcher.active()`` is how the
    language buttons in every screen's header reach it without knowing the session. A
    translator that cannot load leaves the kiosk in English (logged), never broken.
    """

    #: ``applied(code)``: the new language is installed and every text retranslated.
    applied = Signal(str)

    _active: ClassVar[LanguageSwitcher | None] = None

    def __init__(self, language: SessionLanguage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._translator: QTranslator | None = None
        self._translators: dict[str, QTranslator] = {}
        self._locale_before = QLocale()
        language.changed.connect(self.on_language_changed)
        LanguageSwitcher._active = self
        self.install(language.code)

    @classmethod
    def active(cls) -> LanguageSwitcher | None:
        switcher = cls._active
        if switcher is not None and not shiboken6.isValid(switcher):
            cls._active = None
            return None
        return switcher

    def detach(self) -> None:
        """Take the translator out and stop being the active switcher (app shutdown, tests)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        QLocale.setDefault(self._locale_before)
        if LanguageSwitcher._active is self:
            LanguageSwitcher._active = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.language.changed.disconnect(self.on_language_changed)

    @property
    def code(self) -> str:
        return self.language.code

    def offered(self) -> str:
        """The language the button offers (its own name is the button's label)."""
        return self.language.next_language()

    def offered_name(self) -> str:
        return native_name(self.offered())

    def switch(self) -> None:
        """What a language button does: go to the offered language."""
        self.language.set(self.offered())

    def on_language_changed(self, code: str) -> None:
        self.install(code)

    def install(self, code: str) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        translator = self._load(code)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        QLocale.setDefault(locale_for(code))
        retranslate_all()
        self.applied.emit(code)

    def _load(self, code: str) -> QTranslator | None:
        if code == SOURCE_LANGUAGE:
            return None
        if code in self._translators:
            return self._translators[code]
        path = compiled_catalogue(code)
        translator = QTranslator(self)
        if path is None or not translator.load(str(path)):
            log.warning("i18n.translator_not_loaded language=%s", code)
            return None
        self._translators[code] = translator
        return translator


__all__ = ["LOCALES", "LanguageSwitcher", "locale_for"]
