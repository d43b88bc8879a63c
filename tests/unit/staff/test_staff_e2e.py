"""Staff actions against the real sandbox on loopback: provider room setup (new and existing)
and a staff-launched known patient (SSO type 200) reaching the intake."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from seeded_clinic import sandbox_client

from kiosk.api import PortalUrls, VSeeClient
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import PatientSession, SessionConfig, Stage
from kiosk.staff.actions import KioskInfo, ProviderRoomRequest, StaffActions

pytestmark = pytest.mark.e2e

WAIT_MS = 15_000


@pytest.fixture
def sandbox(tmp_path) -> Iterator[SandboxProcess]:
    server = SandboxProcess(db_path=tmp_path / "sandbox.db")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def await_(qloop, qtbot):
    """Run a coroutine on the qasync loop and return its result."""

    def run(coro: Any) -> Any:
        future = asyncio.ensure_future(coro)
        qtbot.waitUntil(future.done, timeout=WAIT_MS)
        return future.result()

    return run


@pytest.fixture
def staff(sandbox, await_, tmp_path) -> Iterator[tuple[StaffActions, VSeeClient]]:
    address = sandbox.address
    assert address is not None
    client = sandbox_client(sandbox)
    info = KioskInfo(address.api_base_url, address.portal_base_url, "vclinic", "ceproom1")
    actions = StaffActions(
        client, info, PortalUrls(address.portal_base_url), tmp_path / "config.toml"
    )
    yield actions, client
    await_(actions.aclose())


def request(domain: str) -> ProviderRoomRequest:
    return ProviderRoomRequest("prov-e2e-1", "Ada", "Byron", "Dr Byron's room", "drbyron", domain)


def test_provider_room_is_created_and_the_provider_assigned(staff, await_):
    actions, client = staff
    domain = await_(actions.test_connection()).account_domain or "vclinic.example"
    result = await_(actions.setup_provider_room(request(domain)))
    assert result.created
    providers = await_(client.list_room_providers(result.room_code))
    assert result.provider_id in [str(p.id) for p in providers]


def test_second_setup_finds_the_existing_room(staff, await_):
    actions, _ = staff
    domain = await_(actions.test_connection()).account_domain or "vclinic.example"
    first = await_(actions.setup_provider_room(request(domain)))
    again = await_(actions.setup_provider_room(request(domain)))
    assert not again.created and again.room_code == first.room_code
    assert again.provider_id == first.provider_id
    assert first.room_code in [r.code for r in await_(actions.list_rooms())]


def test_dashboard_url_logs_the_provider_in_and_end_logs_out(staff, await_):
    actions, client = staff
    url = await_(actions.provider_dashboard_url("prov-e2e-2", "Grace", "Hopper"))
    assert "sso_token=" in url and "providers/dashboard" in url
    await_(actions.end())
    assert client.token_state is None


def test_staff_launched_known_patient_reaches_the_intake(sandbox, qtbot, await_):
    address = sandbox.address
    assert address is not None
    client = sandbox_client(sandbox)
    config = SessionConfig(room_code="ceproom1", known_patient_login=True, idle_timeout_s=120.0)
    session = PatientSession(client, config, PortalUrls(address.portal_base_url))
    try:
        session.begin()
        qtbot.waitUntil(lambda: session.stage is Stage.IDENTIFY, timeout=WAIT_MS)
        session.identify_known("patient-e2e-7", "Alan", "Turing")
        qtbot.waitUntil(lambda: session.stage is Stage.WIZARD, timeout=WAIT_MS)
        assert client.token_state is not None
        me = await_(client.get_me())
        assert me.code == "patient-e2e-7"
    finally:
        session.end("start_over")
        qtbot.waitUntil(
            lambda: session.stage is Stage.WELCOME and not session.busy, timeout=WAIT_MS
        )
        await_(client.aclose())
