"""Settings: TOML file + ``KIOSK_*`` environment, one-line errors, secrets kept out of sight."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import SecretStr
from pydantic import ValidationError as PydanticValidationError

from kiosk import constants
from kiosk.config import (
    CONFIG_FILE_ENV,
    ConfigError,
    KioskOptions,
    KioskPaths,
    SandboxOptions,
    Settings,
    StaffOptions,
    load_settings,
)

API_KEY = "key-Zq81-not-for-your-eyes"
API_SECRET = "secret-Pw44-not-for-your-eyes"
PIN_HASH = "scrypt$16384$8$1$c2FsdA$aGFzaC1ub3QtZm9yLXlvdXItZXllcw"
SECRETS = (API_KEY, API_SECRET, PIN_HASH)

REAL_ENDPOINT = f"""
api_base_url = "https://clinic.example/api_v3"
portal_base_url = "https://clinic.example"
api_key = "{API_KEY}"
api_secret = "{API_SECRET}"

[staff]
pin_hash = "{PIN_HASH}"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def config(tmp_path) -> Path:
    """An empty config file; a test writes what it needs into it."""
    return write(tmp_path / "config.toml", "")


def config_error(config_file: Path | None, environ: dict[str, str] | None = None) -> str:
    """The ``ConfigError`` text for this input; fails the test if the input loads."""
    with pytest.raises(ConfigError) as caught:
        load_settings(config_file, environ={} if environ is None else environ)
    message = str(caught.value)
    assert "\n" not in message, "a config error is one line"
    return message


# -- where settings come from ------------------------------------------------------------


def test_no_file_and_no_environment_gives_the_sandbox_defaults() -> None:
    settings = load_settings(environ={})

    assert settings.uses_sandbox
    assert settings.account_code == "vclinic"
    assert settings.kiosk.idle_timeout_s == constants.IDLE_TIMEOUT_S
    assert settings.staff.pin_hash is None


def test_the_file_in_the_platform_config_dir_is_read_by_default(isolated_dirs) -> None:
    paths = KioskPaths.default()
    assert paths.config_file.is_relative_to(isolated_dirs)  # the test's XDG_CONFIG_HOME
    write(paths.config_file, 'room_code = "lobby2"\n[kiosk]\nscreen = 1\n')

    settings = load_settings(environ={})

    assert settings.room_code == "lobby2"
    assert settings.kiosk.screen == 1


def test_kiosk_config_names_another_file(tmp_path) -> None:
    other = write(tmp_path / "elsewhere.toml", 'room_code = "east"\n')

    settings = load_settings(environ={CONFIG_FILE_ENV: str(other)})

    assert settings.room_code == "east"


def test_an_explicit_file_wins_over_kiosk_config(tmp_path) -> None:
    chosen = write(tmp_path / "chosen.toml", 'room_code = "chosen"\n')
    named = write(tmp_path / "named.toml", 'room_code = "named"\n')

    settings = load_settings(chosen, environ={CONFIG_FILE_ENV: str(named)})

    assert settings.room_code == "chosen"


def test_the_environment_wins_over_the_file_key_by_key(config) -> None:
    write(config, 'room_code = "file"\n[kiosk]\nidle_timeout_s = 90\nscreen = 1\n')

    settings = load_settings(
        config, environ={"KIOSK_ROOM_CODE": "env", "KIOSK_KIOSK__IDLE_TIMEOUT_S": "30"}
    )

    assert settings.room_code == "env"
    assert settings.kiosk.idle_timeout_s == 30.0
    assert settings.kiosk.screen == 1  # the file's other keys in the section stay


def test_environment_values_are_converted_to_the_declared_types(config) -> None:
    settings = load_settings(
        config,
        environ={
            "KIOSK_KIOSK__FULLSCREEN": "false",
            "KIOSK_KIOSK__HEARTBEAT_S": "15",
            "KIOSK_SANDBOX__DB_PATH": "/var/tmp/sandbox.db",
        },
    )

    assert settings.kiosk.fullscreen is False
    assert settings.kiosk.heartbeat_s == 15
    assert settings.sandbox.db_path == Path("/var/tmp/sandbox.db")


