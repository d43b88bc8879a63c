"""Render every step of the example account offscreen and save PNGs, for design review.

    QT_QPA_PLATFORM=offscreen python tools/screenshot_wizard.py --out /tmp/wizard-shots
    python tools/screenshot_wizard.py --out /tmp/shots --size 1080x1920

Uses a fake `WizardServices` with plausible data; nothing touches the network or the disk
except the PNGs (and a few sample pictures in a temp folder for the image picker).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STATES_FILE = ROOT / "resources" / "default_data" / "vclinic_states.json"
SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}
CONSENT = (
    "<h3>Consent to telehealth care</h3><p>I agree to receive care from VClinic through a "
    "secure video visit. I understand that the provider may decide that an in-person visit "
    "is needed.</p><p>My health information is kept private and shared only as the law "
    "allows.</p><p>I can stop the visit at any time.</p>"
)


class DemoServices:
    """Plausible answers for every WizardServices call, instantly."""

    def __init__(self, image_dir: Path) -> None:
        self._image_dir = image_dir

    async def load_emr(self) -> dict[str, Any]:
        return {
            "conditions": {"data": [{"condition": "Asthma"}]},
            "medications": {"data": [{"name": "Albuterol inhaler"}]},
            "allergies": {"data": [], "data_not_reported": True},
        }

    async def list_pharmacies(self) -> list[dict[str, Any]]:
        names = [
            ("CVS Pharmacy", "4700 Sunset Blvd", "Los Angeles", "90027"),
            ("Walgreens", "1501 Vermont Ave", "Los Angeles", "90027"),
            ("Rite Aid", "5601 Santa Monica Blvd", "Los Angeles", "90038"),
            ("Kaiser Pharmacy", "4867 Sunset Blvd", "Los Angeles", "90027"),
        ]
        return [
            {
                "code": str(1000 + i),
                "name": n,
                "address": a,
                "city": c,
                "state": "CA",
                "zip": z,
                "is_default": i == 1,
            }
            for i, (n, a, c, z) in enumerate(names)
        ]

    async def load_availability(self, day: dt.date) -> list[dict[str, Any]]:
        tz = dt.timezone(dt.timedelta(hours=-8))
        start = dt.datetime.combine(day, dt.time(9, 0), tz)
        return [
            {
                "slot_start": int((start + dt.timedelta(minutes=30 * n)).timestamp()),
                "slot_end": int((start + dt.timedelta(minutes=30 * n + 15)).timestamp()),
            }
            for n in range(14)
            if n % 3 != 1
        ]

    def room_timezone(self) -> str:
        return "Etc/GMT+8"

    async def load_document(self, code: str) -> str:
        return CONSENT if code == "consent" else "Terms of use. " * 40

    def visit_options(self) -> Any:
        from kiosk.wizard import VisitOptions

        return VisitOptions(walkin=True, appointment=True)

    async def upload_image(self, path: Path, progress: Callable[[int, int], None]) -> dict:
        progress(1, 1)
        return {"id": f"file-{path.stem}"}

    def max_upload_bytes(self) -> int:
        return 20 * 1024 * 1024

    def image_folders(self) -> list[Path]:
        return [self._image_dir]


def make_sample_images(folder: Path) -> None:
    """A few coloured pictures so the picker shows real thumbnails."""
    from PySide6.QtGui import QColor, QImage, QPainter

    for index, colour in enumerate(("#8FB9A8", "#F1D18A", "#C97B84", "#7D9BC1", "#B8A1D9")):
        image = QImage(640, 480, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        painter = QPainter(image)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawEllipse(220 + index * 20, 140, 200, 200)
        painter.end()
        image.save(str(folder / f"photo_{index + 1}.jpg"))


async def settle() -> None:
    """Let load tasks finish and layouts settle (the qasync loop processes Qt events; calling
    processEvents() here would re-enter the loop from inside a task)."""
    for _ in range(10):
        await asyncio.sleep(0.01)


async def render_all(out: Path, sizes: list[str]) -> list[Path]:
    from kiosk.ui.wizard import StepView
    from kiosk.wizard import Answers, parse_states

    definition = parse_states(json.loads(STATES_FILE.read_text(encoding="utf-8")))
    steps = definition.all_steps()
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        make_sample_images(Path(tmp))
        services = DemoServices(Path(tmp))
        for size in sizes:
            width, height = SIZES[size]
            answers = Answers()
            for number, step in enumerate(steps):
                view = StepView(step, answers, services, progress=(number, len(steps)))
                view.resize(width, height)
                view.show()
                await settle()
                name = f"{size}_{number:02d}_{step.group}_{step.code}.png"
                path = out / name
                view.grab().save(str(path))
                written.append(path)
                if step.code == "post_signup_update_profile":
                    view.next_button.click()
                    await settle()
                    path = out / f"{size}_{number:02d}b_{step.code}_errors.png"
                    view.grab().save(str(path))
                    written.append(path)
                view.close()
                view.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument("--size", choices=sorted(SIZES), help="one size (default: both)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    import qasync
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    sizes = [args.size] if args.size else list(SIZES)
    written = qasync.run(render_all(args.out, sizes))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
