"""Whole patient journeys through the project's own API client (``VSeeClient``)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from sandbox_helpers import ACCOUNT, API_KEY, API_SECRET

from kiosk.api import VSeeClient
from kiosk.api.errors import PermissionDeniedError, ValidationError
from kiosk.api.models import CloseReason, UserType, VisitStatus


def run(server, scenario: Callable[[VSeeClient], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        async with VSeeClient(server.api_base_url, account_code=ACCOUNT, api_key=API_KEY,
                              api_secret=API_SECRET) as client:  # fmt: skip
            return await scenario(client)

    return asyncio.run(main())


def test_walkin_scenario_from_sso_to_close(api, server):
    async def scenario(client: VSeeClient) -> None:
        user = await client.sso("Walk", "In", type=UserType.GUEST, dob="1990-01-01")
        intake = await client.create_intake(room_code="ceproom1", reason_for_visit="Cough")
        await client.update_intake(intake.id, location="CA", phone="7123456789")
        visit = await client.add_walkin(intake.id, "ceproom1")
        assert visit.status == VisitStatus.PENDING and visit.member.id == user.id
        beat = await client.alive(60)
        assert beat.heartbeat == 60
        queue = await client.get_queue("ceproom1")
        assert queue.length >= 1 and queue.before_me is not None
        api.root.post(f"_sandbox/provider/start/{visit.id}").raise_for_status()
        started = await client.get_visit(visit.id)
        assert started.status == VisitStatus.IN_PROGRESS and started.provider is not None
        assert await client.close_visit(visit.id, CloseReason.PATIENT_END_CALL) == visit.id
        closed = await client.get_visit(visit.id)
        assert closed.status == VisitStatus.COMPLETED
        assert await client.get_current_visit() is None
        assert await client.logout() is True

    run(server, scenario)


def test_appointment_scenario_from_sso_to_cancel(api, server):
    async def scenario(client: VSeeClient) -> None:
        await client.sso("Book", "Ing", type=UserType.MEMBER, code=uuid.uuid4().hex)
        intake = await client.create_intake(room_code="ceproom1", type=2)
        slots = await client.get_availability(room_code="ceproom1", intake_id=intake.id)
        assert slots and all(s.is_available for s in slots)
        slot = slots[len(slots) // 2]
        visit = await client.create_appointment(slot.start, slot.end, "ceproom1", intake.id)
        assert visit.status == VisitStatus.CONFIRMED and visit.one_time_link_token is not None
        detail = await client.get_visit(visit.id)
        assert detail.intake.id == intake.id and detail.start == slot.start
        assert [v.id for v in await client.list_visits()] == [visit.id]
        await client.close_visit(visit.id, CloseReason.PATIENT_CANCEL_APPOINTMENT)
        assert (await client.get_visit(visit.id)).status == VisitStatus.CANCELLED

    run(server, scenario)


def test_stale_heartbeat_drops_the_patient_out_of_the_queue(api, server):
    async def scenario(client: VSeeClient) -> tuple[int, int]:
        await client.sso("Stale", "Beat")
        intake = await client.create_intake(room_code="cepurgent")
        await client.alive(10)
        await client.add_walkin(intake.id, "cepurgent")
        fresh = (await client.get_queue("cepurgent")).length
        api.advance(11)
        return fresh, (await client.get_queue("cepurgent")).length

    fresh, stale = run(server, scenario)
    assert stale == fresh - 1


def test_taken_slot_is_refused_through_the_client(api, server):
    async def book(client: VSeeClient, start: int | None = None) -> tuple[int, int]:
        await client.sso("Slot", "Taker")
        intake = await client.create_intake(room_code="ceproom1")
        slots = await client.get_availability(room_code="ceproom1", provider_id="826")
        chosen = next(s for s in slots if start is None or s.start == start)
        await client.create_appointment(chosen.start, chosen.end, "ceproom1", intake.id,
                                        provider_id="826")  # fmt: skip
        return chosen.start, chosen.end

    start, end = run(server, book)

    async def book_again(client: VSeeClient) -> None:
        await client.sso("Second", "Taker")
        intake = await client.create_intake(room_code="ceproom1")
        with pytest.raises(ValidationError, match="no longer available"):
            await client.create_appointment(start, end, "ceproom1", intake.id, provider_id="826")

    run(server, book_again)


def test_patient_cannot_read_another_patients_intake_or_files(server, tmp_path: Path):
    photo = tmp_path / "rash.txt"
    photo.write_bytes(b"private")

    async def owner(client: VSeeClient) -> tuple[str, str]:
        await client.sso("Own", "Er")
        info = await client.upload_file(photo, "intake_attachment")
        intake = await client.create_intake(room_code="ceproom1", attachments=[info.id])
        assert [a.id for a in (await client.get_intake(intake.id)).attachments] == [info.id]
        return intake.id, info.id

    intake_id, file_id = run(server, owner)

    async def stranger(client: VSeeClient) -> None:
        await client.sso("Strang", "Er")
        with pytest.raises(PermissionDeniedError):
            await client.get_intake(intake_id)
        with pytest.raises(PermissionDeniedError):
            await client.rename_file(file_id, "mine.txt")
        with pytest.raises(PermissionDeniedError):
            await client.delete_file(file_id)
        assert await client.list_files() == []

    run(server, stranger)
