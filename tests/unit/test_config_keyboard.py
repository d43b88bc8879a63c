"""``[kiosk] keyboard``: builtin by default; system or off by choice; anything else refused. The
launcher keeps a platform keyboard from opening over the built-in one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.launcher import use_keyboard_setting


def test_the_builtin_keyboard_is_the_default() -> None:
    assert load_settings(None, environ={}).kiosk.keyboard == "builtin"


@pytest.mark.parametrize("choice", ["builtin", "system", "off"])
def test_each_choice_is_read_from_the_file(tmp_path: Path, choice: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[kiosk]\nkeyboard = "{choice}"\n', encoding="utf-8")
    assert load_settings(config, environ={}).kiosk.keyboard == choice


def test_the_environment_can_choose_it() -> None:
    settings = load_settings(None, environ={"KIOSK_KIOSK__KEYBOARD": "off"})
    assert settings.kiosk.keyboard == "off"


def test_an_unknown_keyboard_is_one_line_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\nkeyboard = "qml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})
    assert "kiosk.keyboard" in str(caught.value) and "\n" not in str(caught.value)


def test_builtin_drops_qts_virtual_keyboard_module() -> None:
    environ = {"QT_IM_MODULE": "qtvirtualkeyboard"}
    use_keyboard_setting(environ, "builtin")
    assert "QT_IM_MODULE" not in environ


@pytest.mark.parametrize("choice", ["system", "off"])
def test_system_and_off_leave_the_input_method_alone(choice: str) -> None:
    environ = {"QT_IM_MODULE": "qtvirtualkeyboard"}
    use_keyboard_setting(environ, choice)
    assert environ == {"QT_IM_MODULE": "qtvirtualkeyboard"}


def test_builtin_leaves_other_input_methods_alone() -> None:
    environ = {"QT_IM_MODULE": "ibus"}
    use_keyboard_setting(environ, "builtin")
    assert environ == {"QT_IM_MODULE": "ibus"}
