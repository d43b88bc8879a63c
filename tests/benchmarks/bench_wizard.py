"""Wizard timings: show the largest step and switch between steps (printed, not asserted).

Two cases: the example account's largest step (`post_signup_profile`), and an intake step with
a 20-item medication list (each item name, dose and times a day), a condition and a 0–10
scale — the issue's target case. A step is measured as the patient meets it, the way the
presenter shows it: the step screen's frame is built ahead (while the patient identifies;
its cost is printed on its own), and each step is shown in it (`StepView.show_step`), from
the first step being shown (build) or from the Next tap (switch) until its action bar is
painted. Steps are progressive: a first screenful within the first frame's time, the rest
of the first screen in the next slice ("first screen whole"), the questions below it after
that ("every question"); "built whole" is the same step built at once, frame and all, as
before the frame was kept. Next is tapped on a step whose answers are valid (the patient's
real path). Median GUI-thread CPU ms of several repetitions, with the slowest and the wall
time, beside a bare-QWidget baseline measured in the same run (see
tests/benchmarks/README.md).

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
#: Plain labels in the baseline: as many widgets as the largest example step has.
BARE_WIDGETS = 88


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


def example_answers(largest: Any, intake: Any, answers: Any = None) -> Any:
    """Valid answers to the example's largest step and its first intake step, so Next on
    either is the patient's real path (validation passes, the step is submitted)."""
    from kiosk.wizard import Answers

    answers = answers or Answers()
    answers.section_state(largest, 0, largest.sections[0]).update(
        first_name="Ana",
        last_name="Lee",
        gender="female",
        dob="1980-02-03",
        password="Kiosk-pass-123",
        password_retype="Kiosk-pass-123",
    )
    answers.section_state(largest, 1, largest.sections[1])["agreed"] = True
    answers.section_state(intake, 0, intake.sections[0])["reason_for_visit"] = ["Asthma"]
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
    the intake step); with the bare-widget baseline measured in the same run."""
    from kiosk.wizard import parse_states

    definition = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))
    steps = definition.all_steps()
    largest = next(s for s in steps if any(x.code == "post_signup_profile" for x in s.sections))
    window = _Window()
    figures = _baseline(window)
    intake = steps[4]
    figures.update(_measure(window, largest, intake, example_answers(largest, intake)))
    meds = medication_step()
    listed = _measure(
        window, meds, intake, example_answers(largest, intake, medication_answers(meds))
    )
    figures.update({f"meds_{k}": v for k, v in listed.items()})
    window.close()
    return figures


class _Window:
    """A 1280x800 top-level window holding the app's own ``StepHost``, as the kiosk's main
    window does: a step is measured as a child of a window already on screen, not as a new
    top-level window of its own."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

        from kiosk.ui.screens.step_host import StepHost
        from kiosk.ui.theme import apply_theme

        app = QApplication.instance() or QApplication([])
        apply_theme(app)
        self.top = QWidget()
        self.top.setObjectName("Window")
        layout = QVBoxLayout(self.top)
        layout.setContentsMargins(0, 0, 0, 0)
        self.host = StepHost(self.top)
        layout.addWidget(self.host)
        self.top.resize(1280, 800)
        self.top.show()
        _settle()

    def close(self) -> None:
        self.host.clear()
        self.top.close()
        self.top.deleteLater()
        _settle()


