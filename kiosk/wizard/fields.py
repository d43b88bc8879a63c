"""Form entries → typed fields, with angular-schema-form's defaults where VSee's doc is silent."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from kiosk.wizard import structure
from kiosk.wizard.conditions import ConditionError, Logical, parse_condition
from kiosk.wizard.definition import SCALAR_ITEM_KEY, Field, Option
from kiosk.wizard.schema import (
    Properties,
    normalise_schema,
    plain_text,
    resolve,
    schema_type,
    unsupported_reason,
)
from kiosk.wizard.structure import Scope

log = logging.getLogger("kiosk.wizard")

#: Other names for the types the kiosk renders (angular-schema-form and JSON Form themes).
FIELD_TYPE_ALIASES: dict[str, str] = {
    "radiobuttons": "radios",
    "radios-inline": "radios",
    "date": "datepicker",
    "section": "fieldset",
    "conditional": "fieldset",
    "string": "text",
    "integer": "number",
    "wysihtml5": "textarea",
    "ace": "textarea",
    "datetime-local": "datetime",
    "date-time": "datetime",
    "tabarray": "array",
    "phone": "tel",
    "slider": "range",
    "switch": "checkbox",
}

#: Form entries that are page furniture in a browser form; the kiosk has its own Next button.
SKIPPED_TYPES: frozenset[str] = frozenset({"submit", "button", "actions"})

#: Form features that depend on a browser runtime; shown as the titled fallback.
UNSUPPORTED_TYPES: frozenset[str] = frozenset(
    {"autocomplete", "calculate", "template", "color", "file", "uiselect", "strapselect"}
)


def build_fields(schema: object, form: object) -> tuple[Field, ...]:
    """Resolve a section's ``form`` against its ``schema``; never raises.

    A missing form means ``["*"]`` (every property in schema order). An entry that cannot be
    understood becomes an unsupported field (shown as the fallback) and a log warning.
    """
    properties = normalise_schema(schema)
    entries = form if isinstance(form, list) else ["*"]
    return tuple(build_entries(entries, Scope(properties)))


def build_entries(entries: list[Any], scope: Scope) -> list[Field]:
    """Every entry of a form list (or a group's ``items``) as fields, in order."""
    fields: list[Field] = []
    for entry in entries:
        try:
            fields.extend(_with_condition(entry, _build_entry(entry, scope)))
        except Exception as exc:  # a clinic's odd entry must never take the screen down
            log.warning("form entry skipped: %s", type(exc).__name__)
            title = plain_text(entry.get("title")) if isinstance(entry, dict) else ""
            fields.append(
                Field(key="", kind="unsupported", title=title, unsupported="unreadable entry")
            )
    return fields


def _with_condition(entry: object, fields: list[Field]) -> list[Field]:
    """Attach the entry's ``condition`` to what it built; unreadable conditions fail open."""
    if not isinstance(entry, dict) or "condition" not in entry:
        return fields
    try:
        node = parse_condition(entry["condition"])
    except ConditionError as exc:
        log.warning("condition not understood (field shown): %s", exc)
        return fields
    return [
        dataclasses.replace(
            f, condition=node if f.condition is None else Logical("&&", node, f.condition)
        )
        for f in fields
    ]


def _build_entry(entry: object, scope: Scope) -> list[Field]:
    if isinstance(entry, str):
        if entry == "*":
            return [_field_for(key, {}, scope) for key in scope.properties.props]
        return [_field_for(entry, {}, scope)]
    if not isinstance(entry, dict):
        return []
    declared = str(entry.get("type") or "")
    kind = FIELD_TYPE_ALIASES.get(declared, declared)
    if kind in SKIPPED_TYPES:
        return []
    if kind == "help":
        text = plain_text(entry.get("helpvalue") or entry.get("description") or entry.get("title"))
        return [Field(key="", kind="help", description=text)] if text else []
    layout = structure.build_layout(declared, entry, scope, build_entries, _field_for)
    if layout is not None:
        return layout
    if "key" not in entry:
        if kind == "fieldset" or (not kind and isinstance(entry.get("items"), list)):
            return [structure.group(declared, entry, scope, build_entries)]
        if kind == "array":
            return structure.keyless_array(entry, scope, _field_for)
        reason = kind or "entry without key"
        title = plain_text(entry.get("title")) or structure.describe(entry)
        return [Field(key="", kind=kind or "unsupported", title=title, unsupported=reason)]
    return [_field_for(form_key(entry["key"]), entry, scope)]


def form_key(key: object) -> str:
    """A form ``key`` as one string (list keys joined with dots)."""
    if isinstance(key, list):
        return ".".join(str(part) for part in key)
    return str(key)


def _resolve(scope: Scope, key: str) -> tuple[dict[str, Any] | None, bool]:
    if key == SCALAR_ITEM_KEY:
        prop = scope.properties.props.get(SCALAR_ITEM_KEY)
        return prop, prop is not None
    return resolve(scope.properties, key)


def _field_for(written_key: str, entry: dict[str, Any], scope: Scope) -> Field:
    key = scope.relative(written_key)
    prop, required = _resolve(scope, key)
    declared = str(entry.get("type") or "")
    kind = FIELD_TYPE_ALIASES.get(declared, declared)
    title = plain_text(entry.get("title") or (prop or {}).get("title"))
    common: dict[str, Any] = {
        "key": key,
        "title": title,
        "placeholder": plain_text(entry.get("placeholder")),
        "description": plain_text(entry.get("description") or (prop or {}).get("description")),
        "prepend": plain_text(entry.get("prepend") or entry.get("fieldAddonLeft")),
        "append": plain_text(entry.get("append") or entry.get("fieldAddonRight")),
    }
    if prop is None and not kind:
        return Field(kind="unsupported", unsupported="no schema for key", **common)
    prop = dict(prop or {})
    if isinstance(entry.get("required"), bool):
        required = entry["required"]
    if schema_type(prop) == "object" and kind in ("", "fieldset"):
        return _object_group(key, entry, prop, title, scope)
    reason = unsupported_reason(prop)
    if reason is None and kind in UNSUPPORTED_TYPES:
        reason = kind
    kind = kind or infer_kind(prop)
    if reason is None and kind == "array":
        if schema_type(prop) != "array":
            reason = "array form on a non-array property"
        else:
            return structure.array_field(written_key, entry, prop, required, common, scope)
    options = _options(entry, prop)
    if reason is None and kind in ("select", "radios", "checkboxes") and not options:
        reason = "choices loaded remotely"
    default = prop.get("default")
    if kind == "hidden" and "value" in entry:
        default = entry["value"]
    return Field(
        kind=kind,
        required=required,
        options=options,
        schema=prop,
        unsupported=reason,
        default=default,
        **common,
    )


def _object_group(
    key: str, entry: dict[str, Any], prop: dict[str, Any], title: str, scope: Scope
) -> Field:
    """An object property renders as a group of its own properties (keys stay dotted; the
    answer is nested back into an object when submitted)."""
    nested = normalise_schema(prop)
    scoped = Properties(
        {f"{key}.{k}": v for k, v in nested.props.items()},
        frozenset(f"{key}.{k}" for k in nested.required),
    )
    inner = Scope(_merge(scoped, nested), scope.prefix)
    items = entry.get("items")
    if isinstance(items, list):
        children = build_entries(items, inner)
    else:
        children = [_field_for(k, {}, Scope(scoped, scope.prefix)) for k in scoped.props]
    return Field(key="", kind="fieldset", title=title, children=tuple(children))


def _merge(scoped: Properties, nested: Properties) -> Properties:
    return Properties({**scoped.props, **nested.props}, scoped.required | nested.required)


def infer_kind(prop: dict[str, Any]) -> str:
    """angular-schema-form's default form type for a schema property."""
    kind = schema_type(prop)
    if kind == "array":
        items = prop.get("items")
        if isinstance(items, dict) and isinstance(items.get("enum"), list):
            return "checkboxes"
        return "array"
    if isinstance(prop.get("enum"), list) or isinstance(prop.get("titleMap"), (dict, list)):
        return "select"
    if kind == "boolean":
        return "checkbox"
    if kind in ("integer", "number"):
        return "number"
    fmt = str(prop.get("format") or "")
    if fmt == "email" or prop.get("email") is True:
        return "email"
    return _FORMAT_KINDS.get(fmt, "text")


_FORMAT_KINDS: dict[str, str] = {
    "date": "datepicker",
    "date-time": "datetime",
    "datetime-local": "datetime",
    "time": "time",
    "uri": "url",
    "url": "url",
    "tel": "tel",
    "phone": "tel",
}


def _options(entry: dict[str, Any], prop: dict[str, Any]) -> tuple[Option, ...]:
    """Choices from the form's ``titleMap`` (object or list), the schema's, or the enum."""
    raw = prop.get("items")
    items: dict[str, Any] = raw if isinstance(raw, dict) else {}
    enum = prop.get("enum") if isinstance(prop.get("enum"), list) else items.get("enum")
    for title_map in (entry.get("titleMap"), prop.get("titleMap")):
        options = title_map_options(title_map)
        if options:
            if isinstance(enum, list):
                allowed = list(enum)
                options = [o for o in options if o.value in allowed] or options
            return tuple(options)
    if isinstance(enum, list):
        return tuple(Option(value, option_label(None, value)) for value in enum)
    return ()


def option_label(name: object, value: object) -> str:
    """What a choice says: its name, else its value; never empty (a blank label would be an
    invisible button)."""
    return plain_text(name) or plain_text(value) or "(no answer)"


def title_map_options(title_map: object) -> list[Option]:
    """A titleMap as options: ``{value: name}`` or ``[{"value", "name"}]``."""
    if isinstance(title_map, dict):
        return [Option(value, option_label(name, value)) for value, name in title_map.items()]
    if isinstance(title_map, list):
        return [
            Option(item.get("value"), option_label(item.get("name"), item.get("value")))
            for item in title_map
            if isinstance(item, dict) and "value" in item
        ]
    return []
