"""PatientSession against the real sandbox on loopback: walk-in, booking, leaving the room."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from kiosk_harness import FAST_SESSION
from seeded_clinic import answers_for, sandbox_client

from kiosk.api import PortalUrls, VSeeClient
from kiosk.api.models import Slot
from kiosk.sandbox.options import AutoProviderOptions
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import PatientSession, Stage
from kiosk.session.stages import Booked, Call

pytestmark = pytest.mark.e2e

WAIT_MS = 15_000


DOC_EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "api_examples"


@pytest.fixture
def auto_provider() -> AutoProviderOptions | None:
    """Takes a waiting patient after 0.3 s and ends the call 0.3 s later; a test that drives
    the provider itself overrides it with ``@pytest.mark.parametrize("auto_provider", [None])``."""
    return AutoProviderOptions(start_after_s=0.3, end_after_s=0.3, tick_s=0.05)


@pytest.fixture(params=["stateful", "doc"])
def sandbox(tmp_path, request, auto_provider) -> Iterator[SandboxProcess]:
    """A sandbox on a temp DB, once as itself and once in doc mode (the API doc's own
    shapes)."""
    doc = {"doc_examples": DOC_EXAMPLES} if request.param == "doc" else {}
    server = SandboxProcess(db_path=tmp_path / "sandbox.db", auto_provider=auto_provider, **doc)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def make_session(qloop, qtbot, sandbox) -> Iterator[Any]:
    built: list[tuple[PatientSession, VSeeClient]] = []

    def build(**overrides: Any) -> PatientSession:
        client = sandbox_client(sandbox)
        config = replace(FAST_SESSION, **overrides)
        session = PatientSession(client, config, PortalUrls(sandbox.address.portal_base_url))
        built.append((session, client))
        return session

    yield build
    for session, client in built:
        if session.stage is not Stage.WELCOME:
            session.end("start_over")
        qtbot.waitUntil(lambda s=session: not s.busy, timeout=WAIT_MS)
        closing = asyncio.ensure_future(client.aclose())
        qtbot.waitUntil(closing.done, timeout=WAIT_MS)


def sandbox_state(sandbox: SandboxProcess) -> dict[str, Any]:
    assert sandbox.address is not None
    return httpx.get(sandbox.address.portal_base_url + "_sandbox/state", timeout=5).json()


def wait_idle(qtbot, session: PatientSession) -> None:
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT_MS)


def walk(qtbot, session: PatientSession, kind: str, slot: Slot | None = None) -> None:
    session.begin()
    qtbot.waitUntil(lambda: session.stage is Stage.IDENTIFY, timeout=WAIT_MS)
    session.identify_guest("Test", "Patient", dt.date(1990, 1, 1))
    wait_idle(qtbot, session)
    while session.stage is Stage.WIZARD:
        if session.current_step[0].group == "visits.calendar" and slot is None:
            slot = first_free_slot(qtbot, session)
        session.submit_step(answers_for(session, kind, slot))
        wait_idle(qtbot, session)


def first_free_slot(qtbot, session: PatientSession) -> Slot:
    found: list[Slot] = []

    async def look() -> None:
        today = dt.date.today()
        for offset in range(1, 15):
            found.extend(await session.services.load_availability(today + dt.timedelta(offset)))
            if found:
                return

    task = asyncio.ensure_future(look())
    qtbot.waitUntil(task.done, timeout=WAIT_MS)
    task.result()
    assert found, "the sandbox offered no slot in two weeks"
    return found[0]


def test_guest_walkin_reaches_the_call_and_post_call(qtbot, make_session, sandbox):
    session = make_session()
    is_call = lambda payload: isinstance(payload, Call)  # noqa: E731
    with qtbot.waitSignal(session.stage_changed, timeout=WAIT_MS, check_params_cb=is_call) as ready:
        walk(qtbot, session, "walkin")
    visit_id = session.state.visit_id
    assert f"next=/visits/inbrowser_calling/{visit_id}" in ready.args[0].url
    assert "disable_navigation=1" in ready.args[0].url
    qtbot.waitUntil(lambda: session.stage in (Stage.POST_CALL, Stage.GOODBYE), timeout=WAIT_MS)
    state = sandbox_state(sandbox)
    assert state["heartbeats"], "no heartbeat reached the sandbox"


def test_appointment_booking_returns_a_confirmation(qtbot, make_session, sandbox):
    session = make_session()
    is_booked = lambda payload: isinstance(payload, Booked)  # noqa: E731
    with qtbot.waitSignal(
        session.stage_changed, timeout=WAIT_MS, check_params_cb=is_booked
    ) as booked:
        walk(qtbot, session, "appointment")
    confirmation = booked.args[0].confirmation
    assert confirmation.start is not None and confirmation.end > confirmation.start
    qtbot.waitUntil(lambda: session.stage is Stage.BOOKED, timeout=WAIT_MS)
    visits = sandbox_state(sandbox)["visits"]
    assert any(str(v["id"]) == session.state.booked_visit_id for v in visits)


@pytest.mark.parametrize("auto_provider", [None])
def test_leaving_the_waiting_room_closes_with_patientexitroom(qtbot, make_session, sandbox):
    session = make_session()
    walk(qtbot, session, "walkin")
    qtbot.waitUntil(lambda: session.stage is Stage.WAITING, timeout=WAIT_MS)
    visit_id = session.state.visit_id
    with qtbot.waitSignal(session.ended, timeout=WAIT_MS):
        session.leave_waiting_room()
    closed = sandbox_state(sandbox)["closed_reasons"]
    assert closed.get(str(visit_id)) == "patientexitroom"
    assert session.stage is Stage.WELCOME


def provider(sandbox: SandboxProcess, action: str, visit_id: str) -> None:
    assert sandbox.address is not None
    url = f"{sandbox.address.portal_base_url}_sandbox/provider/{action}/{visit_id}"
    httpx.post(url, timeout=5).raise_for_status()


@pytest.mark.parametrize("auto_provider", [None])
def test_provider_ready_in_the_lounge_then_join_now_and_the_call_ends_by_status(
    qtbot, make_session, sandbox
):
    session = make_session()
    session.begin()
    qtbot.waitUntil(lambda: session.stage is Stage.IDENTIFY, timeout=WAIT_MS)
    session.identify_guest("Test", "Patient", dt.date(1990, 1, 1))
    wait_idle(qtbot, session)
    while session.state.open_visit_id is None:
        session.submit_step(answers_for(session, "walkin", None))
        wait_idle(qtbot, session)
    assert session.current_step[0].group == "visits.post_intake"
    visit_id = session.state.visit_id
    assert visit_id is not None
    with qtbot.waitSignal(session.provider_ready, timeout=WAIT_MS) as ready:
        provider(sandbox, "start", visit_id)
    assert ready.args[0].provider_name, "the visit's provider should be named"
    assert session.stage is Stage.WIZARD
    session.join_now([])
    qtbot.waitUntil(lambda: session.stage is Stage.CALL, timeout=WAIT_MS)
    provider(sandbox, "end", visit_id)
    qtbot.waitUntil(lambda: session.stage is Stage.POST_CALL, timeout=WAIT_MS)
    wait_idle(qtbot, session)
    assert session.state.open_visit_id is None
    assert sandbox_state(sandbox)["closed_reasons"].get(str(visit_id)) == "call_ended"
