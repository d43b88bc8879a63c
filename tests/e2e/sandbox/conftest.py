"""Fixtures: a real sandbox server on loopback (temp DB) and small httpx helpers to drive it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sandbox_helpers import TOKEN_LIFETIME_S, Api, api_on

from kiosk.sandbox.embedded import EmbeddedSandbox, SandboxAddress


@pytest.fixture(scope="module", autouse=True)
def _sandbox_threads(collector_off_for_module_server_thread: None) -> None:
    """These tests host ``EmbeddedSandbox`` server threads in this process (see the root
    conftest); the kiosk's own tests use the sandbox's child process instead."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxAddress]:
    """One server per test module (tests create their own patients); clock and faults are
    reset after each test by the fixtures that change them."""
    db = tmp_path_factory.mktemp("sandbox") / "sandbox.sqlite3"
    with EmbeddedSandbox(db, token_lifetime_s=TOKEN_LIFETIME_S) as sandbox:
        assert sandbox.address is not None
        yield sandbox.address


@pytest.fixture(scope="module")
def api(server: SandboxAddress) -> Iterator[Api]:
    with api_on(server) as api:
        yield api


@pytest.fixture(autouse=True)
def _reset_controls(request: pytest.FixtureRequest) -> Iterator[None]:
    """Put the clock and faults back after a test that used the ``api`` fixture."""
    yield
    if "api" in request.fixturenames:
        api: Api = request.getfixturevalue("api")
        api.root.put("_sandbox/clock", json={"offset_s": 0})
        api.root.put(
            "_sandbox/faults",
            json={"latency_s": 0, "error_rate": 0, "drop_rate": 0, "expired_token_rate": 0},
        )
