"""The few settings the first window needs, read before the first paint without pydantic.

Validating the whole config (``kiosk.config.load_settings``: pydantic, every key, bounds and
rules between keys) costs more CPU than importing PySide6, so the launcher runs it right
after the first frame; a mistake then closes the window and ends in the same one line and
exit 2. Before the paint it needs only where and how to show the window, which on-screen
keyboard, whether the sandbox strip shows, and the secrets the log must mask.

``read_early_settings`` reads those keys from the same sources — the TOML file, the
``KIOSK_*`` variables over it — and gives up (``None``) on anything it would have to
interpret: a file it cannot read or parse, a value of another type or out of range, two
variables for one key. The launcher then validates in full before any window, so a plainly
broken config never shows one. What it does return is what pydantic makes of the same input
(tests/unit/test_early_settings.py compares the two).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from kiosk.paths import CONFIG_FILE_ENV

if TYPE_CHECKING:
    from kiosk.config import Settings

ENV_PREFIX = "KIOSK_"
#: ``[kiosk] screen``'s range in ``kiosk.config.KioskOptions``.
MAX_SCREEN = 15
ORIENTATIONS = ("auto", "landscape", "portrait")
KEYBOARDS = ("builtin", "system", "off")
#: pydantic's reading of a boolean given as text (case ignored, no spaces).
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})
_SCREEN_TEXT = re.compile(r"0|[1-9][0-9]?")

Orientation = Literal["auto", "landscape", "portrait"]
Keyboard = Literal["builtin", "system", "off"]
KeyPath = tuple[str, ...]

#: Every key read here, and its default (``kiosk.config``'s).
_KEYS: dict[KeyPath, Any] = {
    ("kiosk", "fullscreen"): True,
    ("kiosk", "screen"): 0,
    ("kiosk", "orientation"): "auto",
    ("kiosk", "keyboard"): "builtin",
    ("api_base_url",): None,
    ("api_key",): None,
    ("api_secret",): None,
}


class _Unclear(Exception):
    """Something only the full validation can explain."""


@dataclass(frozen=True)
class EarlyWindowOptions:
    """The ``[kiosk]`` keys that place the window (``kiosk.ui.lockdown.WindowOptions``)."""

    fullscreen: bool = True
    screen: int = 0
    orientation: Orientation = "auto"


@dataclass(frozen=True)
class EarlySettings:
    """What the launcher needs before the first paint. The repr shows no secrets."""

    window: EarlyWindowOptions
    keyboard: Keyboard
    uses_sandbox: bool
    secrets: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"EarlySettings(window={self.window!r}, keyboard={self.keyboard!r}, "
            f"uses_sandbox={self.uses_sandbox!r}, secrets=<{len(self.secrets)}>)"
        )

    @classmethod
    def of(cls, settings: Settings) -> EarlySettings:
        """The same projection of validated settings (to compare, or when the early read
        gave up and the launcher validated in full first)."""
        k = settings.kiosk
        secrets = tuple(
            s.get_secret_value() for s in (settings.api_key, settings.api_secret) if s is not None
        )
        return cls(
            EarlyWindowOptions(k.fullscreen, k.screen, k.orientation),
            k.keyboard,
            settings.uses_sandbox,
            tuple(s for s in secrets if s),
        )


def read_early_settings(
    config_file: Path, named_by: str | None, environ: Mapping[str, str]
) -> EarlySettings | None:
    """The window's settings from ``config_file`` and ``environ``, or ``None`` when only the
    full validation can tell what they are (or what is wrong). ``named_by`` as in
    ``kiosk.paths.config_file_in_use``: a named file must exist."""
    try:
        from_file = _read_file(config_file, named_by)
        from_env = _read_environment(environ)
        values = {key: _value(key, from_file, from_env) for key in _KEYS}
        window = EarlyWindowOptions(
            _boolean(values[("kiosk", "fullscreen")]),
            _screen(values[("kiosk", "screen")]),
            cast(Orientation, _choice(values[("kiosk", "orientation")], ORIENTATIONS)),
        )
        keyboard = cast(Keyboard, _choice(values[("kiosk", "keyboard")], KEYBOARDS))
        api_base_url = _text(values[("api_base_url",)])
        secrets = [_text(values[key]) for key in (("api_key",), ("api_secret",))]
    except _Unclear:
        return None
    return EarlySettings(window, keyboard, not api_base_url, tuple(s for s in secrets if s))


def _read_file(path: Path, named_by: str | None) -> dict[str, Any]:
    try:
        if not path.exists():
            if named_by is not None:
                raise _Unclear
            return {}
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        raise _Unclear from None


def _read_environment(environ: Mapping[str, str]) -> dict[KeyPath, str]:
    """The ``KIOSK_*`` variables that set one of the keys read here. A variable for a whole
    section, for something below a key, or two names for one key is for the full validation
    to explain."""
    found: dict[KeyPath, str] = {}
    for name, value in environ.items():
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper == CONFIG_FILE_ENV:
            continue
        path = tuple(name[len(ENV_PREFIX) :].lower().split("__"))
        for key in _KEYS:
            if path == key:
                if key in found:
                    raise _Unclear
                found[key] = value
            elif path[: len(key)] == key or key[: len(path)] == path:
                raise _Unclear
    return found


def _value(key: KeyPath, from_file: Mapping[str, Any], from_env: Mapping[KeyPath, str]) -> Any:
    if key in from_env:
        return from_env[key]
    table: Any = from_file
    for part in key[:-1]:
        table = table.get(part, {})
        if not isinstance(table, dict):
            raise _Unclear
    return table.get(key[-1], _KEYS[key])


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    raise _Unclear


def _screen(value: Any) -> int:
    if isinstance(value, str) and _SCREEN_TEXT.fullmatch(value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_SCREEN:
        return value
    raise _Unclear


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    raise _Unclear


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _Unclear


__all__ = ["EarlySettings", "EarlyWindowOptions", "read_early_settings"]
