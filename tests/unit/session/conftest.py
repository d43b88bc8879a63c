"""Fixtures for the session tests: a fake client and sessions with millisecond intervals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from session_fakes import FakeClient

from kiosk.api import PortalUrls
from kiosk.session import PatientSession, SessionConfig

PORTAL = "http://portal.test/"

#: Short intervals so timers run within a test; the idle timeout stays out of the way.
FAST: dict[str, Any] = {
    "heartbeat_s": 0.1,
    "queue_poll_s": 0.03,
    "visit_status_poll_s": 0.03,
    "backoff_base_s": 0.01,
    "backoff_cap_s": 0.05,
    "wipe_step_timeout_s": 0.2,
    "idle_timeout_s": 60.0,
    "idle_timeout_waiting_s": 60.0,
    "idle_countdown_s": 1.0,
}


@pytest.fixture
def client() -> FakeClient:
    return FakeClient()


@pytest.fixture
def make_session(qloop, qtbot) -> Iterator[Callable[..., PatientSession]]:
    """``make_session(client, **config)``: a session on the fake client with fast timers."""
    sessions: list[PatientSession] = []

    def build(client: Any, **overrides: Any) -> PatientSession:
        config = SessionConfig(**{**FAST, **overrides})
        session = PatientSession(client, config, PortalUrls(PORTAL))
        sessions.append(session)
        return session

    yield build
    for session in sessions:
        session.journey.stop()
        session.idle.pause()


@pytest.fixture
def session(make_session, client) -> PatientSession:
    return make_session(client)
