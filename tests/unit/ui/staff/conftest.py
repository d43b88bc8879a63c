"""Fixtures for the staff widget tests: repaired pytest-qt disconnects, a fake staff client."""

from __future__ import annotations

import pytest
from staff_ui_fakes import FakeStaffClient

from kiosk.api import PortalUrls
from kiosk.staff.actions import KioskInfo, StaffActions


@pytest.fixture(scope="session")
def touch_device(qapp):
    """The run's one touch screen (see ``window_input.touch_screen``)."""
    from window_input import touch_screen

    return touch_screen()


@pytest.fixture
def staff_client() -> FakeStaffClient:
    return FakeStaffClient()


@pytest.fixture
def actions(staff_client, tmp_path) -> StaffActions:
    info = KioskInfo("http://api.test/api_v3/", "http://portal.test/", "vclinic", "ceproom1")
    return StaffActions(
        staff_client, info, PortalUrls("http://portal.test/"), tmp_path / "config.toml"
    )
