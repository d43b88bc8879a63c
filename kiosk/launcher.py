"""``run()``: the kiosk process — settings, Qt application, event loop, clean exit.

Start-up order (docs/architecture.md, "Start-up"): the few settings the window needs are read
without pydantic (``kiosk.early_settings``), Welcome is painted, and only then are the
settings validated in full, the backend started and the rest of the kiosk imported and built.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config_error import ConfigError
from kiosk.qtcompat import stop_source_scan

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.early_settings import EarlySettings
    from kiosk.paths import KioskPaths
    from kiosk.ui.main_window import KioskWindow

log = logging.getLogger("kiosk.app")

#: Exit codes: 2 for a configuration the kiosk cannot start with (systemd will not loop on it
#: faster than its restart delay, and the message names the file and key).
EXIT_OK = 0
EXIT_CONFIG = 2
EXIT_BACKEND = 3

#: Python only runs signal handlers between bytecodes; while Qt waits in C a timer with a
#: Python slot wakes it (``_let_python_handle_signals``).
SIGNAL_POLL_MS = 300
#: How long the first paint waits for the window system to show the window.
FIRST_FRAME_WAIT_S = 1.0


HEADLESS_NOTE = (
    "kiosk: no screen found (DISPLAY and WAYLAND_DISPLAY are not set): running headless; "
    "the sandbox clinic and the kiosk run, but nothing is shown. Ctrl+C stops it."
)


def use_headless_platform(environ: Mapping[str, str], platform: str) -> bool:
    """True on Linux with no display server to talk to and no Qt platform chosen: Qt would
    abort; running offscreen still starts the kiosk and its sandbox (servers, CI, SSH)."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def use_keyboard_setting(environ: MutableMapping[str, str], keyboard: str) -> None:
    """With the built-in keyboard, no platform input method may open a second one over the
    window (the old systemd unit set ``QT_IM_MODULE=qtvirtualkeyboard``); "system" and "off"
    leave the environment alone. Must run before the ``QApplication`` exists."""
    if keyboard == "builtin" and environ.get("QT_IM_MODULE") == "qtvirtualkeyboard":
        del environ["QT_IM_MODULE"]
        log.info("launcher.platform_keyboard_off reason=builtin_keyboard")


def parse_size(text: str | None) -> QSize | None:
    """``"1080x1920"`` → ``QSize(1080, 1920)``; raises ``ConfigError`` on anything else."""
    if not text:
        return None
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) * int(height) == 0:
        raise ConfigError(f"--size: expected WIDTHxHEIGHT such as 1280x800, got {text!r}")
    return QSize(int(width), int(height))


def run(config_file: Path | None = None, windowed: bool = False, size: str | None = None) -> int:
    """Run the kiosk until staff exit it or it is signalled; returns the exit code."""
    stop_source_scan()  # before the bulk of the imports: see kiosk/qtcompat.py
    from kiosk.early_settings import EarlySettings, read_early_settings
    from kiosk.paths import KioskPaths, config_file_in_use

    paths = KioskPaths.default()
    file_in_use, named_by = config_file_in_use(config_file)
    settings: Settings | None = None
    try:
        window_size = parse_size(size)
        early = read_early_settings(file_in_use, named_by, os.environ)
        if early is None:  # only the full validation can tell: before any window shows
            settings = _validated_settings(config_file)
            early = EarlySettings.of(settings)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_CONFIG

    from kiosk.logging_setup import configure_logging, release_held_stderr

    # Until the full validation, stderr (log lines, Qt's warnings) is held: a bad config
    # ends in its one line alone, window or not. The log file gets everything at once.
    validating = settings is None
    configure_logging(paths, secrets=early.secrets, hold_stderr=validating)
    restore_qt_messages = _qt_messages_to_log() if validating else None
    if use_headless_platform(os.environ, sys.platform):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print(HEADLESS_NOTE, file=sys.stderr)
    use_keyboard_setting(os.environ, early.keyboard)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic Kiosk")
    app.setQuitOnLastWindowClosed(False)
    from kiosk.ui.theme import apply_theme

    apply_theme(app)
    # Welcome is painted before the rest of the kiosk (settings validation, API client,
    # session, wizard, other screens, staff mode) is even imported; taps meanwhile wait in
    # Qt's queue.
    from kiosk.ui.lockdown import apply_kiosk_window_mode
    from kiosk.ui.main_window import KioskWindow

    window = KioskWindow(sandbox=early.uses_sandbox)
    apply_kiosk_window_mode(window, early.window, windowed, window_size)
    paint_first_frame(app, window)
    log.info("app.first_frame cpu_s=%.3f", time.process_time())

    if settings is None:
        try:
            settings = _validated_settings(config_file)
        except ConfigError as exc:
            window.close()
            release_held_stderr(show=False)
            print(f"kiosk: {exc}", file=sys.stderr)
            return EXIT_CONFIG
        finally:
            if restore_qt_messages is not None:
                restore_qt_messages()
            release_held_stderr(show=True)  # (nothing left to show after a bad config)
        _follow_validated_settings(window, early, settings, windowed, window_size)
    return _run_kiosk(app, window, settings, paths, config_file, windowed, window_size)


