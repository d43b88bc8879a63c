"""Form entries → typed fields, with angular-schema-form's defaults where VSee's doc is silent."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.wizard.definition import Field, Option
from kiosk.wizard.schema import (
    Properties,
    normalise_schema,
    plain_text,
    resolve,
    schema_type,
    unsupported_reason,
)

log = logging.getLogger("kiosk.wizard")

#: Other names for the types the kiosk renders (angular-schema-form themes use several).
FIELD_TYPE_ALIASES: dict[str, str] = {
    "radiobuttons": "radios",
    "radios-inline": "radios",
    "date": "datepicker",
    "section": "fieldset",
    "string": "text",
    "integer": "number",
}

#: Form entries that are page furniture in a browser form; the kiosk has its own Next button.
SKIPPED_TYPES: frozenset[str] = frozenset({"submit", "button", "actions"})

#: Form features that depend on a browser runtime or on nested arrays; shown as the fallback.
UNSUPPORTED_TYPES: frozenset[str] = frozenset(
    {"tabs", "tabarray", "array", "autocomplete", "calculate", "conditional", "template"}
)


def build_fields(schema: object, form: object) -> tuple[Field, ...]:
    """Resolve a section's ``form`` against its ``schema``; never raises.

    A missing form means ``["*"]`` (every property in schema order). An entry that cannot be
    understood becomes an unsupported field (shown as the fallback) and a log warning.
    """
    properties = normalise_schema(schema)
    entries = form if isinstance(form, list) else ["*"]
    return tuple(_build_entries(entries, properties))


def _build_entries(entries: list[Any], properties: Properties) -> list[Field]:
    fields: list[Field] = []
    for entry in entries:
        try:
            fields.extend(_build_entry(entry, properties))
        except Exception as exc:  # a clinic's odd entry must never take the screen down
            log.warning("form entry skipped: %s", type(exc).__name__)
            fields.append(Field(key="", kind="unsupported", unsupported="unreadable entry"))
    return fields


def _build_entry(entry: object, properties: Properties) -> list[Field]:
    if isinstance(entry, str):
        if entry == "*":
            return [_field_for(key, {}, properties) for key in properties.props]
        return [_field_for(entry, {}, properties)]
    if not isinstance(entry, dict):
        return []
    declared = str(entry.get("type") or "")
    kind = FIELD_TYPE_ALIASES.get(declared, declared)
    if kind in SKIPPED_TYPES:
        return []
    if kind == "help":
        text = plain_text(entry.get("helpvalue") or entry.get("description") or entry.get("title"))
        return [Field(key="", kind="help", description=text)] if text else []
    if "key" not in entry:
        if kind == "fieldset" or (not kind and isinstance(entry.get("items"), list)):
            return [_group(entry, properties, key="")]
        reason = kind or "entry without key"
        title = plain_text(entry.get("title"))
        return [Field(key="", kind=kind or "unsupported", title=title, unsupported=reason)]
    key = entry["key"]
    if isinstance(key, list):
        key = ".".join(str(part) for part in key)
    return [_field_for(str(key), entry, properties)]


def _group(entry: dict[str, Any], properties: Properties, key: str) -> Field:
    items = entry.get("items") if isinstance(entry.get("items"), list) else []
    return Field(
        key=key,
        kind="fieldset",
        title=plain_text(entry.get("title")),
        description=plain_text(entry.get("description")),
        children=tuple(_build_entries(items, properties)),
    )


def _field_for(key: str, entry: dict[str, Any], properties: Properties) -> Field:
    prop, required = resolve(properties, key)
    declared = str(entry.get("type") or "")
    kind = FIELD_TYPE_ALIASES.get(declared, declared)
    title = plain_text(entry.get("title") or (prop or {}).get("title"))
    common: dict[str, Any] = {
        "key": key,
        "title": title,
        "placeholder": plain_text(entry.get("placeholder")),
        "description": plain_text(entry.get("description") or (prop or {}).get("description")),
    }
    if "condition" in entry:
        return Field(kind=kind or "unsupported", unsupported="condition", **common)
    if prop is None and not kind:
        return Field(kind="unsupported", unsupported="no schema for key", **common)
    prop = dict(prop or {})
    if isinstance(entry.get("required"), bool):
        required = entry["required"]
    if schema_type(prop) == "object" and kind in ("", "fieldset"):
        return _object_group(key, entry, prop, title)
    reason = unsupported_reason(prop)
    if reason is None and kind in UNSUPPORTED_TYPES:
        reason = kind
    kind = kind or infer_kind(prop)
    options = _options(entry, prop)
    if reason is None and kind in ("select", "radios", "checkboxes") and not options:
        reason = "choices loaded remotely"
    return Field(
        kind=kind,
        required=required,
        options=options,
        schema=prop,
        unsupported=reason,
        default=prop.get("default"),
        **common,
    )


def _object_group(key: str, entry: dict[str, Any], prop: dict[str, Any], title: str) -> Field:
    """An object property renders as a group of its own properties (keys stay dotted)."""
    nested = normalise_schema(prop)
    scoped = Properties(
        {f"{key}.{k}": v for k, v in nested.props.items()},
        frozenset(f"{key}.{k}" for k in nested.required),
    )
    items = entry.get("items")
    if isinstance(items, list):
        children = _build_entries(items, _merge(scoped, nested))
    else:
        children = [_field_for(k, {}, scoped) for k in scoped.props]
    return Field(key="", kind="fieldset", title=title, children=tuple(children))


def _merge(scoped: Properties, nested: Properties) -> Properties:
    return Properties({**scoped.props, **nested.props}, scoped.required | nested.required)


def infer_kind(prop: dict[str, Any]) -> str:
    """angular-schema-form's default form type for a schema property."""
    kind = schema_type(prop)
    if kind == "array":
        return "checkboxes"
    if isinstance(prop.get("enum"), list) or isinstance(prop.get("titleMap"), (dict, list)):
        return "select"
    if kind == "boolean":
        return "checkbox"
    if kind in ("integer", "number"):
        return "number"
    fmt = str(prop.get("format") or "")
    if fmt == "email" or prop.get("email") is True:
        return "email"
    if fmt in ("date", "date-time"):
        return "datepicker"
    return "text"


def _options(entry: dict[str, Any], prop: dict[str, Any]) -> tuple[Option, ...]:
    """Choices from the form's ``titleMap`` (object or list), the schema's, or the enum."""
    items = prop.get("items") if isinstance(prop.get("items"), dict) else {}
    enum = prop.get("enum") if isinstance(prop.get("enum"), list) else items.get("enum")
    for title_map in (entry.get("titleMap"), prop.get("titleMap")):
        options = _title_map(title_map)
        if options:
            if isinstance(enum, list):
                allowed = list(enum)
                options = [o for o in options if o.value in allowed] or options
            return tuple(options)
    if isinstance(enum, list):
        return tuple(Option(value, plain_text(value) or str(value)) for value in enum)
    return ()


def _title_map(title_map: object) -> list[Option]:
    if isinstance(title_map, dict):
        return [Option(value, plain_text(name) or str(value)) for value, name in title_map.items()]
    if isinstance(title_map, list):
        return [
            Option(item.get("value"), plain_text(item.get("name")) or str(item.get("value")))
            for item in title_map
            if isinstance(item, dict) and "value" in item
        ]
    return []
