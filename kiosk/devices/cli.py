"""``kiosk devices``: the cameras, microphones and speakers this kiosk's web engine sees, for
installers over SSH. ``--check`` opens the chosen camera and microphone for a few seconds and
reports what arrived; exit 0 when the configured devices work, 1 otherwise (one line each)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from kiosk.config import ConfigError, load_settings
from kiosk.devices.model import CHECKED_KINDS, KIND_NAMES, ProbeReport

CHECK_SECONDS = 3.0
#: Starting the engine, asking for labels and two 3 s checks; a stuck engine gives up then.
TIMEOUT_S = 45.0
EXIT_OK, EXIT_PROBLEM, EXIT_CONFIG = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk devices",
        description="List the cameras, microphones and speakers the kiosk's web engine sees, "
        "and which ones the [devices] settings choose. Exit 0 when they work, 1 otherwise.",
    )
    parser.add_argument("--config", type=Path, help="config file (as for 'kiosk')")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"open the chosen camera and microphone for {CHECK_SECONDS:g} s each and report "
        "frames received and microphone level",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seconds", type=float, default=CHECK_SECONDS, help=argparse.SUPPRESS)
    return parser


def run_probe(check: bool, seconds: float, wanted: dict[str, str], fake_media: bool) -> ProbeReport:
    """Start a headless Qt application and its web engine, probe, and return the report."""
    from kiosk.ui.call.environment import configure_webengine_environment

    configure_webengine_environment(fake_media=fake_media)
    # An installer reads this over SSH: only our lines, not the engine's start-up chatter
    # (no GPU, no D-Bus on a kiosk). Chromium's own log: fatal only.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if not any(flag.startswith("--log-level") for flag in flags):
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, "--log-level=3"])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_args: None)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from kiosk.devices.probe import MediaProbe

    probe = MediaProbe()
    reports: list[ProbeReport] = []

    def done(report: ProbeReport) -> None:
        reports.append(report)
        app.quit()

    probe.finished.connect(done)
    probe.start(check, seconds, wanted, TIMEOUT_S)
    if not reports:
        app.exec()
    probe.close()
    return reports[0]


def _text(report: ProbeReport) -> str:
    lines = []
    for kind, name in KIND_NAMES.items():
        found = report.of_kind(kind)
        wanted = report.wanted.get(kind, "")
        setting = f"[devices] {name} = {wanted!r}" if wanted else "system default"
        lines.append(f"{name}s ({setting}):")
        if not found:
            lines.append("  (none)")
        for device in found:
            mark = "*" if report.chosen.get(kind) == device.label else " "
            lines.append(f"  {mark} {device.label or '(label hidden)'}")
    for check in report.checks:
        name = KIND_NAMES.get(check.kind, check.kind)
        if check.kind == "videoinput":
            what = f"{check.frames} frames, {check.width}x{check.height}"
        else:
            what = f"level {check.level:.3f}"
        state = "works" if check.works else "PROBLEM"
        lines.append(f"check {name} {check.label!r}: {what} — {state}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.ERROR, format="kiosk devices: %(message)s")
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"kiosk devices: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    devices = settings.devices
    wanted = {
        "videoinput": devices.camera,
        "audioinput": devices.microphone,
        "audiooutput": devices.speaker,
    }
    seconds = min(max(args.seconds, 0.5), 30.0)
    report = run_probe(args.check, seconds, wanted, settings.sandbox.fake_media)
    kinds = CHECKED_KINDS + (("audiooutput",) if devices.speaker else ())
    problems = report.problems(kinds)
    if args.json:
        body = report.as_json()
        body["problems"] = problems
        print(json.dumps(body, indent=2))
    else:
        print(_text(report))
    for line in problems:
        print(f"problem: {line}", file=sys.stderr)
    return EXIT_PROBLEM if problems else EXIT_OK