def _qt_messages_to_log() -> Callable[[], None]:
    """Qt's own messages (which it writes to stderr itself) through the log, so they are held
    with its stderr lines; returns what puts Qt's previous handler back."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("kiosk.qt")

    def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    previous = qInstallMessageHandler(on_qt_message)

    def restore() -> None:
        qInstallMessageHandler(previous)  # None puts back Qt's default

    return restore


def _config_file_in_use(config_file: Path | None) -> Path:
    from kiosk.paths import config_file_in_use

    return config_file_in_use(config_file)[0]


def _validated_settings(config_file: Path | None) -> Settings:
    from kiosk.config import load_settings

    return load_settings(config_file)


def _follow_validated_settings(
    window: KioskWindow,
    early: EarlySettings,
    settings: Settings,
    windowed: bool,
    size: QSize | None,
) -> None:
    """The early read and pydantic agree on every input the early read accepts (tested); if
    they ever did not, the validated settings win for what can still change."""
    from kiosk.early_settings import EarlySettings

    validated = EarlySettings.of(settings)
    if validated == early:
        return
    log.warning("app.early_settings_differ")
    from kiosk.logging_setup import redactor
    from kiosk.ui.lockdown import apply_kiosk_window_mode

    for secret in validated.secrets:
        redactor.add_secret(secret)
    window.sandbox_badge.setVisible(validated.uses_sandbox)
    apply_kiosk_window_mode(window, settings.kiosk, windowed, size)


def _run_kiosk(
    app: QApplication,
    window: KioskWindow,
    settings: Settings,
    paths: KioskPaths,
    config_file: Path | None,
    windowed: bool,
    window_size: QSize | None,
) -> int:
    """After the first frame: the backend, the rest of the kiosk, the event loop."""
    from kiosk.backend import start_backend

    try:
        backend = start_backend(settings)
    except Exception as exc:  # no free port, or no process could be started
        log.error("app.backend_failed error=%s", type(exc).__name__)
        print(f"kiosk: the sandbox clinic could not start: {exc}", file=sys.stderr)
        window.close()
        return EXIT_BACKEND

    from kiosk.ui.call.environment import configure_webengine_environment

    configure_webengine_environment(fake_media=settings.sandbox.fake_media)

    import qasync

    from kiosk.app import KioskApp, LaunchOptions
    from kiosk.gui_thread_gc import GuiThreadCollector
    from kiosk.sandbox.embedded import SandboxStartError

    # The fleet server's threads and asyncio's executor allocate too: collections happen on
    # the GUI thread only, where freeing a QObject is safe (see kiosk/gui_thread_gc.py).
    collector = GuiThreadCollector(parent=app)
    collector.start()

    async def main() -> int:
        kiosk = KioskApp(
            app,
            settings,
            paths,
            backend,
            LaunchOptions(windowed=windowed, size=window_size),
            config_file=_config_file_in_use(config_file),
            window=window,
        )
        _on_signals(kiosk.request_quit, kiosk.request_reload)
        poll = QTimer()
        poll.timeout.connect(_let_python_handle_signals)
        poll.start(SIGNAL_POLL_MS)
        kiosk.start()
        try:
            # The sandbox child starts alongside the rest of the kiosk; until it listens, the
            # kiosk's requests wait in its socket's backlog.
            await backend.wait_ready()
            await kiosk.quit_requested.wait()
        except SandboxStartError as exc:
            log.error("app.backend_failed error=%s", type(exc).__name__)
            print(f"kiosk: the sandbox clinic could not start: {exc}", file=sys.stderr)
            return EXIT_BACKEND
        finally:
            poll.stop()
            await kiosk.shutdown()
        return EXIT_OK

    try:
        exit_code: int = qasync.run(main())
        return exit_code
    finally:
        collector.stop()
        backend.stop()
        # The kiosk has stopped; what is left is the interpreter's exit, whose collections
        # walked every object of every module: ~1 s of SIGTERM → exit here. Frozen objects
        # are skipped (the OS frees them; nothing of the kiosk waits on a collection).
        gc.freeze()


def paint_first_frame(app: QApplication, window: QWidget) -> None:
    """Paint ``window`` now, before the event loop runs: wait (up to ``FIRST_FRAME_WAIT_S``)
    for the window system to expose it, then paint it synchronously."""
    deadline = time.monotonic() + FIRST_FRAME_WAIT_S
    handle = window.windowHandle()
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    window.repaint()
    app.processEvents()


def _on_signals(quit_handler: Callable[[], None], reload_handler: Callable[[], None]) -> None:
    """SIGTERM (systemd stop) and SIGINT (Ctrl+C in a terminal) end the kiosk cleanly; SIGHUP
    (``systemctl reload``) re-reads the config at the next Welcome."""
    import asyncio

    loop = asyncio.get_event_loop()

    def on_signal(signum: int, _frame: object) -> None:
        loop.call_soon_threadsafe(reload_handler if signum == signal.SIGHUP else quit_handler)

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)


def _let_python_handle_signals() -> None:
    """The signal poll's slot: Python runs a signal's handler only when the main thread
    runs Python code, and a timer with no Python slot never makes it (SIGTERM waited for the
    next unrelated timer, seconds at an idle Welcome)."""
