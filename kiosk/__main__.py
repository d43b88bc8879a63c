"""Command line: ``kiosk`` runs the kiosk; ``kiosk sandbox …`` serves the sandbox clinic;
``kiosk set-pin`` stores the staff PIN's hash in the config file; ``kiosk devices`` lists
and checks the cameras and microphones."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk import __version__


def _run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Clinic Kiosk: a touch-screen patient kiosk for VSee Clinic. "
        "Other commands: 'kiosk sandbox --help', 'kiosk set-pin', 'kiosk devices --help'.",
    )
    parser.add_argument("--windowed", action="store_true", help="run in a normal window")
    parser.add_argument("--config", type=Path, help="config file (default: platform config dir)")
    parser.add_argument(
        "--size", metavar="WxH", help="window size with --windowed, e.g. 1080x1920 for portrait"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Dispatch to a subcommand; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["sandbox"]:
        from kiosk.sandbox.cli import main as sandbox_main

        return sandbox_main(argv[1:])
    if argv[:1] == ["devices"]:
        from kiosk.devices.cli import main as devices_main

        return devices_main(argv[1:])
    if argv[:1] == ["set-pin"]:
        from kiosk.staff.cli import main as set_pin_main

        return set_pin_main(argv[1:])
    args = _run_parser().parse_args(argv)
    from kiosk.launcher import run

    return run(config_file=args.config, windowed=args.windowed, size=args.size)


if __name__ == "__main__":
    sys.exit(main())