def test_variables_without_the_prefix_are_ignored(config) -> None:
    settings = load_settings(config, environ={"ROOM_CODE": "x", "HOME": "/root"})

    assert settings.room_code is None


def test_a_real_endpoint_can_be_configured_entirely_from_the_environment(config) -> None:
    settings = load_settings(
        config,
        environ={
            "KIOSK_API_BASE_URL": "https://clinic.example/api_v3",
            "KIOSK_PORTAL_BASE_URL": "https://clinic.example",
            "KIOSK_API_KEY": API_KEY,
            "KIOSK_API_SECRET": API_SECRET,
        },
    )

    assert not settings.uses_sandbox
    assert settings.api_key is not None and settings.api_key.get_secret_value() == API_KEY


def test_urls_get_a_trailing_slash(config) -> None:
    write(config, REAL_ENDPOINT)

    settings = load_settings(config, environ={})

    assert settings.api_base_url == "https://clinic.example/api_v3/"
    assert settings.portal_base_url == "https://clinic.example/"


def test_an_empty_api_base_url_means_the_sandbox(config) -> None:
    write(config, REAL_ENDPOINT)

    settings = load_settings(config, environ={"KIOSK_API_BASE_URL": ""})

    assert settings.uses_sandbox


# -- secrets ------------------------------------------------------------------------------


def test_secrets_are_not_in_repr_or_str(config) -> None:
    write(config, REAL_ENDPOINT)

    settings = load_settings(config, environ={})

    for text in (repr(settings), str(settings), repr(settings.staff), str(settings.staff)):
        for secret in SECRETS:
            assert secret not in text
    assert settings.staff.pin_hash is not None
    assert settings.staff.pin_hash.get_secret_value() == PIN_HASH


def test_secrets_are_not_in_a_json_dump(config) -> None:
    write(config, REAL_ENDPOINT)

    dumped = load_settings(config, environ={}).model_dump_json()

    for secret in SECRETS:
        assert secret not in dumped


def test_loading_logs_no_secret(config, caplog) -> None:
    write(config, REAL_ENDPOINT)
    caplog.set_level(logging.DEBUG)

    load_settings(config, environ={})

    for secret in SECRETS:
        assert secret not in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        # a bad value beside the secrets
        REAL_ENDPOINT + "\n[kiosk]\nscreen = -1\n",
        # a secret of the wrong type
        f"api_key = ['{API_KEY}']\n",
        f"[staff]\npin_hash = {{ value = '{PIN_HASH}' }}\n",
        # a secret that breaks the TOML
        f"api_secret = {API_SECRET}\n",
        # a secret under an unknown key
        f"[staff]\npin = '{PIN_HASH}'\n",
    ],
    ids=["bad-neighbour", "key-wrong-type", "pin-hash-wrong-type", "bad-toml", "unknown-key"],
)
def test_error_messages_never_quote_a_secret(config, text) -> None:
    write(config, text)

    message = config_error(config)

    for secret in SECRETS:
        assert secret not in message


def test_environment_error_messages_never_quote_a_secret(config) -> None:
    message = config_error(config, {"KIOSK_STAFF": PIN_HASH})

    assert PIN_HASH not in message


# -- one-line errors naming the file and the key ------------------------------------------


def test_bad_toml_names_the_file(config) -> None:
    write(config, "[kiosk\nscreen = 1\n")

    message = config_error(config)

    assert message.startswith(f"{config}: not valid TOML")


