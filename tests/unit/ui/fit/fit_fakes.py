"""A kiosk window with every screen and wizard step of the seeded clinic, for the fit tests."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.session.accessibility import AccessibilityChoices
from kiosk.session.journey import MAX_WAIT_MESSAGE
from kiosk.staff.actions import KioskInfo
from kiosk.ui.accessibility.kit import AccessibilityKit
from kiosk.ui.accessibility.speech import MOCK_ENGINE
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.reset import ResetScreen
from kiosk.ui.screens.room_picker import RoomChoice
from kiosk.ui.screens.still_there import StillThereScreen
from kiosk.ui.staff.console import StaffConsole, staff_runner
from kiosk.ui.staff.pin_pad import PinPadScreen
from kiosk.ui.wizard import StepView
from kiosk.wizard import Answers, VisitOptions, parse_states

ROOT = Path(__file__).resolve().parents[4]
STATES_FILE = ROOT / "resources" / "default_data" / "vclinic_states.json"

#: The issue's six: common landscape kiosks, full HD, and two portrait screens.
SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080), (1080, 1920), (800, 1280)]
#: The longest notice the session sends (a Message: it is translated like the real one).
LONG_NOTICE = MAX_WAIT_MESSAGE
EMERGENCY = "If this is an emergency, call 911 or go to the nearest emergency room."

Scene = Callable[[], list[QWidget]]


class FitServices:
    """The wizard's services with canned answers (pharmacies, slots, documents, EMR)."""

    def __init__(self, image_dir: Path) -> None:
        self.image_dir = image_dir

    async def load_emr(self) -> Any:
        return {"conditions": {"data": [{"condition": "Asthma"}]}}

    async def list_pharmacies(self) -> list[Any]:
        return [
            {"code": str(n), "name": f"Pharmacy {n}", "address": f"{n} Main St", "city": "LA"}
            for n in range(1, 6)
        ]

    async def load_availability(self, day: dt.date) -> list[Any]:
        start = dt.datetime.combine(day, dt.time(9, 0), ZoneInfo("America/Los_Angeles"))
        return [
            {
                "slot_start": int((start + dt.timedelta(minutes=30 * n)).timestamp()),
                "slot_end": int((start + dt.timedelta(minutes=30 * n + 15)).timestamp()),
            }
            for n in range(12)
        ]

    def room_timezone(self) -> str:
        return "America/Los_Angeles"

    async def load_document(self, code: str) -> str:
        return f"<p>The {code} document.</p>" * 40

    def visit_options(self) -> VisitOptions:
        return VisitOptions(walkin=True, appointment=True)

    async def upload_image(self, path: Path, progress: Callable[[int, int], None]) -> Any:
        progress(1, 1)
        return {"id": path.stem}

    def max_upload_bytes(self) -> int:
        return 10_000_000

    def image_folders(self) -> list[Path]:
        return [self.image_dir]


class _Booking:
    start = int(dt.datetime(2026, 3, 4, 22, 30, tzinfo=dt.UTC).timestamp())
    end = start + 900
    timezone = "America/Los_Angeles"
    provider_name = "Dr. Maria Lee"
    link = "https://clinic.example/vc/next/members/appointment/67258?token=f7gybzjd9o"


