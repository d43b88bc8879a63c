"""The systemd units in packaging/: systemd's own checker accepts them, and they carry what
the fleet needs (notify, watchdog, restart, reload, the cage session's seat and VT)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[3] / "packaging"
CAGE_UNIT = PACKAGING / "cage" / "clinic-kiosk@.service"
USER_UNIT = PACKAGING / "clinic-kiosk.service"
PAM_FILE = PACKAGING / "cage" / "pam.d" / "clinic-kiosk"
CAGE = "/usr/bin/cage"

needs_systemd = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze not installed (.ci/run installs it)",
)


def entries(unit: Path) -> list[tuple[str, str, str]]:
    """(section, key, value) for every setting; keys may repeat, as systemd allows."""
    found: list[tuple[str, str, str]] = []
    section = ""
    for raw in unit.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        found.append((section, key.strip(), value.strip()))
    return found


def values(unit: Path, section: str, key: str) -> list[str]:
    return [v for s, k, v in entries(unit) if (s, k) == (section, key)]


def verify(unit: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        ["systemd-analyze", *args, "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


@needs_systemd
def test_systemd_accepts_the_cage_unit(tmp_path) -> None:
    text = CAGE_UNIT.read_text()
    if not Path(CAGE).exists():
        # Without Debian's cage the checker stops at the missing binary: point ExecStart at a
        # stand-in so the rest of the unit is still checked (.ci/run installs the real cage).
        stand_in = tmp_path / "cage"
        stand_in.write_text("#!/bin/sh\n")
        stand_in.chmod(0o755)
        assert text.count(CAGE) == 1
        text = text.replace(CAGE, str(stand_in))
    (tmp_path / CAGE_UNIT.name).write_text(text)
    verify(tmp_path / "clinic-kiosk@tty1.service", tmp_path)


@needs_systemd
def test_systemd_accepts_the_desktop_session_user_unit(tmp_path) -> None:
    home, runtime = tmp_path / "home", tmp_path / "run"
    kiosk = home / ".local" / "bin" / "kiosk"
    kiosk.parent.mkdir(parents=True)
    kiosk.write_text("#!/bin/sh\n")
    kiosk.chmod(0o755)
    runtime.mkdir(mode=0o700)
    env = {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"}
    shutil.copy(USER_UNIT, tmp_path / USER_UNIT.name)
    verify(tmp_path / USER_UNIT.name, tmp_path, "--user", env=env)


@pytest.mark.parametrize("unit", [CAGE_UNIT, USER_UNIT], ids=["cage", "user"])
def test_both_routes_are_watched_restarted_and_reloadable(unit) -> None:
    assert values(unit, "Service", "Type") == ["notify"]
    assert values(unit, "Service", "Restart") == ["always"]
    assert values(unit, "Service", "ExecReload") == ["/bin/kill -HUP $MAINPID"]
    (watchdog,) = values(unit, "Service", "WatchdogSec")
    assert 10 <= int(watchdog) <= 120


def test_the_cage_unit_runs_the_kiosk_on_its_own_vt_and_seat() -> None:
    get = lambda key: values(CAGE_UNIT, "Service", key)  # noqa: E731
    (exec_start,) = get("ExecStart")
    assert exec_start.startswith(CAGE + " ") and exec_start.endswith(
        "-- /opt/clinic-kiosk/bin/kiosk"
    )
    # The kiosk is cage's child: it must be allowed to notify, and to be the one SIGTERM reaches.
    assert get("NotifyAccess") == ["all"] and get("KillMode") == ["mixed"]
    assert get("User") == ["kiosk"] and get("TTYPath") == ["/dev/%I"]
    assert get("PAMName") == [PAM_FILE.name]
    assert "pam_systemd.so" in PAM_FILE.read_text()
    assert values(CAGE_UNIT, "Unit", "Conflicts") == ["getty@%i.service"]
    assert values(CAGE_UNIT, "Install", "DefaultInstance") == ["tty1"]
    env = " ".join(get("Environment"))
    assert '"QT_QPA_PLATFORM=wayland;xcb"' in env and '"CAGE_ARGS=-d"' in env
