"""``AccessibilityPresenter``: the patient's accessibility choices (session) → the window."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.buttons import AUDIO_GUIDANCE, LARGE_TEXT, choice_of
from kiosk.ui.theme import apply_stylesheet

log = logging.getLogger("kiosk.ui")

#: Set on a toggle once its taps reach the choices (so a second pass does not connect twice).
WIRED = "a11y_wired"


class AccessibilityPresenter(QObject):
    """Connects every accessibility toggle in ``window`` (``a11y_choice`` buttons) to
    ``choices``, keeps them all checked as the choices are, and restyles ``style_target``
    (the application; a window in tests) for large text and the keyboard focus ring.

    Restyling re-polishes every widget, so it runs only when a choice changes (a tap on "Aa",
    the first key, the wipe). ``connect_buttons()`` again after building screens lazily.
    GUI thread only.
    """

    def __init__(
        self,
        choices: AccessibilityChoices,
        window: QWidget,
        style_target: QApplication | QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.window = window
        self.style_target = style_target
        self._styled = (False, False)
        choices.large_text_changed.connect(self.on_choices_changed)
        choices.keyboard_used_changed.connect(self.on_choices_changed)
        choices.audio_guidance_changed.connect(self.on_choices_changed)
        self.connect_buttons()

    def toggles(self, root: QWidget | None = None) -> list[QPushButton]:
        return [b for b in (root or self.window).findChildren(QPushButton) if choice_of(b)]

    def connect_buttons(self, root: QWidget | None = None) -> None:
        """Wire the toggles under ``root`` (default: the window) not wired yet."""
        new = [b for b in self.toggles(root) if not b.property(WIRED)]
        for button in new:
            button.setProperty(WIRED, True)
            button.toggled.connect(partial(self.on_toggle_tapped, choice_of(button)))
        self._sync_buttons(new)

    def on_stage_changed(self, _payload: object) -> None:
        """A new wizard step builds its own toggles: wire those (only the step's, not the
        whole window's: a stage change must stay cheap)."""
        step = getattr(getattr(self.window, "step_host", None), "view", None)
        self.connect_buttons(step if isinstance(step, QWidget) else None)

    def on_toggle_tapped(self, choice: str, on: bool) -> None:
        if choice == LARGE_TEXT:
            self.choices.set_large_text(on)
        elif choice == AUDIO_GUIDANCE:
            self.choices.set_audio_guidance(on)
        self._sync_buttons()

    def on_choices_changed(self, _value: bool = False) -> None:
        self._sync_buttons()
        c = self.choices
        wanted = (c.large_text, c.keyboard_used or c.audio_guidance)
        if wanted == self._styled:
            return
        self._styled = wanted
        target = self.style_target or QApplication.instance()
        if isinstance(target, (QApplication, QWidget)):
            apply_stylesheet(target, large_text=wanted[0], focus_ring=wanted[1])
        log.info("a11y.style large_text=%s focus_ring=%s", *wanted)

    def reset_style(self) -> None:
        """The plain style sheet again, if a choice had changed it."""
        if self._styled == (False, False):
            return
        self._styled = (False, False)
        target = self.style_target or QApplication.instance()
        if isinstance(target, (QApplication, QWidget)):
            apply_stylesheet(target, large_text=False, focus_ring=False)

    def _sync_buttons(self, buttons: list[QPushButton] | None = None) -> None:
        c = self.choices
        for button in self.toggles() if buttons is None else buttons:
            on = c.large_text if choice_of(button) == LARGE_TEXT else c.audio_guidance
            if button.isChecked() != on:
                button.blockSignals(True)
                button.setChecked(on)
                button.blockSignals(False)


__all__ = ["AccessibilityPresenter"]
