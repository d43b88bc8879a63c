"""Chaos: whole patient sessions against a sandbox that fails on purpose (printed, not asserted).

python -m pytest tests/benchmarks/bench_chaos.py -m benchmark -s      # BENCH_SESSIONS=100
python tests/benchmarks/bench_chaos.py --sessions 100 --concurrency 10

The sandbox (a child process, its own temp database) adds ``--latency`` seconds to every API
request, answers ``--errors`` of them with 503 and drops ``--drops`` of the connections
(seeded, so a run is repeatable); a simulated provider takes each waiting patient and ends the
call. ``--concurrency`` kiosks (each its own ``PatientSession`` and ``VSeeClient`` on one qasync
loop) walk ``--sessions`` patients through identify, the walk-in wizard, the waiting room, the
call and the survey (``patient_sessions.run_patient``). Printed: how every session ended, the
crashes (exceptions escaping a task or slot, or a session's crash path), the messages the
patients saw, and the walk-ins the server still has open once every kiosk is done.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
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
    SessionResult,
    open_visits,
    run_patient,
    run_qt,
    run_script_and_print,
)

from kiosk.sandbox.options import AutoProviderOptions, FaultOptions
from kiosk.sandbox.process import SandboxProcess

SESSION_TIMEOUT_S = 600.0


def chaos(args: argparse.Namespace) -> int:
    faults = FaultOptions(
        latency_s=args.latency, error_rate=args.errors, drop_rate=args.drops, seed=args.seed
    )
    provider = AutoProviderOptions(start_after_s=1.0, end_after_s=1.0, tick_s=0.1)
    with tempfile.TemporaryDirectory(prefix="kiosk-chaos-") as folder:
        sandbox = SandboxProcess(Path(folder) / "chaos.db", auto_provider=provider, faults=faults)
        sandbox.start()
        try:
            started = time.monotonic()
            results, crashes = run_qt(lambda: drive(sandbox, args))
            elapsed = time.monotonic() - started
            left_open = open_visits(sandbox)
        finally:
            sandbox.stop()
    report(args, results, crashes, left_open, elapsed)
    return 0


async def drive(
    sandbox: SandboxProcess, args: argparse.Namespace
) -> tuple[list[SessionResult], CrashCounter]:
    crashes = CrashCounter(asyncio.get_running_loop())
    gate = asyncio.Semaphore(args.concurrency)

    async def one(number: int) -> SessionResult:
        async with gate:
            kiosk = Kiosk.build(sandbox)
            try:
                return await run_patient(kiosk.session, number, SESSION_TIMEOUT_S)
            finally:
                await kiosk.close()

    try:
        results = await asyncio.gather(*(one(n) for n in range(args.sessions)))
    finally:
        crashes.close()
    return list(results), crashes


def report(
    args: argparse.Namespace,
    results: list[SessionResult],
    crashes: CrashCounter,
    left_open: list[dict[str, object]],
    elapsed: float,
) -> None:
    outcomes = Counter(r.outcome for r in results)
    seconds = sorted(r.seconds for r in results)
    messages = Counter(m for r in results for m in r.messages)
    print(
        f"chaos: {args.sessions} sessions, {args.concurrency} at a time; latency "
        f"{args.latency:g} s, {args.errors:.0%} 503, {args.drops:.0%} dropped connections "
        f"(seed {args.seed}); {elapsed:.0f} s in all"
    )
    for outcome in ("finished", "ended_with_message", "ended", "crashed", "stuck"):
        print(f"  {outcome:<22} {outcomes.get(outcome, 0)}")
    print(f"  crashes (task/slot exceptions): {crashes.count} {dict(crashes.kinds) or ''}")
    print(f"  walk-ins left open on the server: {len(left_open)}")
    print(f"  'Try again' taps: {sum(r.retries for r in results)}")
    if seconds:
        p95 = seconds[min(len(seconds) - 1, int(len(seconds) * 0.95))]
        print(f"  session time median / p95: {statistics.median(seconds):.0f} / {p95:.0f} s")
    for message, count in messages.most_common():
        print(f"  message ×{count}: {message}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sessions", type=int, default=int(os.environ.get("BENCH_SESSIONS", 100)))
    p.add_argument("--concurrency", type=int, default=10)
    p.add_argument("--latency", type=float, default=1.0)
    p.add_argument("--errors", type=float, default=0.10)
    p.add_argument("--drops", type=float, default=0.05)
    p.add_argument("--seed", type=int, default=7)
    return p


@pytest.mark.benchmark
@pytest.mark.timeout(7200)
def test_chaos_figures() -> None:
    """Runs the script in its own process (its own Qt application) and prints its report."""
    run_script_and_print(__file__)


if __name__ == "__main__":
    raise SystemExit(chaos(parser().parse_args()))