class _PaintSpy:
    """Stops a clock when the step's Next button is painted: the step is on screen once the
    last widget of its first frame (the pinned action bar) is being painted. The clock stops
    at that paint event itself, so work queued behind the frame (the questions a progressive
    step builds after it) is not counted as part of it."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            clock: _Clock | None = None

            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and self.clock is not None:
                    self.clock.stop()
                    self.clock = None
                return False

        self.filter = Filter()

    def wait(self, view: Any, clock: _Clock) -> None:
        """Run the event loop until ``view`` has been laid out and painted; ``clock`` stops
        when its Next button is painted."""
        from PySide6.QtWidgets import QApplication

        button = view.next_button
        self.filter.clock = clock
        button.installEventFilter(self.filter)
        app = QApplication.instance()
        for _ in range(200):
            app.processEvents()
            if self.filter.clock is None:
                break
        else:
            raise AssertionError("the step was never painted")
        button.removeEventFilter(self.filter)


def _settle(view: Any = None) -> None:
    """Finish pending work (a progressive step's questions, deletions, paints) before the
    clock starts."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(500):
        if view is None or not view.building:
            break
        QApplication.processEvents()
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _until(done: Any, clock: _Clock) -> None:
    """Run the event loop until ``done()`` (a progressive step has built what it waits for),
    and lay out and paint what that changed; then stop ``clock``."""
    from PySide6.QtWidgets import QApplication

    for _ in range(500):
        if done():
            break
        QApplication.processEvents()
    else:
        raise AssertionError("the step never finished building")
    QApplication.processEvents()
    clock.stop()


class _Clock:
    """GUI-thread CPU time and wall time of measured spans, in ms."""

    def __init__(self) -> None:
        self.cpu: list[float] = []
        self.wall: list[float] = []

    def start(self) -> None:
        self._cpu, self._wall = time.thread_time(), time.perf_counter()

    def stop(self) -> None:
        self.cpu.append((time.thread_time() - self._cpu) * 1000)
        self.wall.append((time.perf_counter() - self._wall) * 1000)

    def figures(self, name: str) -> dict[str, float]:
        return {
            f"{name}_ms": statistics.median(self.cpu),
            f"{name}_max_ms": max(self.cpu),
            f"{name}_wall_ms": statistics.median(self.wall),
        }


def _baseline(window: _Window) -> dict[str, float]:
    """The machine's floor, in the same window and run: a bare ``QWidget`` holding one push
    button (an empty step), and one holding as many plain labels as the largest example step
    has widgets, each put in the host and painted like a step."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    spy = _PaintSpy()
    figures: dict[str, float] = {}
    for name, labels in (("bare", 0), ("bare_many", BARE_WIDGETS)):
        clock = _Clock()
        for _ in range(ROUNDS):
            window.host.clear()
            _settle()
            clock.start()
            page = QWidget(window.host)
            layout = QVBoxLayout(page)
            for n in range(labels):
                layout.addWidget(QLabel(f"Label {n}", page))
            page.next_button = QPushButton("Next", page)  # type: ignore[attr-defined]
            layout.addWidget(page.next_button)  # type: ignore[attr-defined]
            window.host.set_view(page)
            spy.wait(page, clock)
        figures.update(clock.figures(name))
    window.host.clear()
    _settle()
    return figures


def _measure(window: _Window, largest: Any, other: Any, answers: Any) -> dict[str, float]:
    """As the presenter does it. Frame: build the step screen's frame (heading, progress,
    buttons, scroll area) ahead, while the patient identifies ("frame"). Build: show
    ``largest`` in that frame (the wizard's first step), lay out and paint its first frame
    ("first"), then until the first screen is whole ("screen") and every question is built
    and painted ("full"); and the same step built whole, frame and all, before its first
    frame ("eager", a view without ``progressive``). Switch: tap Next on the step shown
    (validation, and submission when valid), then show the next step in the same frame and
    paint its first frame; alternately ``largest`` → ``other`` and ``other`` → ``largest``,
    progressive and eager (a new view each step, as before the frame was kept)."""
    from kiosk.ui.wizard import StepView
    from kiosk.ui.wizard.step_view import NO_STEP

    services = NullServices()
    spy = _PaintSpy()
    figures: dict[str, float] = {}
    frame, first, screen, full, eager = _Clock(), _Clock(), _Clock(), _Clock(), _Clock()
    for _ in range(ROUNDS):
        window.host.clear()
        _settle()
        frame.start()
        view = StepView.frame_only(answers, services, window.host)
        window.host.set_view(view)
        frame.stop()
        _settle(view)
        first.start()
        screen.start()
        full.start()
        view.show_step(largest, answers, services, (2, 13))
        spy.wait(view, first)
        _until(lambda v=view: not v.first_screen_building, screen)
        _until(lambda v=view: not v.building, full)
        window.host.clear()
        _settle()
        eager.start()
        view = StepView(largest, answers, services, (2, 13), window.host, progressive=False)
        window.host.set_view(view)
        spy.wait(view, eager)
    figures.update(frame.figures("frame"))
    figures.update(first.figures("build"))
    figures.update(screen.figures("build_screen"))
    figures.update(full.figures("build_full"))
    figures.update(eager.figures("build_eager"))
    for progressive, name in ((True, "switch"), (False, "switch_eager")):
        clock = _Clock()
        window.host.clear()
        window.host.set_view(
            StepView(largest, answers, services, (2, 13), window.host, progressive=progressive)
        )
        for step in (other, largest) * (ROUNDS // 2 + 1):
            current = window.host.view
            _settle(current)
            clock.start()
            current.next_button.click()
            if progressive:  # the presenter's: the same frame shows the next step
                current.show_step(step, answers, services, (3, 13))
                view = current
            else:
                view = StepView(NO_STEP, answers, services, (3, 13), window.host)
                view.show_step(step, answers, services, (3, 13))
                window.host.set_view(view)
            spy.wait(view, clock)
        figures.update(clock.figures(name))
    window.host.clear()
    _settle()
    return figures


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
    (the slowest in brackets, then the median wall ms), against its target where it has one,
    the bare-widget baseline of the same run, and the machine's load average. CPU time is the
    figure to compare: on a shared, loaded machine wall time mostly measures waiting for a
    core."""

    def figure(key: str, target: float | None = None) -> str:
        goal = f" (target ≤ {target:.0f})" if target is not None else ""
        return (
            f"{figures[f'{key}_ms']:.1f} ms [max {figures[f'{key}_max_ms']:.1f}, "
            f"wall {figures[f'{key}_wall_ms']:.1f}]{goal}"
        )

    def lines(name: str, p: str) -> tuple[str, str]:
        return (
            f"wizard: {name}: build, first frame {figure(f'{p}build', BUILD_TARGET_MS)}; "
            f"first screen whole {figure(f'{p}build_screen')}; "
            f"every question built and painted {figure(f'{p}build_full')}; "
            f"built whole, frame and all, before its first frame {figure(f'{p}build_eager')}",
            f"wizard: {name}: switch (Next → next step drawn) "
            f"{figure(f'{p}switch', SWITCH_TARGET_MS)}; "
            f"with steps built whole {figure(f'{p}switch_eager')}",
        )

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "\n".join(
        (
            *lines("largest example step (post_signup_profile)", ""),
            *lines(f"intake step with a {MEDICATIONS}-medication list", "meds_"),
            f"wizard: the step screen's frame, built ahead while the patient identifies "
            f"{figure('frame')}",
            f"wizard: baseline, bare QWidget with one button {figure('bare')}; "
            f"with {BARE_WIDGETS} plain labels {figure('bare_many')}",
            f"wizard: CPU ms of the GUI thread, median of {ROUNDS}; load average {load}",
        )
    )


@pytest.mark.benchmark
def test_wizard_build_and_switch_times(qloop):
    figures = measure()
    print("\n" + report(figures))


if __name__ == "__main__":
    run()
