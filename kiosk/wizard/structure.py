"""Form layout entries: groups, tabs, arrays, JSON Form's selectfieldset and questions.

A kiosk shows one long scrolling column, so every layout becomes titled groups in order:
tabs are flattened (each tab a group, all answerable), advanced/auth fieldsets and
``expandable`` fieldsets are plain groups, and a selectfieldset is a choice followed by the
groups it switches between (each shown only for its choice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.wizard.conditions import any_of, equals
from kiosk.wizard.definition import SCALAR_ITEM_KEY, Field, Option
from kiosk.wizard.schema import Properties, normalise_schema, plain_text, schema_type, split_key
from kiosk.wizard.shape import OPTION_VALUES, QUESTIONS_OF


@dataclass(frozen=True)
class Scope:
    """Where form keys are read: the properties in reach and, inside an array item, the prefix
    (``"meds[]."``) that form keys carry and the item's fields do not."""

    properties: Properties
    prefix: str = ""

    def relative(self, key: str) -> str:
        """``meds[].name`` → ``name`` inside the ``meds`` item; ``meds[]`` → the scalar item."""
        if self.prefix and key == self.prefix[:-1]:
            return SCALAR_ITEM_KEY
        if self.prefix and key.startswith(self.prefix):
            return key[len(self.prefix) :]
        return key


BuildEntries = Callable[[list[Any], Scope], list[Field]]
FieldFor = Callable[[str, dict[str, Any], Scope], Field]

#: Titles for JSON Form's special fieldsets when the clinic gave none.
GROUP_TITLES: dict[str, str] = {
    "advancedfieldset": "More details",
    "authfieldset": "Sign-in details",
}


def build_layout(
    declared: str, entry: dict[str, Any], scope: Scope, build: BuildEntries, field_for: FieldFor
) -> list[Field] | None:
    """Fields for a layout entry (tabs, selectfieldset, questions, special fieldsets), or None
    when ``entry`` is not one of those."""
    if declared == "tabs":
        return _tabs(entry, scope, build)
    if declared in GROUP_TITLES:
        return [group(declared, entry, scope, build)]
    if declared == "selectfieldset":
        return _select_fieldset(entry, scope, build, field_for)
    if declared == "questions":
        return _questions(entry)
    return None


def _items(entry: dict[str, Any]) -> list[Any]:
    items = entry.get("items")
    if isinstance(items, dict):
        return [items]
    return items if isinstance(items, list) else []


def group(declared: str, entry: dict[str, Any], scope: Scope, build: BuildEntries) -> Field:
    """A titled group of the entry's ``items`` (fieldset, section, expandable…)."""
    title = plain_text(entry.get("title") or entry.get("legend")) or GROUP_TITLES.get(declared, "")
    return Field(
        key="",
        kind="fieldset",
        title=title,
        description=plain_text(entry.get("description")),
        children=tuple(build(_items(entry), scope)),
    )


def _tabs(entry: dict[str, Any], scope: Scope, build: BuildEntries) -> list[Field]:
    """angular-schema-form ``tabs: [{title, items}]`` or JSON Form ``items: [{type: tab}]``."""
    raw = entry.get("tabs")
    tabs: list[Any] = raw if isinstance(raw, list) else _items(entry)
    groups = [group("tab", tab, scope, build) for tab in tabs if isinstance(tab, dict)]
    title = plain_text(entry.get("title"))
    if title:
        return [Field(key="", kind="fieldset", title=title, children=tuple(groups))]
    return groups


def describe(entry: dict[str, Any]) -> str:
    """A readable name for an entry that has no title: its first nested key, humanised."""
    key = _first_key(entry)
    if not key:
        return "A further question"
    last = [p for p in key.replace("[]", "").split(".") if p]
    return (last[-1] if last else key).replace("_", " ").capitalize()


def _first_key(entry: object) -> str:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        if isinstance(entry.get("key"), str):
            return str(entry["key"])
        for item in _items(entry):
            found = _first_key(item)
            if found:
                return found
    if isinstance(entry, list):
        for item in entry:
            found = _first_key(item)
            if found:
                return found
    return ""


def keyless_array(entry: dict[str, Any], scope: Scope, field_for: FieldFor) -> list[Field]:
    """JSON Form's ``{"type": "array", "items": {"key": "friends[]"}}``: the array's key is
    the part of the first item key before ``[]``."""
    inner = _first_key(_items(entry))
    if "[]" not in inner:
        title = plain_text(entry.get("title")) or describe(entry)
        return [Field(key="", kind="array", title=title, unsupported="array without key")]
    base = inner.split("[]")[0]
    return [field_for(base, {**entry, "key": base, "type": "array"}, scope)]


