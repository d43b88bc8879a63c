"""``kiosk sandbox --port 0`` prints where it listens and serves there."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx

STARTUP_LIMIT_S = 30


def test_port_zero_prints_the_address_and_serves(tmp_path):
    command = [sys.executable, "-m", "kiosk.sandbox", "--port", "0", "--db",
               str(tmp_path / "db.sqlite3"), "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.match(
            r"Sandbox listening on (http://127\.0\.0\.1:\d+/) \(api: \1api_v3/\)", line
        )
        assert match, line
        response = httpx.get(match[1] + "api_v3/rooms", timeout=STARTUP_LIMIT_S)
        assert {r["code"] for r in response.json()["data"]} >= {"ceproom1", "cepurgent"}
    finally:
        process.terminate()
        process.wait(STARTUP_LIMIT_S)


def test_reopening_an_existing_database_seeds_nothing_twice(tmp_path):
    from kiosk.sandbox.embedded import EmbeddedSandbox

    db = tmp_path / "db.sqlite3"
    for _ in range(2):
        with EmbeddedSandbox(db) as sandbox:
            state = httpx.get(sandbox.address.portal_base_url + "_sandbox/state").json()
    assert len(state["users"]) == 6 and len(state["rooms"]) == 2
