"""Fixtures for the fit tests: a kiosk window with every screen, a fake staff client."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "staff"))

from fit_fakes import FitRig
from staff_ui_fakes import FakeStaffClient

from kiosk.api import PortalUrls
from kiosk.staff.actions import KioskInfo, StaffActions


@pytest.fixture
def rig(qtbot, qloop, tmp_path) -> FitRig:
    info = KioskInfo("http://api.test/api_v3/", "http://portal.test/", "vclinic", "ceproom1")
    actions = StaffActions(
        FakeStaffClient(), info, PortalUrls("http://portal.test/"), tmp_path / "config.toml"
    )
    qloop  # noqa: B018 - wizard sections start asyncio tasks
    folder = tmp_path / "camera"
    folder.mkdir()
    return FitRig(qtbot, actions, folder)
