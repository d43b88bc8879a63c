"""Crash recovery: SIGKILL the kiosk, restart it as systemd would, time until Welcome is back
(printed, not asserted).

python -m pytest tests/benchmarks/bench_restart.py -m benchmark -s
python tests/benchmarks/bench_restart.py --rounds 5 --restart-sec 0.1

A supervisor loop stands in for systemd's ``Restart=always``: it starts ``python -m kiosk
--windowed`` (offscreen, one set of XDG folders kept across restarts, like a real kiosk's),
waits for Welcome, SIGKILLs the kiosk, waits ``--restart-sec`` (systemd's ``RestartSec``) and
starts it again. Printed per mode (a configured endpoint; the sandbox child): SIGKILL → the new
kiosk's first frame (Welcome painted) and → the clinic's name on it, and whether the killed
kiosk left any process behind (its sandbox child must die with it).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import (
    KIOSK,
    KIOSK_MARKERS,
    ROOT,
    ConfiguredEndpoint,
    compiled_kiosk,
    descendants,
    environment,
    painted_at,
    stop,
    wait_for_markers,
)

ROUNDS = 5
GONE_WITHIN_S = 10.0


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def start(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], float]:
    started = time.monotonic()
    proc = subprocess.Popen(
        KIOSK, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    return proc, started


def rounds(extra_env: dict[str, str], count: int, restart_sec: float) -> list[tuple[float, ...]]:
    """(SIGKILL → first frame, SIGKILL → clinic name, processes left behind) per round."""
    results = []
    with tempfile.TemporaryDirectory(prefix="kiosk-restart-") as home:
        env = environment(Path(home), extra_env)
        proc, started = start(env)
        wait_for_markers(proc, started, KIOSK_MARKERS)
        for _ in range(count):
            children = descendants(proc.pid)
            killed_at, killed_wall = time.monotonic(), time.time()
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if proc.stderr is not None:
                proc.stderr.close()
            time.sleep(restart_sec)
            proc, _started = start(env)
            lines: dict[str, str] = {}
            seen = wait_for_markers(proc, killed_at, KIOSK_MARKERS, lines)
            painted = painted_at(lines["app.first_frame"])  # the line may be held a moment
            if painted is not None:
                seen["app.first_frame"] = painted - killed_wall
            deadline = time.monotonic() + GONE_WITHIN_S
            while any(alive(p) for p in children) and time.monotonic() < deadline:
                time.sleep(0.05)
            left = [p for p in children if alive(p)]
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            results.append((seen["app.first_frame"], seen["clinic.loaded"], float(len(left))))
        stop(proc)
        if proc.stderr is not None:
            proc.stderr.close()
    return results


def measure(count: int, restart_sec: float) -> None:
    endpoint = ConfiguredEndpoint()
    try:
        with compiled_kiosk():  # as installed (see bench_startup)
            modes = {
                "configured endpoint": rounds(endpoint.env, count, restart_sec),
                "sandbox child": rounds({}, count, restart_sec),
            }
    finally:
        endpoint.close()
    print(f"SIGKILL → Welcome again, restart after {restart_sec:g} s, median of {count} rounds:")
    for mode, results in modes.items():
        frame = statistics.median(r[0] for r in results)
        clinic = statistics.median(r[1] for r in results)
        worst = max(r[0] for r in results)
        left = int(sum(r[2] for r in results))
        print(
            f"  {mode}: first frame {frame:.2f} s (worst {worst:.2f} s), clinic name "
            f"{clinic:.2f} s; processes left behind by the killed kiosk: {left}"
        )


@pytest.mark.benchmark
@pytest.mark.timeout(1800)
def test_restart_figures() -> None:
    measure(ROUNDS, 0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--restart-sec", type=float, default=0.1, help="systemd's RestartSec")
    args = parser.parse_args(argv)
    measure(args.rounds, args.restart_sec)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
