"""``kiosk set-pin`` and the in-place config editor it uses."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.staff import cli
from kiosk.staff.config_file import set_config_value
from kiosk.staff.pin import verify_pin

EXISTING = """# Lobby kiosk, 2nd floor
api_base_url = "https://api.example.org/api_v3/"
portal_base_url = "https://clinic.example.org/"
api_key = "key-for-tests-only"
api_secret = "secret-for-tests-only"
account_code = "vclinic"

[kiosk]
hide_cursor = true  # touch screen

[staff]
max_attempts = 3
"""


@pytest.fixture
def fast_hash(monkeypatch):
    """Cheap scrypt cost for the CLI tests; the format is unchanged."""
    from kiosk.staff import pin

    original = pin.hash_pin
    monkeypatch.setattr(cli, "hash_pin", lambda value: original(value, n=2**4))


def answers(monkeypatch, *values: str) -> None:
    replies = iter(values)
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(replies))


def test_set_pin_writes_a_verifiable_hash_and_keeps_other_keys(tmp_path, monkeypatch, fast_hash):
    path = tmp_path / "config.toml"
    path.write_text(EXISTING, encoding="utf-8")
    answers(monkeypatch, "482913", "482913")
    assert cli.main(["--config", str(path)]) == 0
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert verify_pin("482913", data["staff"]["pin_hash"])
    assert data["staff"]["max_attempts"] == 3 and data["kiosk"]["hide_cursor"] is True
    assert data["api_base_url"] == "https://api.example.org/api_v3/"
    assert "# Lobby kiosk, 2nd floor" in path.read_text(encoding="utf-8")
    assert load_settings(path, environ={}).staff.pin_hash is not None


def test_set_pin_creates_a_private_config_file(tmp_path, monkeypatch, fast_hash):
    path = tmp_path / "new" / "config.toml"
    answers(monkeypatch, "4829", "4829")
    assert cli.main(["--config", str(path)]) == 0
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert verify_pin("4829", tomllib.loads(path.read_text())["staff"]["pin_hash"])


def test_set_pin_uses_the_kiosk_config_env(tmp_path, monkeypatch, fast_hash):
    path = tmp_path / "env.toml"
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    answers(monkeypatch, "4829", "4829")
    assert cli.main([]) == 0 and path.exists()


def test_set_pin_refuses_two_different_pins(tmp_path, monkeypatch, fast_hash):
    path = tmp_path / "config.toml"
    answers(monkeypatch, "4829", "4830")
    assert cli.main(["--config", str(path)]) == 1
    assert not path.exists()


def test_set_pin_refuses_a_short_pin(tmp_path, monkeypatch, fast_hash):
    path = tmp_path / "config.toml"
    answers(monkeypatch, "12", "12")
    assert cli.main(["--config", str(path)]) == 1


def test_set_pin_leaves_an_invalid_file_alone(tmp_path, monkeypatch, fast_hash, capsys):
    path = tmp_path / "config.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    answers(monkeypatch, "4829", "4829")
    assert cli.main(["--config", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == "this is = = not toml"
    assert "not valid TOML" in capsys.readouterr().err


def test_replacing_a_key_keeps_its_place(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(EXISTING + 'pin_hash = "old"\nlockout_s = 60\n', encoding="utf-8")
    set_config_value(path, "pin_hash", "new", section="staff")
    text = path.read_text(encoding="utf-8")
    assert 'pin_hash = "new"\nlockout_s = 60' in text and "old" not in text


def test_top_level_key_goes_before_the_first_table(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(EXISTING, encoding="utf-8")
    set_config_value(path, "room_code", "ceproom1")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["room_code"] == "ceproom1" and "room_code" not in data["kiosk"]


def test_values_are_escaped(tmp_path: Path):
    path = tmp_path / "config.toml"
    set_config_value(path, "room_code", 'a"b\\c')
    assert tomllib.loads(path.read_text(encoding="utf-8"))["room_code"] == 'a"b\\c'


def test_a_dotted_key_elsewhere_is_not_silently_overwritten(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('staff.pin_hash = "old"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        set_config_value(path, "pin_hash", "new", section="staff")
    assert path.read_text(encoding="utf-8") == 'staff.pin_hash = "old"\n'
