"""Start-up time and memory of the real kiosk process (printed, not asserted).

python -m pytest tests/benchmarks/bench_startup.py -m benchmark -s
python tests/benchmarks/bench_startup.py --runs 7

Each run starts ``python -m kiosk --windowed`` (embedded sandbox, offscreen Qt, its own XDG
config/data/cache/state folders so no real settings, logs or sandbox database are touched) and
reads its log on stderr:

- ``app.started`` — ``KioskApp.start`` has shown the Welcome screen (input is accepted from
  the next turn of the event loop);
- ``clinic.loaded`` — the clinic's account arrived, so Welcome greets with the clinic's name.

Times are from just before ``Popen`` (interpreter start and imports included). RSS comes from
``/proc/<pid>/status`` (``VmRSS`` now, ``VmHWM`` peak) of the kiosk and any children, at
``clinic.loaded`` and again after ``STEADY_S``. The process is then ended with SIGTERM (the
kiosk shuts down cleanly on it) and its whole process group is checked to be gone.
"""

from __future__ import annotations

import argparse
import os
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

RUNS = 5
READY_TIMEOUT_S = 60.0
STEADY_S = 3.0
STOP_TIMEOUT_S = 20.0
MARKERS = ("app.started", "clinic.loaded")


@dataclass
class Run:
    """One start: seconds to each marker, memory in MiB, seconds from SIGTERM to exit."""

    started_s: float
    clinic_s: float
    rss_ready_mib: float
    rss_steady_mib: float
    peak_mib: float
    stop_s: float
    exit_code: int


def _status_kib(pid: int, key: str) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _family(pid: int) -> list[int]:
    """``pid`` and its descendants (WebEngine helpers would be children)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, frontier = [pid], [pid]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        family += children
        frontier = children
    return family


def _mib(pid: int, key: str) -> float:
    return sum(_status_kib(p, key) for p in _family(pid)) / 1024


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONUNBUFFERED="1",
    )
    for name in [n for n in env if n.startswith("KIOSK_")]:
        del env[name]
    return env


def _wait_for_markers(proc: subprocess.Popen[bytes], start: float) -> dict[str, float]:
    """Read stderr lines until every marker was seen; their times since ``start``."""
    assert proc.stderr is not None
    seen: dict[str, float] = {}
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    buffer = b""
    deadline = start + READY_TIMEOUT_S
    while len(seen) < len(MARKERS):
        if time.monotonic() > deadline or proc.poll() is not None:
            raise RuntimeError(f"kiosk not ready (seen {sorted(seen)}, exit {proc.returncode})")
        if not selector.select(timeout=0.2):
            continue
        chunk = os.read(proc.stderr.fileno(), 65536)
        now = time.monotonic() - start
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            for marker in MARKERS:
                if marker.encode() in line and marker not in seen:
                    seen[marker] = now
    selector.close()
    return seen


def _stop(proc: subprocess.Popen[bytes]) -> tuple[float, int]:
    """SIGTERM, wait for a clean exit; then make sure nothing of the group is left."""
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        code = proc.wait()
    elapsed = time.monotonic() - start
    try:
        os.killpg(proc.pid, 0)
    except ProcessLookupError:
        pass
    else:  # a helper outlived the kiosk: report it, then end it
        print(f"  leftover processes in group {proc.pid}; killing them", flush=True)
        os.killpg(proc.pid, signal.SIGKILL)
    return elapsed, code


def one_run() -> Run:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--windowed"],
            cwd=ROOT,
            env=_environment(Path(home)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, so nothing can be left behind
        )
        try:
            seen = _wait_for_markers(proc, start)
            rss_ready = _mib(proc.pid, "VmRSS")
            time.sleep(STEADY_S)
            rss_steady = _mib(proc.pid, "VmRSS")
            peak = _mib(proc.pid, "VmHWM")
        finally:
            stop_s, code = _stop(proc)
            if proc.stderr is not None:
                proc.stderr.close()
    return Run(
        seen["app.started"], seen["clinic.loaded"], rss_ready, rss_steady, peak, stop_s, code
    )


def measure(runs: int = RUNS) -> list[Run]:
    results = []
    for number in range(runs):
        run = one_run()
        print(
            f"  run {number + 1}: started {run.started_s:.2f} s, clinic {run.clinic_s:.2f} s, "
            f"RSS {run.rss_ready_mib:.0f}/{run.rss_steady_mib:.0f} MiB, peak "
            f"{run.peak_mib:.0f} MiB, SIGTERM→exit {run.stop_s:.2f} s (code {run.exit_code})",
            flush=True,
        )
        results.append(run)
    return results


def report(results: list[Run]) -> None:
    def median(name: str) -> float:
        return statistics.median(getattr(r, name) for r in results)

    codes = sorted({r.exit_code for r in results})
    print(f"median of {len(results)} runs (python -m kiosk --windowed, offscreen, sandbox):")
    print(f"  start → Welcome shown (app.started):        {median('started_s'):.2f} s")
    print(f"  start → clinic name shown (clinic.loaded):  {median('clinic_s'):.2f} s")
    print(f"  RSS at Welcome:                             {median('rss_ready_mib'):.0f} MiB")
    print(f"  RSS {STEADY_S:.0f} s later at Welcome:  {median('rss_steady_mib'):.0f} MiB")
    print(f"  peak RSS (VmHWM):                           {median('peak_mib'):.0f} MiB")
    print(f"  SIGTERM → exit:                             {median('stop_s'):.2f} s, codes {codes}")


@pytest.mark.benchmark
def test_startup_figures() -> None:
    """Prints the figures; asserts only that every run started and exited."""
    results = measure()
    report(results)
    assert all(r.clinic_s > 0 for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    report(measure(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
