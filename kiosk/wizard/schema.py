"""Schema normalisation: JSON Form bare property maps and JSON Schema objects, one shape out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

_BRACKET = re.compile(r"""\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]""")
_BRACKET_PATH = re.compile(r"(?:\.?" + _BRACKET.pattern + r")+")
_TAG = re.compile(r"<br\s*/?>|<[^>]+>", re.IGNORECASE)
#: Angular template expressions (``{{ value.name || 'Tab '+$index }}``): browser-only, dropped.
_TEMPLATE = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@dataclass(frozen=True)
class Properties:
    """Schema properties in order plus the set of required keys, whichever dialect they came in."""

    props: dict[str, dict[str, Any]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()


def normalise_schema(schema: object) -> Properties:
    """Accept ``{"type": "object", "properties": …, "required": […]}`` or JSON Form's bare map.

    In the bare map each property may carry ``required: true``; that draft-3 style flag is also
    honoured inside a JSON Schema object. Anything that is not a dict gives no properties.
    """
    if not isinstance(schema, dict):
        return Properties()
    if isinstance(schema.get("properties"), dict):
        raw_props = schema["properties"]
        listed = schema.get("required")
        required = {str(k) for k in listed} if isinstance(listed, list) else set()
    else:
        raw_props = schema
        required = set()
    props: dict[str, dict[str, Any]] = {}
    for key, prop in raw_props.items():
        if not isinstance(prop, dict):
            continue
        props[str(key)] = prop
        if prop.get("required") is True:
            required.add(str(key))
    return Properties(props, frozenset(required))


def split_key(key: str) -> list[str] | None:
    """Split a form key into path segments (dot or ``['bracket']`` notation).

    Returns ``None`` for array paths (``comments[].name``), which the kiosk does not answer.
    """
    if "[]" in key:
        return None
    if key.startswith("[") and _BRACKET_PATH.fullmatch(key):
        return [(a or b).replace("\\'", "'").replace('\\"', '"') for a, b in _BRACKET.findall(key)]
    return key.split(".")


def resolve(properties: Properties, key: str) -> tuple[dict[str, Any] | None, bool]:
    """The schema property at ``key`` and whether it is required; ``(None, False)`` if absent."""
    path = split_key(key)
    if not path:
        return None, False
    current = properties
    prop: dict[str, Any] | None = None
    required = False
    for depth, segment in enumerate(path):
        prop = current.props.get(segment)
        if prop is None:
            # A flat key that itself contains dots ("a.b") in a bare map.
            whole = ".".join(path[depth:])
            prop = current.props.get(whole)
            return prop, prop is not None and whole in current.required
        required = segment in current.required
        if depth < len(path) - 1:
            current = normalise_schema(prop)
    return prop, required


def schema_type(prop: dict[str, Any]) -> str:
    """The property's primary JSON type; for a type list, the first non-null one."""
    kind = prop.get("type", "string")
    if isinstance(kind, list):
        kinds = [str(k) for k in kind if k != "null"]
        return "string" if "string" in kinds else (kinds[0] if kinds else "string")
    return str(kind)


def plain_text(value: object) -> str:
    """Form text as plain text: tags dropped (``<br>`` becomes a space), entities decoded."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = _TAG.sub(" ", _TEMPLATE.sub(" ", str(value)))
    return " ".join(html.unescape(text).split())


def unsupported_reason(prop: dict[str, Any]) -> str | None:
    """Why a schema property cannot be answered on the kiosk, or None when it can."""
    for keyword in ("$ref", "oneOf", "anyOf", "allOf"):
        if keyword in prop:
            return keyword
    if schema_type(prop) == "array" and isinstance(prop.get("items"), list):
        return "array of mixed item types"
    return None
