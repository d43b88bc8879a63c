"""The tolerant model base and coercing field types the loose VSee API needs.

The real API sends ids as strings or numbers, timestamps as numbers, numeric strings or
``{"sec": .., "usec": ..}``, ``[]`` where an object is empty (PHP), ``"1"`` for true, and
new keys at any time. These types coerce instead of failing; unknown keys are kept.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

_TRUE = frozenset({"1", "true", "yes", "on", "y", "t"})
_FALSE = frozenset({"0", "false", "no", "off", "n", "f", "", "null", "none"})


def to_id(value: Any) -> str | None:
    """Ids as text: ``10008`` → ``"10008"``; ``None``/``""`` → ``None``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _whole(number: float) -> int | None:
    """``int(number)``; None for infinity and NaN, which Python's JSON reader accepts
    (``Infinity``, ``NaN``) and a loose server may send as text (``"inf"``)."""
    return int(number) if math.isfinite(number) else None


def to_timestamp(value: Any) -> int | None:
    """Unix seconds from a number, a numeric string, ``{"sec": ..}`` or an ISO date; else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        return to_timestamp(value.get("sec"))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _whole(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return _whole(float(text))
        except ValueError:
            pass
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return int(parsed.timestamp())
    return None


def to_int(value: Any) -> int | None:
    """Integers from numbers or numeric strings; anything else → None."""
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _whole(value)
    if isinstance(value, str):
        try:
            return _whole(float(value.strip()))
        except ValueError:
            return None
    return None


def to_float(value: Any) -> float | None:
    """Amounts and coordinates: ``"00.00"`` → ``0.0``; anything else non-numeric → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | str):
        try:
            number = float(value.strip() if isinstance(value, str) else value)
        except (ValueError, OverflowError):  # OverflowError: an int past float's range
            return None
        return number if math.isfinite(number) else None
    return None


def to_bool(value: Any) -> bool | None:
    """``true``/``1``/``"1"``/``"true"`` → True, their opposites → False, other → None."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    return None


def to_text(value: Any) -> str | None:
    """Text fields: numbers become text; ``false``, objects and lists (odd placeholders) → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return None


def to_list(value: Any) -> list[Any]:
    """Lists from lists, PHP index-keyed objects, comma strings and empties."""
    if value is None or value == "" or value == {}:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        if all(str(k).isdigit() for k in value):
            return [value[k] for k in sorted(value, key=lambda k: int(k))]
        return [value]
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [value]


def _or_none(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except ValidationError:
        return None


#: Wrap a nested optional model whose own fields are required: a bad shape becomes None.
OrNone = WrapValidator(_or_none)

Id = Annotated[str | None, BeforeValidator(to_id)]
Timestamp = Annotated[int | None, BeforeValidator(to_timestamp)]
LooseInt = Annotated[int | None, BeforeValidator(to_int)]
LooseFloat = Annotated[float | None, BeforeValidator(to_float)]
Flag = Annotated[bool | None, BeforeValidator(to_bool)]
Text = Annotated[str | None, BeforeValidator(to_text)]
IdList = Annotated[list[Annotated[str, BeforeValidator(to_id)]], BeforeValidator(to_list)]


class ApiModel(BaseModel):
    """Base of every response model: keeps unknown keys, coerces loose input, safe repr.

    ``repr`` shows only the fields named in ``_repr_fields`` (ids and states), so a model can
    be logged or shown in a traceback without patient data or tokens leaking.
    """

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True
    )

    _repr_fields: ClassVar[tuple[str, ...]] = ("id",)
    #: When true, a bare string or number stands for ``{"id": value}`` (attachment id lists).
    _id_shorthand: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def _loosen(cls, data: Any) -> Any:
        if isinstance(data, BaseModel):
            return data
        if isinstance(data, dict):
            if "id" not in data and "_id" in data:
                data = {**data, "id": data["_id"]}
            return data
        if cls._id_shorthand and isinstance(data, str | int) and not isinstance(data, bool):
            return {"id": data}
        return {}  # PHP's [] for an empty object, or an odd placeholder: an empty model

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name in self._repr_fields:
            value = getattr(self, name, None)
            if value is not None:
                yield name, value

    def get_extra(self, name: str, default: Any = None) -> Any:
        """An unknown key the server sent, or ``default``."""
        return (self.model_extra or {}).get(name, default)


class Stamped(ApiModel):
    """A stored object: when the server created it and last changed it (Unix s)."""

    created: Timestamp = None
    modified: Timestamp = None
