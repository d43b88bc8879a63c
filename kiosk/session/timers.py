"""The waiting room's timers: heartbeat, queue poll, visit status watch and maximum wait."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from kiosk import constants
from kiosk.api.models import Heartbeat, Queue, Visit
from kiosk.qtimers import one_shot
from kiosk.session.polling import PollingTimer, timer_ms
from kiosk.session.types import QueueStatus

log = logging.getLogger("kiosk.session")


class HeartbeatClient(Protocol):
    async def alive(self, heartbeat: int | None = None) -> Heartbeat: ...


class QueueClient(Protocol):
    async def get_queue(self, code: str) -> Queue: ...


class VisitClient(Protocol):
    async def get_visit(self, visit_id: str) -> Visit: ...


def queue_status(queue: Queue, fallback_average_s: int | None = None) -> QueueStatus:
    """``QueueStatus`` from the server's queue: position = ``before_me`` + 1, wait =
    ``average_visit_time × before_me`` (the doc's formula), the account's average if the
    room's is missing."""
    before = queue.before_me
    average = queue.average_visit_time
    if average is None:
        average = fallback_average_s
    position = None if before is None else max(0, before) + 1
    wait = None if before is None or average is None else max(0, before) * average
    return QueueStatus(
        position=position, expected_wait_s=wait, length=queue.length, capacity=queue.capacity
    )


class HeartbeatTimer(PollingTimer):
    """Sends ``POST /users/alive`` every ``heartbeat_s × HEARTBEAT_SEND_FRACTION`` seconds, so
    the patient stays on the provider's dashboard (the doc: "< 1/2 of the heartbeat value")."""

    beat = Signal()

    def __init__(
        self,
        client: HeartbeatClient,
        heartbeat_s: float,
        parent: QObject | None = None,
        **backoff: float,
    ) -> None:
        super().__init__(
            "heartbeat", heartbeat_s * constants.HEARTBEAT_SEND_FRACTION, parent=parent, **backoff
        )
        self._client = client
        self.heartbeat_s = heartbeat_s

    async def poll(self) -> None:
        await self._client.alive(max(1, math.ceil(self.heartbeat_s)))
        self.beat.emit()


class QueuePoller(PollingTimer):
    """Polls ``GET /rooms/:code/queue`` and emits ``updated(QueueStatus)`` after each answer."""

    updated = Signal(object)

    def __init__(
        self,
        client: QueueClient,
        room_code: str,
        interval_s: float,
        fallback_average_s: int | None = None,
        parent: QObject | None = None,
        describe: Callable[[Queue], QueueStatus] | None = None,
        **backoff: float,
    ) -> None:
        super().__init__("queue", interval_s, parent=parent, **backoff)
        self._client = client
        self._room_code = room_code
        self._fallback_average_s = fallback_average_s
        self._describe = describe

    async def poll(self) -> None:
        queue = await self._client.get_queue(self._room_code)
        if self._describe is not None:
            self.updated.emit(self._describe(queue))
        else:
            self.updated.emit(queue_status(queue, self._fallback_average_s))


class VisitStatusWatcher(PollingTimer):
    """Polls ``GET /visits/:id`` and emits ``status_changed(status, visit)`` when the status
    differs from the last one seen (the first answer always counts as a change)."""

    status_changed = Signal(int, object)

    def __init__(
        self,
        client: VisitClient,
        visit_id: str,
        interval_s: float,
        parent: QObject | None = None,
        **backoff: float,
    ) -> None:
        super().__init__("visit_status", interval_s, parent=parent, **backoff)
        self._client = client
        self.visit_id = visit_id
        self._last: Any = None

    async def poll(self) -> None:
        visit = await self._client.get_visit(self.visit_id)
        if visit.status is not None and visit.status != self._last:
            self._last = visit.status
            log.info("visit %s status %s", self.visit_id, int(visit.status))
            self.status_changed.emit(int(visit.status), visit)


class MaxWaitTimer(QObject):
    """Fires ``expired`` once when the patient has waited the account's maximum wait time.

    ``timeout_s`` comes from ``GET /settings/visit/time/max_wait_time`` (seconds); waits longer
    than a QTimer can count are clamped to ``constants.MAX_TIMER_S``.
    """

    expired = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._timer = one_shot(self, self.on_timer_timeout)
        self._active = False

    @property
    def is_active(self) -> bool:
        """True from ``start`` until it fires or is stopped (kept in Python: readable after
        the Qt object is gone)."""
        return self._active

    def start(self) -> None:
        self._active = True
        self._timer.start(timer_ms(self.timeout_s))

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def on_timer_timeout(self) -> None:
        self._active = False
        log.info("waiting.max_wait_reached timeout_s=%s", self.timeout_s)
        self.expired.emit()
