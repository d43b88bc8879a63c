"""Fixtures for wizard widget tests: the example account, a fake services seam, a view factory."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from on_screen import on_screen

# Every built-in field and section widget registered, as StepView's import does in the app:
# a test file that builds a SchemaForm alone must not depend on another having imported them.
from kiosk.ui.wizard import builtin  # noqa: F401
from kiosk.wizard import Answers, Step, VisitOptions, WizardDefinition, parse_states

ROOT = Path(__file__).resolve().parents[4]
STATES_FILE = ROOT / "resources" / "default_data" / "vclinic_states.json"


class FakeApiError(Exception):
    """Like kiosk.api.errors.ApiError: carries a patient-safe ``.message``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FakeServices:
    """WizardServices for tests: canned data, call log, switchable failures and gates.

    ``fail`` holds method names that raise FakeApiError; ``gates`` holds asyncio.Events a
    method waits for (to observe the loading state).
    """

    def __init__(self, image_dir: Path) -> None:
        self.image_dir = image_dir
        self.calls: list[str] = []
        self.fail: set[str] = set()
        self.gates: dict[str, asyncio.Event] = {}
        self.emr: Any = {
            "conditions": {"data": [{"condition": "Asthma"}]},
            "allergies": {"data": [], "data_not_reported": True},
        }
        self.pharmacies: list[dict[str, Any]] = [
            {
                "code": "11",
                "name": "Sunset Pharmacy",
                "address": "4700 Sunset Blvd",
                "city": "Los Angeles",
                "state": "CA",
                "zip": "90027",
            },
            {
                "code": "22",
                "name": "Vermont Drugs",
                "address": "1501 Vermont Ave",
                "city": "Los Angeles",
                "state": "CA",
                "zip": "90027",
                "is_default": True,
            },
            {
                "code": "33",
                "name": "Harbor Rx",
                "address": "12 Harbor Way",
                "city": "Long Beach",
                "state": "CA",
                "zip": "90802",
            },
        ]
        self.options = VisitOptions(walkin=True, appointment=True)
        self.max_bytes = 10_000_000
        self.tz = "America/Los_Angeles"

    async def _enter(self, name: str) -> None:
        self.calls.append(name)
        gate = self.gates.get(name)
        if gate is not None:
            await gate.wait()
        if name in self.fail:
            raise FakeApiError(f"{name} is unavailable right now.")

    async def load_emr(self) -> Any:
        await self._enter("load_emr")
        return self.emr

    async def list_pharmacies(self) -> list[Any]:
        await self._enter("list_pharmacies")
        return self.pharmacies

    async def load_availability(self, day: dt.date) -> list[Any]:
        await self._enter("load_availability")
        from zoneinfo import ZoneInfo

        start = dt.datetime.combine(day, dt.time(9, 0), ZoneInfo(self.tz))
        return [
            {
                "slot_start": int((start + dt.timedelta(hours=h)).timestamp()),
                "slot_end": int((start + dt.timedelta(hours=h, minutes=15)).timestamp()),
            }
            for h in (0, 1, 2)
        ]

    def room_timezone(self) -> str:
        return self.tz

    async def load_document(self, code: str) -> str:
        await self._enter("load_document")
        return f"<p>The {code} document.</p>"

    def visit_options(self) -> VisitOptions:
        return self.options

    async def upload_image(self, path: Path, progress: Callable[[int, int], None]) -> Any:
        await self._enter("upload_image")
        progress(5, 10)
        progress(10, 10)
        return {"id": f"id-{path.stem}"}

    def max_upload_bytes(self) -> int:
        return self.max_bytes

    def image_folders(self) -> list[Path]:
        return [self.image_dir]


@pytest.fixture
def definition() -> WizardDefinition:
    return parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))


@pytest.fixture
def services(tmp_path: Path) -> FakeServices:
    folder = tmp_path / "camera"
    folder.mkdir()
    return FakeServices(folder)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def step_by_code(definition: WizardDefinition) -> Callable[[str, str], Step]:
    def find(group: str, code: str) -> Step:
        return next(s for s in definition.steps(group) if s.code == code)

    return find


@pytest.fixture
def make_view(qtbot, qloop, answers: Answers, services: FakeServices):
    """Build a StepView the size of a landscape kiosk, shown offscreen, added to qtbot."""
    from kiosk.ui.theme import stylesheet
    from kiosk.ui.wizard import StepView

    qloop  # noqa: B018 - the loop must exist before sections start their tasks

    def make(step: Step, progress: tuple[int, int] = (0, 3), **options: Any) -> StepView:
        view = StepView(step, answers, services, progress=progress, **options)
        view.setStyleSheet(stylesheet())
        on_screen(qtbot, view, (1280, 800))
        return view

    return make


@pytest.fixture
def settle(qtbot):
    """Wait until no section of a view is loading."""
    from kiosk.ui.wizard.load_panel import LoadPanel

    def wait(view) -> None:
        qtbot.waitUntil(lambda: not any(p.loading for p in view.findChildren(LoadPanel)))

    return wait
