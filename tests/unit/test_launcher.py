"""The launcher: ``--size`` parsing; exit 2 and one line on a bad config — before any window
when the window's own keys are unreadable, else right after the first paint (the window
closes) — never starting the sandbox; the command line answering ``--help`` and
``--version`` in a real process."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_cli import SUBPROCESS_TIMEOUT_S, run_kiosk
from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.backend
import kiosk.launcher
from kiosk import __version__
from kiosk.config import ConfigError
from kiosk.launcher import EXIT_CONFIG, parse_size, run, use_headless_platform
from kiosk.ui.main_window import KioskWindow


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1280x800", QSize(1280, 800)), ("1080X1920", QSize(1080, 1920)), ("1x1", QSize(1, 1))],
)
def test_parse_size_reads_width_by_height(text, expected) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", [None, ""])
def test_parse_size_of_nothing_is_no_size(text) -> None:
    assert parse_size(text) is None


@pytest.mark.parametrize(
    "text",
    ["1280", "x800", "1280x", "0x800", "1280x0", "-1280x800", "12.5x80", "1280x800x2", " 1280x800"],
)
def test_parse_size_refuses_anything_else_naming_the_option(text) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_size(text)

    assert str(caught.value).startswith("--size: expected WIDTHxHEIGHT")
    assert repr(text) in str(caught.value)


@pytest.fixture
def nothing_starts(monkeypatch) -> None:
    """Fail the test if ``run`` gets as far as building the Qt application or the backend."""

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("run() went past the config check")

    monkeypatch.setattr(kiosk.launcher, "QApplication", forbidden)
    monkeypatch.setattr(kiosk.backend, "start_backend", forbidden)


@pytest.fixture
def no_backend_starts(monkeypatch, qapp) -> Iterator[None]:
    """Let ``run`` paint its first window (in this process's ``QApplication``) but fail the
    test if it starts the backend; take down the log handlers ``run`` installs."""

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("run() started the backend with a bad config")

    monkeypatch.setattr(kiosk.backend, "start_backend", forbidden)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for window in QApplication.topLevelWidgets():
        if isinstance(window, KioskWindow):
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _open_kiosk_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle()]


def test_a_malformed_config_exits_2_with_one_line_naming_file_and_key(
    tmp_path, capsys, no_backend_starts
) -> None:
    """A key the first window does not need is validated after the first paint: the window
    closes, and the one line and exit 2 are the same as before any window."""
    config = tmp_path / "config.toml"
    config.write_text("[kiosk]\nidle_timeout_s = 'soon'\n", encoding="utf-8")

    code = run(config_file=config, windowed=True)

    assert code == EXIT_CONFIG == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()  # the log's lines until then are held, then dropped
    assert len(lines) == 1
    assert str(config) in lines[0]
    assert "kiosk.idle_timeout_s" in lines[0]
    assert captured.out == ""
    assert _open_kiosk_windows() == []


def test_a_missing_real_endpoint_key_exits_2_with_one_line(
    tmp_path, capsys, no_backend_starts
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('api_base_url = "https://clinic.example/api_v3"\n', encoding="utf-8")

    assert run(config_file=config, windowed=True) == EXIT_CONFIG
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"kiosk: {config}: key 'portal_base_url': required when api_base_url is set"]
    assert _open_kiosk_windows() == []


@pytest.mark.parametrize(
    "text",
    [
        "[kiosk\nfullscreen = true\n",  # not TOML
        "[kiosk]\nfullscreen = 'maybe'\n",  # a key the window needs, unreadable
        "[kiosk]\nscreen = 99\n",
        "kiosk = 3\n",
    ],
)
def test_a_config_the_window_cannot_use_exits_2_before_any_window(
    tmp_path, capsys, nothing_starts, text
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")

    assert run(config_file=config) == EXIT_CONFIG
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"kiosk: {config}: ")


def test_a_bad_size_exits_2_with_one_line(capsys, nothing_starts) -> None:
    assert run(size="large") == EXIT_CONFIG
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert "--size" in lines[0]


def _run_kiosk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_kiosk(*args, cwd=cwd, XDG_STATE_HOME=str(cwd / "state"))


def test_a_malformed_config_in_a_real_process_closes_the_window_and_exits_2(tmp_path) -> None:
    """The whole process: exit 2 and exactly one line on stderr (the log's lines and Qt's
    messages until then are held, then dropped; the log file has them), nothing on stdout,
    and the sandbox never started."""
    config = tmp_path / "config.toml"
    config.write_text("colour = 'teal'\n", encoding="utf-8")

    done = _run_kiosk("--config", str(config), "--windowed", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"kiosk: {config}: key 'colour': unknown key"]
    assert done.stdout == ""
    log = (tmp_path / "state" / "clinic-kiosk" / "log" / "kiosk.log").read_text()
    assert "app.first_frame" in log  # validated after the first paint
    assert "backend." not in log


def test_an_unparsable_config_in_a_real_process_exits_2_before_any_window(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[kiosk\n", encoding="utf-8")

    done = _run_kiosk("--config", str(config), cwd=tmp_path)

    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(f"kiosk: {config}: not valid TOML")
    assert done.stdout == ""


def test_help_works_in_a_real_process(tmp_path) -> None:
    done = _run_kiosk("--help", cwd=tmp_path)

    assert done.returncode == 0
    assert done.stdout.startswith("usage: kiosk")
    for option in ("--windowed", "--config", "--size", "--version"):
        assert option in done.stdout


def test_the_kiosk_script_prints_its_version(tmp_path) -> None:
    script = Path(sys.executable).with_name("kiosk")
    if not script.exists():
        pytest.fail(f"the console script is not installed beside {sys.executable}")

    done = subprocess.run(
        [str(script), "--version"],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        cwd=tmp_path,
        check=False,
    )

    assert done.returncode == 0
    assert done.stdout.strip() == f"kiosk {__version__}"


@pytest.mark.parametrize(
    ("environ", "platform", "headless"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_headless_only_on_linux_without_a_display_or_a_chosen_platform(
    environ, platform, headless
) -> None:
    assert use_headless_platform(environ, platform) is headless
