"""The real kiosk process under a fake systemd: READY once Welcome shows, WATCHDOG pings from
the GUI loop, none while a slot blocks that loop, metrics on disk and on loopback, reload on
SIGHUP, STOPPING and a clean exit on SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fake_notify import FakeNotifySocket
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[3]
WATCHDOG_USEC = 400_000  # pings every 0.2 s
BLOCK_AFTER_MS = 1500
BLOCK_S = 2.0
START_TIMEOUT_S = 90.0

#: A kiosk whose GUI loop one slot blocks for BLOCK_S, BLOCK_AFTER_MS after start (a hung
#: call): the start is wrapped, the kiosk itself is the real one.
SCRIPT = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
import kiosk.app as app_module
from kiosk.launcher import run

original = app_module.KioskApp.start

def start(self):
    original(self)
    def block():
        began = time.monotonic()
        time.sleep(float(sys.argv[3]))
        print(f"TEST-BLOCK {began} {time.monotonic()}", file=sys.stderr, flush=True)
    QTimer.singleShot(int(sys.argv[2]), block)

app_module.KioskApp.start = start
sys.exit(run(config_file=Path(sys.argv[1]), windowed=True))
"""


class Stderr:
    """The child's stderr, read line by line on a thread."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in iter(stream.readline, ""):
            self.lines.append(line.rstrip("\n"))

    def find(self, pattern: str) -> re.Match[str] | None:
        for line in list(self.lines):
            match = re.search(pattern, line)
            if match:
                return match
        return None

    def wait_for(self, pattern: str, timeout: float = START_TIMEOUT_S) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = self.find(pattern)
            if match:
                return match
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in:\n" + "\n".join(self.lines[-40:]))


def wait_until(condition, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def write_config(path: Path, textfile_dir: Path, lock: Path, probe_s: float) -> None:
    path.write_text(
        "[kiosk]\nfullscreen = false\n"
        f'[fleet]\nsession_lock_path = "{lock}"\nprobe_interval_s = {probe_s}\n'
        f'[metrics]\ntextfile_dir = "{textfile_dir}"\ntextfile_interval_s = 0.2\n'
        "http = true\nport = 0\n"
    )


@pytest.fixture
def notify_socket() -> Iterator[FakeNotifySocket]:
    fake = FakeNotifySocket(f"@kiosk-process-test-{os.getpid()}-{time.monotonic_ns()}")
    yield fake
    fake.close()


def test_a_real_kiosk_under_a_fake_systemd(tmp_path, notify_socket) -> None:
    config, textfiles, lock = tmp_path / "config.toml", tmp_path / "textfile", tmp_path / "lock"
    textfiles.mkdir()
    write_config(config, textfiles, lock, probe_s=30)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "WATCHDOG_"))},
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": notify_socket.address,
        "WATCHDOG_USEC": str(WATCHDOG_USEC),
        **{k: str(tmp_path / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                                  "XDG_CACHE_HOME", "XDG_STATE_HOME")},
    }  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(config), str(BLOCK_AFTER_MS), str(BLOCK_S)],
        env=env,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    stderr = Stderr(child.stderr)
    try:
        # READY (with the kiosk as main PID), then pings.
        wait_until(lambda: notify_socket.with_key("READY"))
        ready = notify_socket.with_key("READY")[0].fields
        assert ready == {"READY": "1", "MAINPID": str(child.pid), "STATUS": "Welcome"}
        assert notify_socket.snapshot()[0].fields == ready  # nothing before READY

        # The slot blocks the GUI loop: no pings meanwhile; they resume after.
        match = stderr.wait_for(r"TEST-BLOCK (\S+) (\S+)")
        began, ended = float(match[1]), float(match[2])
        wait_until(lambda: any(m.at > ended + 0.5 for m in notify_socket.with_key("WATCHDOG")))
        pings = [m.at for m in notify_socket.with_key("WATCHDOG")]
        assert len([t for t in pings if t < began]) >= 3
        assert [t for t in pings if began + 0.1 < t <= ended] == []
        assert len([t for t in pings if t > ended]) >= 2

        # Metrics: the textfile, and /metrics and /healthz on loopback.
        prom = textfiles / "clinic_kiosk.prom"
        wait_until(prom.exists)
        names = {f.name for f in text_string_to_metric_families(prom.read_text())}
        assert {"kiosk_uptime_seconds", "kiosk_sessions_started", "kiosk_build_info"} <= names
        port = int(stderr.wait_for(r"fleet\.metrics_http address=127\.0\.0\.1 port=(\d+)")[1])
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).json()
        assert health["status"] == "ok" and health["stage"] == "welcome"
        assert not health["session_active"] and not lock.exists()
        wait_until(lambda: "kiosk_api_last_success_age_seconds" in prom.read_text())

        # systemctl reload: SIGHUP re-reads the file (at Welcome: at once).
        write_config(config, textfiles, lock, probe_s=12)
        os.kill(child.pid, signal.SIGHUP)
        stderr.wait_for(r"fleet\.reload_applied changed=fleet\.probe_interval_s")

        # systemctl stop: STOPPING, a clean exit, no lock left behind.
        os.kill(child.pid, signal.SIGTERM)
        assert child.wait(timeout=60) == 0
        assert notify_socket.with_key("STOPPING")
        assert not lock.exists()
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(10)
