"""Walk real patients through the real kiosk, headless, and save a PNG of every screen.

    python tools/screenshot_flow.py                      # all six sizes, into /tmp/kiosk-shots
    python tools/screenshot_flow.py /tmp/shots --size 1080x1920
    python tools/screenshot_flow.py /tmp/shots-es --size 1280x800 --language es

Unlike ``screenshot_screens.py`` (screens fed by a demo session) and ``screenshot_wizard.py``
(wizard steps with fake services), this runs ``KioskApp`` itself against the embedded sandbox
(``start_backend`` on a temp database, provider simulator driven by hand) and taps the real
buttons: Welcome, room pick, identify, every wizard step of the seeded clinic, the waiting
room, the call page in the web view, the post-call survey, goodbye, a booked appointment, the
error panel and busy overlay (sandbox faults), the connection banner, the still-there
countdown, the crash reset screen, the staff PIN pad and console, and the provider dashboard.
A step the patient cannot fill by tapping fails loudly rather than being skipped. Everything
(config, logs, database) lives in a temp folder; only the PNGs are kept. Never point the
output folder inside the repository.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A fake camera and microphone so the sandbox's call page shows its preview, not a prompt.
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
    [
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""),
        "--use-fake-device-for-media-stream --use-fake-ui-for-media-stream",
    ]
).strip()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

#: The supported screens (README): landscape kiosks, full HD, and two portrait screens.
SIZES = {
    f"{w}x{h}": QSize(w, h)
    for w, h in ((1024, 768), (1280, 800), (1366, 768), (1920, 1080), (1080, 1920), (800, 1280))
}
DEFAULT_OUT = Path("/tmp/kiosk-shots")
STAFF_PIN = "2468"
WAIT_S = 20.0
#: Poll intervals short enough that the walk does not wait on the queue and status timers.
POLL_S = 0.5


class FlowError(RuntimeError):
    """The walk could not reach the screen it wanted (the message says which)."""


class Walk:
    """One kiosk at one size: the app, its sandbox, and the helpers that tap and photograph."""

    def __init__(self, app: Any, folder: Path) -> None:
        self.app = app
        self.window = app.window
        self.session = app.session
        self.folder = folder
        portal = app.backend.portal_base_url
        self.controls = httpx.AsyncClient(base_url=portal, timeout=10)
        self.count = 0
        self.keyboard_shown = False

    async def wait(
        self, condition: Callable[[], object], what: str, timeout: float = WAIT_S
    ) -> None:
        """Let the Qt loop run until ``condition()`` holds; ``FlowError`` naming ``what`` if not."""
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise FlowError(f"timed out waiting for {what}")
            await asyncio.sleep(0.05)

    async def settle(self, seconds: float = 0.3) -> None:
        await asyncio.sleep(seconds)

    async def shot(self, name: str, settle_s: float = 0.3) -> None:
        await self.settle(settle_s)
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.window.grab().save(str(path))
        print(path, flush=True)
        self.fit_report(name)

    async def type_on_keyboard(self, field: Any, text: str) -> None:
        """Focus ``field`` and tap ``text`` on the kiosk's own keyboard (it must come up)."""
        field.setFocus()
        panel = self.window.keyboard
        await self.wait(panel.isVisible, "the on-screen keyboard")
        for char in text:
            if char.isalpha() and panel.shifted != char.isupper():
                panel.button("⇧").click()
            for switch in ("", "123", "ABC"):
                if switch:
                    with contextlib.suppress(KeyError):
                        panel.button(switch).click()
                with contextlib.suppress(KeyError):
                    panel.button(char).click()
                    break
            else:
                raise FlowError(f"no key for {char!r} on the keyboard")
        await self.settle(0.3)

    def fit_report(self, name: str) -> None:
        """Print what keeps this screen from fitting (nothing, normally)."""
        from kiosk.ui.fit import fit_problems

        for problem in fit_problems(self.window, self.window.size()):
            print(f"  does not fit: {name}: {problem}", flush=True)

    async def faults(self, **options: float) -> None:
        """Sandbox faults on ``/api_v3/`` (latency_s, error_rate, drop_rate); none = all off."""
        body = {"latency_s": 0.0, "error_rate": 0.0, "drop_rate": 0.0, **options}
        (await self.controls.put("_sandbox/faults", json=body)).raise_for_status()

    async def provider(self, action: str, visit_id: str) -> None:
        (await self.controls.post(f"_sandbox/provider/{action}/{visit_id}")).raise_for_status()

    def stage(self) -> Any:
        return self.session.stage

    def idle(self) -> bool:
        return not self.session.busy

    # -- the patient's part ---------------------------------------------------------------

    async def check_in_to_identify(self, room_index: int = 0) -> None:
        from kiosk.session import Stage

        self.window.welcome.check_in_button.click()
        await self.wait(lambda: self.stage() is Stage.ROOM_PICK, "the room picker")
        await self.wait(lambda: self.window.room_picker.cards, "room cards")
        self.window.room_picker.cards[room_index].click()
        await self.wait(lambda: self.stage() is Stage.IDENTIFY, "the identify screen")

    async def identify(self, first: str, last: str) -> None:
        screen = self.window.identify
        screen.first.edit.setText(first)
        screen.last.edit.setText(last)
        screen.dob.set_value("1984-06-15")
        screen.continue_button.click()

    async def wizard(self, kind: str, prefix: str, photograph: bool = True) -> None:
        """Answer every step by tapping, photographing each one (and the first error state)."""
        from kiosk.session import Stage

        shown_errors = False
        seen: set[str] = set()  # the steps shown (the step screen keeps its view)
        while self.stage() in (Stage.WIZARD, Stage.POST_CALL):
            await self.wait(self.idle, "the step to settle")
            view = self.window.step_host.view
            if view is None or view.step.key in seen:
                await self.settle(0.1)
                if self.stage() not in (Stage.WIZARD, Stage.POST_CALL):
                    break
                if view is not None and view.step.key in seen:
                    raise FlowError(f"step {view.step.code} did not move on")
                continue
            seen.add(view.step.key)
            await self.settle(0.5)  # documents, EMR and slots load as tasks
            if photograph:
                await self.shot(f"{prefix}-{view.step.code}")
                edits = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
                if edits and not self.keyboard_shown:
                    self.keyboard_shown = True
                    await self.type_on_keyboard(edits[-1], "555")
                    await self.shot(f"{prefix}-{view.step.code}-keyboard")
                    edits[-1].clear()
            view.next_button.click()
            if view.summary.isVisible():
                if photograph and not shown_errors:
                    shown_errors = True
                    await self.shot(f"{prefix}-{view.step.code}-errors")
                await fill_step(view, kind, self)
                view.next_button.click()
                if view.summary.isVisible():
                    raise FlowError(f"step {view.step.code}: {view.summary.text()}")
            await self.wait(
                lambda v=view, s=view.step: (
                    self.window.step_host.view is not v or v.step is not s or self.idle()
                ),
                "the next step",
            )
            await self.wait(self.idle, "the answers to be saved")


