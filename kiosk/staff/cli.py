"""``kiosk set-pin``: ask for the staff PIN twice (no echo) and store its hash in the config."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kiosk.config import CONFIG_FILE_ENV, ConfigError, KioskPaths
from kiosk.staff.config_file import set_config_value
from kiosk.staff.pin import PinFormatError, check_pin_format, hash_pin

PROMPT = "New staff PIN (digits): "
PROMPT_AGAIN = "Same PIN again: "


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk set-pin",
        description="Set the PIN that opens staff mode. Only a salted hash is stored, as "
        "[staff] pin_hash in the config file; other settings are kept.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        help=f"config file (default: ${CONFIG_FILE_ENV} or the platform config dir)",
    )
    return parser


def config_path(explicit: Path | None) -> Path:
    """The file ``kiosk`` itself would read: ``--config``, else ``$KIOSK_CONFIG``, else default."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(CONFIG_FILE_ENV)
    return Path(from_env) if from_env else KioskPaths.default().config_file


def main(argv: list[str] | None = None) -> int:
    """Returns 0 when the hash is written; 1 on mismatch, a bad PIN or an unwritable file."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    path = config_path(args.config)
    try:
        pin = getpass.getpass(PROMPT)
        check_pin_format(pin)
        if getpass.getpass(PROMPT_AGAIN) != pin:
            print("The two PINs differ; nothing was changed.", file=sys.stderr)
            return 1
    except PinFormatError as exc:
        print(f"{exc} Nothing was changed.", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nCancelled; nothing was changed.", file=sys.stderr)
        return 1
    try:
        set_config_value(path, "pin_hash", hash_pin(pin), section="staff")
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Staff PIN set in {path}. Restart the kiosk to use it.")
    return 0
