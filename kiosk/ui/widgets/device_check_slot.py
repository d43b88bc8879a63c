"""The place a screen keeps for the camera and microphone check (the waiting room, the lounge's
post-intake steps): one owner of showing, starting, stopping and hiding the check's panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.call.hide_events import hidden_for_good

#: The face of the button that opens the check, the same on every screen that offers it.
OPEN_CHECK = QT_TRANSLATE_NOOP("DeviceCheckSlot", "Check camera and microphone")
#: The check's page needs this much height to show the camera picture and the level meter.
CHECK_MIN_HEIGHT = 300


class DeviceCheckSlot:
    """The check a ``screen`` offers in place of its own content. ``panel`` (a
    ``DeviceCheckPanel``, whose engine stays warm for the call; None until ``offer``) is hidden
    until ``open()`` shows and starts it; ``close()`` stops and hides it (Back, a new step, the
    screen hidden: the camera must be free for the call). Both say whether they did anything,
    so the screen swaps its own widgets only then. GUI thread only."""

    def __init__(self, screen: QWidget) -> None:
        self._screen = screen
        self.panel: Any = None

    def offer(self, panel: QWidget) -> None:
        """Keep ``panel`` (the screen has put it in its layout), hidden until ``open()``."""
        self.panel = panel
        panel.setMinimumHeight(CHECK_MIN_HEIGHT)
        panel.hide()

    @property
    def showing(self) -> bool:
        return self.panel is not None and self.panel.isVisibleTo(self._screen)

    def open(self) -> bool:
        """Show and start the check; False when none is offered or it shows already."""
        if self.panel is None or self.showing:
            return False
        self.panel.show()
        self.panel.start()
        return True

    def close(self) -> bool:
        """Stop and hide the check; False when it was not showing."""
        if not self.showing:
            return False
        self.panel.stop()
        self.panel.hide()
        return True


class OffersDeviceCheck(QWidget):
    """Base of a screen with a ``DeviceCheckSlot`` as ``device_check``: its panel and whether
    it shows (the names the window and tests read), and the check ended whenever the screen
    is hidden (the ready prompt, the call: the camera must be free for the call).
    ``on_check_done_clicked`` puts the screen's own widgets back."""

    device_check: DeviceCheckSlot

    @property
    def check_panel(self) -> Any:
        return self.device_check.panel

    @property
    def checking(self) -> bool:
        return self.device_check.showing

    def set_device_check(self, panel: QWidget) -> None:
        """Offer the check in ``panel``: the screen places it and hands it to ``device_check``."""
        raise NotImplementedError

    def on_check_done_clicked(self) -> None:
        raise NotImplementedError

    def hideEvent(self, event: QHideEvent) -> None:
        if hidden_for_good(self):  # not while xcb re-creates the window (see hide_events)
            self.on_check_done_clicked()
        super().hideEvent(event)