async def fill_step(view: Any, kind: str, walk: Walk) -> None:
    """Tap what a patient would tap on ``view``: visit type, a slot, stars, agree, fields."""
    from kiosk.ui.wizard.fields.base import FieldWidget

    for section in view.sections:
        cards = getattr(section, "cards", None)
        if isinstance(cards, dict) and cards:
            (cards.get(kind) or next(iter(cards.values()))).click()
        if hasattr(section, "slot_buttons") and section.state.get("slot") is None:
            for day in section.day_buttons:
                if section.slot_buttons:
                    break
                day.click()
                await walk.settle(0.4)
            if not section.slot_buttons:
                raise FlowError("the sandbox offered no appointment slot this week")
            section.slot_buttons[0][0].click()
        stars = getattr(section, "stars", None)
        if stars:
            stars[3].click()
        agree = getattr(section, "agree", None)
        if agree is not None and not agree.isChecked():
            agree.click()
    for widget in view.findChildren(FieldWidget):
        field = widget.field
        if not (field.required and field.holds_value) or widget.value() not in (None, "", []):
            continue
        if field.options:
            widget.set_value(field.options[0].value)
        elif field.kind == "date":
            widget.set_value("1984-06-15")
        else:
            widget.set_value("A sore throat since Monday")
    await walk.settle(0.2)


