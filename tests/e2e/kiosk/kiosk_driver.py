"""Drive the whole kiosk like a patient (taps and typing on the real widgets) and look at the
sandbox server's side (its ``/_sandbox/`` controls and a second patient on its API).

Every tap checks first that the patient could make it: the widget is on screen and enabled.
Taps and the staff corner press go through the kiosk's window as a touch screen's do
(``window_input``), so the kiosk's idle, staff-gesture and lockdown watchers see them.
Waits are ``qtbot.waitUntil`` on what the screen or the server shows, never sleeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import window_input
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QListWidget, QListWidgetItem, QScrollArea, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from kiosk import constants
from kiosk.backend import SANDBOX_API_KEY
from kiosk.session import Stage
from kiosk.ui.wizard.fields.choices import ChoiceField
from kiosk.ui.wizard.fields.text import LineField
from kiosk.ui.wizard.form import SchemaForm
from kiosk.ui.wizard.sections.calendar import CalendarSection
from kiosk.ui.wizard.sections.documents import ConsentSection
from kiosk.ui.wizard.sections.emr import EmrListSection
from kiosk.ui.wizard.sections.forms import IntakeSection
from kiosk.ui.wizard.sections.pharmacy import PharmacySection
from kiosk.ui.wizard.sections.survey import SurveySection
from kiosk.ui.wizard.sections.upload import UploadSection
from kiosk.ui.wizard.sections.visit_type import VisitTypeSection
from kiosk.ui.wizard.step_view import StepView

#: How long one wait for the screen or the server may take (ms); generous for a loaded CI box.
WAIT_MS = 20_000
LEFT = Qt.MouseButton.LeftButton
ACCOUNT = "vclinic"
ROOM = "ceproom1"


@dataclass(frozen=True)
class Patient:
    """What one patient types and taps. ``reason`` must be one of the clinic's reasons."""

    first_name: str = "Ada"
    last_name: str = "Walkwell"
    dob: dt.date = dt.date(1984, 7, 19)
    phone: str = "5550142"
    reason: str = "Headache"
    condition: str = "Asthma"
    survey_comment: str = "Quick and easy."
    visit_type: str = "walkin"
    picture: Path | None = None
    #: Take a photo with the (fake) camera in the file_upload step instead of a picture.
    take_photo: bool = False


#: The kiosk's own default timers (heartbeat, queue and status polls, backoff): what a clinic
#: runs, for the tests that must hold at a patient's pace (issue 11).
DEFAULT_TIMERS: dict[str, Any] = {
    "heartbeat_s": float(constants.HEARTBEAT_S),
    "queue_poll_s": constants.QUEUE_POLL_S,
    "visit_status_poll_s": constants.VISIT_STATUS_POLL_S,
    "backoff_base_s": constants.RECONNECT_BACKOFF_BASE_S,
    "backoff_cap_s": constants.RECONNECT_BACKOFF_CAP_S,
}
#: The doc's example answers, for the doc-mode sandbox (``kiosk.sandbox.docmode``).
DOC_EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "api_examples"


@dataclass
class StepLog:
    """The wizard steps a walk showed, by step code, and the sections each one had."""

    steps: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)


class KioskShowedError(RuntimeError):
    """The kiosk put up its error panel while the test waited for something else."""


