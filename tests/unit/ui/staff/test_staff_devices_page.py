"""Staff mode's "Devices" page on the real web engine with Chromium's fake devices: find them,
pick, test, save as ``[devices]`` in the config file, and the call gets them."""

from __future__ import annotations

import tomllib

import pytest
from on_screen import on_screen

from kiosk.config import DevicesOptions, load_settings
from kiosk.ui.staff.console import StaffConsole, staff_runner

TIMEOUT_MS = 45000


def _crash(error: BaseException) -> None:
    raise AssertionError(f"a staff action crashed: {error!r}")


@pytest.fixture
def console(qtbot, actions):
    widget = StaffConsole(actions, staff_runner(_crash))
    on_screen(qtbot, widget, (1280, 800))
    yield widget
    widget.clear()


def test_find_pick_test_and_save_the_carts_devices(qtbot, console, actions, tmp_path) -> None:
    page = console.devices_page
    console.tabs.setCurrentIndex(console.tabs.count() - 1)
    assert console.tabs.tabText(console.tabs.currentIndex()) == "Devices"

    page.find_button.click()
    qtbot.waitUntil(
        lambda: not page.busy and page.lists["videoinput"].count() > 1, timeout=TIMEOUT_MS
    )

    cameras = [
        page.lists["videoinput"].item(i).text() for i in range(page.lists["videoinput"].count())
    ]
    assert cameras == ["System default", "fake_device_0"]
    assert page.lists["audioinput"].count() == 3, "default row + two fake microphones"
    page.lists["videoinput"].setCurrentRow(1)
    page.lists["audioinput"].setCurrentRow(2)

    page.test_button.click()
    qtbot.waitUntil(lambda: not page.busy and "works" in page.checks.text(), timeout=TIMEOUT_MS)
    assert "Camera fake_device_0:" in page.checks.text()
    assert "Problem" not in page.checks.text()

    saved = []
    console.devices_changed.connect(saved.append)
    page.save_button.click()

    chosen = DevicesOptions(camera="fake_device_0", microphone="Fake Audio Input 2", speaker="")
    assert saved == [chosen]
    config = tmp_path / "config.toml"
    assert tomllib.loads(config.read_text())["devices"] == {
        "camera": "fake_device_0",
        "microphone": "Fake Audio Input 2",
        "speaker": "",
    }
    assert load_settings(config, environ={}).devices == chosen
    assert actions.devices == chosen


def test_the_saved_choice_is_selected_next_time(qtbot, staff_client, tmp_path) -> None:
    from kiosk.api import PortalUrls
    from kiosk.staff.actions import KioskInfo, StaffActions

    info = KioskInfo("http://api.test/api_v3/", "http://portal.test/", "vclinic", "ceproom1")
    actions = StaffActions(
        staff_client,
        info,
        PortalUrls("http://portal.test/"),
        tmp_path / "config.toml",
        devices=DevicesOptions(microphone="input 1"),
    )
    console = StaffConsole(actions, staff_runner(_crash))
    qtbot.addWidget(console)
    page = console.devices_page

    page.find_button.click()
    qtbot.waitUntil(
        lambda: not page.busy and page.lists["audioinput"].count() > 1, timeout=TIMEOUT_MS
    )

    assert page.lists["audioinput"].currentItem().text() == "Fake Audio Input 1"
    assert page.lists["videoinput"].currentItem().text() == "System default"
    console.clear()


def test_saving_without_a_config_file_says_so(qtbot, staff_client) -> None:
    from kiosk.staff.actions import KioskInfo, StaffActions

    info = KioskInfo("http://api.test/api_v3/", "http://portal.test/", "vclinic", None)
    console = StaffConsole(StaffActions(staff_client, info, None, None), staff_runner(_crash))
    qtbot.addWidget(console)
    page = console.devices_page
    page.lists["videoinput"].addItem("System default")
    page.lists["videoinput"].setCurrentRow(0)

    page.on_save_clicked()

    assert "no config file" in page.result.text()
