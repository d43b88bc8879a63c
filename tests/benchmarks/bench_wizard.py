"""Wizard timings: build the largest step and switch between steps (printed, not asserted).

Two cases: the example account's largest step (`post_signup_profile`), and an intake step with
a 20-item medication list (each item name, dose and times a day), a condition and a 0–10
scale — the issue's target case. A step is measured as the patient meets it: a child of a
window already on screen, from construction (build) or from the Next tap (switch) until its
action bar has been painted. Median GUI-thread CPU ms of several repetitions, with the slowest
and the wall time (see tests/benchmarks/README.md).

python -m pytest tests/benchmarks/bench_wizard.py -m benchmark -s
QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_wizard.py
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

STATES_FILE = ROOT / "resources" / "default_data" / "vclinic_states.json"
ROUNDS = 15
BUILD_TARGET_MS = 16.0
SWITCH_TARGET_MS = 16.0
MEDICATIONS = 20


def medication_step() -> Any:
    """An intake step whose list already holds ``MEDICATIONS`` medicines (Back to it)."""
    from kiosk.wizard import Step, parse_section

    section = parse_section(
        {
            "code": "update_intake",
            "schema": {
                "type": "object",
                "properties": {
                    "pain": {"type": "integer", "title": "Pain today", "minimum": 0, "maximum": 10},
                    "smoker": {"type": "boolean", "title": "I smoke"},
                    "packs": {"type": "number", "title": "Packs a day"},
                    "medications": {
                        "type": "array",
                        "title": "Medicines you take",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string", "title": "Medicine"},
                                "dose": {"type": "string", "title": "Dose"},
                                "per_day": {"type": "integer", "title": "Times a day"},
                            },
                            "required": ["name"],
                        },
                    },
                },
            },
            "form": [
                {"key": "pain", "type": "range"},
                "smoker",
                {"key": "packs", "condition": "model.smoker"},
                "medications",
            ],
        }
    )
    return Step(name="Medicines", code="meds", next_title="Next", sections=(section,), group="b")


def medication_answers(step: Any) -> Any:
    from kiosk.wizard import Answers

    answers = Answers()
    state = answers.section_state(step, 0, step.sections[0])
    state["medications"] = [
        {"name": f"Medicine {n}", "dose": "10 mg", "per_day": n % 3 + 1} for n in range(MEDICATIONS)
    ]
    return answers


class NullServices:
    """Services whose loads never finish, so only widget construction is timed."""

    def __init__(self) -> None:
        self._never = asyncio.Event()

    async def _wait(self, *args: Any) -> Any:
        await self._never.wait()

    load_emr = list_pharmacies = load_availability = load_document = upload_image = _wait

    def room_timezone(self) -> str:
        return "UTC"

    def visit_options(self) -> Any:
        from kiosk.wizard import VisitOptions

        return VisitOptions()

    def max_upload_bytes(self) -> int:
        return 1

    def image_folders(self) -> list[Path]:
        return []


def measure() -> dict[str, float]:
    """Median ms to build the largest example step and the 20-medication step, and to go from
    one step to the next (the largest example step ↔ the intake step, and the medication step ↔
    the intake step)."""
    from kiosk.wizard import parse_states

    definition = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))
    steps = definition.all_steps()
    largest = next(s for s in steps if any(x.code == "post_signup_profile" for x in s.sections))
    example = _measure(largest, steps[4], None)
    meds = medication_step()
    listed = _measure(meds, steps[4], medication_answers(meds))
    figures = {k: v for k, v in example.items()}
    figures.update({f"meds_{k}": v for k, v in listed.items()})
    return figures


class _Window:
    """A 1280x800 top-level window holding the app's own ``StepHost``, as the kiosk's main
    window does: a step is measured as a child of a window already on screen, not as a new
    top-level window of its own."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        from kiosk.ui.screens.step_host import StepHost

        self.top = QWidget()
        self.top.setObjectName("Window")
        layout = QVBoxLayout(self.top)
        layout.setContentsMargins(0, 0, 0, 0)
        self.host = StepHost(self.top)
        layout.addWidget(self.host)
        self.top.resize(1280, 800)
        self.top.show()
        _settle()