class PatientDriver:
    """Taps and types on the kiosk's window. ``app`` is the running ``KioskApp``."""

    def __init__(self, qtbot: Any, app: Any) -> None:
        self.qtbot = qtbot
        self.app = app
        self.window = app.window

    # -- primitives -------------------------------------------------------------------------

    def wait(self, condition: Callable[[], bool], timeout: int = WAIT_MS) -> None:
        """Until ``condition()``; an error panel showing on the way fails at once with its text
        (a patient would be stuck there)."""

        def check() -> bool:
            panel = self.window.error_panel
            if panel.isVisible():
                raise KioskShowedError(panel.message.text())
            return condition()

        self.qtbot.waitUntil(check, timeout=timeout)

    def tap(self, widget: QWidget) -> None:
        """A finger on the middle of ``widget``: it must be showing and enabled.

        Not while the on-screen keyboard slides: the screen above it is still moving (a patient
        taps what stands still; a test tapping mid-slide can land beside a pinned button)."""
        control = self.window.keyboard_control
        self.qtbot.waitUntil(lambda: not control.settling, timeout=WAIT_MS)
        assert widget.isVisible(), f"{type(widget).__name__} {_label(widget)!r} is not on screen"
        assert widget.isEnabled(), f"{type(widget).__name__} {_label(widget)!r} is disabled"
        window_input.settle_layouts()
        scroll_into_view(widget)
        hit = self.window.childAt(window_input.window_point(widget))
        assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), (
            f"{type(widget).__name__} {_label(widget)!r} is covered by {type(hit).__name__}"
        )
        window_input.click(widget)

    def type_into(self, widget: QWidget, text: str) -> None:
        assert widget.isVisible() and widget.isEnabled()
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.qtbot.keyClicks(widget, text)

    def tap_row(self, view: QListWidget, item: QListWidgetItem) -> None:
        """Scroll a big-row list to ``item`` and tap it."""
        view.scrollToItem(item, QListWidget.ScrollHint.PositionAtCenter)
        rect = view.visualItemRect(item)
        assert rect.isValid(), f"row {item.text()!r} is not on screen"
        window_input.click(view.viewport(), rect.center())

    def tap_row_with(self, view: QListWidget, text: str) -> None:
        for row in range(view.count()):
            item = view.item(row)
            if item.text().split("\n")[0] == text and not item.isHidden():
                self.tap_row(view, item)
                return
        raise AssertionError(f"no row {text!r}")

    def button(self, parent: QWidget, text: str) -> QAbstractButton:
        """The visible button under ``parent`` whose text (or accessible name) is ``text``."""
        for candidate in parent.findChildren(QAbstractButton):
            names = (candidate.text().strip(), candidate.accessibleName().strip())
            if text in names and candidate.isVisible():
                return candidate
        raise AssertionError(f"no button {text!r} on {type(parent).__name__}")

    def press_in_corner(self) -> QPoint:
        """Put a finger down in the window's top-left corner (the staff gesture)."""
        point = QPoint(8, 8)
        window_input.press(self.window, point)
        return point

    def lift_from_corner(self, point: QPoint) -> None:
        window_input.release(self.window, point)

    # -- what is on screen -----------------------------------------------------------------

    @property
    def screen(self) -> QWidget:
        return self.window.current_screen

    @property
    def stage(self) -> Stage:
        return self.app.session.stage

    def settled(self) -> bool:
        """No command or wipe running and no busy cover over the screen."""
        return not self.app.session.busy and not self.window.busy.is_blocking

    def wait_for_screen(self, screen: QWidget, timeout: int = WAIT_MS) -> None:
        self.wait(lambda: self.screen is screen and self.settled(), timeout)

    def _step_settled(self) -> bool:
        view = self.window.step_host.view
        return (
            self.screen is self.window.step_host
            and isinstance(view, StepView)
            and not view.building  # the questions below the first screen are there too
            and self.settled()
        )

    def step_view(self) -> StepView:
        self.wait(self._step_settled)
        view = self.window.step_host.view
        assert isinstance(view, StepView)
        return view

    # -- the patient's walk ----------------------------------------------------------------

    def check_in(self) -> None:
        """Welcome → "Check in" → the identify screen."""
        self.wait_for_screen(self.window.welcome)
        self.tap(self.window.welcome.check_in_button)
        self.wait_for_screen(self.window.identify)

    def identify(self, patient: Patient) -> None:
        """Type the name and the date of birth's digits, Continue."""
        screen = self.window.identify
        self.type_into(screen.first.edit, patient.first_name)
        self.type_into(screen.last.edit, patient.last_name)
        entry = screen.dob.entry
        for part, digits in dob_digits(patient.dob).items():
            self.type_into(entry.segments[part], digits)
        assert screen.dob.value() == patient.dob.isoformat()
        self.tap(screen.continue_button)
        self.wait(lambda: self.screen is not screen and self.settled())

    # -- the on-screen keyboard --------------------------------------------------------------

    def tap_keys(self, text: str) -> None:
        """Type ``text`` with the on-screen keyboard only: a tap per key, switching layouts
        (123, àéñ, ABC) and Shift as a patient would. The keyboard must be up."""
        for char in text:
            self.tap(self.key_for(char))

    def key_for(self, char: str) -> QAbstractButton:
        panel = self.window.keyboard
        control = self.window.keyboard_control
        self.wait(lambda: panel.isVisible() and not control.sliding)  # keys stopped moving
        label = "space" if char == " " else char
        for _switch in range(3):
            if char.isalpha() and self._has_key(panel, "⇧") and panel.shifted != char.isupper():
                self.tap(panel.button("⇧"))
            try:
                return panel.button(label)
            except KeyError:
                pass
            for switch in self._layout_keys(char):
                if self._has_key(panel, switch):
                    self.tap(panel.button(switch))
                    break
            else:
                break
        raise AssertionError(f"no key for {char!r} on the {panel.layout_name.value} keyboard")

    @staticmethod
    def _layout_keys(char: str) -> tuple[str, ...]:
        if char.isascii() and char.isalpha():
            return ("ABC",)
        if char.isalpha():
            return ("àéñ", "ABC")
        return ("123", "ABC")

    @staticmethod
    def _has_key(panel: Any, label: str) -> bool:
        try:
            panel.button(label)
        except KeyError:
            return False
        return True

    def fill_step_without_text(self, view: StepView, patient: Patient) -> None:
        """``fill_step`` but leave text boxes as they are (a test typed them already)."""
        self.fill_step(view, patient, type_text=False)

    def fill_step(self, view: StepView, patient: Patient, type_text: bool = True) -> None:
        """Answer every section of the step on screen, the way a patient would."""
        for section in view.sections:
            if isinstance(section, IntakeSection):
                self._fill_form(section.form, patient, type_text)
            elif isinstance(section, UploadSection):
                self._attach_picture(section, patient)
            elif isinstance(section, VisitTypeSection):
                self.tap(section.cards[patient.visit_type])
            elif isinstance(section, ConsentSection):
                self.wait(lambda s=section: s.panel.content is not None)
            elif isinstance(section, CalendarSection):
                self._pick_slot(section)
            elif isinstance(section, EmrListSection):
                self._fill_emr(section, patient)
            elif isinstance(section, PharmacySection):
                self._pick_pharmacy(section)
            elif isinstance(section, SurveySection):
                self._rate(section, patient)

    def next(self, view: StepView) -> None:
        """Tap the step's Next and wait until the kiosk has moved on from it."""
        step = view.step
        self.tap(view.next_button)
        assert not view.summary.isVisible(), f"{view.step.code}: {view.summary.text()}"
        host = self.window.step_host
        # The step screen keeps its view from step to step: it is the step shown that changes.
        self.wait(
            lambda: (
                (self.screen is not host or host.view is not view or view.step is not step)
                and self.settled()
            ),
        )

    def walk_in(self, patient: Patient) -> None:
        """Welcome → identify → every wizard step → the waiting room, as a walk-in patient (or
        straight into the call, when the provider got ready while they were in the lounge)."""
        self.check_in()
        self.identify(patient)
        self.walk_wizard(patient)
        self.wait(
            lambda: self.screen in (self.window.waiting_room, self.window.call) and self.settled()
        )

    @property
    def ready_prompt(self) -> Any:
        """The lounge's "ready" prompt (it lies over the step while it shows)."""
        return self.app.presenter.ready_prompt

    def walk_wizard(self, patient: Patient, stop_at: str | None = None) -> StepLog:
        """Fill and submit steps until the wizard is left (waiting room, booked, goodbye), or
        until the step ``stop_at`` is on screen. When the lounge's "ready" prompt covers the
        step, the patient does what it says: Join now."""
        log = StepLog()
        prompt = self.ready_prompt
        while self.stage in (Stage.WIZARD, Stage.POST_CALL):
            # The provider may get ready at any moment in the lounge: wait for the next step
            # or the prompt, whichever comes.
            self.wait(lambda: prompt.showing or self._step_settled())
            if prompt.showing:
                self.tap(prompt.join_button)
                self.wait(lambda: self.stage is not Stage.WIZARD and self.settled())
                break
            view = self.step_view()
            if view.step.code == stop_at:
                log.steps.append(view.step.code)
                break
            log.steps.append(view.step.code)
            log.sections[view.step.code] = [s.section.code for s in view.sections]
            try:
                self.fill_step(view, patient)
                self.next(view)
            except (AssertionError, WaitTimeout):
                # The provider may get ready at any moment (a patient's pace is not the
                # server's): the prompt then lies over the step the patient was filling in.
                if not self.ready_prompt.showing:
                    raise
        return log

    # -- sections --------------------------------------------------------------------------

    def _fill_form(self, form: SchemaForm, patient: Patient, type_text: bool = True) -> None:
        for key, widget in form.by_key.items():
            if isinstance(widget, ChoiceField):
                wanted = patient.reason if key == "reason_for_visit" else None
                self._choose(widget, wanted)
            elif isinstance(widget, LineField) and type_text:
                text = patient.phone if key == "phone" else "Kiosk answer"
                self.type_into(widget.edit, text)

    def _choose(self, widget: ChoiceField, wanted: str | None) -> None:
        if widget.search is not None:
            label = wanted or widget.field.options[0].label
            self.type_into(widget.search.query, label)
            self.tap_row_with(widget.search.view, label)
            return
        labels = [o.label for o in widget.field.options]
        index = labels.index(wanted) if wanted in labels else 0
        self.tap(widget.buttons[index])
        assert widget.buttons[index].isChecked()

    def _attach_picture(self, section: UploadSection, patient: Patient) -> None:
        if patient.take_photo:
            self._take_photo(section)
            return
        if patient.picture is None:
            return
        tile = section.tiles[patient.picture]
        self.tap(tile)
        self.wait(lambda: bool(section.file_ids()))

    def _take_photo(self, section: UploadSection) -> None:
        self.tap(section.photo_button)
        capture = section.capture
        assert capture is not None

        def taken() -> bool:
            if not capture.has_photo:
                self.tap(capture.take_button)
            return capture.has_photo

        self.wait(taken)
        self.tap(capture.use_button)
        self.wait(lambda: bool(section.file_ids()))

    def _pick_slot(self, section: CalendarSection) -> None:
        for button in section.day_buttons:
            self.tap(button)
            self.wait(lambda: section.panel is not None and not section.panel.loading)
            if section.slot_buttons:
                self.tap(section.slot_buttons[0][0])
                assert section.state.get("slot") is not None
                return
        raise AssertionError("the sandbox offered no free time in the calendar's days")

    def _fill_emr(self, section: EmrListSection, patient: Patient) -> None:
        self.wait(lambda: section.editor is not None)
        if section.record == "conditions":
            self.type_into(section.entry, patient.condition)
            self.tap(section.add_button)
            assert patient.condition in section.items()
        else:
            self.tap(section.none_toggle)
            assert section.none_toggle.isChecked()

    def _pick_pharmacy(self, section: PharmacySection) -> None:
        self.wait(lambda: not section.panel.loading)
        if section.search is not None and section.chosen() is None:
            self.tap_row(section.search.view, section.search.view.item(0))
            assert section.chosen() is not None

    def _rate(self, section: SurveySection, patient: Patient) -> None:
        self.tap(section.stars[4])
        self.type_into(section.comment, patient.survey_comment)


