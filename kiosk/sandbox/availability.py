"""Appointment slots: the doc's start/end/duration table and slot generation from schedules.

Providers work the hours in their ``schedule`` (``HH:MM`` in the room's time zone, on the
listed weekdays, Monday = 0). Slots are back to back, as long as the consultation, and a
provider is busy in a slot when one of their open visits overlaps it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.sandbox.errors import bad_request
from kiosk.sandbox.store import users
from kiosk.sandbox.store import visits as visit_rows

DEFAULT_SPAN_S = 4 * 86_400  # the table's "4d"
MAX_SPAN_S = 31 * 86_400  # refuse larger windows, so one request stays cheap
SEARCH_HORIZON_DAYS = 60  # how far "available"/"nearest" look for a first free slot


@dataclass(frozen=True)
class Window:
    """The searched time range in Unix seconds, [start, end)."""

    start: int
    end: int


def resolve_window(
    start: int | None,
    end: int | None,
    duration: int | None,
    nearest: bool,
    first_free: Callable[[int], int | None],
    now: int,
) -> Window:
    """The doc's eight rows. ``first_free(t)`` is the start of the first free slot at or after
    ``t`` ("available" in the table; also what ``nearest`` searches from ``start``)."""
    if duration is not None and duration <= 0:
        raise bad_request("'duration' must be a positive number of seconds.")
    span = duration or DEFAULT_SPAN_S
    if start is not None and end is not None:  # rows 3 and 8: duration ignored
        window = Window(start, end)
    elif start is not None:  # rows 2 and 4
        begin = start
        if nearest:
            begin = first_free(start) or start
        window = Window(begin, begin + span)
    elif end is not None:  # rows 5 and 6
        window = Window(end - span, end)
    else:  # rows 1 and 7
        begin = first_free(now) or now
        window = Window(begin, begin + span)
    if window.end <= window.start:
        raise bad_request("'end' must be after 'start'.")
    if window.end - window.start > MAX_SPAN_S:
        raise bad_request("The time range is longer than 31 days.")
    return window


def _schedule_slots(
    schedule: dict[str, Any], tz: ZoneInfo, window: Window, slot_s: int
) -> Iterator[tuple[int, int]]:
    """Slots of one provider inside the window, from their working hours."""
    start_h, start_m = (int(p) for p in schedule.get("start", "08:00").split(":"))
    end_h, end_m = (int(p) for p in schedule.get("end", "18:00").split(":"))
    weekdays = set(schedule.get("weekdays", range(7)))
    day = dt.datetime.fromtimestamp(window.start, tz).date() - dt.timedelta(days=1)
    last = dt.datetime.fromtimestamp(window.end, tz).date()
    while day <= last:
        if day.weekday() in weekdays:
            t = int(dt.datetime.combine(day, dt.time(start_h, start_m), tz).timestamp())
            day_end = int(dt.datetime.combine(day, dt.time(end_h, end_m), tz).timestamp())
            while t + slot_s <= day_end:
                if t >= window.start and t + slot_s <= window.end:
                    yield t, t + slot_s
                t += slot_s
        day += dt.timedelta(days=1)


def free_slots(
    conn: sqlite3.Connection,
    providers: list[sqlite3.Row],
    tz_name: str,
    window: Window,
    slot_s: int,
    now: int,
    location: str | None = None,
) -> dict[tuple[int, int], tuple[list[int], int]]:
    """``{(start, end): (free provider ids, booked count)}`` for slots with a free provider."""
    tz = ZoneInfo(tz_name)
    bookings = visit_rows.bookings_between(conn, window.start, window.end)
    result: dict[tuple[int, int], tuple[list[int], int]] = {}
    for provider in providers:
        profile = users.doc(provider)
        licensed = profile.get("licensed_states")
        if location and licensed and location.upper() not in licensed:
            continue
        pid = int(provider["id"])
        mine = [(b["start"], b["end"]) for b in bookings if b["provider_id"] == pid]
        for slot in _schedule_slots(profile.get("schedule", {}), tz, window, slot_s):
            if slot[0] < now:
                continue
            free, booked = result.get(slot, ([], 0))
            if any(b_start < slot[1] and b_end > slot[0] for b_start, b_end in mine):
                result[slot] = (free, booked + 1)
            else:
                result[slot] = ([*free, pid], booked)
    return {slot: value for slot, value in sorted(result.items()) if value[0]}


def first_free_finder(
    conn: sqlite3.Connection,
    providers: list[sqlite3.Row],
    tz_name: str,
    slot_s: int,
    now: int,
    location: str | None,
) -> Callable[[int], int | None]:
    """``first_free(t)``: start of the first free slot at or after ``t`` within the horizon."""

    def first_free(t: int) -> int | None:
        begin = max(t, now)
        for day in range(SEARCH_HORIZON_DAYS):
            window = Window(begin + day * 86_400, begin + (day + 1) * 86_400)
            found = free_slots(conn, providers, tz_name, window, slot_s, now, location)
            if found:
                return next(iter(found))[0]
        return None

    return first_free


def slot_objects(
    found: dict[tuple[int, int], tuple[list[int], int]], group_id: str
) -> list[dict[str, Any]]:
    """The doc's current answer shape, plus ``providers`` (the announced shape's key)."""
    return [
        {
            "slot_id": f"{group_id}-{start}",
            "slot_start": start,
            "slot_end": end,
            "slot_booked": booked,
            "slot_available": len(free),
            "group_id": group_id,
            "providers": [str(p) for p in free],
        }
        for (start, end), (free, booked) in found.items()
    ]