def array_field(
    written_key: str,
    entry: dict[str, Any],
    prop: dict[str, Any],
    required: bool,
    common: dict[str, Any],
    scope: Scope,
) -> Field:
    """A list of item cards: ``children`` are one item's fields (keys relative to the item)."""
    from kiosk.wizard.fields import build_entries  # the two modules recurse into each other

    raw = prop.get("items")
    item_schema: dict[str, Any] = raw if isinstance(raw, dict) else {"type": "string"}
    prefix = f"{written_key}[]."
    entries = _items(entry)
    if schema_type(item_schema) == "object":
        inner = Scope(normalise_schema(item_schema), prefix)
        children = build_entries(entries or ["*"], inner)
    else:
        scalar = Properties({SCALAR_ITEM_KEY: item_schema}, frozenset({SCALAR_ITEM_KEY}))
        inner = Scope(scalar, prefix)
        children = build_entries(entries or [f"{written_key}[]"], inner)
        children = [c for c in children if c.key == SCALAR_ITEM_KEY][:1] or [
            Field(key=SCALAR_ITEM_KEY, kind="text", required=True, schema=item_schema)
        ]
    return Field(
        kind="array",
        required=required,
        schema=prop,
        children=tuple(children),
        default=prop.get("default"),
        **common,
    )


def _select_fieldset(
    entry: dict[str, Any], scope: Scope, build: BuildEntries, field_for: FieldFor
) -> list[Field]:
    """A choice, then one group per choice, each shown only while its choice is picked."""
    groups = [
        group("fieldset", item if isinstance(item, dict) else {"items": [item]}, scope, build)
        for item in _items(entry)
    ]
    key = entry.get("key")
    if not isinstance(key, str) or not key:
        return groups  # no answer to switch on: show every group (fail open)
    chooser = field_for(key, {**entry, "type": "radios", "items": None}, scope)
    if not chooser.options:
        labels = [g.title or f"Option {n}" for n, g in enumerate(groups, start=1)]
        chooser = Field(
            key=chooser.key,
            kind="radios",
            title=chooser.title,
            required=chooser.required,
            options=tuple(Option(label, label) for label in labels),
            schema=chooser.schema,
        )
    path = split_key(chooser.key)
    if scope.prefix or path is None:
        return [chooser, *groups]  # inside an array item: no model path, show all
    shown = [
        Field(
            key=g.key,
            kind=g.kind,
            title=g.title,
            description=g.description,
            children=g.children,
            condition=equals(path, option.value),
        )
        for g, option in zip(groups, chooser.options, strict=False)
    ]
    return [chooser, *shown, *groups[len(shown) :]]


def _questions(entry: dict[str, Any]) -> list[Field]:
    """JSON Form ``questions``: one answer (``key``) reached through a chain of choices.

    Each ``question`` is a choice of options; an option's ``next`` names the question (by
    ``qid``) asked after it, so a question some option points to is shown only once that
    option is chosen. As in JSON Form, the submitted answer is the ``value`` of the last
    chosen option that has one (see `kiosk.wizard.shape`); the questions themselves are
    stored as ``key.qid`` with the option's position, and never submitted.
    """
    raw_key = entry.get("key")
    key = raw_key if isinstance(raw_key, str) and raw_key else "questions"
    questions = [q for q in _items(entry) if isinstance(q, dict)]
    qids = [str(q.get("qid") or f"q{n}") for n, q in enumerate(questions, start=1)]
    options_of: list[list[dict[str, Any]]] = []
    for question in questions:
        listed = question.get("options")
        options_of.append(
            [o for o in listed if isinstance(o, dict)] if isinstance(listed, list) else []
        )
    fields: list[Field] = []
    for qid, question, options in zip(qids, questions, options_of, strict=True):
        pointers = [
            equals([key, other], index)
            for other, other_options in zip(qids, options_of, strict=True)
            for index, option in enumerate(other_options)
            if option.get("next") == qid
        ]
        fields.append(
            Field(
                key=f"{key}.{qid}",
                kind="radios",
                title=plain_text(question.get("title")),
                description=plain_text(question.get("description")),
                options=tuple(
                    Option(index, plain_text(o.get("title")) or plain_text(o.get("value")) or "OK")
                    for index, o in enumerate(options)
                ),
                required=True,
                schema={QUESTIONS_OF: key, OPTION_VALUES: [o.get("value") for o in options]},
                condition=any_of(pointers),
            )
        )
    return fields