def dob_digits(day: dt.date) -> dict[str, str]:
    """The digits a patient types in each box of the date of birth."""
    return {"month": f"{day.month:02d}", "day": f"{day.day:02d}", "year": f"{day.year:04d}"}


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return text() if callable(text) else widget.objectName()


class ServerProbe:
    """The sandbox as a test sees it: ``/_sandbox/state``, faults, and a second patient."""

    def __init__(self, portal_base_url: str, api_base_url: str) -> None:
        self.root = httpx.Client(base_url=portal_base_url, timeout=10)
        self.api = httpx.Client(base_url=api_base_url, timeout=10)

    def close(self) -> None:
        self.root.close()
        self.api.close()

    def state(self) -> dict[str, Any]:
        response = self.root.get("_sandbox/state")
        response.raise_for_status()
        return response.json()

    def visit(self, visit_id: str | None) -> dict[str, Any]:
        assert visit_id is not None
        found = [v for v in self.state()["visits"] if str(v["id"]) == str(visit_id)]
        assert found, f"the server has no visit {visit_id}"
        return found[0]

    def logged_out_tokens(self) -> int:
        return int(self.state()["logged_out_tokens"])

    def set_faults(self, **faults: float) -> None:
        self.root.put("_sandbox/faults", json=faults).raise_for_status()

    def queue(self, room: str = ROOM) -> list[dict[str, Any]]:
        response = self.root.get("_sandbox/provider/queue")
        response.raise_for_status()
        return [v for v in response.json() if v["room_code"] == room and v["status"] == 10]

    # -- another patient, straight on the API (as a phone or another kiosk would) -------------

    def _headers(self, token: str | None = None) -> dict[str, str]:
        headers = {"X-AccountCode": ACCOUNT}
        if token:
            headers["X-ApiToken"] = token
        return headers

    def walk_in_other_patient(self, heartbeat_s: int = 600) -> tuple[str, str]:
        """A guest who joined the queue first; returns (token, visit id). ``heartbeat_s`` keeps
        them counted in the queue for that long without further calls."""
        response = self.api.post(
            "users/sso",
            data={"first_name": "Other", "last_name": "Waiting", "type": "600"},
            headers={**self._headers(), "X-ApiKey": SANDBOX_API_KEY},
        )
        response.raise_for_status()
        token = response.json()["data"]["token"]["token"]
        intake = self.api.post(
            "intakes",
            data={"room_code": ROOM, "reason_for_visit": "Cough"},
            headers=self._headers(token),
        )
        intake.raise_for_status()
        self.api.post(
            "users/alive", data={"heartbeat": str(heartbeat_s)}, headers=self._headers(token)
        ).raise_for_status()
        visit = self.api.post(
            "visits/add_walkin",
            data={"intake_id": intake.json()["data"]["id"], "room_code": ROOM},
            headers=self._headers(token),
        )
        visit.raise_for_status()
        return token, str(visit.json()["data"]["id"])

    def provider_starts(self, visit_id: str) -> None:
        """The simulated provider takes this waiting patient into a call (status 25)."""
        self.root.post(f"_sandbox/provider/start/{visit_id}").raise_for_status()

    def provider_ends(self, visit_id: str) -> None:
        """The simulated provider ends this patient's call (status 30)."""
        self.root.post(f"_sandbox/provider/end/{visit_id}").raise_for_status()


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` to show it, as the patient's finger would."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
