"""WebEngine is loaded only when a call starts."""

from __future__ import annotations

import subprocess
import sys

CHECK = (
    "import sys; import kiosk.ui.main_window, kiosk.ui.presenter, kiosk.ui.call; "
    "loaded = [m for m in sys.modules if m.startswith('PySide6.QtWebEngine')]; "
    "print(loaded); sys.exit(1 if loaded else 0)"
)


def test_importing_the_window_does_not_import_webengine():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
