"""``Navigator``: the one owner of what the kiosk window shows — a screen history and overlays."""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtWidgets import QStackedWidget, QWidget

log = logging.getLogger("kiosk.ui")


class Overlay(IntEnum):
    """Full-window layers over the patient screens; when several are up, the highest shows.

    Crash reset > staff mode > idle countdown > lounge prompt > the screen. (The on-screen
    keyboard is no overlay: it sits in the window under the stack and shrinks it.)
    """

    LOUNGE_PROMPT = 10
    IDLE_COUNTDOWN = 20
    STAFF = 30
    CRASH_RESET = 40


class Navigator:
    """Decides which widget of ``stack`` is on top; nobody else switches it.

    The screens form one history: ``replace`` swaps the top screen (the patient flow moving on),
    ``push``/``pop`` open a screen over the current one and return to it, ``reset`` starts a new
    history (a new patient). Overlays lie over the history by kind (see ``Overlay``): showing or
    hiding one never touches the history, so whatever the patient flow did meanwhile is what
    comes back when the last overlay goes. Widgets join ``stack`` the first time they show.
    GUI thread only.
    """

    def __init__(self, stack: QStackedWidget, home: QWidget) -> None:
        self._stack = stack
        self._history: list[QWidget] = [home]
        self._overlays: dict[Overlay, QWidget] = {}
        self._update()

    @property
    def screen(self) -> QWidget:
        """The top screen of the history (under any overlay)."""
        return self._history[-1]

    @property
    def history(self) -> tuple[QWidget, ...]:
        return tuple(self._history)

    @property
    def top_overlay(self) -> Overlay | None:
        return max(self._overlays, default=None)

    @property
    def visible(self) -> QWidget:
        """What the window shows: the highest overlay, else the top screen."""
        top = self.top_overlay
        return self.screen if top is None else self._overlays[top]

    # -- the history ------------------------------------------------------------------------

    def replace(self, screen: QWidget) -> None:
        """``screen`` takes the top screen's place."""
        self._history[-1] = screen
        self._update()

    def push(self, screen: QWidget) -> None:
        """Open ``screen`` over the current one; ``pop`` returns to it."""
        self._history.append(screen)
        self._update()

    def pop(self) -> bool:
        """Back to the screen under the top one; False (nothing changes) at the bottom."""
        if len(self._history) < 2:
            return False
        self._history.pop()
        self._update()
        return True

    def reset(self, screen: QWidget) -> None:
        """A new history with ``screen`` alone (the next patient starts here)."""
        self._history = [screen]
        self._update()

    # -- overlays ---------------------------------------------------------------------------

    def show_overlay(self, kind: Overlay, widget: QWidget) -> None:
        """Put ``widget`` up as the ``kind`` overlay (replacing that kind's widget, if any)."""
        self._overlays[kind] = widget
        log.info("navigator.overlay_shown kind=%s", kind.name)
        self._update()

    def hide_overlay(self, kind: Overlay) -> None:
        """Take the ``kind`` overlay down (nothing happens when it is not up)."""
        if self._overlays.pop(kind, None) is not None:
            log.info("navigator.overlay_hidden kind=%s", kind.name)
            self._update()

    def overlay(self, kind: Overlay) -> QWidget | None:
        """The widget up as ``kind``, or None."""
        return self._overlays.get(kind)

    def _update(self) -> None:
        widget = self.visible
        if self._stack.indexOf(widget) < 0:
            self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)