async def patient_walkin(walk: Walk) -> None:
    """Welcome → busy → room pick → identify → wizard (error panel, still there) → waiting
    room (connection banner) → call → post-call survey → goodbye."""
    from kiosk.session import Stage
    from kiosk.ui.screens.queue_text import position_text

    w = walk.window
    await walk.wait(lambda: walk.app.clinic.account is not None, "the clinic's account")
    await walk.shot("welcome")
    await walk.faults(latency_s=2.5)
    w.welcome.check_in_button.click()
    await walk.wait(lambda: w.busy.is_revealed, "the busy overlay")
    await walk.shot("busy-overlay", 0.4)
    await walk.faults()
    await walk.wait(lambda: walk.stage() is Stage.ROOM_PICK, "the room picker")
    await walk.wait(walk.idle, "the room picker to settle")
    await walk.shot("room-pick")
    w.room_picker.cards[0].click()
    await walk.wait(lambda: walk.stage() is Stage.IDENTIFY, "the identify screen")
    await walk.shot("identify")
    w.identify.continue_button.click()
    await walk.shot("identify-errors")
    await walk.type_on_keyboard(w.identify.first.edit, "Maria")
    await walk.shot("identify-keyboard")
    w.identify.dob.entry.focus_widget().setFocus()
    await walk.shot("identify-keyboard-date")
    await walk.faults(error_rate=1.0)
    await walk.identify("Maria", "Lopez-Hernandez")
    await walk.wait(lambda: w.error_panel.isVisible(), "the error panel")
    await walk.shot("error-panel")
    await walk.faults()
    w.error_panel.retry_button.click()
    await walk.wait(lambda: walk.stage() is Stage.WIZARD, "the first wizard step")
    await walk.wait(walk.idle, "the first step")
    await walk.settle(0.5)
    walk.session.idle.on_idle_timeout()  # as if the patient had walked away
    await walk.wait(lambda: walk.app.idle.showing, "the still-there screen")
    await walk.shot("still-there")
    walk.app.idle.screen.still_here_button.click()
    await walk.wait(lambda: not walk.app.idle.showing, "the step to come back")
    await walk.wizard("walkin", "intake")
    await walk.wait(lambda: walk.stage() is Stage.WAITING, "the waiting room")
    unknown = position_text(None)
    await walk.wait(lambda: w.waiting_room.position.text() != unknown, "a queue position")
    await walk.shot("waiting-room")
    w.waiting_room.leave_button.click()
    await walk.shot("waiting-room-leave-confirm")
    w.waiting_room.stay_button.click()
    await walk.faults(drop_rate=1.0)
    await walk.wait(lambda: w.connection_banner.isVisible(), "the connection banner")
    await walk.shot("connection-banner")
    await walk.faults()
    await walk.wait(lambda: not w.connection_banner.isVisible(), "the banner to clear")
    visit_id = walk.session.state.visit_id
    await walk.provider("start", visit_id)
    await walk.wait(lambda: walk.stage() is Stage.CALL, "the call")
    await walk.wait(lambda: not w.call.connecting.isVisible(), "the call page")
    await walk.shot("call", 3.0)
    w.call.end_button.click()
    await walk.shot("call-end-confirm")
    w.call.confirm_end_button.click()
    await walk.wait(lambda: walk.stage() in (Stage.POST_CALL, Stage.GOODBYE), "the survey")
    await walk.wizard("walkin", "survey")
    await walk.wait(lambda: walk.stage() is Stage.GOODBYE, "goodbye")
    await walk.shot("goodbye")
    w.goodbye.done_button.click()
    await walk.wait(lambda: walk.stage() is Stage.WELCOME and walk.idle(), "Welcome again")


async def patient_appointment(walk: Walk) -> None:
    """A second patient books an appointment: wizard again (not photographed) → booked."""
    from kiosk.session import Stage

    await walk.check_in_to_identify()
    await walk.identify("Sam", "Okafor")
    await walk.wait(lambda: walk.stage() is Stage.WIZARD, "the wizard")
    await walk.wizard("appointment", "appointment", photograph=False)
    await walk.wait(lambda: walk.stage() is Stage.BOOKED, "the booking")
    await walk.shot("booked")
    walk.window.booked.done_button.click()
    await walk.wait(lambda: walk.stage() is Stage.WELCOME and walk.idle(), "Welcome again")


