"""The lounge: a walk-in patient is in line from the moment the visit exists.

The doc's ``states`` put ``post_intake`` (medical history, pharmacy, survey) after the walk-in
is created ("When Account.intakesteps are all passed, create a visit; go through
Account.postintakesteps"), so the patient answers them while already waiting. From then on
the session polls the queue and the visit's status; the UI shows a status strip on every
remaining step, and when the visit turns ready (20/25) a full-screen "ready" prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.api.models import Queue, VisitStatus
from kiosk.session.types import QueueStatus

#: Statuses that mean "the provider is ready for you" (doc: 20 Confirmed, 25 In-progress).
READY_STATUSES = frozenset({int(VisitStatus.CONFIRMED), int(VisitStatus.IN_PROGRESS)})
#: Statuses that mean the visit is over (doc: 30 Completed, 40 Deleted / Cancelled).
OVER_STATUSES = frozenset({int(VisitStatus.COMPLETED), int(VisitStatus.CANCELLED)})


@dataclass(frozen=True)
class ProviderReady:
    """The visit turned ready; ``provider_name`` as the patient should read it ("Dr. Will"),
    None when the server did not say who."""

    provider_name: str | None


def provider_name(visit: Any) -> str | None:
    """ "Dr. John Will" from the visit's ``provider`` (title, names, suffix); None if unknown."""
    provider = getattr(visit, "provider", None)
    if provider is None:
        return None
    name = provider.display_name.strip()
    if not name:
        return None
    title = (provider.title or "").strip()
    return f"{title} {name}" if title and not name.startswith(title) else name


def average_visit_s(queue_average: int | None, account: Any, room: Any) -> int | None:
    """Seconds per patient ahead: the queue's ``average_visit_time`` (doc: "time in seconds per
    patient"), else the account's ``waiting_room.average_visit_time``, else the room's first
    consultation's ``duration`` (minutes)."""
    if queue_average is not None and queue_average > 0:
        return queue_average
    waiting_room = getattr(account, "waiting_room", None)
    account_average = getattr(waiting_room, "average_visit_time", None)
    if account_average is not None and account_average > 0:
        return int(account_average)
    payment = getattr(room, "payment", None)
    for consultation in getattr(payment, "consultations", None) or []:
        if consultation.duration:
            return int(consultation.duration) * 60
    return None


def lounge_status(
    queue: Queue, account: Any, room: Any, waited_s: float | None = None
) -> QueueStatus:
    """The patient's place and expected wait: the doc's "Waiting time = average_visit_time *
    before_me"; without ``before_me``, everyone else in the queue (``length`` − 1) counts."""
    before = queue.before_me
    if before is None and queue.length is not None and queue.length > 0:
        before = queue.length - 1
    average = average_visit_s(queue.average_visit_time, account, room)
    position = None if before is None else max(0, before) + 1
    wait = None if before is None or average is None else max(0, before) * average
    return QueueStatus(
        position=position,
        expected_wait_s=wait,
        length=queue.length,
        capacity=queue.capacity,
        waited_s=None if waited_s is None else int(waited_s),
    )
