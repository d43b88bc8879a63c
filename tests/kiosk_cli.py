"""Starting the kiosk's command line (``python -m kiosk``) in a child process from a test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: A fresh interpreter imports PySide6 and the app modules; allow for a slow machine.
SUBPROCESS_TIMEOUT_S = 60


def run_kiosk(*args: str, cwd: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """``python -m kiosk ARGS`` in ``cwd``, offscreen, ``variables`` added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        cwd=cwd,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **variables},
        check=False,
    )
