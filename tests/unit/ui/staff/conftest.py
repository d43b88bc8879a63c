"""Fixtures for the staff widget tests: repaired pytest-qt disconnects, a fake staff client."""

from __future__ import annotations

import pytest
from staff_ui_fakes import FakeStaffClient

from kiosk.api import PortalUrls
from kiosk.staff.actions import KioskInfo, StaffActions


@pytest.fixture(scope="session")
def touch_device(qapp):
    """One touch screen for the whole run, owned by the application: Qt keeps a pointer to
    every registered device, so a garbage-collected one crashes a later test."""
    from PySide6.QtTest import QTest

    device = QTest.createTouchDevice()
    device.setParent(qapp)
    return device


@pytest.fixture
def staff_client() -> FakeStaffClient:
    return FakeStaffClient()


@pytest.fixture
def actions(staff_client, tmp_path) -> StaffActions:
    info = KioskInfo("http://api.test/api_v3/", "http://portal.test/", "vclinic", "ceproom1")
    return StaffActions(
        staff_client, info, PortalUrls("http://portal.test/"), tmp_path / "config.toml"
    )
