"""Soak: many whole patient sessions back to back on one kiosk (printed, not asserted).

python -m pytest tests/benchmarks/bench_soak.py -m benchmark -s      # BENCH_SESSIONS=200
python tests/benchmarks/bench_soak.py --sessions 200

One kiosk (one ``PatientSession`` and ``VSeeClient`` for the whole run, as in the real app)
walks patients through identify, the walk-in wizard, the waiting room, the call and the survey
against a sandbox child process (no faults; a simulated provider takes each patient at once).
After ``--warmup`` sessions and then every ``--every`` sessions it records this process's PSS
and USS (``/proc/self/smaps_rollup``, after a garbage collection), open file descriptors (by
kind and TCP state) and threads (``/proc/self/task``); it prints their growth from the warm-up
to the end.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from patient_sessions import (
    CrashCounter,
    Kiosk,
    open_visits,
    run_patient,
    run_qt,
    run_script_and_print,
)

from kiosk.sandbox.options import AutoProviderOptions
from kiosk.sandbox.process import SandboxProcess

SESSION_TIMEOUT_S = 120.0


def fd_kinds() -> Counter[str]:
    """Open descriptors by kind (socket, pipe, anon_inode:…, file)."""
    kinds: Counter[str] = Counter()
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        kind = target.split(":")[0] if ":" in target else "file"
        if kind == "socket":
            kind = f"socket/{_tcp_states().get(target[8:-1], 'other')}"
        kinds[kind] += 1
    return kinds


_TCP_STATES = {"01": "established", "06": "time_wait", "08": "close_wait", "0A": "listen"}


def _tcp_states() -> dict[str, str]:
    """Socket inode → TCP state, from /proc/net/tcp and tcp6."""
    states: dict[str, str] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            states[parts[9]] = _TCP_STATES.get(parts[3], parts[3])
    return states


def figures() -> tuple[float, float, int, int]:
    """PSS and USS in MiB, open fds and threads of this process, after a full collection.

    PSS also moves when *other* processes map or unmap the same libraries (their shared pages
    are split between more or fewer processes); USS (private pages only) does not.
    """
    gc.collect()
    fields: dict[str, int] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if rest.strip().endswith("kB"):
            fields[name] = int(rest.split()[0])
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return (
        fields.get("Pss", 0) / 1024,
        uss / 1024,
        len(os.listdir("/proc/self/fd")),
        len(os.listdir("/proc/self/task")),
    )


async def drive(sandbox: SandboxProcess, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent

    crashes = CrashCounter(asyncio.get_running_loop())
    kiosk = Kiosk.build(sandbox)
    outcomes: Counter[str] = Counter()
    samples: list[tuple[int, float, float, int, int]] = []
    started = time.monotonic()
    try:
        for number in range(1, args.sessions + 1):
            result = await run_patient(kiosk.session, number, SESSION_TIMEOUT_S)
            outcomes[result.outcome] += 1
            if number == args.warmup or (number > args.warmup and number % args.every == 0):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                pss, uss, fds, threads = figures()
                samples.append((number, pss, uss, fds, threads))
                print(
                    f"  after {number:>4} sessions: PSS {pss:6.1f} MiB, USS {uss:6.1f} MiB, "
                    f"{fds} fds, "
                    f"{threads} threads; fds by kind {dict(fd_kinds())}",
                    flush=True,
                )
    finally:
        await kiosk.close()
        crashes.close()
    elapsed = time.monotonic() - started
    print(f"soak: {args.sessions} sessions back to back on one kiosk, {elapsed:.0f} s in all")
    print(f"  outcomes: {dict(outcomes)}; crashes: {crashes.count} {dict(crashes.kinds) or ''}")
    if len(samples) >= 2:
        (n0, pss0, uss0, fds0, th0), (n1, pss1, uss1, fds1, th1) = samples[0], samples[-1]
        print(
            f"  from session {n0} to {n1}: PSS {pss1 - pss0:+.1f} MiB (target ≤ 5), USS "
            f"{uss1 - uss0:+.1f} MiB, fds {fds1 - fds0:+d}, threads {th1 - th0:+d} (target flat)"
        )
    return 0


def soak(args: argparse.Namespace) -> int:
    provider = AutoProviderOptions(start_after_s=0.1, end_after_s=0.3, tick_s=0.05)
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-soak-") as folder,
        SandboxProcess(Path(folder) / "soak.db", auto_provider=provider) as sandbox,
    ):
        code = run_qt(lambda: drive(sandbox, args))
        print(f"  walk-ins left open on the server: {len(open_visits(sandbox))}")
    return code


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sessions", type=int, default=int(os.environ.get("BENCH_SESSIONS", 200)))
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--every", type=int, default=45)
    return p


@pytest.mark.benchmark
@pytest.mark.timeout(7200)
def test_soak_figures() -> None:
    """Runs the script in its own process (its own Qt application) and prints its report."""
    run_script_and_print(__file__)


if __name__ == "__main__":
    raise SystemExit(soak(parser().parse_args()))
