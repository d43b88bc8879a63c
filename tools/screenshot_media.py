"""Photograph the video visit's screens with Chromium's fake camera and microphone, for the
gallery: the call (sandbox calling page in the kiosk's call screen), the camera and microphone
check in the waiting room and from the lounge strip over a step, and staff mode's device
picker, at 1280x800 and 1080x1920.

    python tools/screenshot_media.py --out /tmp/gallery [--size 1280x800] [--only devices]
    Xvfb :66 -screen 0 1280x800x24 &  # as on a kiosk (Qt's xcb platform):
    DISPLAY=:66 QT_QPA_PLATFORM=xcb python tools/screenshot_media.py --out /tmp/gallery

The real widgets run (offscreen unless ``QT_QPA_PLATFORM`` says otherwise) against an embedded
sandbox on loopback (a temp database); only the PNGs are written. Never commit them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_FLAGS = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
if "--use-fake-device-for-media-stream" not in _FLAGS:
    _FLAGS.append("--use-fake-device-for-media-stream")
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(_FLAGS)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.qt_wait import pump, wait_until  # noqa: E402

SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}
SHOTS = ("call", "check", "lounge", "devices")
API_KEY = "vclinic_api_key"
TIMEOUT_S = 45.0


class JsValue:
    """Polls a JSON value out of a page through ``run(script, callback)``."""

    def __init__(self, run: Callable[[str, Callable[[Any], None]], None], script: str) -> None:
        self.run, self.script, self.value = run, script, None

    def _store(self, text: Any) -> None:
        self.value = json.loads(text) if isinstance(text, str) and text else None

    def poll(self) -> Any:
        self.run(self.script, self._store)
        return self.value


def save(widget: QWidget, out: Path, name: str) -> None:
    pump(400)  # a few more frames of the fake camera
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def guest_call_url(address: Any) -> tuple[str, str, httpx.Client]:
    api = httpx.Client(base_url=address.api_base_url, timeout=10)
    headers = {"X-AccountCode": "vclinic"}
    sso = api.post(
        "users/sso",
        data={"first_name": "Ada", "last_name": "Walkwell", "type": "600"},
        headers={**headers, "X-ApiKey": API_KEY},
    ).json()["data"]
    token = sso["token"]["token"]
    headers["X-ApiToken"] = token
    intake = api.post("intakes", data={"room_code": "ceproom1"}, headers=headers).json()
    api.post("users/alive", data={"heartbeat": "600"}, headers=headers)
    visit = api.post(
        "visits/add_walkin",
        data={"intake_id": intake["data"]["id"], "room_code": "ceproom1"},
        headers=headers,
    ).json()["data"]
    query = urlencode({"sso_token": token, "next": f"/visits/inbrowser_calling/{visit['id']}"})
    return f"{address.portal_base_url}auth?{query}", str(visit["id"]), api


def shoot_call(address: Any, size: str, out: Path) -> None:
    from kiosk.ui.call import CallView
    from kiosk.ui.screens import CallScreen

    url, visit_id, api = guest_call_url(address)
    screen = CallScreen(CallView(portal_origin=address.portal_base_url))
    screen.resize(*SIZES[size])
    screen.set_clinic("VClinic")
    screen.show()
    screen.start_call(url)
    state = JsValue(
        screen.call_view.run_js,
        "JSON.stringify(window.sandboxCall ? document.getElementById('self-view').videoWidth"
        " : null)",
    )
    wait_until("the waiting page", lambda: state.poll() is not None, TIMEOUT_S)
    root = httpx.Client(base_url=address.portal_base_url, timeout=10)
    root.post(f"_sandbox/provider/start/{visit_id}").raise_for_status()
    wait_until("the self-view", lambda: (state.poll() or 0) > 0, TIMEOUT_S)
    pump(2500)  # the time in call ticks past 0:00
    save(screen, out, f"call-{size}")
    screen.stop_call()
    screen.deleteLater()
    api.close()
    root.close()


def shoot_check(size: str, out: Path) -> None:
    from kiosk.ui.call import CallView
    from kiosk.ui.call.check import DeviceCheckPanel
    from kiosk.ui.screens.waiting_room import WaitingRoomScreen

    call_view = CallView(portal_origin="http://127.0.0.1:9")
    screen = WaitingRoomScreen()
    screen.set_clinic("VClinic")
    screen.set_device_check(DeviceCheckPanel(call_view))
    screen.resize(*SIZES[size])
    screen.show()
    screen.check_button.click()
    wait_until("the verdict", lambda: bool(screen.check_panel.result.get("done")), TIMEOUT_S)
    save(screen, out, f"check-{size}")
    screen.reset()
    call_view.teardown()
    screen.deleteLater()


def pharmacy_step(folder: Path) -> QWidget:
    """The seeded clinic's post-intake pharmacy step, as the lounge strip sits over it."""
    from kiosk.ui.wizard import StepView
    from kiosk.wizard import Answers, parse_states
    from tools.screenshot_wizard import STATES_FILE, DemoServices

    steps = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8"))).all_steps()
    number = next(
        n for n, s in enumerate(steps) if (s.group, s.code) == ("visits.post_intake", "pharmacy")
    )
    return StepView(steps[number], Answers(), DemoServices(folder), progress=(number, len(steps)))


