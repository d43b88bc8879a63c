"""A simulated provider: start and end visits by hand (dashboard, CLI, ``/_sandbox/``) or let
the auto-provider take the next alive waiting patient after a delay."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time

from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.errors import ApiProblem, bad_request, not_found
from kiosk.sandbox.options import AutoProviderOptions
from kiosk.sandbox.store import clinic, records, users
from kiosk.sandbox.store import visits as visit_rows

log = logging.getLogger("kiosk.sandbox.provider")


def _visit_in(
    conn: sqlite3.Connection, visit_id: str, statuses: tuple[int, ...], problem: str
) -> sqlite3.Row:
    """The visit, when its status is one of ``statuses``: else 404, or 400 with ``problem``."""
    row = visit_rows.visit(conn, visit_id)
    if row is None:
        raise not_found("Visit")
    if row["status"] not in statuses:
        raise bad_request(problem)
    return row


def start_visit(sandbox: Sandbox, visit_id: str, provider_id: int | None = None) -> dict:
    """Status 25 with a provider assigned (the given one or the room's first)."""
    now = sandbox.now()
    with sandbox.store.tx() as conn:
        waiting = (visit_rows.PENDING, visit_rows.CONFIRMED)
        row = _visit_in(conn, visit_id, waiting, "Only a waiting visit can be started.")
        if provider_id is None:
            provider_id = row["provider_id"]
        if provider_id is None:
            room_providers = clinic.provider_ids(conn, row["room_code"])
            if not room_providers:
                raise bad_request("The room has no provider.")
            provider_id = room_providers[0]
        provider = users.get(conn, provider_id)
        if provider is None or provider["type"] != users.PROVIDER:
            raise not_found("Provider")
        visit_rows.update_visit(
            conn,
            row["id"],
            status=visit_rows.IN_PROGRESS,
            provider_id=provider_id,
            actual_start=now,
            modified=now,
        )
        records.notify(
            conn,
            row["member_id"],
            "visit.started",
            "Your provider is ready to see you",
            {"visit_id": str(row["id"])},
            now,
        )
    log.info("sandbox.visit_started visit=%s provider=%s", visit_id, provider_id)
    return {"id": str(visit_id), "status": visit_rows.IN_PROGRESS, "provider_id": str(provider_id)}


def end_visit(
    sandbox: Sandbox, visit_id: str, reason: str = "call_ended", by: int | None = None
) -> dict:
    """Status 30 (completed) with the reason stored; only an in-progress visit can end."""
    now = sandbox.now()
    with sandbox.store.tx() as conn:
        in_progress = (visit_rows.IN_PROGRESS,)
        row = _visit_in(conn, visit_id, in_progress, "Only a visit in progress can be ended.")
        visit_rows.update_visit(
            conn,
            row["id"],
            status=visit_rows.COMPLETED,
            actual_end=now,
            close_reason=reason,
            completed_by=by if by is not None else row["provider_id"],
            modified=now,
        )
    log.info("sandbox.visit_ended visit=%s reason=%s", visit_id, reason)
    return {"id": str(visit_id), "status": visit_rows.COMPLETED}


class AutoProvider:
    """Runs in the server's event loop. Times come from ``time.monotonic`` (real seconds), so
    short delays make tests fast; whom to take comes from the live queue (sandbox clock)."""

    def __init__(self, sandbox: Sandbox, options: AutoProviderOptions) -> None:
        self.sandbox = sandbox
        self.options = options
        self._seen: dict[int, float] = {}
        self._started: dict[int, float] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="auto-provider")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        log.info(
            "sandbox.auto_provider_on start_after=%.2fs end_after=%.2fs",
            self.options.start_after_s,
            self.options.end_after_s,
        )
        while True:
            try:
                self.tick(time.monotonic())
            except ApiProblem as exc:  # a patient closed the visit in between: try next tick
                log.info("sandbox.auto_provider_skip status=%s", exc.status)
            except Exception:
                log.exception("sandbox.auto_provider_error")
            await asyncio.sleep(self.options.tick_s)

    def tick(self, mono: float) -> None:
        """One look: start the first waiting patient due, end calls that are due."""
        now = self.sandbox.now()
        with self.sandbox.store.tx() as conn:
            waiting = [int(r["id"]) for r in visit_rows.waiting(conn, now)]
            in_progress = {
                int(r["id"])
                for r in conn.execute(
                    "SELECT id FROM visits WHERE status = ?", (visit_rows.IN_PROGRESS,)
                )
            }
        self._seen = {vid: self._seen.get(vid, mono) for vid in waiting}
        # Calls started in earlier ticks first: ``in_progress`` predates this tick's start.
        for vid, since in list(self._started.items()):
            if vid not in in_progress:
                del self._started[vid]
            elif mono - since >= self.options.end_after_s:
                del self._started[vid]
                end_visit(self.sandbox, str(vid))
        for vid in waiting:
            if mono - self._seen[vid] >= self.options.start_after_s:
                start_visit(self.sandbox, str(vid))
                self._started[vid] = mono
                break
