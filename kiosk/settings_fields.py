"""What every ``[section]`` of the settings is built from: a strict, read-only section model and
a bounded duration field. A module of its own so ``kiosk.config`` and ``kiosk.fleet.settings``
(which ``kiosk.config`` imports) share one definition without an import circle."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kiosk import constants

#: The longest any timeout or interval may be: a day (a QTimer counts int milliseconds, and
#: nothing at a kiosk should wait longer than that).
MAX_SECONDS = constants.MAX_TIMER_S


class Section(BaseModel):
    """One ``[section]`` of the file: unknown keys, NaN and infinities refused; read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def seconds(default: float | None, description: str, *, minimum: float = 0.0) -> Any:
    """A duration in seconds: above ``minimum`` (strictly) and at most a day."""
    return Field(default, gt=minimum, le=MAX_SECONDS, description=description)