class _PaintSpy:
    """Counts paint events of the step's Next button: the step is on screen once the last
    widget of its first frame (the pinned action bar) has been painted."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            painted = 0

            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    Filter.painted += 1
                return False

        self.filter = Filter()

    def wait(self, view: Any) -> None:
        """Run the event loop until ``view`` has been laid out and painted."""
        from PySide6.QtWidgets import QApplication

        button = view.next_button
        self.filter.painted = 0
        type(self.filter).painted = 0
        button.installEventFilter(self.filter)
        app = QApplication.instance()
        for _ in range(200):
            app.processEvents()
            if type(self.filter).painted:
                break
        else:
            raise AssertionError("the step was never painted")
        button.removeEventFilter(self.filter)


def _settle() -> None:
    """Finish pending work (deletions, paints) before the clock starts."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _Clock:
    """GUI-thread CPU time and wall time of one measured span, in ms."""

    def __init__(self) -> None:
        self.cpu: list[float] = []
        self.wall: list[float] = []

    def start(self) -> None:
        self._cpu, self._wall = time.thread_time(), time.perf_counter()

    def stop(self) -> None:
        self.cpu.append((time.thread_time() - self._cpu) * 1000)
        self.wall.append((time.perf_counter() - self._wall) * 1000)


def _measure(largest: Any, other: Any, answers: Any) -> dict[str, float]:
    """Build: construct ``largest``'s view, put it in the window's host, lay out and paint.
    Switch: tap Next on the step shown (validation, and submission when valid), then build the
    next step in its place and paint it (the old one is deleted on the way, as in the app);
    alternately ``largest`` → ``other`` and ``other`` → ``largest``."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import apply_theme
    from kiosk.ui.wizard import StepView
    from kiosk.wizard import Answers

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    services = NullServices()
    answers = answers or Answers()
    window = _Window()
    spy = _PaintSpy()
    build, switch = _Clock(), _Clock()
    for _ in range(ROUNDS):
        window.host.clear()
        _settle()
        build.start()
        view = StepView(largest, answers, services, progress=(2, 13))
        window.host.set_view(view)
        spy.wait(view)
        build.stop()
    _settle()
    for step in (other, largest) * (ROUNDS // 2 + 1):
        current = window.host.view
        _settle()
        switch.start()
        current.next_button.click()
        view = StepView(step, answers, services, progress=(3, 13))
        window.host.set_view(view)
        spy.wait(view)
        switch.stop()
    window.host.clear()
    window.top.close()
    window.top.deleteLater()
    _settle()
    return {
        "build_ms": statistics.median(build.cpu),
        "switch_ms": statistics.median(switch.cpu),
        "build_wall_ms": statistics.median(build.wall),
        "switch_wall_ms": statistics.median(switch.wall),
        "build_max_ms": max(build.cpu),
        "switch_max_ms": max(switch.cpu),
    }


def run() -> dict[str, float]:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def main() -> dict[str, float]:
        return measure()

    with loop:
        figures = loop.run_until_complete(main())
    print(report(figures))
    return figures


def report(figures: dict[str, float]) -> str:
    """The printed lines: each figure as the median GUI-thread CPU ms of ``ROUNDS`` repetitions
    (the slowest in brackets, then the median wall ms) against its target, and the machine's
    load average. CPU time is the figure to compare: on a shared, loaded machine wall time
    mostly measures waiting for a core."""

    def figure(prefix: str, kind: str, target: float) -> str:
        return (
            f"{kind} {figures[f'{prefix}{kind}_ms']:.1f} ms "
            f"[max {figures[f'{prefix}{kind}_max_ms']:.1f}, "
            f"wall {figures[f'{prefix}{kind}_wall_ms']:.1f}] (target ≤ {target:.0f})"
        )

    def line(name: str, prefix: str) -> str:
        build = figure(prefix, "build", BUILD_TARGET_MS)
        return f"wizard: {name}: {build}; {figure(prefix, 'switch', SWITCH_TARGET_MS)}"

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "\n".join(
        (
            line("largest example step (post_signup_profile)", ""),
            line(f"intake step with a {MEDICATIONS}-medication list", "meds_"),
            f"wizard: CPU ms of the GUI thread, median of {ROUNDS}; load average {load}",
        )
    )


@pytest.mark.benchmark
def test_wizard_build_and_switch_times(qloop):
    figures = measure()
    print("\n" + report(figures))


if __name__ == "__main__":
    run()
