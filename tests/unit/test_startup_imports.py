"""What a real kiosk process has imported when Welcome is first painted: nothing heavy
(issue 16: first window ≤ 2.5× a bare PySide6 window, PSS at Welcome ≤ 90 MiB; the figures
are in tests/benchmarks/bench_startup.py). Deterministic: the module list, not a time.

Also PySide6's per-import source scan (``kiosk.qtcompat``): switched off in the
kiosk process, with the same answers.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.qtcompat import mentions_pyside

ROOT = Path(__file__).resolve().parents[2]
SUBPROCESS_TIMEOUT_S = 90

#: Runs the real launcher and reports ``sys.modules`` once Welcome is painted, then exits.
AT_FIRST_FRAME = """
import json, linecache, os, sys
import kiosk.launcher as launcher

painted = launcher.paint_first_frame

def paint_and_report(app, window):
    painted(app, window)
    report = {"modules": sorted(sys.modules), "linecache": sorted(linecache.cache)}
    print(json.dumps(report), flush=True)
    os._exit(0)

launcher.paint_first_frame = paint_and_report
sys.exit(launcher.run(windowed=True))
"""

#: Loaded after the first paint, on first use, or never in the kiosk process.
HEAVY = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "httpx",
    "httpcore",
    "pydantic",
    "pydantic_settings",
    "asyncio",
    "qasync",
    "kiosk.config",
    "kiosk.api",
    "kiosk.api.models",
    "kiosk.app",
    "kiosk.session",
    "kiosk.sandbox",
    "kiosk.wizard",
    "kiosk.ui.wizard",
    "kiosk.ui.call.view",
    "kiosk.ui.staff",
    "kiosk.ui.screens.identify",
    "kiosk.ui.screens.step_host",
    "kiosk.ui.screens.waiting_room",
)


def _first_frame(tmp_path: Path, environ: dict[str, str]) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(
        environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        **{f"XDG_{n}_HOME": str(tmp_path / n) for n in ("CONFIG", "DATA", "CACHE", "STATE")},
    )
    done = subprocess.run(
        [sys.executable, "-c", AT_FIRST_FRAME],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return report


@pytest.mark.parametrize(
    "environ",
    [
        pytest.param({}, id="sandbox"),
        pytest.param(
            {
                "KIOSK_API_BASE_URL": "http://127.0.0.1:9/api_v3/",
                "KIOSK_PORTAL_BASE_URL": "http://127.0.0.1:9/",
                "KIOSK_API_KEY": "key-for-the-test",
                "KIOSK_API_SECRET": "secret-for-the-test",
            },
            id="configured",
        ),
    ],
)
def test_welcome_is_painted_before_anything_heavy_is_imported(tmp_path, environ) -> None:
    modules = set(_first_frame(tmp_path, environ)["modules"])

    assert "kiosk.ui.screens.welcome" in modules  # the probe saw the real first frame
    loaded = sorted(
        name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )
    assert loaded == []


def test_the_kiosk_process_keeps_no_source_text_of_its_modules(tmp_path) -> None:
    """PySide6 would have read every module imported after it into ``linecache``; the
    launcher switches that off first thing (only its own two imports come before)."""
    cached = _first_frame(tmp_path, {})["linecache"]

    kiosk_files = {Path(name).relative_to(ROOT).as_posix() for name in cached if "/kiosk/" in name}
    assert kiosk_files <= {"kiosk/config_error.py", "kiosk/qtcompat.py"}


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mentions_pyside_answers_as_pyside_does(tmp_path) -> None:
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("import json\n")

    assert mentions_pyside(_load(tmp_path / "uses_qt.py")) is True
    assert mentions_pyside(_load(tmp_path / "plain.py")) is False
    assert mentions_pyside(sys) is False  # built in: no source
    assert mentions_pyside(ModuleType("made_up")) is False  # no spec at all
