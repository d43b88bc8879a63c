"""The early read of the window's settings (before the first paint, without pydantic) says
what the full validation says, or gives up so the launcher validates before any window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import ConfigError, load_settings
from kiosk.early_settings import EarlySettings, EarlyWindowOptions, read_early_settings

#: Values for each key the early read knows: valid ones and ones pydantic refuses or reads
#: its own way (case, spaces, numbers as text, other types).
VALUES: dict[tuple[str, ...], list[Any]] = {
    ("kiosk", "fullscreen"): [True, False, "true", "No", "OFF", "1", "maybe", " yes", 1, 0.0],
    ("kiosk", "screen"): [0, 3, 15, 16, -1, "2", "02", " 1", "1_0", "15", "16", 1.0, True],
    ("kiosk", "orientation"): ["auto", "portrait", "landscape", "Portrait", "", 3],
    ("kiosk", "keyboard"): ["builtin", "system", "off", "OFF", "none", False],
    ("api_base_url",): ["", "http://clinic.example/api_v3", "ftp://x", 5],
    ("api_key",): ["", "key-1234", 7],
    ("api_secret",): ["secret-1234", ""],
}
#: What a real endpoint also needs, so a URL alone is not an error for another reason.
ENDPOINT = {"portal_base_url": "https://clinic.example/"}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value)


def _write(path: Path, file_values: dict[tuple[str, ...], Any]) -> None:
    top = {key[0]: value for key, value in file_values.items() if len(key) == 1}
    section = {key[1]: value for key, value in file_values.items() if len(key) == 2}
    lines = [f"{name} = {_toml_value(value)}" for name, value in top.items()]
    if section:
        lines += ["[kiosk]"] + [f"{name} = {_toml_value(v)}" for name, v in section.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _variable(key: tuple[str, ...]) -> str:
    return "KIOSK_" + "__".join(part.upper() for part in key)


@st.composite
def configs(draw: st.DrawFn) -> tuple[dict[tuple[str, ...], Any], dict[str, str]]:
    """Some keys in the file, some in the environment (as text), some in both."""
    file_values: dict[tuple[str, ...], Any] = {}
    environ: dict[str, str] = {}
    for key, values in VALUES.items():
        where = draw(st.sampled_from(["absent", "file", "env", "both"]))
        if where in ("file", "both"):
            file_values[key] = draw(st.sampled_from(values))
        if where in ("env", "both"):
            text = draw(st.sampled_from([v for v in values if isinstance(v, str)]))
            environ[_variable(key)] = text
    return file_values, environ


def _agree(path: Path, environ: dict[str, str]) -> None:
    early = read_early_settings(path, "--config", environ)
    try:
        settings = load_settings(path, environ)
    except ConfigError:
        return  # reported by the full validation, before or after the first paint
    assert early is None or early == EarlySettings.of(settings)


@pytest.mark.parametrize(
    ("source", "key", "value"),
    [("file", key, value) for key, values in VALUES.items() for value in values]
    + [
        ("env", key, value)
        for key, values in VALUES.items()
        for value in values
        if isinstance(value, str)  # the environment holds text only
    ],
)
def test_each_value_read_early_is_read_the_same_by_pydantic(tmp_path, source, key, value):
    path = tmp_path / "config.toml"
    environ = {_variable((k,)): v for k, v in ENDPOINT.items()}
    _write(path, {key: value} if source == "file" else {})
    if source == "env":
        environ[_variable(key)] = value

    _agree(path, environ)


@given(configs())
def test_what_the_early_read_returns_is_what_pydantic_makes_of_it(tmp_path_factory, config):
    file_values, environ = config
    path = tmp_path_factory.mktemp("early") / "config.toml"
    _write(path, {**file_values})
    environ = {**environ, **{_variable((k,)): v for k, v in ENDPOINT.items()}}

    _agree(path, environ)


def test_defaults_without_a_file_are_the_sandbox_in_fullscreen(tmp_path):
    early = read_early_settings(tmp_path / "absent.toml", None, {})

    assert early == EarlySettings(EarlyWindowOptions(True, 0, "auto"), "builtin", True, ())
    assert early == EarlySettings.of(load_settings(None, {}))  # no file in the isolated dirs


def test_the_environment_wins_over_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[kiosk]\nscreen = 1\nfullscreen = true\n", encoding="utf-8")

    early = read_early_settings(
        path, None, {"KIOSK_KIOSK__SCREEN": "2", "kiosk_kiosk__fullscreen": "no"}
    )

    assert early is not None
    assert early.window == EarlyWindowOptions(fullscreen=False, screen=2, orientation="auto")


def test_secrets_are_kept_for_the_log_but_never_shown(tmp_path):
    environ = {"KIOSK_API_BASE_URL": "https://clinic.example/api_v3/", "KIOSK_API_KEY": "k-1234"}

    early = read_early_settings(tmp_path / "absent.toml", None, environ)

    assert early is not None and early.secrets == ("k-1234",) and not early.uses_sandbox
    assert "k-1234" not in repr(early)


def test_gives_up_on_what_only_the_full_validation_can_explain(tmp_path):
    bad_toml = tmp_path / "bad.toml"
    bad_toml.write_text("[kiosk\n", encoding="utf-8")
    not_a_table = tmp_path / "flat.toml"
    not_a_table.write_text("kiosk = 3\n", encoding="utf-8")
    absent = tmp_path / "absent.toml"

    assert read_early_settings(bad_toml, None, {}) is None
    assert read_early_settings(not_a_table, None, {}) is None
    assert read_early_settings(absent, "--config", {}) is None  # named on purpose: must exist
    assert read_early_settings(tmp_path, None, {}) is None  # a folder
    for environ in (
        {"KIOSK_KIOSK__SCREEN": "1", "kiosk_kiosk__screen": "2"},  # one key, two names
        {"KIOSK_KIOSK": "{}"},  # a whole section
        {"KIOSK_KIOSK__SCREEN__X": "1"},  # below a key
    ):
        assert read_early_settings(absent, None, environ) is None, environ


def test_other_keys_and_variables_are_left_to_the_full_validation(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("colour = 'teal'\n[kiosk]\nidle_timeout_s = 'soon'\n", encoding="utf-8")

    early = read_early_settings(path, None, {"KIOSK_NOT_A_KEY": "1", "KIOSK_CONFIG": str(path)})

    assert early is not None and early.uses_sandbox
