"""The sandbox as a child process: started, ready, serving, stopped — and never left behind,
not even when its parent is SIGKILLed."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from kiosk.sandbox.child import config_to_json
from kiosk.sandbox.embedded import SandboxStartError
from kiosk.sandbox.options import SandboxConfig
from kiosk.sandbox.process import SandboxProcess

ROOT = Path(__file__).resolve().parents[3]
GONE_WITHIN_S = 15.0


def listening(url: str) -> bool:
    parts = urlsplit(url)
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((parts.hostname, parts.port)) == 0


def gone(pid: int) -> bool:
    """Exited: no such process, or a zombie waiting for a reaper that is not us."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def wait_gone(pid: int) -> bool:
    deadline = time.monotonic() + GONE_WITHIN_S
    while time.monotonic() < deadline:
        if gone(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def sandbox(tmp_path) -> Iterator[SandboxProcess]:
    process = SandboxProcess(db_path=tmp_path / "sandbox.db")
    yield process
    process.stop()


def test_the_address_is_known_before_the_child_is_ready(sandbox) -> None:
    address = sandbox.launch()

    assert address.api_base_url.startswith("http://127.0.0.1:")
    assert address.api_base_url.endswith("/api_v3/")
    assert sandbox.pid is not None and sandbox.pid != os.getpid()


def test_a_request_sent_before_the_child_is_ready_is_answered(sandbox) -> None:
    address = sandbox.launch()

    response = httpx.get(address.portal_base_url + "_sandbox/state", timeout=60)

    assert response.status_code == 200


def test_the_started_child_serves_the_api(sandbox) -> None:
    address = sandbox.start()

    response = httpx.get(address.api_base_url + "accounts/vclinic", timeout=30)

    assert sandbox.poll_ready()
    assert response.status_code == 200
    assert response.json()["data"]["code"] == "vclinic"


def test_stop_ends_the_child_and_frees_its_port(sandbox) -> None:
    address = sandbox.start()
    pid = sandbox.pid
    assert pid is not None and listening(address.api_base_url)

    sandbox.stop()

    assert gone(pid)  # stop() reaped it
    assert not listening(address.api_base_url)
    assert sandbox.address is None
    sandbox.stop()  # a second stop is harmless


def launch_failing(folder: Path) -> tuple[SandboxProcess, int]:
    """A child launched on a database path that is a folder: it cannot start."""
    not_a_database = folder / "folder.db"
    not_a_database.mkdir()
    sandbox = SandboxProcess(db_path=not_a_database)
    sandbox.launch()
    assert sandbox.pid is not None
    return sandbox, sandbox.pid


def test_a_child_that_cannot_start_is_reported_and_reaped(tmp_path) -> None:
    sandbox, pid = launch_failing(tmp_path)

    with pytest.raises(SandboxStartError):
        sandbox.wait_ready(timeout_s=60)

    assert gone(pid)


def test_the_child_ends_when_its_stdin_closes(tmp_path) -> None:
    """The portable half of 'dies with its parent': the parent holds the child's stdin open;
    end-of-file means the parent is gone. Here the parent (this test) lives on."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    config = SandboxConfig(db_path=tmp_path / "sandbox.db")
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk.sandbox.child", "--fd", str(sock.fileno()),
         "--parent", str(os.getpid()), "--config", config_to_json(config)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        pass_fds=(sock.fileno(),),
    )  # fmt: skip
    sock.close()
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"

        assert child.stdin is not None
        child.stdin.close()

        assert child.wait(GONE_WITHIN_S) == 0
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


PARENT = """
import sys, time
from kiosk.sandbox.process import SandboxProcess
sandbox = SandboxProcess(db_path=sys.argv[1])
address = sandbox.start()
print(sandbox.pid, address.api_base_url, flush=True)
time.sleep(600)
"""


def test_the_child_dies_when_its_parent_is_killed(tmp_path) -> None:
    """A kiosk-like parent starts the sandbox and is SIGKILLed: no stop() ever runs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(tmp_path / "sandbox.db")],
        stdout=subprocess.PIPE,
        env=env,
    )
    child_pid = 0
    try:
        assert parent.stdout is not None
        pid_text, url = parent.stdout.readline().decode().split()
        child_pid = int(pid_text)
        assert listening(url)

        parent.send_signal(signal.SIGKILL)
        parent.wait()

        assert wait_gone(child_pid), "the sandbox child outlived its killed parent"
        assert not listening(url)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if child_pid and not gone(child_pid):
            os.kill(child_pid, signal.SIGKILL)
        if parent.stdout is not None:
            parent.stdout.close()


def test_waiting_on_an_event_loop_reports_a_child_that_cannot_start(tmp_path) -> None:
    """The launcher's path: the window is up, the loop runs, the child fails."""
    sandbox, pid = launch_failing(tmp_path)

    with pytest.raises(SandboxStartError):
        asyncio.run(sandbox.async_wait_ready(timeout_s=60))

    assert gone(pid)
    assert sandbox.address is None


def test_waiting_on_an_event_loop_returns_once_the_child_listens(sandbox) -> None:
    address = sandbox.launch()

    asyncio.run(sandbox.async_wait_ready(timeout_s=60))

    assert listening(address.api_base_url)