async def crash_and_staff(walk: Walk) -> None:
    """A crash mid-visit (the reset screen), then staff mode: PIN, console, dashboard."""
    from kiosk.session import Stage

    await walk.check_in_to_identify()

    # The crash guard's own path for an exception that escaped a slot. (Raising from a real
    # QTimer slot here also stops the qasync loop of this tool, so the walk could not go on.)
    try:
        raise RuntimeError("screenshot tool: a deliberate crash")
    except RuntimeError:
        walk.app.crash_guard.report(sys.exc_info(), "main")  # type: ignore[arg-type]
    await walk.wait(lambda: walk.window.current_screen is walk.app.reset_screen, "the reset")
    await walk.shot("crash-reset")
    walk.app.reset_screen.button.click()
    await walk.wait(lambda: walk.stage() is Stage.WELCOME and walk.idle(), "Welcome again")

    staff = walk.app.staff
    staff.open()
    await walk.shot("staff-pin-pad")
    for digit in STAFF_PIN[:2]:
        staff.pin_pad.press_digit(digit)
    await walk.shot("staff-pin-pad-typing")
    for digit in STAFF_PIN[2:]:
        staff.pin_pad.press_digit(digit)
    staff.pin_pad.on_enter_clicked()
    await walk.wait(lambda: staff.widget.currentWidget() is staff.console, "the console")
    await walk.shot("staff-console")
    staff.console.tabs.setCurrentWidget(staff.console.tabs.widget(1))
    await walk.shot("staff-console-room")
    staff.console.tabs.setCurrentIndex(2)
    await walk.type_on_keyboard(staff.console.provider_page.code, "prov")
    await walk.shot("staff-console-keyboard")
    staff.console.provider_page.code.clear()
    staff.console.tabs.setCurrentIndex(0)
    page = staff.console.provider_page
    staff.console.tabs.setCurrentIndex(2)
    await walk.shot("staff-console-provider")
    page.code.setText("provider-826")
    page.first_name.setText("John")
    page.last_name.setText("Will")
    page.dashboard_button.click()
    dashboard = walk.app.dashboard
    await walk.wait(lambda: walk.window.current_screen is dashboard, "the provider dashboard")
    await walk.shot("provider-dashboard", 3.0)
    dashboard.close_dashboard()
    staff.close()
    await walk.wait(lambda: not staff.active, "staff mode to close")


async def run_size(size: str, out: Path, tmp: Path, language: str = "en") -> None:
    from kiosk.app import KioskApp, LaunchOptions
    from kiosk.backend import start_backend
    from kiosk.config import KioskOptions, KioskPaths, SandboxOptions, Settings, StaffOptions
    from kiosk.staff.pin import hash_pin

    base = tmp / size
    paths = KioskPaths(base / "config", base / "data", base / "cache", base / "log")
    settings = Settings(
        kiosk=KioskOptions(
            fullscreen=False, queue_poll_s=POLL_S, visit_status_poll_s=POLL_S, language=language
        ),
        staff=StaffOptions(pin_hash=hash_pin(STAFF_PIN)),
        sandbox=SandboxOptions(db_path=base / "sandbox.sqlite3", auto_provider=False),
    )
    backend = start_backend(settings)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    app = KioskApp(qt_app, settings, paths, backend, LaunchOptions(True, SIZES[size]))
    folder = out / size
    folder.mkdir(parents=True, exist_ok=True)
    walk = Walk(app, folder)
    app.start()
    try:
        await patient_walkin(walk)
        await patient_appointment(walk)
        await crash_and_staff(walk)
    except Exception:
        traceback.print_exc()  # printed now: Qt may not get to it once the loop stops
        raise
    finally:
        await walk.controls.aclose()
        await app.shutdown()
        backend.stop()


def write_gallery(out: Path) -> Path:
    """``index.md`` in ``out``: every size's pictures in walk order, one section per size."""
    lines = [
        "# Clinic Kiosk screens",
        "",
        "Written by `tools/screenshot_flow.py` (a real kiosk on the embedded sandbox, walked",
        "by taps). Regenerate with `python tools/screenshot_flow.py OUT_FOLDER`.",
        "",
    ]
    for size in SIZES:
        pictures = sorted((out / size).glob("*.png"))
        if not pictures:
            continue
        lines += [f"## {size}", ""]
        for picture in pictures:
            name = picture.stem.split("-", 1)[-1]
            lines += [f"### {size} · {name}", "", f"![{name} at {size}]({size}/{picture.name})", ""]
    index = out / "index.md"
    index.write_text("\n".join(lines), encoding="utf-8")
    return index


async def run_all(sizes: list[str], out: Path, language: str = "en") -> None:
    with tempfile.TemporaryDirectory(prefix="kiosk-flow-") as tmp:
        for size in sizes:
            await run_size(size, out, Path(tmp), language)
    print(f"saved to {out}; gallery: {write_gallery(out)}", flush=True)
    # Workaround: once a WebEngine view has lived in this process, qasync's QApplication.exit
    # crashes in aboutToQuit (a null slot). Everything is saved and stopped by now.
    sys.stderr.flush()
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="PNG folder")
    parser.add_argument("--size", choices=sorted(SIZES), action="append")
    parser.add_argument("--language", default="en", help="[kiosk] language, e.g. es")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.is_relative_to(ROOT):
        parser.error("the output folder must be outside the repository")

    from kiosk.ui.call.environment import configure_webengine_environment

    configure_webengine_environment()
    import qasync

    from kiosk.ui.theme import apply_theme

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setQuitOnLastWindowClosed(False)
    apply_theme(qt_app)
    qasync.run(run_all(args.size or list(SIZES), out, args.language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
