"""Settings: one typed model read from a TOML file and ``KIOSK_*`` environment variables.

pydantic-settings reads both (``TomlConfigSettingsSource``; ``EnvSettingsSource`` with the
prefix ``KIOSK_`` and ``__`` between nested names: ``KIOSK_KIOSK__IDLE_TIMEOUT_S``); the
environment wins over the file so a systemd unit or a test can override one key without
editing the file. Every number is finite and bounded, and settings that depend on each other
are checked together, so a typo stops the kiosk with one line (exit 2) instead of a kiosk
that misbehaves later. Secrets are ``SecretStr``: never in a repr, a log line or an error.

To add a setting: a field with a default, bounds and a ``description`` in its section's
model below, and a row in the README's configuration table. The launcher validates after the
first paint; the few keys the window needs before it are read by ``kiosk.early_settings``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from kiosk import constants
from kiosk.fleet.settings import FleetOptions, MetricsOptions, metrics_problem
from kiosk.paths import APP_NAME, CONFIG_FILE_ENV, KioskPaths, config_file_in_use
from kiosk.settings_fields import MAX_SECONDS, Section, seconds
from kiosk.settings_sources import (
    ConfigError,
    KioskEnvironment,
    describe_error,
    environment_keys,
    merge,
    read_toml,
)

__all__ = [
    "APP_NAME",
    "CONFIG_FILE_ENV",
    "ENV_PREFIX",
    "ConfigError",
    "DevicesOptions",
    "KioskOptions",
    "KioskPaths",
    "SandboxOptions",
    "Settings",
    "StaffOptions",
    "load_settings",
]

ENV_PREFIX = "KIOSK_"

#: The largest image a patient may share, in MB (the API's own limit is far below this).
MAX_UPLOAD_MB = 100.0


class KioskOptions(Section):
    """How this kiosk behaves in the lobby."""

    fullscreen: bool = Field(True, description="Fullscreen and frameless; --windowed overrides.")
    screen: int = Field(0, ge=0, le=15, description="Index of the screen to show the kiosk on.")
    orientation: Literal["auto", "landscape", "portrait"] = Field(
        "auto", description="Screen orientation; auto follows the screen's shape."
    )
    hide_cursor: bool = Field(False, description="Hide the mouse cursor on touch screens.")
    idle_timeout_s: float = seconds(
        constants.IDLE_TIMEOUT_S, "No touch for this long asks 'Are you still there?'."
    )
    idle_timeout_waiting_s: float = seconds(
        constants.IDLE_TIMEOUT_WAITING_S, "The same in the waiting room, where patients sit."
    )
    idle_countdown_s: float = seconds(
        constants.IDLE_COUNTDOWN_S,
        "How long 'Are you still there?' counts down before the session ends; shorter than "
        "both idle timeouts.",
    )
    heartbeat_s: int = Field(
        constants.HEARTBEAT_S,
        ge=2,
        le=int(MAX_SECONDS),
        description="Heartbeat value sent with POST /users/alive; alive goes out at 0.4 × it.",
    )
    queue_poll_s: float = seconds(constants.QUEUE_POLL_S, "How often the queue is asked.")
    visit_status_poll_s: float = seconds(
        constants.VISIT_STATUS_POLL_S, "How often the visit's status is asked while waiting."
    )
    max_upload_mb: float = Field(
        constants.MAX_UPLOAD_BYTES / 1024 / 1024,
        gt=0,
        le=MAX_UPLOAD_MB,
        description="Largest image a patient may share, in MB.",
    )
    known_patient_login: bool = Field(
        False, description="Offer the known-patient (integrator code, SSO type 200) start."
    )
    language: str = Field("en", description="Language of the kiosk's texts.")
    speech_engine: str = Field(
        constants.SPEECH_ENGINE,
        min_length=1,
        max_length=40,
        pattern=r"^[A-Za-z0-9_.-]+$",
        description="QTextToSpeech engine for audio guidance ('speechd' on Linux; 'mock' for "
        "tests); the platform's default engine when this one does not start.",
    )
    consent_statement: str = Field(
        "",
        max_length=4000,
        description="Consent text shown when the clinic has neither a consent file nor a "
        "waiting_room.consent text; empty = the kiosk's plain default.",
    )
    terms_statement: str = Field(
        "",
        max_length=4000,
        description="Shown when the clinic's terms of use cannot be fetched; empty = default.",
    )
    send_undocumented_intake_fields: bool = Field(
        False,
        description="Compatibility: also send survey answers (intake_survey[...], "
        "post_visit_survey[...]) and unknown sections' answers on POST /intakes/:id, which the "
        "API doc's table for that endpoint does not list (docs/sandbox.md).",
    )
    keyboard: Literal["builtin", "system", "off"] = Field(
        "builtin",
        description="On-screen keyboard: the kiosk's own (builtin), the platform's input "
        "method (system), or none for sites with a hardware keyboard (off).",
    )

    @field_validator("idle_countdown_s")
    @classmethod
    def _countdown_inside_the_timeouts(cls, value: float, info: ValidationInfo) -> float:
        # Fields are validated in order: both timeouts are in ``info.data`` when valid.
        for other in ("idle_timeout_s", "idle_timeout_waiting_s"):
            limit = info.data.get(other)
            if limit is not None and value >= limit:
                raise ValueError(
                    f"must be shorter than kiosk.{other} ({limit:g} s): the countdown runs "
                    "inside it"
                )
        return value


class StaffOptions(Section):
    """Staff mode: PIN hash and its limits."""

    pin_hash: SecretStr | None = Field(None, description="scrypt hash from `kiosk set-pin`.")
    idle_timeout_s: float = seconds(
        constants.STAFF_IDLE_TIMEOUT_S, "Staff mode closes by itself after this long untouched."
    )
    max_attempts: int = Field(
        constants.STAFF_MAX_PIN_ATTEMPTS,
        ge=1,
        le=100,
        description="Wrong PINs in a row before the PIN pad locks.",
    )
    lockout_s: float = seconds(constants.STAFF_LOCKOUT_S, "How long the PIN pad stays locked.")


class SandboxOptions(Section):
    """The embedded sandbox used when no API endpoint is configured."""

    db_path: Path | None = Field(None, description="SQLite file; default in the data dir.")
    auto_provider: bool = Field(True, description="A simulated provider takes waiting patients.")
    auto_provider_start_s: float = Field(
        20.0,
        ge=0,
        le=MAX_SECONDS,
        description="The simulated provider starts a call this long after a patient joins.",
    )
    auto_provider_end_s: float = Field(
        60.0,
        ge=0,
        le=MAX_SECONDS,
        description="The simulated provider ends the call this long after starting it.",
    )
    fake_media: bool = Field(
        False,
        description="Demo only: Chromium's fake camera and microphone "
        "(--use-fake-device-for-media-stream) instead of the real devices.",
    )


#: The longest device label part worth matching (real labels are well under this).
MAX_DEVICE_LABEL = 200


def _device(description: str) -> Any:
    return Field("", max_length=MAX_DEVICE_LABEL, description=description)


class DevicesOptions(Section):
    """The cart's camera, microphone and speaker, each matched by a part of its label (case
    ignored) so a replugged device, whose id changes, still matches; empty = the engine's
    default device."""

    camera: str = _device("Part of the camera's label, e.g. 'exam' or 'HD Pro Webcam'.")
    microphone: str = _device("Part of the microphone's label.")
    speaker: str = _device("Part of the speaker's label.")

    @field_validator("camera", "microphone", "speaker")
    @classmethod
    def _one_line(cls, value: str) -> str:
        value = value.strip()
        if any(ord(ch) < 32 for ch in value):
            raise ValueError("must be one line of text (part of the device's label)")
        return value


class Settings(BaseSettings):
    """Everything the kiosk needs to know, validated once at start-up by ``load_settings``."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
        allow_inf_nan=False,
    )

    api_base_url: str | None = Field(None, description="VSee API v3 base; none = sandbox.")
    portal_base_url: str | None = Field(None, description="The clinic's portal (VSee web).")
    account_code: str = Field("vclinic", description="The clinic's VSee account code.")
    api_key: SecretStr | None = Field(None, description="From the portal's Developers menu.")
    api_secret: SecretStr | None = Field(None, description="From the portal's Developers menu.")
    room_code: str | None = Field(None, description="Waiting room; none = ask when several.")
    kiosk: KioskOptions = Field(KioskOptions(), description="How this kiosk behaves.")
    staff: StaffOptions = Field(StaffOptions(), description="Staff mode.")
    sandbox: SandboxOptions = Field(SandboxOptions(), description="The embedded sandbox.")
    devices: DevicesOptions = Field(DevicesOptions(), description="The cart's media devices.")
    fleet: FleetOptions = Field(FleetOptions(), description="Watchdog, out of service, lock.")
    metrics: MetricsOptions = Field(MetricsOptions(), description="Prometheus metrics outlets.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only the arguments: ``Settings(...)`` and ``model_validate`` check the values they are
        given and read nothing. ``load_settings`` reads the TOML file and the environment with
        pydantic-settings' sources itself, so that it can tell which of the two a mistake is
        in and validate the file alone first."""
        return (init_settings,)

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


def load_settings(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read the TOML file and the environment; raise ``ConfigError`` on bad input.

    The default file in the config dir may be absent (defaults: the sandbox); a file named
    on purpose, as ``config_file`` (``--config``) or by ``$KIOSK_CONFIG``, must exist. The
    file is validated on its own first, so its mistakes are named even when the environment
    happens to override the bad key today.
    """
    environ = os.environ if environ is None else environ
    config_file, named_by = config_file_in_use(config_file, environ)
    from_file = read_toml(Settings, config_file, named_by)
    variables = environment_keys(Settings, environ, ENV_PREFIX, ignore=CONFIG_FILE_ENV)
    try:
        from_env = KioskEnvironment(Settings, environ)()
    except SettingsError:
        raise ConfigError("environment: a KIOSK_ variable cannot be read") from None
    try:
        Settings.model_validate(from_file)
    except ValidationError as exc:
        raise ConfigError(describe_error(exc, str(config_file))) from None
    try:
        settings = Settings.model_validate(merge(from_file, from_env))
    except ValidationError as exc:
        mixed = f"{config_file} with the environment"
        raise ConfigError(describe_error(exc, "environment", variables, mixed)) from None
    _check_real_endpoint(settings, str(config_file))
    if problem := metrics_problem(settings.metrics):
        raise ConfigError(f"{config_file}: key 'metrics.bind': {problem}")
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
