"""``Speaker``: the kiosk's voice (``QTextToSpeech``), for audio guidance.

The engine is built on first use (most patients never turn guidance on, and a speech engine
costs start-up time): the configured one (``[kiosk] speech_engine``, ``speechd`` on Linux),
else any other installed engine but Qt's ``mock``. With none, guidance still moves focus and
shows its ring, and the log says once that the kiosk cannot speak. Nothing spoken is ever
logged: it is what the patient sees and answers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

from kiosk import constants

if TYPE_CHECKING:  # imported on first use: most patients never turn guidance on
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger("kiosk.ui")

#: Qt's test engine: only ever used when configured by name.
MOCK_ENGINE = "mock"


def voice_locale(language: str) -> QLocale:
    """The voice for the session's language (``"es"``, ``"en_US"``…); the system's when empty."""
    return QLocale(language) if language.strip() else QLocale.system()


class Speaker(QObject):
    """Says one text at a time: ``say`` interrupts whatever is being said (a patient moving
    on should not wait for the last screen), ``repeat`` says the last text again, ``stop``
    falls silent. ``spoken(text)`` fires for every text handed to the engine (tests listen;
    nothing logs it). ``available`` is False when no engine started. GUI thread only."""

    spoken = Signal(str)

    def __init__(self, engine: str = constants.SPEECH_ENGINE, parent: QObject | None = None):
        super().__init__(parent)
        self.engine_name = engine
        self.last_text = ""
        self._tts: QTextToSpeech | None = None
        self._tried = False
        self._volume = constants.SPEECH_VOLUME_DEFAULT
        self._locale: QLocale | None = None

    @property
    def available(self) -> bool:
        return self._engine() is not None

    @property
    def engine(self) -> QTextToSpeech | None:
        """The running engine (built now if it was not yet), or None."""
        return self._engine()

    def say(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.last_text = text
        tts = self._engine()
        if tts is not None:
            tts.stop()
            tts.say(text)
        self.spoken.emit(text)

    def repeat(self) -> None:
        if self.last_text:
            self.say(self.last_text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    @property
    def speaking(self) -> bool:
        return self._tts is not None and self._tts.state().name == "Speaking"

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._tts is not None:
            self._tts.setVolume(volume)

    @property
    def volume(self) -> float:
        return self._tts.volume() if self._tts is not None else self._volume

    def set_language(self, language: str) -> None:
        """Speak the session's language when the engine has a voice for it."""
        self._locale = voice_locale(language)
        if self._tts is not None:
            self._apply_locale(self._tts)

    def forget(self) -> None:
        """The session ended: stop, and drop the last text (it was this patient's screen)."""
        self.stop()
        self.last_text = ""

    # -- the engine -------------------------------------------------------------------------

    def _engine(self) -> QTextToSpeech | None:
        if not self._tried:
            self._tried = True
            self._tts = self._start_engine()
            if self._tts is not None:
                self._tts.setVolume(self._volume)
                self._apply_locale(self._tts)
        return self._tts

    def _start_engine(self) -> QTextToSpeech | None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        installed = QTextToSpeech.availableEngines()
        names = [self.engine_name] + [
            n for n in installed if n not in (self.engine_name, MOCK_ENGINE)
        ]
        for name in names:
            if name not in installed:
                continue
            tts = QTextToSpeech(name, self)
            if tts.state() != QTextToSpeech.State.Error:
                if name != self.engine_name:
                    log.warning(
                        "a11y.speech_engine_fallback wanted=%s using=%s", self.engine_name, name
                    )
                log.info("a11y.speech_engine engine=%s", name)
                return tts
            log.warning(
                "a11y.speech_engine_failed engine=%s reason=%s", name, tts.errorReason().name
            )
            tts.deleteLater()
        log.warning(
            "a11y.speech_unavailable engines=%s: audio guidance cannot speak; install "
            "speech-dispatcher and a voice (e.g. espeak-ng)",
            ",".join(installed) or "none",
        )
        return None

    def _apply_locale(self, tts: QTextToSpeech) -> None:
        if self._locale is None:
            return
        wanted = self._locale
        same = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
        exact = [loc for loc in same if loc.territory() == wanted.territory()]
        chosen = next(iter(exact or same), None)
        if chosen is not None:
            tts.setLocale(chosen)


__all__ = ["MOCK_ENGINE", "Speaker", "voice_locale"]
