"""Shared fixtures: offscreen Qt, a qasync loop pytest-qt can drive, isolated platform dirs."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# Chromium reads its flags once, when WebEngine first starts in this process, whichever test
# starts it: every test gets the fake camera and microphone (these machines have none).
_FLAGS = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
if "--use-fake-device-for-media-stream" not in _FLAGS:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
        [*_FLAGS, "--use-fake-device-for-media-stream"]
    )

import pytest  # noqa: E402 - after the environment above, which Qt reads on import
from hypothesis import HealthCheck, settings  # noqa: E402

#: Hypothesis profiles. ``ci`` (the default) is deterministic: the same examples every run, no
#: example database, no per-example deadline (a loaded CI machine must not fail a test for
#: being slow). ``fuzz`` is the longer randomized run: ``HYPOTHESIS_PROFILE=fuzz python -m
#: pytest tests/unit/ui/wizard/test_wizard_hypothesis.py`` (see tests/benchmarks/README.md).
_HYPOTHESIS_SHARED = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile(
    "ci", derandomize=True, max_examples=60, database=None, print_blob=True, **_HYPOTHESIS_SHARED
)
settings.register_profile(
    "fuzz", derandomize=False, max_examples=2000, database=None, **_HYPOTHESIS_SHARED
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point XDG dirs at a per-test folder so nothing touches the real user's config or data."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in list(os.environ):
        if name.startswith("KIOSK_"):
            monkeypatch.delenv(name)
    return home


_server_threads = 0


@contextlib.contextmanager
def _collector_off_while_a_server_thread_runs() -> Iterator[None]:
    """Python's cyclic collector runs on whichever thread happens to allocate. While a test
    hosts a server thread (an ``EmbeddedSandbox``, an ``http.server`` page server), a
    collection there could free QObjects left over from earlier tests on that thread; Qt
    cannot stop their timers from it ("QObject::~QObject: Timers cannot be stopped from
    another thread"), and a timer later fires on freed memory: a segfault in a later test.
    So the automatic collector is off while such a thread lives, and garbage is collected on
    this (the GUI) thread before and after. The kiosk itself hosts no server thread (its
    sandbox is a child process), so kiosk tests run with the collector on."""
    global _server_threads
    if _server_threads == 0:
        gc.collect()
        gc.disable()
    _server_threads += 1
    try:
        yield
    finally:
        _server_threads -= 1
        if _server_threads == 0:
            gc.collect()
            gc.enable()


@pytest.fixture
def collector_off_for_server_thread() -> Iterator[None]:
    """For a test whose fixture starts a server thread in this process (see above)."""
    with _collector_off_while_a_server_thread_runs():
        yield


@pytest.fixture(scope="module")
def collector_off_for_module_server_thread() -> Iterator[None]:
    """The same for a server thread that lives as long as a test module."""
    with _collector_off_while_a_server_thread_runs():
        yield


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop installed as the running loop, so ``qtbot.waitUntil`` drives async slots."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        deadline = QDeadlineTimer(2000)
        while any(not t.done() for t in pending) and not deadline.hasExpired():
            QCoreApplication.processEvents()
        # qasync marks an already-running loop as running for good; undo that to close it.
        loop._QEventLoop__is_running = False
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    """A test that switched the kiosk's language (an app, a ``LanguageSwitcher``) hands the next
    one English and the default locale back: translators and ``QLocale.setDefault`` are global."""
    yield
    import sys

    switcher_module = sys.modules.get("kiosk.ui.i18n.switcher")
    if switcher_module is not None:
        switcher = switcher_module.LanguageSwitcher.active()
        if switcher is not None:
            switcher.detach()


@pytest.fixture(autouse=True)
def no_style_left_behind() -> Iterator[None]:
    """A test that restyled the application (a patient's large text or focus ring, a theme
    applied by the launcher) hands the next one the style sheet it found: the application's
    style sheet is global, and sizes measured under another one (flow layouts, fit) differ."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = app.styleSheet() if isinstance(app, QApplication) else None
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication) and before is not None and app.styleSheet() != before:
        app.setStyleSheet(before)