def test_a_file_that_is_not_utf8_names_the_file(config) -> None:
    config.write_bytes(b'room_code = "\xff\xfe"\n')

    assert config_error(config).startswith(f"{config}: not valid TOML")


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("[kiosk]\nidle_timeout_s = 'soon'\n", "kiosk.idle_timeout_s", "valid number"),
        ("[kiosk]\nidle_timeout_s = 0\n", "kiosk.idle_timeout_s", "greater than 0"),
        ("[kiosk]\norientation = 'sideways'\n", "kiosk.orientation", "'portrait'"),
        ("[staff]\nmax_attempts = 0\n", "staff.max_attempts", "greater than or equal to 1"),
        ("[sandbox]\nauto_provider = 'maybe'\n", "sandbox.auto_provider", "valid boolean"),
        ("kiosk = 5\n", "kiosk", "valid dictionary"),
    ],
)
def test_a_wrong_type_or_value_names_the_file_and_the_key(config, text, key, reason) -> None:
    write(config, text)

    message = config_error(config)

    assert message.startswith(f"{config}: key '{key}': ")
    assert reason in message


@pytest.mark.parametrize(
    ("text", "key"),
    [("colour = 'teal'\n", "colour"), ("[kiosk]\nfulscreen = false\n", "kiosk.fulscreen")],
)
def test_an_unknown_key_is_named(config, text, key) -> None:
    write(config, text)

    assert config_error(config) == f"{config}: key '{key}': unknown key"


@pytest.mark.parametrize("key", ["api_base_url", "portal_base_url"])
@pytest.mark.parametrize("url", ["clinic.example/api_v3", "ftp://clinic.example/"])
def test_a_bad_url_is_named(config, key, url) -> None:
    write(config, f"{key} = '{url}'\n")

    message = config_error(config)

    assert message.startswith(f"{config}: key '{key}': ")
    assert "http://" in message


@pytest.mark.parametrize("key", ["portal_base_url", "api_key", "api_secret"])
@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_real_endpoint_needs_portal_and_credentials(config, key, how) -> None:
    lines = [line for line in REAL_ENDPOINT.splitlines() if not line.startswith(f"{key} =")]
    if how == "empty":
        lines.insert(1, f'{key} = ""')
    write(config, "\n".join(lines))

    message = config_error(config)

    assert message == f"{config}: key '{key}': required when api_base_url is set"


def test_a_real_endpoint_set_in_the_environment_needs_the_rest_too(config) -> None:
    message = config_error(config, {"KIOSK_API_BASE_URL": "https://clinic.example/api_v3"})

    assert "key 'portal_base_url': required when api_base_url is set" in message


def test_kiosk_config_naming_a_missing_file_is_an_error(tmp_path) -> None:
    missing = tmp_path / "nope.toml"

    message = config_error(None, {CONFIG_FILE_ENV: str(missing)})

    assert message == f"{missing}: file not found (named by {CONFIG_FILE_ENV})"


def test_an_explicit_config_file_that_is_missing_is_an_error(tmp_path) -> None:
    """``kiosk --config /etc/kiosk/typo.toml`` must not quietly start the sandbox."""
    missing = tmp_path / "typo.toml"

    message = config_error(missing)

    assert message == f"{missing}: file not found (named by --config)"


def test_a_bad_environment_value_names_the_variable_and_the_key(config) -> None:
    message = config_error(config, {"KIOSK_KIOSK__IDLE_TIMEOUT_S": "soon"})

    assert message.startswith(
        "environment: KIOSK_KIOSK__IDLE_TIMEOUT_S: key 'kiosk.idle_timeout_s': "
    )


def test_an_unknown_environment_key_names_the_variable(config) -> None:
    message = config_error(config, {"KIOSK_KIOSK__COLOUR": "teal"})

    assert message == "environment: KIOSK_KIOSK__COLOUR: key 'kiosk.colour': unknown key"


