"""``Watchdog``: READY to systemd once Welcome is on screen, then WATCHDOG from the GUI loop."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.fleet.sd_notify import SdNotifier

log = logging.getLogger("kiosk.fleet")

#: How often ``ready_when_visible`` looks whether its widget is on screen yet.
VISIBLE_POLL_MS = 50


class Watchdog(QObject):
    """Tells systemd (``Type=notify``, ``WatchdogSec=``) the kiosk is up and still responsive.

    The pings come from a ``QTimer`` on the GUI thread on purpose: if the Qt loop freezes
    (a deadlock, a call that never returns, a busy loop), the pings stop and systemd kills and
    restarts the kiosk (``Restart=always``). A thread would keep pinging a frozen screen.
    READY also carries ``MAINPID`` so that under cage (whose child the kiosk is) systemd's
    watchdog and ``ExecReload=kill -HUP $MAINPID`` address the kiosk, not the compositor.
    Without ``$NOTIFY_SOCKET`` every method is a no-op. GUI thread only.
    """

    def __init__(
        self,
        notifier: SdNotifier,
        interval_s: float | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.interval_s = interval_s
        self.ready_sent = False
        self._status = ""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._visible_poll = QTimer(self)
        self._visible_poll.setInterval(VISIBLE_POLL_MS)
        self._visible_poll.timeout.connect(self.on_visible_poll_timeout)
        self._watched: QWidget | None = None

    def ready_when_visible(self, widget: QWidget, status: str) -> None:
        """Send READY (and start pinging) as soon as ``widget`` is shown: the Welcome screen."""
        if not self.notifier.enabled or self.ready_sent:
            return
        self._watched = widget
        self._status = status
        self._visible_poll.start()

    def ready(self, status: str) -> None:
        self._visible_poll.stop()
        self._watched = None
        self._status = status
        self.ready_sent = self.notifier.notify(ready=1, mainpid=os.getpid(), status=status)
        if self.interval_s is not None:
            self._timer.start(max(1, round(self.interval_s * 1000)))
            self.notifier.notify(watchdog=1)
        log.info("fleet.ready watchdog_s=%s", self.interval_s)

    def set_status(self, status: str) -> None:
        """One line for ``systemctl status`` (no patient data: stage names only)."""
        if status != self._status and self.ready_sent:
            self._status = status
            self.notifier.notify(status=status)

    def stopping(self) -> None:
        """The kiosk is shutting down on purpose: no more pings, and systemd is told why."""
        self._visible_poll.stop()
        self._timer.stop()
        if self.ready_sent:
            self.notifier.notify(stopping=1, status="Shutting down")
        self.notifier.close()

    def on_visible_poll_timeout(self) -> None:
        if self._watched is not None and self._watched.isVisible():
            self.ready(self._status)

    def on_timer_timeout(self) -> None:
        self.notifier.notify(watchdog=1)
