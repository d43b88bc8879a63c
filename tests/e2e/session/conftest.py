"""Fixtures for the session's end-to-end tests (the sandbox fixtures live in the test module)."""

from __future__ import annotations

import pytest

from kiosk.session.qasync_repair import repair_qasync


@pytest.fixture(autouse=True)
def _repaired_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    """qasync's thread-safe calls (httpx DNS lookups run in its executor) and pytest-qt's
    disconnects go through the repairing calls (see kiosk.session.emitting)."""
    from pytestqt import wait_signal

    from kiosk.session.emitting import disconnect

    repair_qasync()
    monkeypatch.setattr(wait_signal, "_silent_disconnect", disconnect)
