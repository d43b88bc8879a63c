"""Intake, visit (walk-in and appointment) and availability endpoints."""

from __future__ import annotations

from typing import Any

from kiosk.api.core import ClientCore, segment
from kiosk.api.models.base import to_id
from kiosk.api.models.visits import CloseReason, Intake, Slot, Visit, parse_slots
from kiosk.api.timeouts import TimeoutArg

#: ``type`` of an appointment in ``POST /visits``.
_SCHEDULED = 2


class VisitsApi(ClientCore):
    """``/intakes``, ``/visits`` and ``/availability``."""

    async def create_intake(self, *, timeout: TimeoutArg = None, **fields: Any) -> Intake:
        """Create an intake: ``room_code``, ``reason_for_visit``, ``type`` (1 walk-in, 2 booked),
        ``provider_id``, ``member_id``, ``attachments`` (file ids or ``FileInfo``s; sent as one
        comma-separated field), ``location``, ``phone``, ``consultation`` (sent as
        ``consultation[key]`` fields). The answer often holds only the new ``id``."""
        return await self._model_call(
            Intake, "POST", "intakes", "create_intake", form=fields, timeout=timeout
        )

    async def update_intake(
        self, intake_id: str, *, timeout: TimeoutArg = None, **fields: Any
    ) -> Intake:
        """Update an intake with the same fields as ``create_intake``."""
        path = f"intakes/{segment(intake_id)}"
        return await self._model_call(
            Intake, "POST", path, "update_intake", form=fields, timeout=timeout
        )

    async def get_intake(self, intake_id: str, *, timeout: TimeoutArg = None) -> Intake:
        """One intake with its attachments."""
        path = f"intakes/{segment(intake_id)}"
        return await self._model_call(Intake, "GET", path, "get_intake", timeout=timeout)

    async def add_walkin(
        self,
        intake_id: str,
        room_code: str,
        provider_id: str | None = None,
        visit_id: str | None = None,
        user_code: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> Visit:
        """Enter the waiting room: create a walk-in visit (``visit_id`` joins a booked one)."""
        form = {
            "intake_id": intake_id,
            "room_code": room_code,
            "provider_id": provider_id,
            "visit_id": visit_id,
            "user_code": user_code,
        }
        return await self._model_call(
            Visit, "POST", "visits/add_walkin", "add_walkin", form=form, timeout=timeout
        )

    async def close_visit(
        self, visit_id: str, reason: CloseReason, *, timeout: TimeoutArg = None
    ) -> str:
        """Close or cancel a visit; returns the closed visit's id.

        Retried like a GET (network errors, 5xx): closing a closed visit changes nothing (the
        first reason stands), and a visit left open keeps a patient in the provider's queue.
        """
        form = {"id": visit_id, "reason": CloseReason(reason)}
        data = await self._call(
            "POST", "visits/close", "close_visit", form=form, timeout=timeout, idempotent=True
        )
        closed = to_id(data.get("id")) if isinstance(data, dict) else None
        return closed or str(visit_id)

    async def get_availability(
        self,
        room_code: str | None = None,
        start: int | None = None,
        end: int | None = None,
        duration: int | None = None,
        provider_id: str | None = None,
        intake_id: str | None = None,
        consultation_id: str | None = None,
        location: str | None = None,
        nearest: bool | None = None,
        public: bool = False,
        *,
        timeout: TimeoutArg = None,
    ) -> list[Slot]:
        """Free slots (Unix-s ``start``/``end``, ``duration`` s). ``public=True`` asks without a
        user token, with ``X-ApiKey`` and ``X-ApiSecret`` (the doc's beta public access)."""
        params = {
            "room_code": room_code,
            "start": start,
            "end": end,
            "duration": duration,
            "provider_id": provider_id,
            "intake_id": intake_id,
            "consultation_id": consultation_id,
            "location": location,
            "nearest": nearest,
        }
        data = await self._call(
            "GET",
            "availability",
            "get_availability",
            params=params,
            auth=not public,
            api_key=public,
            api_secret=public,
            timeout=timeout,
        )
        return parse_slots(data)

    async def create_appointment(
        self,
        slot_start: int,
        slot_end: int,
        room_code: str,
        intake_id: str,
        provider_id: str | None = None,
        member_id: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> Visit:
        """Book a slot (Unix s). The visit may carry ``one_time_link_token``."""
        form = {
            "slot_start": slot_start,
            "slot_end": slot_end,
            "room_code": room_code,
            "intake_id": intake_id,
            "provider_id": provider_id,
            "member_id": member_id,
            "type": _SCHEDULED,
        }
        return await self._model_call(
            Visit, "POST", "visits", "create_appointment", form=form, timeout=timeout
        )

    async def list_visits(self, *, timeout: TimeoutArg = None) -> list[Visit]:
        """The patient's visits, past and upcoming."""
        return await self._models_call(Visit, "GET", "visits", "list_visits", timeout=timeout)

    async def get_visit(self, visit_id: str, *, timeout: TimeoutArg = None) -> Visit:
        """One visit in detail (polled while waiting)."""
        path = f"visits/{segment(visit_id)}"
        return await self._model_call(Visit, "GET", path, "get_visit", timeout=timeout)

    async def get_current_visit(self, *, timeout: TimeoutArg = None) -> Visit | None:
        """The visit in progress, or None when there is none."""
        data = await self._call("GET", "visits/current", "get_current_visit", timeout=timeout)
        if not data or not isinstance(data, dict):
            return None
        return self._model(Visit, data, "get_current_visit")