def shoot_lounge_check(size: str, out: Path, folder: Path) -> None:
    """The check opened from the lounge strip over a post-intake step."""
    from kiosk.ui.call import CallView
    from kiosk.ui.call.check import DeviceCheckPanel
    from kiosk.ui.screens.step_host import StepHost

    call_view = CallView(portal_origin="http://127.0.0.1:9")
    host = StepHost()
    host.set_device_check(DeviceCheckPanel(call_view))
    host.set_view(pharmacy_step(folder))
    host.lounge.set_status("You're next", "The provider will call you shortly")
    host.resize(*SIZES[size])
    host.show()
    save(host, out, f"lounge-{size}")
    host.lounge.check_button.click()
    wait_until("the verdict", lambda: bool(host.check_panel.result.get("done")), TIMEOUT_S)
    save(host, out, f"lounge-check-{size}")
    host.clear()
    call_view.teardown()
    host.deleteLater()


def shoot_picker(size: str, out: Path, config: Path) -> None:
    from kiosk.staff.actions import KioskInfo, StaffActions
    from kiosk.ui.staff.console import StaffConsole, staff_runner

    info = KioskInfo(None, "http://127.0.0.1/", "vclinic", "ceproom1", uses_sandbox=True)
    console = StaffConsole(StaffActions(None, info, None, config), staff_runner(print))
    console.resize(*SIZES[size])
    console.show()
    console.tabs.setCurrentWidget(console.tabs.widget(console.tabs.count() - 1))
    page = console.devices_page
    page.find_button.click()
    wait_until(
        "the device list", lambda: not page.busy and page.lists["videoinput"].count() > 1, TIMEOUT_S
    )
    page.lists["videoinput"].setCurrentRow(1)
    page.test_button.click()
    wait_until(
        "the device test", lambda: not page.busy and "works" in page.checks.text(), TIMEOUT_S
    )
    save(console, out, f"devices-{size}")
    console.clear()
    console.deleteLater()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument("--size", choices=sorted(SIZES), help="one size only (default: both)")
    parser.add_argument("--only", choices=SHOTS, help="one picture only (default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from kiosk.ui.call.environment import configure_webengine_environment

    configure_webengine_environment(fake_media=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from kiosk.sandbox.embedded import EmbeddedSandbox
    from kiosk.ui.theme import apply_theme

    apply_theme(app)  # type: ignore[arg-type]
    sizes = [args.size] if args.size else list(SIZES)
    with tempfile.TemporaryDirectory(prefix="kiosk-gallery-") as temp:
        with EmbeddedSandbox(Path(temp) / "sandbox.sqlite3") as sandbox:
            assert sandbox.address is not None
            shots: dict[str, Callable[[str], None]] = {
                "call": lambda size: shoot_call(sandbox.address, size, args.out),
                "check": lambda size: shoot_check(size, args.out),
                "lounge": lambda size: shoot_lounge_check(size, args.out, Path(temp)),
                "devices": lambda size: shoot_picker(size, args.out, Path(temp) / "config.toml"),
            }
            for size in sizes:
                for name, shoot in shots.items():
                    if args.only in (None, name):
                        try:
                            shoot(size)
                        except TimeoutError as exc:
                            raise SystemExit(f"screenshot_media: {exc}") from None
        QCoreApplication.sendPostedEvents(None, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
