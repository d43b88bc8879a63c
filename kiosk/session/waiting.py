"""``WaitingRoom``: the timers of one walk-in visit, wired together for the session."""

from __future__ import annotations

import logging
import time
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.qtimers import one_shot
from kiosk.session.config import SessionConfig
from kiosk.session.lounge import lounge_status
from kiosk.session.polling import PollingTimer, timer_ms
from kiosk.session.state import SessionState
from kiosk.session.timers import (
    HeartbeatClient,
    HeartbeatTimer,
    MaxWaitTimer,
    QueueClient,
    QueuePoller,
    VisitClient,
    VisitStatusWatcher,
)

log = logging.getLogger("kiosk.session")


class WaitingClient(HeartbeatClient, QueueClient, VisitClient, Protocol):
    """The calls of the waiting room's timers."""


class ReconnectNotice(QObject):
    """Says when no poll has been answered for ``threshold_s`` seconds: ``changed(True)`` then,
    ``changed(False)`` at the next answer. Counting silence rather than failures also covers
    calls that hang without failing. Drive it with ``answered()``; ``start``/``stop`` on the
    GUI thread."""

    changed = Signal(bool)

    def __init__(self, threshold_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold_s = threshold_s
        self._timer = one_shot(self, self.on_timer_timeout)
        self.shown = False

    def start(self) -> None:
        """Start counting (again after ``stop``); while counting or shown, changes nothing."""
        if not self._timer.isActive() and not self.shown:
            self._timer.start(timer_ms(self.threshold_s))

    def stop(self) -> None:
        self._timer.stop()
        self._show(False)

    def answered(self) -> None:
        if self._timer.isActive() or self.shown:
            self._timer.start(timer_ms(self.threshold_s))
            self._show(False)

    def on_timer_timeout(self) -> None:
        log.info("waiting.reconnect_notice silent_s=%.1f", self.threshold_s)
        self._show(True)

    def _show(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.changed.emit(shown)


class WaitingRoom(QObject):
    """Owns the heartbeat, queue poll, status watch and max-wait timers of one walk-in visit.

    Everything starts as soon as the walk-in exists (the lounge: the patient is in line while
    finishing the post-intake steps): heartbeats so the patient shows on the provider's
    dashboard, the queue poll for the status strip, the status watch for the "ready" prompt,
    and the wait limit (``start_waiting``; calling it again changes nothing). Every timer is
    also put in ``state.timers`` so the wipe stops it whatever happens.
    ``connectivity_changed`` is False while any poll is failing on the network and True again
    once all succeed.
    ``reconnecting`` is True while no poll has been answered for the configured notice time
    (at least two of the shortest poll intervals), False again at the next answer.
    """

    queue_updated = Signal(object)
    visit_status = Signal(int, object)
    max_wait_reached = Signal()
    connectivity_changed = Signal(bool)
    reconnecting = Signal(bool)

    def __init__(
        self,
        client: WaitingClient,
        config: SessionConfig,
        state: SessionState,
        visit_id: str,
        room_code: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        backoff = {"backoff_base_s": config.backoff_base_s, "backoff_cap_s": config.backoff_cap_s}
        account, room = state.account, state.room
        self.joined_at = time.monotonic()
        self.heartbeat = HeartbeatTimer(client, config.heartbeat_s, self, **backoff)
        self.queue = QueuePoller(
            client,
            room_code,
            config.queue_poll_s,
            parent=self,
            describe=lambda queue: lounge_status(
                queue, account, room, time.monotonic() - self.joined_at
            ),
            backoff_base_s=config.backoff_base_s,
            backoff_cap_s=config.backoff_cap_s,
        )
        self.status = VisitStatusWatcher(
            client, visit_id, config.visit_status_poll_s, self, **backoff
        )
        self.max_wait: MaxWaitTimer | None = None
        self._state = state
        self._polls: list[PollingTimer] = [self.heartbeat, self.queue, self.status]
        self._online = True
        shortest = min(config.queue_poll_s, config.visit_status_poll_s)
        self.notice = ReconnectNotice(max(config.reconnect_notice_s, 2 * shortest), self)
        self.notice.changed.connect(self.reconnecting)
        state.timers.append(self.notice)
        for poll in self._polls:
            state.timers.append(poll)
            poll.connectivity_changed.connect(self.on_poll_connectivity_changed)
            poll.succeeded.connect(self.notice.answered)
        self.queue.updated.connect(self.queue_updated)
        self.status.status_changed.connect(self.visit_status)

    def start_heartbeat(self) -> None:
        self.heartbeat.start()

    def start_waiting(self, max_wait_s: float | None) -> None:
        """Show the queue, follow the visit and, if the account sets one, limit the wait."""
        if not self.queue.is_active:
            self.queue.start()
        if not self.status.is_active:
            self.status.start()
        self.notice.start()
        if max_wait_s is not None and max_wait_s > 0 and self.max_wait is None:
            self.max_wait = MaxWaitTimer(max_wait_s, self)
            self.max_wait.expired.connect(self.max_wait_reached)
            self._state.timers.append(self.max_wait)
            self.max_wait.start()

    def call_started(self) -> None:
        """The provider took the patient: queue and wait limit stop; heartbeat and status go on."""
        self.queue.stop()
        self.notice.stop()
        if self.max_wait is not None:
            self.max_wait.stop()

    def stop(self) -> None:
        self.notice.stop()
        for poll in self._polls:
            poll.stop()
        if self.max_wait is not None:
            self.max_wait.stop()

    def on_poll_connectivity_changed(self, _online: bool) -> None:
        online = all(poll.is_online for poll in self._polls if poll.is_active)
        if online != self._online:
            self._online = online
            self.connectivity_changed.emit(online)