class FitRig:
    """Puts ``window`` in each state worth measuring; each scene returns its action buttons."""

    def __init__(self, qtbot: Any, actions: Any, image_dir: Path) -> None:
        self.qtbot = qtbot
        self.window = KioskWindow(sandbox=True, busy_delay_ms=0, goodbye_return_s=3600)
        self.window.keyboard_control.slide_ms = 0
        self.window.set_clinic("Sunrise Family Clinic")
        self.still_there = StillThereScreen()
        self.pin_pad = PinPadScreen()
        self.runner = staff_runner(self.on_action_crashed)
        self.console = StaffConsole(actions, self.runner)
        self.reset_screen = ResetScreen()
        for screen in (self.still_there, self.pin_pad, self.console, self.reset_screen):
            self.window.stack.addWidget(screen)
        self.services = FitServices(image_dir)
        self.answers = Answers()
        definition = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))
        self.steps = [(g, s) for g in definition for s in definition.steps(g)]
        self.step_count = len(self.steps)
        from kiosk.ui.theme import stylesheet

        self.window.setStyleSheet(stylesheet())
        self.choices = AccessibilityChoices()
        self.kit = AccessibilityKit(self.choices, self.window, self.window, MOCK_ENGINE)
        self.kit.install()
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    @staticmethod
    def on_action_crashed(error: BaseException) -> None:
        raise AssertionError(f"a staff action crashed: {type(error).__name__}")

    def large_text(self, on: bool) -> None:
        """The patient's "Aa" choice (restyles the window as the app would be)."""
        self.choices.set_large_text(on)
        self.settle()

    def resize(self, size: tuple[int, int]) -> None:
        self.window.resize(QSize(*size))
        self.settle()

    def settle(self) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    # -- scenes -----------------------------------------------------------------------------

    def scenes(self) -> Iterator[tuple[str, Scene]]:
        w = self.window
        yield "welcome", self._welcome
        yield "identify", self._identify
        yield "identify with errors", self._identify_errors
        yield "identify known patient", self._identify_known
        yield "room pick", self._room_pick
        yield "room closed", lambda: self._show(w.room_closed, w.room_closed.done_button)
        for index, (group, step) in enumerate(self.steps):
            yield f"step {group}/{step.code}", self._step(index)
        yield "waiting room", self._waiting
        yield "waiting room, leaving", self._waiting_leave
        yield "call", lambda: self._show(w.call, w.call.end_button)
        yield "call, ending", self._call_confirm
        yield "booked", self._booked
        yield "goodbye", self._goodbye
        yield "still there", self._still_there
        yield "staff pin", self._pin
        for index in range(self.console.tabs.count()):
            yield f"staff console: {self.console.tabs.tabText(index)}", self._console(index)
        yield "reset", lambda: self._show(self.reset_screen, self.reset_screen.button)

    def overlay_scenes(self) -> Iterator[tuple[str, Scene]]:
        """What lies over the screens: the error panel, the busy cover, the connection banner,
        the lounge strip and its ready prompt, the on-screen keyboard (letters and digits)."""
        yield "error panel", self._error_panel
        yield "busy", self._busy
        yield "lounge", self._lounge
        yield "ready prompt", self._ready_prompt
        yield "keyboard", self._keyboard
        yield "keyboard, digits", self._keyboard_digits

    def scenes_by_name(self) -> dict[str, Scene]:
        return dict(self.scenes())

    def typing_scenes(self) -> Iterator[tuple[str, Scene, Callable[[], list[QWidget]]]]:
        """Scenes with text fields, and the fields to focus in each."""
        w = self.window
        identify = w.identify
        yield (
            "identify",
            self._identify,
            lambda: [identify.first.edit, identify.last.edit, identify.dob.entry.focus_widget()],
        )
        yield "identify known patient", self._identify_known, lambda: [identify.code.edit]
        for index, (group, step) in enumerate(self.steps):
            yield f"step {group}/{step.code}", self._step(index), self._step_text_fields
        console = self.console
        yield (
            "staff console: Provider",
            self._console(2),
            lambda: [console.provider_page.code, console.provider_page.domain],
        )
        yield "staff console: Patient", self._console(3), lambda: [console.patient_page.last_name]

    def _step_text_fields(self) -> list[QWidget]:
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

        view = self.window.step_host.view
        assert view is not None
        fields = [
            f
            for f in view.findChildren(QWidget)
            if isinstance(f, (QLineEdit, QTextEdit, QPlainTextEdit)) and f.isVisible()
        ]
        return fields[:1] + fields[-1:]

    def _show(self, screen: QWidget, *actions: QWidget) -> list[QWidget]:
        """Straight on the stack: this measures layouts, not which part decides the screen."""
        self.window.stack.setCurrentWidget(screen)
        return list(actions)

    def _welcome(self) -> list[QWidget]:
        w = self.window.welcome
        w.set_subtitle(EMERGENCY)
        w.set_patient_code_enabled(True)
        return self._show(w, w.check_in_button)

    def _identify(self) -> list[QWidget]:
        s = self.window.identify
        s.set_known_patient_allowed(True)
        s.set_mode("guest")
        return self._show(s, s.continue_button, s.back_button, s.switch_button)

    def _identify_errors(self) -> list[QWidget]:
        actions = self._identify()
        self.window.identify.show_notice(LONG_NOTICE)
        self.window.identify.on_continue_clicked()
        return actions

    def _identify_known(self) -> list[QWidget]:
        actions = self._identify()
        self.window.identify.clear_notice()
        self.window.identify.set_mode("known")
        return actions

    def _room_pick(self) -> list[QWidget]:
        s = self.window.room_picker
        s.set_rooms(
            [RoomChoice(f"r{n}", f"Room {n}", "Colds, flu, injuries, and more") for n in range(6)]
        )
        return self._show(s, s.back_button)

    def _step(self, index: int) -> Scene:
        def show() -> list[QWidget]:
            _group, step = self.steps[index]
            view = StepView(step, self.answers, self.services, progress=(index, len(self.steps)))
            self.window.step_host.set_view(view)
            self.window.stack.setCurrentWidget(self.window.step_host)
            self.qtbot.wait(1)  # sections start loading their data
            # The post-call survey's first step has no Back (there is nothing to go back to).
            back = [view.back_button] if not view.back_button.isHidden() else []
            return [view.next_button, *back]

        return show

    def _error_panel(self) -> list[QWidget]:
        from kiosk.session.errors import NETWORK_MESSAGE

        self._welcome()
        panel = self.window.error_panel
        panel.show_error(NETWORK_MESSAGE, can_retry=True, can_go_back=True)
        return [panel.retry_button, panel.back_button, panel.start_over_button]

    def _busy(self) -> list[QWidget]:
        self.window.error_panel.hide()
        self.window.busy.set_busy(True)
        return self._welcome()

    def _lounge(self) -> list[QWidget]:
        from kiosk.ui.screens.queue_text import position_text, wait_text

        self.window.busy.set_busy(False)
        actions = self._step(len(self.steps) - 1)()
        lounge = self.window.step_host.lounge
        lounge.offer_check(True)
        lounge.set_status(position_text(2), wait_text(600))
        return actions

    def _ready_prompt(self) -> list[QWidget]:
        from kiosk.ui.widgets.ready_prompt import ReadyPrompt

        self.ready_prompt = ReadyPrompt()
        self.window.stack.addWidget(self.ready_prompt)
        self.ready_prompt.show_ready("Dr. Maria Lee")
        return self._show(self.ready_prompt, self.ready_prompt.join_button)

    def _keyboard(self) -> list[QWidget]:
        self.window.step_host.lounge.clear()
        actions = self._identify()
        self.window.keyboard_control.install()
        self.window.identify.first.edit.setFocus()
        self.settle()
        return actions

    def _keyboard_digits(self) -> list[QWidget]:
        actions = self._identify()
        self.window.identify.dob.entry.focus_widget().setFocus()
        self.settle()
        return actions

    def _waiting(self) -> list[QWidget]:
        s = self.window.waiting_room
        s.reset()
        s.set_queue(3, 1200, 5)
        s.set_subtitle(EMERGENCY)
        s.show_notice(LONG_NOTICE)
        return self._show(s, s.leave_button)

    def _waiting_leave(self) -> list[QWidget]:
        self._waiting()
        s = self.window.waiting_room
        s.on_leave_clicked()
        return [s.stay_button, s.confirm_leave_button]

    def _call_confirm(self) -> list[QWidget]:
        s = self.window.call
        self._show(s)
        s.on_end_clicked()
        return [s.stay_button, s.confirm_end_button]

    def _booked(self) -> list[QWidget]:
        s = self.window.booked
        s.set_booking(_Booking())
        return self._show(s, s.done_button)

    def _goodbye(self) -> list[QWidget]:
        s = self.window.goodbye
        s.show_notice(LONG_NOTICE)
        return self._show(s, s.done_button)

    def _still_there(self) -> list[QWidget]:
        self.still_there.start(30)
        return self._show(
            self.still_there, self.still_there.still_here_button, self.still_there.start_over_button
        )

    def _pin(self) -> list[QWidget]:
        p = self.pin_pad
        p.reset()
        p.show_wrong(2)
        return self._show(p, p.enter_button, p.cancel_button, p.digit_buttons["0"])

    def _console(self, index: int) -> Scene:
        def show() -> list[QWidget]:
            c = self.console
            c.refresh()
            c.tabs.setCurrentIndex(index)
            return self._show(c, c.close_button, c.exit_button)

        return show


__all__ = ["SIZES", "FitRig", "KioskInfo"]
