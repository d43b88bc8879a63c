"""``AudioGuide``: reads the kiosk aloud for a patient who cannot see the screen (ADA §707).

While the patient's ``audio_guidance`` choice is on it says each screen's title and text as
the screen appears, the control that gets focus with its state, errors and notices as they
appear (``names.announce``), and the waiting room's place in line when it changes. Keys
(``KeyNavigator``) repeat the last text, stop it, and change the volume. The mode ends with
the session (the wipe resets the choice). Nothing it says is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.session.accessibility import AccessibilityChoices
from kiosk.session.types import QueueStatus
from kiosk.signals import disconnect
from kiosk.ui.accessibility.buttons import AUDIO_GUIDANCE, choice_of
from kiosk.ui.accessibility.describe import control_text, screen_text, sentences, tr
from kiosk.ui.accessibility.keys import KeyNavigator
from kiosk.ui.accessibility.names import announcer
from kiosk.ui.accessibility.reading_order import reading_order, scroll_into_view
from kiosk.ui.accessibility.speech import Speaker
from kiosk.ui.screens.queue_text import position_text, wait_text

log = logging.getLogger("kiosk.ui")


def guidance_on_text() -> str:
    return tr(
        "Audio guidance is on. Press Tab or the arrow keys to move, Enter to choose, "
        "F1 or star to hear it again, plus or minus for the volume, Escape to stop speaking."
    )


def guidance_off_text() -> str:
    return tr("Audio guidance is off.")


def volume_text(volume: float) -> str:
    return tr("Volume {percent} percent.").format(percent=round(volume * 100))


def choice_of_widget(widget: QWidget) -> str:
    return choice_of(widget) if isinstance(widget, QPushButton) else ""


class AudioGuide(QObject):
    """Speaks for ``choices`` (a patient's) through ``speaker``.

    ``scope()`` is what shows now (the error panel over a screen, else the screen);
    ``language()`` the session's language for the voice — the one hook the language switch
    wires. The app calls ``on_screen_shown()`` when the screen or wizard step changes and
    ``on_queue_updated(status)`` with the waiting room's figures. What one turn of the event
    loop brings (a new screen, its focus, an error) is said together, once. GUI thread only.
    """

    def __init__(
        self,
        choices: AccessibilityChoices,
        speaker: Speaker,
        keys: KeyNavigator,
        scope: Callable[[], QWidget],
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.speaker = speaker
        self.scope = scope
        self.language = language
        self._screen: QWidget | None = None
        self._position: int | None = None
        self._pending: list[str] = []
        self._focus_text = ""
        self._screen_pending = False
        self._closed = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self.on_flush)
        choices.audio_guidance_changed.connect(self.on_guidance_changed)
        choices.volume_changed.connect(self.on_volume_changed)
        keys.repeat_requested.connect(self.on_repeat_requested)
        keys.stop_requested.connect(self.speaker.stop)
        announcer().said.connect(self.on_announced)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)
        speaker.set_volume(choices.volume)

    def close(self) -> None:
        """Stop listening to the application and the announcer (the window is going).
        Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._flush.stop()
        disconnect(announcer().said, self.on_announced)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            disconnect(app.focusChanged, self.on_focus_changed)
        self.speaker.stop()

    @property
    def on(self) -> bool:
        return self.choices.audio_guidance

    # -- slots ------------------------------------------------------------------------------

    def on_guidance_changed(self, on: bool) -> None:
        log.info("a11y.guidance on=%s", on)
        if on:
            self.speaker.set_language(self.language())
            self._pending = [guidance_on_text()]
            self._screen = None
            self.on_screen_shown()
        else:
            self._pending.clear()
            self._focus_text = ""
            self._screen_pending = False
            self._position = None
            self.speaker.forget()
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton) and choice_of(focus) == AUDIO_GUIDANCE:
                self.speaker.say(guidance_off_text())  # the patient's own "off", not the wipe

    def on_screen_shown(self, *_args: object) -> None:
        """A new screen or step: say it (with the control focus lands on) after this turn."""
        self._screen = None  # a new step reuses its host: focus its first control anew
        if self.on:
            self._screen_pending = True
            self._flush.start()

    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self.on or new is None or self._screen_pending:
            return
        scope = self.scope()
        if new is scope or scope.isAncestorOf(new):
            self._focus_text = control_text(new)  # only the latest focus is worth saying
            self._flush.start()

    def on_announced(self, text: str, assertive: bool) -> None:
        if not self.on:
            return
        if assertive:  # an error: said before whatever else this turn brought
            self._pending.insert(0, text)
            self._flush.start()
        else:
            self._say_later(text)

    def on_queue_updated(self, status: QueueStatus) -> None:
        """The place in line, when it changes (the first figures included)."""
        position = status.position
        if position == self._position:
            return
        self._position = position
        if self.on:
            wait = wait_text(status.expected_wait_s) if position != 1 else ""
            self._say_later(sentences([position_text(position), wait]))

    def on_repeat_requested(self) -> None:
        if not self.on:
            self.choices.set_audio_guidance(True)  # the repeat key is also the way in
            return
        if self.speaker.last_text:
            self.speaker.repeat()
        else:
            self.on_screen_shown()

    def on_volume_changed(self, volume: float) -> None:
        self.speaker.set_volume(volume)
        if self.on:
            self.speaker.say(volume_text(volume))

    def on_session_ended(self, _reason: str = "") -> None:
        """The patient is gone: nothing of theirs is repeated for the next one."""
        self._position = None
        self._pending.clear()
        self._focus_text = ""
        self.speaker.forget()

    # -- speaking ---------------------------------------------------------------------------

    def _say_later(self, text: str) -> None:
        if text and text not in self._pending:
            self._pending.append(text)
        self._flush.start()

    def on_flush(self) -> None:
        if not self.on:
            return
        parts = list(self._pending)
        self._pending.clear()
        if self._screen_pending:  # the screen's description ends with its focus
            self._screen_pending = False
            parts.extend(self._describe_screen())
        elif self._focus_text:
            parts.append(self._focus_text)
        self._focus_text = ""
        if parts:
            self.speaker.say(" ".join(parts))

    def _describe_screen(self) -> list[str]:
        """The screen's text, and the control focus is put on (its first, unless focus is
        already inside it)."""
        # Geometry decides the reading order: lay out what the new screen changed first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        scope = self.scope()
        parts = [screen_text(scope)]
        focus = QApplication.focusWidget()
        new_screen = scope is not self._screen
        self._screen = scope
        if new_screen or focus is None or not scope.isAncestorOf(focus) or not focus.isVisible():
            # The screen's first control, past the top bar's toggles (Tab still reaches them).
            stops = reading_order(scope)
            content = [w for w in stops if not choice_of_widget(w)]
            focus = next(iter(content or stops), None)
            if focus is not None:
                scroll_into_view(focus)
                focus.setFocus()
        if focus is not None:
            parts.append(control_text(focus))
        return [p for p in parts if p]


__all__ = ["AudioGuide", "guidance_off_text", "guidance_on_text", "volume_text"]
