"""Form bodies the way the doc's curl examples send them (``-d``/``-F`` fields).

Rules, chosen so a PHP server (the real one) and a plain form parser (the sandbox) read them:
``None`` is left out; booleans are ``1``/``0``; enums send their value; lists of ids
(``attachments``, ``tokens``) are one comma-separated field, a format the doc lists for both;
objects (``consultation``) use PHP bracket keys, ``consultation[id]=...``, and so do lists of
objects that are not ids (an intake form's medication list): ``meds[0][name]=...``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel, SecretStr


def _scalar(value: Any) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _list_item(value: Any) -> str:
    """An id from an id string, a ``{"id": ..}`` dict or a model with ``id`` (FileInfo)."""
    if isinstance(value, BaseModel):
        value = getattr(value, "id", None)
    elif isinstance(value, Mapping):
        value = value.get("id", value.get("_id"))
    return "" if value is None else _scalar(value)


def _records(values: list[Any] | tuple[Any, ...]) -> bool:
    """True for a list of plain objects that are answers rather than references by id."""
    return bool(values) and all(
        isinstance(v, Mapping) and "id" not in v and "_id" not in v for v in values
    )


def _pairs(key: str, value: Any) -> Iterator[tuple[str, str]]:
    if value is None:
        return
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(value, Mapping):
        for sub, item in value.items():
            yield from _pairs(f"{key}[{sub}]", item)
    elif isinstance(value, list | tuple) and _records(value):
        for index, item in enumerate(value):
            yield from _pairs(f"{key}[{index}]", item)
    elif isinstance(value, list | tuple | set | frozenset):
        yield key, ",".join(i for i in (_list_item(v) for v in value) if i)
    else:
        yield key, _scalar(value)


def form_fields(fields: Mapping[str, Any]) -> dict[str, str]:
    """Flatten call arguments into form fields by the rules above."""
    flat: dict[str, str] = {}
    for key, value in fields.items():
        for name, text in _pairs(key, value):
            flat[name] = text
    return flat
