"""Wizard timings: build the largest example step and switch between steps (printed, not asserted).

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
BUILD_TARGET_MS = 50.0
SWITCH_TARGET_MS = 16.0


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
    """Median ms to build `post_signup_profile`'s step, and to replace one step by the next."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import apply_theme
    from kiosk.ui.wizard import StepView
    from kiosk.wizard import Answers, parse_states

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    definition = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))
    steps = definition.all_steps()
    largest = next(s for s in steps if any(x.code == "post_signup_profile" for x in s.sections))
    services, answers = NullServices(), Answers()
    build: list[float] = []
    switch: list[float] = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        view = StepView(largest, answers, services, progress=(2, 13))
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        build.append((time.perf_counter() - start) * 1000)
        view.close()
        view.deleteLater()
    current = StepView(steps[4], answers, services)
    current.resize(1280, 800)
    current.show()
    app.processEvents()
    for step in (steps[5], steps[4]) * (ROUNDS // 2 + 1):
        start = time.perf_counter()
        nxt = StepView(step, answers, services)
        nxt.resize(1280, 800)
        nxt.show()
        current.close()
        app.processEvents()
        switch.append((time.perf_counter() - start) * 1000)
        current.deleteLater()
        current = nxt
    current.close()
    return {"build_ms": statistics.median(build), "switch_ms": statistics.median(switch)}


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
    print(
        f"wizard: build post_signup_profile step {figures['build_ms']:.1f} ms "
        f"(target < {BUILD_TARGET_MS:.0f}); switch step {figures['switch_ms']:.1f} ms "
        f"(target < {SWITCH_TARGET_MS:.0f})"
    )
    return figures


@pytest.mark.benchmark
def test_wizard_build_and_switch_times(qloop):
    figures = measure()
    print(
        f"\nwizard: build {figures['build_ms']:.1f} ms (target < {BUILD_TARGET_MS:.0f}); "
        f"switch {figures['switch_ms']:.1f} ms (target < {SWITCH_TARGET_MS:.0f})"
    )


if __name__ == "__main__":
    run()
