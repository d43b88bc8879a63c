"""Every numeric setting is finite and bounded, settings that depend on each other are checked
together, and a bad value from the file or the environment is one line naming the key (exit 2
from the real launcher), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from kiosk_cli import run_kiosk
from pydantic import BaseModel

from kiosk.config import MAX_SECONDS, ConfigError, Settings, load_settings
from kiosk.session import SessionConfig

#: Every numeric setting, and whether 0 is a valid value for it (each refuses negatives).
#: test_the_table_lists_every_numeric_setting keeps this in step with the model.
NUMERIC_SETTINGS: dict[str, bool] = {
    "kiosk.screen": True,
    "kiosk.idle_timeout_s": False,
    "kiosk.idle_timeout_waiting_s": False,
    "kiosk.idle_countdown_s": False,
    "kiosk.heartbeat_s": False,
    "kiosk.queue_poll_s": False,
    "kiosk.visit_status_poll_s": False,
    "kiosk.max_upload_mb": False,
    "staff.idle_timeout_s": False,
    "staff.max_attempts": False,
    "staff.lockout_s": False,
    "sandbox.auto_provider_start_s": True,
    "sandbox.auto_provider_end_s": True,
    "fleet.offline_out_of_service_s": False,
    "fleet.webengine_crash_limit": False,
    "fleet.webengine_crash_window_s": False,
    "fleet.webengine_out_of_service_s": False,
    "fleet.probe_interval_s": False,
    "metrics.textfile_interval_s": False,
    "metrics.port": True,  # 0: a free port, for tests
}

#: Bad values as TOML literals and as environment strings: not finite, negative, zero, huge.
NOT_FINITE = ["nan", "inf", "-inf"]
HUGE_TOML = ["1e300", "1_000_000_000_000_000_000_000"]
HUGE_ENV = ["1e309", "1e300", "99999999999999999999999"]


def _bad_values(key: str, huge: list[str]) -> list[tuple[str, str]]:
    values = [*NOT_FINITE, "-1", *huge]
    if not NUMERIC_SETTINGS[key]:
        values.append("0")
    return [(key, value) for value in values]


def _cases(huge: list[str]) -> list[tuple[str, str]]:
    return [case for key in NUMERIC_SETTINGS for case in _bad_values(key, huge)]


def _variable(key: str) -> str:
    return "KIOSK_" + key.upper().replace(".", "__")


def _toml(key: str, value: str) -> str:
    section, name = key.split(".")
    return f"[{section}]\n{name} = {value}\n"


def config_error(config: Path, environ: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ=environ or {})
    message = str(caught.value)
    assert "\n" not in message, "a config error is one line"
    return message


@pytest.fixture
def config(tmp_path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("", encoding="utf-8")
    return path


def test_the_table_lists_every_numeric_setting() -> None:
    """A new int or float setting must come with limits and a row in NUMERIC_SETTINGS."""
    found = set()
    for section, field in Settings.model_fields.items():
        model = field.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            for name, inner in model.model_fields.items():
                if inner.annotation in (int, float):
                    found.add(f"{section}.{name}")
    assert found == set(NUMERIC_SETTINGS)


@pytest.mark.parametrize(("key", "value"), _cases(HUGE_TOML))
def test_a_bad_number_in_the_file_is_one_line_naming_the_file_and_key(config, key, value) -> None:
    config.write_text(_toml(key, value), encoding="utf-8")

    message = config_error(config)

    assert message.startswith(f"{config}: key '{key}': ")


@pytest.mark.parametrize(("key", "value"), _cases(HUGE_ENV))
def test_a_bad_number_in_the_environment_is_one_line_naming_the_variable_and_key(
    config, key, value
) -> None:
    message = config_error(config, {_variable(key): value})

    assert message.startswith(f"environment: {_variable(key)}: key '{key}': ")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[kiosk]\nmax_upload_mb = nan\n", "finite number"),
        ("[kiosk]\nmax_upload_mb = 100.5\n", "less than or equal to 100"),
        ("[kiosk]\nqueue_poll_s = 86401\n", "less than or equal to 86400"),
        ("[kiosk]\nheartbeat_s = 1\n", "greater than or equal to 2"),
        ("[staff]\nmax_attempts = 101\n", "less than or equal to 100"),
        ("[kiosk]\nscreen = 16\n", "less than or equal to 15"),
    ],
)
def test_the_reason_says_what_the_limit_is(config, text, reason) -> None:
    config.write_text(text, encoding="utf-8")

    assert reason in config_error(config)


@pytest.mark.parametrize(
    "text",
    [
        "[kiosk]\nmax_upload_mb = 100\nscreen = 0\n",
        f"[kiosk]\nqueue_poll_s = {MAX_SECONDS}\nidle_timeout_waiting_s = {MAX_SECONDS}\n",
        f"[staff]\nlockout_s = {MAX_SECONDS}\nmax_attempts = 100\n",
        "[sandbox]\nauto_provider_start_s = 0\nauto_provider_end_s = 0\n",
        "[kiosk]\nheartbeat_s = 2\nvisit_status_poll_s = 0.05\n",
    ],
    ids=["upload-100", "a-day", "staff-limits", "sandbox-zero", "small"],
)
def test_the_limits_themselves_are_allowed(config, text) -> None:
    config.write_text(text, encoding="utf-8")

    load_settings(config, environ={})


# -- settings that depend on each other ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("idle_timeout_s = 20\nidle_countdown_s = 20\n", "idle_timeout_s"),
        ("idle_timeout_s = 20\nidle_countdown_s = 30\n", "idle_timeout_s"),
        (
            "idle_timeout_s = 300\nidle_timeout_waiting_s = 60\nidle_countdown_s = 90\n",
            "idle_timeout_waiting_s",
        ),
    ],
    ids=["equal", "longer", "longer-than-waiting"],
)
def test_the_idle_countdown_must_be_shorter_than_both_idle_timeouts(config, text, other) -> None:
    """A countdown as long as the timeout reopened "Are you still there?" again and again."""
    config.write_text("[kiosk]\n" + text, encoding="utf-8")

    message = config_error(config)

    assert message.startswith(f"{config}: key 'kiosk.idle_countdown_s': must be shorter than")
    assert f"kiosk.{other}" in message


def test_a_countdown_shorter_than_both_timeouts_loads(config) -> None:
    config.write_text(
        "[kiosk]\nidle_timeout_s = 30\nidle_timeout_waiting_s = 40\nidle_countdown_s = 29.5\n",
        encoding="utf-8",
    )

    assert load_settings(config, environ={}).kiosk.idle_countdown_s == 29.5


def test_a_rule_broken_between_file_and_environment_names_both(config) -> None:
    config.write_text("[kiosk]\nidle_countdown_s = 30\n", encoding="utf-8")

    message = config_error(config, {"KIOSK_KIOSK__IDLE_TIMEOUT_S": "20"})

    assert message.startswith(f"{config} with the environment: key 'kiosk.idle_countdown_s': ")
    assert "kiosk.idle_timeout_s (20 s)" in message


def test_a_rule_broken_by_one_variable_names_it(config) -> None:
    message = config_error(config, {"KIOSK_KIOSK__IDLE_COUNTDOWN_S": "600"})

    assert message.startswith(
        "environment: KIOSK_KIOSK__IDLE_COUNTDOWN_S: key 'kiosk.idle_countdown_s': "
    )


# -- the session's view is derived from the settings -------------------------------------


def test_the_session_config_takes_every_shared_kiosk_key(config) -> None:
    config.write_text(
        'account_code = "east"\nroom_code = "lobby"\n[kiosk]\nheartbeat_s = 60\n'
        "queue_poll_s = 3\nvisit_status_poll_s = 2\nmax_upload_mb = 1.5\n"
        "known_patient_login = true\nidle_timeout_s = 50\nidle_timeout_waiting_s = 70\n"
        "idle_countdown_s = 9\n",
        encoding="utf-8",
    )

    session = SessionConfig.from_settings(load_settings(config, environ={}))

    assert (session.account_code, session.room_code) == ("east", "lobby")
    assert (session.heartbeat_s, session.queue_poll_s, session.visit_status_poll_s) == (60, 3, 2)
    assert session.max_upload_bytes == int(1.5 * 1024 * 1024)
    assert session.known_patient_login is True
    assert (session.idle_timeout_s, session.idle_timeout_waiting_s) == (50, 70)
    assert session.idle_countdown_s == 9


# -- the real launcher ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value", "key"),
    [
        ("KIOSK_KIOSK__MAX_UPLOAD_MB", "1e309", "kiosk.max_upload_mb"),
        ("KIOSK_KIOSK__IDLE_COUNTDOWN_S", "nan", "kiosk.idle_countdown_s"),
        ("KIOSK_STAFF__MAX_ATTEMPTS", "99999999999999999999999", "staff.max_attempts"),
    ],
)
def test_the_kiosk_exits_2_with_one_line_on_a_bad_variable(tmp_path, variable, value, key) -> None:
    done = run_kiosk("--windowed", cwd=tmp_path, **{variable: value})

    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"kiosk: environment: {variable}: key '{key}': ")
    assert done.stdout == ""


def test_the_kiosk_exits_2_with_one_line_on_a_countdown_longer_than_the_timeout(
    tmp_path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[kiosk]\nidle_timeout_s = 10\nidle_countdown_s = 20\n", encoding="utf-8")

    done = run_kiosk("--windowed", "--config", str(config), cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"kiosk: {config}: key 'kiosk.idle_countdown_s': must be shorter than "
        "kiosk.idle_timeout_s (10 s): the countdown runs inside it"
    ]
