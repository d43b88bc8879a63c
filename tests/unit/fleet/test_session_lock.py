"""SessionLock: the file exists and is flock()ed while held, and is gone after release."""

from __future__ import annotations

import fcntl
import os

import pytest

from kiosk.fleet.session_lock import SessionLock


def other_can_lock(path) -> bool:
    """What `flock -n path true` would say: a second open file description tries the lock."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_held_lock_exists_with_the_pid_and_blocks_others(tmp_path) -> None:
    path = tmp_path / "run" / "session.lock"
    lock = SessionLock(path)
    assert lock.acquire()
    assert lock.held and path.read_text() == f"{os.getpid()}\n"
    assert not other_can_lock(path)
    assert lock.acquire()  # idempotent
    lock.release()
    assert not lock.held and not path.exists()
    lock.release()  # idempotent


def test_a_lock_someone_else_holds_does_not_stop_the_patient(tmp_path, caplog) -> None:
    path = tmp_path / "session.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        lock = SessionLock(path)
        assert lock.acquire() is False
        assert not lock.held
        assert "fleet.session_lock_unavailable" in caplog.text
    finally:
        os.close(fd)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_place_is_logged(tmp_path, caplog) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    assert SessionLock(folder / "session.lock").acquire() is False
    assert "fleet.session_lock_unavailable" in caplog.text
