"""Fleet tests host threads in this process: the health and metrics server's request
threads, the fake systemd notify socket, the readers of a child kiosk's output. Python's
cyclic collector runs on whichever thread allocates, and a collection there frees QObjects
left over from earlier tests on the wrong thread (their timers then fire on freed memory: a
segfault in a later test, seen when the session tests ran first). So the automatic
collector is off for each fleet module, and garbage is collected on the GUI thread before
and after it (see ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module", autouse=True)
def _collector_on_the_gui_thread(collector_off_for_module_server_thread: None) -> Iterator[None]:
    yield
