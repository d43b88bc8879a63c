"""Where settings come from (a TOML file, ``KIOSK_*`` variables) and how their errors read.

pydantic-settings parses both; this module adds what it leaves to the application: errors
as one line that names the file or the variable and the key (never the value, which may be a
secret), and the environment names it would otherwise ignore or resolve by accident (an
unknown top-level name, a name with an empty part, two names where one is a prefix of the
other, a whole section in one variable).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_settings import BaseSettings, EnvSettingsSource, TomlConfigSettingsSource

from kiosk.config_error import ConfigError

__all__ = [
    "ConfigError",
    "KeyPath",
    "KioskEnvironment",
    "describe_error",
    "environment_keys",
    "merge",
    "read_toml",
]

#: A key's place in the settings: ``("kiosk", "screen")`` is ``[kiosk] screen``.
KeyPath = tuple[str, ...]


class KioskEnvironment(EnvSettingsSource):
    """``EnvSettingsSource`` over a given mapping instead of ``os.environ`` (tests, and the
    launcher, pass the environment they mean)."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {name.lower(): value for name, value in self._environ.items()}


def read_toml(
    settings_cls: type[BaseSettings], path: Path, named_by: str | None = None
) -> dict[str, Any]:
    """The file's table; ``ConfigError`` naming the file when it cannot be read or parsed.
    tomllib's message quotes no value, only a line and column.

    A missing file gives no values (the defaults: the sandbox) unless someone named it on
    purpose (``named_by``: ``--config`` or ``KIOSK_CONFIG``): a mistyped path must not quietly
    start the sandbox."""
    try:
        if not path.exists():
            if named_by is not None:
                raise ConfigError(f"{path}: file not found (named by {named_by})")
            return {}
        if not path.is_file():  # TomlConfigSettingsSource would skip it as if it were absent
            raise ConfigError(f"{path}: cannot be read: not a file")
        return TomlConfigSettingsSource(settings_cls, toml_file=path)()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {_one_line(str(exc))}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None


def environment_keys(
    settings_cls: type[BaseModel], environ: Mapping[str, str], prefix: str, ignore: str
) -> dict[KeyPath, str]:
    """Which variable sets which key path, e.g. ``("kiosk", "screen") → KIOSK_KIOSK__SCREEN``.

    Raises a one-line ``ConfigError`` naming the variable for a name pydantic-settings would
    drop or resolve by accident: a name with an empty part (``KIOSK___X``, ``KIOSK_KIOSK__``);
    ``KIOSK_KIOSK`` beside ``KIOSK_KIOSK__SCREEN``, or one name in two cases (a conflict
    whichever comes first, since the environment's order is arbitrary); a top-level name that
    is no setting; a whole section in one variable (its keys are set one by one).
    """
    keys: dict[KeyPath, str] = {}
    for name in sorted(environ):
        if not name.upper().startswith(prefix) or name.upper() == ignore:
            continue
        parts = tuple(name[len(prefix) :].lower().split("__"))
        if not all(parts):
            raise ConfigError(f"environment: {name}: not a settings key (empty part in the name)")
        if parts in keys:  # the same name in another case: which one wins would be arbitrary
            raise ConfigError(f"environment: {name} conflicts with another KIOSK_ variable")
        keys[parts] = name
    for path, name in keys.items():
        if any(other[: len(path)] == path for other in keys if other != path):
            raise ConfigError(f"environment: {name} conflicts with another KIOSK_ variable")
    for path, name in keys.items():
        field = settings_cls.model_fields.get(path[0])
        if field is None:
            raise ConfigError(f"environment: {name}: key '{path[0]}': unknown key")
        section = field.annotation
        if len(path) == 1 and isinstance(section, type) and issubclass(section, BaseModel):
            raise ConfigError(
                f"environment: {name}: key '{path[0]}' is a section; set its keys one by one "
                f"({name}__NAME)"
            )
    return keys


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``, section by section (an environment variable replaces one
    key of the file's section, not the section)."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def describe_error(
    error: ValidationError,
    source: str,
    variables: Mapping[KeyPath, str] | None = None,
    unattributed: str | None = None,
) -> str:
    """One line: where (file, or the environment variable), which key, what is wrong. Never
    the value: pydantic's ``msg`` does not quote the input, and the input may be a secret.

    With ``variables``, the variable that set the key is named after ``source``; when none
    did (a rule between a key from the file and one from the environment), ``unattributed``
    replaces ``source``."""
    first = error.errors()[0]
    loc = tuple(str(part) for part in first["loc"])
    key = ".".join(loc) or "(top level)"
    reason = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        reason = "unknown key"
    if variables is not None:
        name = _variable_for(loc, variables)
        if name is not None:
            source = f"{source}: {name}"
        elif unattributed is not None:
            source = unattributed
    return f"{source}: key '{key}': {_one_line(reason)}"


def _variable_for(loc: KeyPath, variables: Mapping[KeyPath, str]) -> str | None:
    """The variable that set ``loc`` or a section holding it, else one that set a key below
    it (``KIOSK_KIOSK__SCREEN__X`` makes ``kiosk.screen`` a table)."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in variables:
            return variables[loc[:end]]
    below = [name for path, name in variables.items() if loc and path[: len(loc)] == loc]
    return below[0] if below else None


def _one_line(text: str) -> str:
    return " ".join(text.split())
