"""``AccessibilityKit``: large text, keys and audio guidance for one kiosk window, built and
connected in one place (the app adds the session's signals; tests build the same kit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import constants
from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.guidance import AudioGuide
from kiosk.ui.accessibility.keys import KeyNavigator
from kiosk.ui.accessibility.presenter import AccessibilityPresenter
from kiosk.ui.accessibility.speech import Speaker

if TYPE_CHECKING:
    from kiosk.ui.main_window import KioskWindow


class AccessibilityKit(QObject):
    """``presenter`` (toggles → choices → style), ``keys`` (keyboard and keypad, the Welcome
    long press; ``install()`` puts it on the window), ``speaker`` and ``guide`` (audio
    guidance), all for one patient's ``choices``. ``language()`` is the voice's language.

    The caller connects the session: ``stage_changed`` → ``on_stage_changed``,
    ``queue_updated`` → ``guide.on_queue_updated``, ``ended`` → ``guide.on_session_ended``.
    """

    def __init__(
        self,
        choices: AccessibilityChoices,
        window: KioskWindow,
        style_target: QApplication | QWidget | None = None,
        speech_engine: str = constants.SPEECH_ENGINE,
        language: Callable[[], str] = lambda: "",
        long_press_ms: int = constants.LONG_PRESS_GUIDANCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.window = window
        self.presenter = AccessibilityPresenter(choices, window, style_target, self)
        self.keys = KeyNavigator(
            choices,
            self.key_scope,
            lambda: window.stack.currentWidget() is window.welcome,
            long_press_ms,
            self,
        )
        self.speaker = Speaker(speech_engine, self)
        self.guide = AudioGuide(choices, self.speaker, self.keys, self.scope, language, self)
        window.stack.currentChanged.connect(self.guide.on_screen_shown)

    def scope(self) -> QWidget:
        """What keys move through and guidance reads: the error panel while it covers the
        screen, else what the window shows."""
        panel = self.window.error_panel
        if panel.isVisible():
            return panel
        return self.window.stack.currentWidget() or self.window.current_screen

    def key_scope(self) -> QWidget:
        """Where keys may move the focus: nowhere under the busy cover while a command runs
        (Enter must not press a button the patient cannot tap either), else ``scope()``."""
        busy = self.window.busy
        return busy if busy.is_blocking else self.scope()

    def on_stage_changed(self, payload: object) -> None:
        self.presenter.on_stage_changed(payload)
        self.guide.on_screen_shown()

    def install(self) -> None:
        self.keys.install(self.window)

    def uninstall(self) -> None:
        """Off the window and the application (the window is closing), which gets back the
        plain style sheet if a patient's choice had changed it: the style sheet is the
        application's, and whatever next builds a window in this process (a test, a restart
        after a reload) must not inherit this patient's large text or focus ring."""
        self.keys.uninstall()
        self.guide.close()
        self.presenter.reset_style()


__all__ = ["AccessibilityKit"]
