"""The video visit's figures (printed, not asserted): "Join now" → call page drawn, cold and
with the engine kept warm by the lounge's camera check; and memory in a call, the kiosk's
process tree against ``chromium --kiosk`` on the same calling page in the same run.

    python -m pytest tests/benchmarks/bench_call.py -m benchmark -s
    python tests/benchmarks/bench_call.py --runs 3 [--platform offscreen|xcb]

One embedded sandbox runs in this process. Each measured kiosk is a fresh process (so "cold"
really starts the web engine) running the real ``CallScreen`` with Chromium's fake devices,
offscreen and then, when ``Xvfb`` is installed, on a private Xvfb display of its own (Qt's xcb
platform, as on a kiosk; Chromium then opens a real window too). The provider is ready before
"Join now", as in the lounge. Marks, from ``start_call``: ``loaded`` (the calling page's
load finished), ``drawn`` (the page shows the visit: provider tile and self-view playing).
PSS (proportional set size, shared pages split between processes) is summed over each
process tree after ``STEADY_S`` in the call. Chromium is Debian's ``chromium`` package;
without it that line is skipped with a message.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import descendants, pss_kib  # noqa: E402

RUNS = 3
STEADY_S = 6.0
WORKER_TIMEOUT_S = 90.0
FAKE_MEDIA = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")
_DRAWN_JS = """JSON.stringify(!!(window.sandboxCall && window.sandboxCall.state === 'call' &&
  document.getElementById('self-view').videoWidth > 0 &&
  document.getElementById('provider').videoWidth > 0))"""


# -- the kiosk side (a worker process) -----------------------------------------------------


def worker(mode: str, portal: str) -> int:
    """Open the call URL read from stdin in a real CallScreen; print marks as JSON."""
    from kiosk.ui.call.environment import configure_webengine_environment

    configure_webengine_environment(fake_media=True)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from kiosk.ui.call import CallView
    from kiosk.ui.call.check import DeviceCheckPanel
    from kiosk.ui.screens import CallScreen
    from kiosk.ui.theme import apply_theme

    apply_theme(app)

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    screen = CallScreen(CallView(portal_origin=portal))
    screen.resize(1280, 800)
    screen.show()
    if mode == "warm":  # the lounge's check ran while the patient waited
        panel = DeviceCheckPanel(screen.call_view)
        panel.start()
        while not panel.result.get("done"):
            pump(50)
        panel.stop()
    print("ready", flush=True)
    url = sys.stdin.readline().strip()
    marks: dict[str, float] = {}
    drawn = [False]
    start = time.monotonic()

    def on_loading(loading: bool) -> None:
        if not loading and "loaded" not in marks:
            marks["loaded"] = time.monotonic() - start

    screen.call_view.loading_changed.connect(on_loading)
    screen.start_call(url)

    def on_drawn(value: object) -> None:
        if value == "true" and not drawn[0]:
            drawn[0] = True
            marks["drawn"] = time.monotonic() - start

    while not drawn[0] and time.monotonic() - start < WORKER_TIMEOUT_S:
        screen.call_view.run_js(_DRAWN_JS, on_drawn)
        pump(10)
    print(json.dumps(marks), flush=True)
    pump(int(STEADY_S * 1000) + 60_000)  # the parent measures, then ends this process
    screen.stop_call()
    return 0


# -- the measuring side --------------------------------------------------------------------


def pss_mib(pid: int) -> float:
    """PSS of ``pid`` and all its descendants (the web engine's processes), in MiB."""
    return sum(pss_kib(member) for member in (pid, *descendants(pid))) / 1024


def _end(proc: subprocess.Popen[Any]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Clinic:
    """The embedded sandbox and a way to have a guest whose provider is ready."""

    def __init__(self, folder: Path) -> None:
        from kiosk.sandbox.embedded import EmbeddedSandbox

        self.sandbox = EmbeddedSandbox(folder / "sandbox.sqlite3")
        self.sandbox.start()
        address = self.sandbox.address
        assert address is not None
        self.portal = address.portal_base_url
        self.api = httpx.Client(base_url=address.api_base_url, timeout=10)
        self.root = httpx.Client(base_url=address.portal_base_url, timeout=10)

    def ready_call_url(self) -> str:
        headers = {"X-AccountCode": "vclinic"}
        data = {"first_name": "Ada", "last_name": "Walkwell", "type": "600"}
        sso = self.api.post(
            "users/sso", data=data, headers={**headers, "X-ApiKey": "vclinic_api_key"}
        ).json()["data"]
        token = sso["token"]["token"]
        headers["X-ApiToken"] = token
        intake = self.api.post("intakes", data={"room_code": "ceproom1"}, headers=headers)
        self.api.post("users/alive", data={"heartbeat": "600"}, headers=headers)
        visit = self.api.post(
            "visits/add_walkin",
            data={"intake_id": intake.json()["data"]["id"], "room_code": "ceproom1"},
            headers=headers,
        ).json()["data"]
        self.root.post(f"_sandbox/provider/start/{visit['id']}").raise_for_status()
        query = urlencode({"sso_token": token, "next": f"/visits/inbrowser_calling/{visit['id']}"})
        return f"{self.portal}auth?{query}"

    def close(self) -> None:
        self.api.close()
        self.root.close()
        self.sandbox.stop()


@contextlib.contextmanager
def xvfb_display() -> Iterator[str | None]:
    """A private Xvfb (``:N`` as it reports it), or None when Xvfb is not installed."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read, write = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write)
    with os.fdopen(read) as reported:
        number = reported.readline().strip()
    try:
        yield f":{number}" if number else None
    finally:
        _end(proc)


def _environment(display: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "xcb" if display else "offscreen"
    if display:
        env["DISPLAY"] = display
    return env


def kiosk_run(clinic: Clinic, mode: str, display: str | None) -> tuple[dict[str, float], float]:
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--worker", mode, clinic.portal],
        env=_environment(display),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the kiosk worker did not start")
        proc.stdin.write(clinic.ready_call_url() + "\n")
        proc.stdin.flush()
        marks = json.loads(proc.stdout.readline())
        time.sleep(STEADY_S)
        return marks, pss_mib(proc.pid)
    finally:
        _end(proc)


def chromium_pss(clinic: Clinic, display: str | None) -> float | None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        print("  chromium --kiosk: skipped (no chromium; Debian: apt-get install chromium)")
        return None
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-chromium-") as profile:
        args = [
            binary,
            "--kiosk",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            *FAKE_MEDIA,
        ]
        if os.geteuid() == 0:
            args.append("--no-sandbox")
        if not display:
            args.append("--headless=new")
        proc = subprocess.Popen(
            [*args, clinic.ready_call_url()],
            env=_environment(display),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            time.sleep(STEADY_S + 4)  # start, sign in, the first status poll, the call
            return pss_mib(proc.pid)
        finally:
            _end(proc)


def measure(runs: int, display: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-call-") as folder:
        clinic = Clinic(Path(folder))
        try:
            results: dict[str, list[tuple[dict[str, float], float]]] = {"cold": [], "warm": []}
            for number in range(runs):
                for mode in ("cold", "warm"):
                    marks, pss = kiosk_run(clinic, mode, display)
                    results[mode].append((marks, pss))
                    print(
                        f"  run {number + 1} {mode}: loaded {marks.get('loaded', -1):.2f} s, "
                        f"drawn {marks.get('drawn', -1):.2f} s, PSS {pss:.0f} MiB",
                        flush=True,
                    )
            chromium = [chromium_pss(clinic, display) for _ in range(runs)]
        finally:
            clinic.close()
    where = f"xcb on Xvfb {display}" if display else "offscreen / chromium headless"
    print(f"median of {runs} runs ({where}, fake camera and microphone, sandbox calling page):")
    for mode, label in (("cold", "engine cold"), ("warm", "engine warm (lounge check ran)")):
        drawn = statistics.median(m.get("drawn", float("nan")) for m, _ in results[mode])
        loaded = statistics.median(m.get("loaded", float("nan")) for m, _ in results[mode])
        print(f"  Join now → page loaded / call drawn, {label}: {loaded:.2f} s / {drawn:.2f} s")
    pss = {mode: statistics.median(p for _, p in results[mode]) for mode in results}
    print(
        f"  PSS in call, kiosk tree (CallScreen + WebEngine helpers): {pss['cold']:.0f} MiB "
        f"(after the lounge check: {pss['warm']:.0f} MiB)"
    )
    found = [c for c in chromium if c is not None]
    if found:
        browser = statistics.median(found)
        print(f"  PSS in call, chromium --kiosk tree: {browser:.0f} MiB")
        print(f"  kiosk / chromium: {pss['cold'] / browser:.2f}× (goal ≤ 0.85×)")


def measure_platforms(runs: int, platforms: tuple[str, ...] = ("offscreen", "xcb")) -> None:
    """Offscreen, then xcb on a private Xvfb (skipped with a message when Xvfb is missing)."""
    if "offscreen" in platforms:
        measure(runs, None)
    if "xcb" in platforms:
        with xvfb_display() as display:
            if display is None:
                print("xcb: skipped (no Xvfb; Debian: apt-get install xvfb)")
            else:
                measure(runs, display)


@pytest.mark.benchmark
def test_call_figures() -> None:
    """Prints the figures; the runs themselves must reach the drawn call."""
    measure_platforms(RUNS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--platform", choices=("offscreen", "xcb"), help="one platform only (default: both)"
    )
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "PORTAL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(*args.worker)
    measure_platforms(args.runs, (args.platform,) if args.platform else ("offscreen", "xcb"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
