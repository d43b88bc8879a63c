"""``KioskPaths``: the folders the kiosk may write to, and which config file is in use.

Kept apart from ``kiosk.config`` (pydantic) so the launcher, the log setup and the early
settings read can find the files before pydantic is imported (after the first paint).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "clinic-kiosk"
#: A config file named in the environment instead of ``--config`` (systemd units, tests).
CONFIG_FILE_ENV = "KIOSK_CONFIG"


@dataclass(frozen=True)
class KioskPaths:
    """Where the kiosk may keep files. Patient data goes in none of them."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> KioskPaths:
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"


def config_file_in_use(
    config_file: Path | None, environ: Mapping[str, str] | None = None
) -> tuple[Path, str | None]:
    """The config file to read and who named it: ``--config`` (``config_file``), else
    ``$KIOSK_CONFIG``, else the default file in the config dir (named by no one: it may be
    absent, which means the defaults — the sandbox)."""
    if config_file is not None:
        return config_file, "--config"
    environ = os.environ if environ is None else environ
    explicit = environ.get(CONFIG_FILE_ENV)
    if explicit:
        return Path(explicit), CONFIG_FILE_ENV
    return KioskPaths.default().config_file, None
