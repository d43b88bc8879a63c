"""Settings: one typed model read from a TOML file and ``KIOSK_*`` environment variables.

The environment wins over the file so that a systemd unit or a test can override one key
without editing the file. Nested keys use a double underscore: ``KIOSK_KIOSK__IDLE_TIMEOUT_S``.
Secrets are ``SecretStr`` so they never appear in a repr, a log line or an error message.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from kiosk import constants

APP_NAME = "clinic-kiosk"
ENV_PREFIX = "KIOSK_"
CONFIG_FILE_ENV = "KIOSK_CONFIG"


class ConfigError(Exception):
    """A config problem, worded as one line that names the file and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KioskOptions(_Section):
    """How this kiosk behaves in the lobby."""

    fullscreen: bool = Field(True, description="Fullscreen and frameless; --windowed overrides.")
    screen: int = Field(0, ge=0, description="Index of the screen to show the kiosk on.")
    orientation: Literal["auto", "landscape", "portrait"] = "auto"
    hide_cursor: bool = Field(False, description="Hide the mouse cursor on touch screens.")
    idle_timeout_s: float = Field(constants.IDLE_TIMEOUT_S, gt=0)
    idle_timeout_waiting_s: float = Field(constants.IDLE_TIMEOUT_WAITING_S, gt=0)
    idle_countdown_s: float = Field(constants.IDLE_COUNTDOWN_S, gt=0)
    heartbeat_s: int = Field(constants.HEARTBEAT_S, ge=2, description="Heartbeat value sent.")
    queue_poll_s: float = Field(constants.QUEUE_POLL_S, gt=0)
    visit_status_poll_s: float = Field(constants.VISIT_STATUS_POLL_S, gt=0)
    max_upload_mb: float = Field(constants.MAX_UPLOAD_BYTES / 1024 / 1024, gt=0)
    known_patient_login: bool = Field(
        False, description="Offer the known-patient (integrator code, SSO type 200) start."
    )
    language: str = "en"


class StaffOptions(_Section):
    """Staff mode: PIN hash and its limits."""

    pin_hash: SecretStr | None = Field(None, description="scrypt hash from `kiosk set-pin`.")
    idle_timeout_s: float = Field(constants.STAFF_IDLE_TIMEOUT_S, gt=0)
    max_attempts: int = Field(constants.STAFF_MAX_PIN_ATTEMPTS, ge=1)
    lockout_s: float = Field(constants.STAFF_LOCKOUT_S, gt=0)


class SandboxOptions(_Section):
    """The embedded sandbox used when no API endpoint is configured."""

    db_path: Path | None = Field(None, description="SQLite file; default in the data dir.")
    auto_provider: bool = True
    auto_provider_start_s: float = Field(20.0, ge=0)
    auto_provider_end_s: float = Field(60.0, ge=0)


class Settings(_Section):
    """Everything the kiosk needs to know, validated once at start-up."""

    api_base_url: str | None = Field(None, description="VSee API v3 base; none = sandbox.")
    portal_base_url: str | None = None
    account_code: str = "vclinic"
    api_key: SecretStr | None = None
    api_secret: SecretStr | None = None
    room_code: str | None = None
    kiosk: KioskOptions = KioskOptions()
    staff: StaffOptions = StaffOptions()
    sandbox: SandboxOptions = SandboxOptions()

    @field_validator("api_base_url", "portal_base_url")
    @classmethod
    def _url_ends_with_slash(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @property
    def uses_sandbox(self) -> bool:
        return self.api_base_url is None


@dataclass(frozen=True)
class KioskPaths:
    """Where the kiosk may keep files. Patient data goes in none of them."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> KioskPaths:
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"


def _env_overrides(environ: Mapping[str, str]) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """The ``KIOSK_*`` variables as a nested dict, and which variable set each key path.

    ``KIOSK_KIOSK=1`` beside ``KIOSK_KIOSK__SCREEN=1`` is a conflict whichever comes first
    (the environment's order is arbitrary); a name with an empty part (``KIOSK___X``,
    ``KIOSK_KIOSK__``) names no key. Both are one-line ``ConfigError``s naming the variable.
    """
    tree: dict[str, Any] = {}
    sources: dict[tuple[str, ...], str] = {}
    for name, value in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name == CONFIG_FILE_ENV:
            continue
        parts = name[len(ENV_PREFIX) :].lower().split("__")
        if not all(parts):
            raise ConfigError(f"environment: {name}: not a settings key (empty part in the name)")
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ConfigError(f"environment: {name} conflicts with another KIOSK_ variable")
        if isinstance(node.get(parts[-1]), dict):
            raise ConfigError(f"environment: {name} conflicts with another KIOSK_ variable")
        node[parts[-1]] = value
        sources[tuple(parts)] = name
    return tree, sources


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def _describe(
    error: ValidationError, source: str, variables: Mapping[tuple[str, ...], str] | None = None
) -> str:
    """One line: where (file, or the environment variable), which key, what is wrong. Never
    the value: pydantic's ``msg`` does not quote the input, and the input may be a secret."""
    first = error.errors()[0]
    loc = tuple(str(p) for p in first["loc"])
    key = ".".join(loc) or "(top level)"
    reason = first["msg"]
    if first["type"] == "extra_forbidden":
        reason = "unknown key"
    if variables is not None:
        for end in range(len(loc), 0, -1):
            if loc[:end] in variables:
                source = f"{source}: {variables[loc[:end]]}"
                break
    return f"{source}: key '{key}': {reason}"


def load_settings(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read the TOML file and the environment; raise ``ConfigError`` on bad input.

    The default file in the config dir may be absent (defaults: the sandbox); a file named
    on purpose, as ``config_file`` (``--config``) or by ``$KIOSK_CONFIG``, must exist.
    """
    environ = os.environ if environ is None else environ
    named_by: str | None = "--config" if config_file is not None else None
    if config_file is None:
        explicit = environ.get(CONFIG_FILE_ENV)
        named_by = CONFIG_FILE_ENV if explicit else None
        config_file = Path(explicit) if explicit else KioskPaths.default().config_file
    from_file: dict[str, Any] = {}
    if config_file.exists():
        try:
            from_file = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_file}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{config_file}: cannot be read: {exc.strerror}") from None
    elif named_by is not None:
        # A file someone named on purpose and mistyped must not quietly start the sandbox.
        raise ConfigError(f"{config_file}: file not found (named by {named_by})")
    from_env, variables = _env_overrides(environ)
    try:
        Settings.model_validate(from_file)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, str(config_file))) from None
    try:
        settings = Settings.model_validate(_merge(from_file, from_env))
    except ValidationError as exc:
        raise ConfigError(_describe(exc, "environment", variables)) from None
    _check_real_endpoint(settings, str(config_file))
    return settings


#: What a real VSee endpoint cannot work without (the sandbox brings its own).
_REAL_ENDPOINT_NEEDS = ("portal_base_url", "api_key", "api_secret")


def _check_real_endpoint(settings: Settings, source: str) -> None:
    if settings.uses_sandbox:
        return
    for key in _REAL_ENDPOINT_NEEDS:
        value = getattr(settings, key)
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not text:
            raise ConfigError(f"{source}: key '{key}': required when api_base_url is set")