@pytest.mark.parametrize(
    "names",
    [
        ("KIOSK_KIOSK", "KIOSK_KIOSK__FULLSCREEN"),
        ("KIOSK_KIOSK__FULLSCREEN", "KIOSK_KIOSK"),
        ("KIOSK_KIOSK__SCREEN", "KIOSK_KIOSK__SCREEN__X"),
        ("KIOSK_KIOSK__SCREEN__X", "KIOSK_KIOSK__SCREEN"),
    ],
    ids=["section-first", "key-first", "leaf-first", "deeper-first"],
)
def test_an_environment_conflict_is_an_error_in_either_order(config, names) -> None:
    """The environment's order is arbitrary; the answer must not depend on it."""
    environ = dict.fromkeys(names, "1")

    message = config_error(config, environ)

    assert "conflicts with another KIOSK_ variable" in message
    assert message.startswith("environment: KIOSK_KIOSK")


@pytest.mark.parametrize("name", ["KIOSK___ROOM_CODE", "KIOSK_KIOSK__", "KIOSK_KIOSK____SCREEN"])
def test_an_environment_name_with_an_empty_part_is_named(config, name) -> None:
    message = config_error(config, {name: "1"})

    assert message.startswith(f"environment: {name}: not a settings key")


def test_a_file_error_is_reported_before_the_environment_is_merged(config) -> None:
    """The file is wrong even if the environment happens to override the bad key today."""
    write(config, "[kiosk]\nidle_timeout_s = 'soon'\n")

    message = config_error(config, {"KIOSK_KIOSK__IDLE_TIMEOUT_S": "30"})

    assert message.startswith(f"{config}: key 'kiosk.idle_timeout_s'")


def test_a_config_error_carries_no_traceback_context(config) -> None:
    """``from None``: a crash report or log of the error shows no pydantic input values."""
    write(config, "[kiosk]\nscreen = -1\n")

    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})

    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


# -- the models ---------------------------------------------------------------------------


def test_sections_are_frozen() -> None:
    settings = Settings()

    with pytest.raises(PydanticValidationError):
        settings.kiosk.screen = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (KioskOptions, "idle_countdown_s", 0),
        (KioskOptions, "heartbeat_s", 1),
        (StaffOptions, "lockout_s", 0),
        (SandboxOptions, "auto_provider_start_s", -1),
    ],
)
def test_limits_are_enforced(model, field, value) -> None:
    with pytest.raises(PydanticValidationError):
        model(**{field: value})


def test_a_secret_given_in_code_stays_secret() -> None:
    settings = Settings(api_key=SecretStr(API_KEY), staff=StaffOptions(pin_hash=PIN_HASH))

    assert API_KEY not in repr(settings)
    assert PIN_HASH not in repr(settings)


def test_paths_follow_the_platform_dirs(isolated_dirs) -> None:
    paths = KioskPaths.default()

    assert paths.config_file == paths.config_dir / "config.toml"
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert folder.is_relative_to(isolated_dirs)
        assert "clinic-kiosk" in folder.parts


def test_a_directory_named_as_the_config_file_is_an_error(tmp_path) -> None:
    """pydantic-settings skips a path that is not a file; the kiosk must not start the sandbox."""
    message = config_error(tmp_path)

    assert message == f"{tmp_path}: cannot be read: not a file"


def test_one_variable_in_two_cases_is_a_conflict(config) -> None:
    message = config_error(config, {"KIOSK_ROOM_CODE": "a", "kiosk_room_code": "b"})

    assert "conflicts with another KIOSK_ variable" in message


def test_an_unknown_top_level_variable_is_named(config) -> None:
    """pydantic-settings would ignore it; a typo must not go unnoticed."""
    message = config_error(config, {"KIOSK_ROOM": "lobby"})

    assert message == "environment: KIOSK_ROOM: key 'room': unknown key"


def test_a_whole_section_in_one_variable_is_refused(config) -> None:
    message = config_error(config, {"KIOSK_KIOSK": '{"screen": 1}'})

    assert message.startswith("environment: KIOSK_KIOSK: key 'kiosk' is a section")


def test_a_config_path_the_system_cannot_even_look_up_is_one_line(tmp_path) -> None:
    too_long = tmp_path / ("x" * 5000)

    message = config_error(None, {CONFIG_FILE_ENV: str(too_long)})

    assert message == f"{too_long}: cannot be read: File name too long"
