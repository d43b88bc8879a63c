"""Sandbox load figure: N simulated kiosks poll one sandbox process over loopback.

Each kiosk signs in (guest SSO), files an intake, joins the walk-in queue, then loops:
heartbeat, queue poll, visit status — the waiting room's steady traffic. Printed, not asserted.

    python -m pytest tests/benchmarks/bench_sandbox.py -m benchmark -s
    python tests/benchmarks/bench_sandbox.py --kiosks 500 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

HEADERS = {"X-AccountCode": "vclinic"}
CONNECTIONS = 100  # shared pool: 500 kiosks do not each hold a socket open to one process
POLL_PAUSE_S = 0.0  # kiosks poll back to back: this measures capacity, not a real lobby
REQUEST_TIMEOUT_S = 30.0
STARTUP_TIMEOUT_S = 30.0
ROOM_CAPACITY = 100  # the seeded account's waiting_room.capacity


@dataclass
class Figures:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0

    def report(self, kiosks: int, seconds: float) -> str:
        ordered = sorted(self.latencies_ms)
        p50 = statistics.median(ordered)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return (
            f"{kiosks} kiosks, {seconds:.0f} s: {len(ordered) / seconds:.0f} requests/s, "
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, {self.errors} errors"
        )


async def _timed(figures: Figures, call) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await call
    except httpx.HTTPError:
        figures.errors += 1
        return None
    figures.latencies_ms.append((time.perf_counter() - started) * 1000)
    if response.is_error:
        figures.errors += 1
    return response


async def _rooms(http: httpx.AsyncClient, kiosks: int) -> list[str]:
    """Enough rooms for everyone: a room's queue holds ``capacity`` (100) patients."""
    sso = await http.post(
        "users/sso",
        headers={**HEADERS, "X-ApiKey": "vclinic_api_key"},
        data={
            "first_name": "Bench",
            "last_name": "Provider",
            "type": "400",
            "code": f"bench-{time.time_ns()}",
        },
    )
    auth = {**HEADERS, "X-ApiToken": sso.json()["data"]["token"]["token"]}
    codes = []
    for n in range(-(-kiosks // ROOM_CAPACITY)):
        room = await http.post(
            "rooms",
            headers=auth,
            data={"domain": "bench.local", "name": f"Bench {n}", "slug": f"bench-{time.time_ns()}"},
        )
        codes.append(room.json()["data"]["code"])
    return codes


async def _join(http: httpx.AsyncClient, n: int, room: str) -> tuple[dict[str, str], str]:
    """Sign in, file an intake and join the queue: (headers, visit id)."""
    sso = await http.post(
        "users/sso",
        headers={**HEADERS, "X-ApiKey": "vclinic_api_key"},
        data={"first_name": "Bench", "last_name": str(n), "type": "600"},
    )
    auth = {**HEADERS, "X-ApiToken": sso.json()["data"]["token"]["token"]}
    intake = await http.post("intakes", headers=auth, data={"room_code": room})
    await http.post("users/alive", headers=auth, data={"heartbeat": "300"})
    visit = await http.post(
        "visits/add_walkin",
        headers=auth,
        data={"intake_id": intake.json()["data"]["id"], "room_code": room},
    )
    return auth, visit.json()["data"]["id"]


async def _poll(
    http: httpx.AsyncClient,
    figures: Figures,
    deadline: float,
    auth: dict[str, str],
    room: str,
    visit_id: str,
) -> None:
    while time.monotonic() < deadline:
        await _timed(figures, http.post("users/alive", headers=auth, data={"heartbeat": "300"}))
        await _timed(figures, http.get(f"rooms/{room}/queue", headers=auth))
        await _timed(figures, http.get(f"visits/{visit_id}", headers=auth))
        if POLL_PAUSE_S:
            await asyncio.sleep(POLL_PAUSE_S)


async def drive(api_base_url: str, kiosks: int, seconds: float) -> str:
    """Set every kiosk up (not measured), then let all poll for ``seconds`` (measured)."""
    figures = Figures()
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(
        base_url=api_base_url, limits=limits, timeout=REQUEST_TIMEOUT_S
    ) as http:
        rooms = await _rooms(http, kiosks)
        joined = await asyncio.gather(
            *(_join(http, n, rooms[n % len(rooms)]) for n in range(kiosks))
        )
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _poll(http, figures, deadline, auth, rooms[n % len(rooms)], visit_id)
                for n, (auth, visit_id) in enumerate(joined)
            )
        )
        elapsed = time.monotonic() - started
    return figures.report(kiosks, elapsed)


def serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    """One sandbox process on a free port; returns it and its API base URL."""
    command = [
        sys.executable,
        "-m",
        "kiosk.sandbox",
        "--port",
        "0",
        "--db",
        str(db),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"\(api: (\S+)\)", line)
    if not match:
        process.terminate()
        raise RuntimeError(f"sandbox did not start: {line!r}")
    return process, match[1]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU of a process (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(kiosks: int, seconds: float) -> str:
    """The figure line, plus CPU seconds of the server and of this load generator: on a small
    machine the generator (httpx) is the limit, and the server's CPU per request shows the
    sandbox's own capacity."""
    with tempfile.TemporaryDirectory() as folder:
        process, api_base_url = serve(Path(folder) / "bench.sqlite3")
        try:
            server_before, client_before = cpu_seconds(process.pid), time.process_time()
            line = asyncio.run(drive(api_base_url, kiosks, seconds))
            server_after, client_after = cpu_seconds(process.pid), time.process_time()
            if server_before is not None and server_after is not None:
                line += (
                    f"; CPU s (incl. setup): server {server_after - server_before:.1f}, "
                    f"load generator {client_after - client_before:.1f}"
                )
            return line
        finally:
            process.terminate()
            process.wait(STARTUP_TIMEOUT_S)


@pytest.mark.benchmark
def test_sandbox_serves_many_polling_kiosks():
    print("\n" + run(kiosks=100, seconds=5))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    print(run(args.kiosks, args.seconds))
