"""Typed wizard definition: steps, sections and form fields parsed from an account's `states`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kiosk.wizard.conditions import Node

#: Form types the model can validate; the widget registry adds the kinds it renders.
KNOWN_FIELD_KINDS: set[str] = {
    "text",
    "textarea",
    "number",
    "email",
    "password",
    "select",
    "radios",
    "checkbox",
    "checkboxes",
    "datepicker",
    "help",
    "fieldset",
    "array",
    "tel",
    "url",
    "time",
    "datetime",
    "range",
    "hidden",
}

#: Kinds that hold no answer of their own (layout and text).
LAYOUT_KINDS: frozenset[str] = frozenset({"help", "fieldset"})

#: The key of the one child of an array of plain values (free text, numbers): its items are
#: the values themselves, not objects.
SCALAR_ITEM_KEY = "[]"


def register_field_kind(kind: str) -> None:
    """Tell validation that ``kind`` is answerable; called by the widget registry's decorator."""
    KNOWN_FIELD_KINDS.add(kind)


@dataclass(frozen=True)
class Option:
    """One choice of a select/radios/checkboxes field: the stored value and the label shown."""

    value: Any
    label: str


@dataclass(frozen=True)
class Field:
    """One form entry resolved against its schema property.

    ``kind`` is the form type after aliases and schema inference. ``unsupported`` holds a
    short reason (for logs, never patient data) when the kiosk cannot take this answer; such a
    field is shown as a calm fallback and ignored by validation.

    ``condition`` (parsed from angular-schema-form's ``condition`` or made for a JSON Form
    selectfieldset) decides whether the field is shown; a hidden field is neither validated
    nor submitted. An ``array`` field's ``children`` are the fields of ONE item, with keys
    relative to the item (``name``, not ``meds[].name``); an array of plain values has one
    child keyed `SCALAR_ITEM_KEY`.
    """

    key: str
    kind: str
    title: str = ""
    placeholder: str = ""
    description: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    schema: dict[str, Any] = field(default_factory=dict)
    children: tuple[Field, ...] = ()
    unsupported: str | None = None
    default: Any = None
    condition: Node | None = None
    prepend: str = ""
    append: str = ""

    @property
    def supported(self) -> bool:
        """True when a real widget answers this field (known kind and no structural blocker)."""
        return self.unsupported is None and self.kind in KNOWN_FIELD_KINDS

    @property
    def holds_value(self) -> bool:
        """True for fields whose answer is stored under ``key`` (not help text or groups)."""
        return self.kind not in LAYOUT_KINDS and bool(self.key)

    @property
    def multiple(self) -> bool:
        """True when the answer is a list (VSee ``multiple`` or an array of enum)."""
        return self.kind == "checkboxes" or bool(self.schema.get("multiple"))

    @property
    def is_array(self) -> bool:
        """True for a list of items (each item answered by ``children``)."""
        return self.kind == "array"

    @property
    def scalar_items(self) -> bool:
        """True for an array whose items are plain values rather than objects."""
        return self.is_array and any(c.key == SCALAR_ITEM_KEY for c in self.children)

    @property
    def is_birth_date(self) -> bool:
        """True for a date of birth (by key or title), which must not lie in the future."""
        text = f"{self.key} {self.title} {self.placeholder}".casefold()
        return self.kind == "datepicker" and ("dob" in text or "birth" in text)

    @property
    def label(self) -> str:
        """What the patient reads above the input: title, else placeholder, else the key's
        last part made readable (``author.first_name`` → "First name")."""
        if self.title or self.placeholder or self.key == SCALAR_ITEM_KEY:
            return self.title or self.placeholder
        last = self.key.replace("[]", "").split(".")[-1]
        return last.replace("_", " ").strip().capitalize()

    def walk(self) -> Iterator[Field]:
        """This field and every nested field, depth first; an array's item fields are not
        included (they are answered once per item, inside the array's value)."""
        yield self
        if self.is_array:
            return
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        return f"Field(key={self.key!r}, kind={self.kind!r}, supported={self.supported})"


@dataclass(frozen=True)
class Section:
    """One section of a step: a code naming its renderer, an optional title and form fields."""

    code: str
    title: str = ""
    fields: tuple[Field, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def has_schema(self) -> bool:
        """True when the section carried a usable schema (so a generic form can render it)."""
        return bool(self.fields)

    def all_fields(self) -> Iterator[Field]:
        """Every field of the section, groups expanded."""
        for item in self.fields:
            yield from item.walk()

    def __repr__(self) -> str:
        return f"Section(code={self.code!r}, fields={len(self.fields)})"


@dataclass(frozen=True)
class Step:
    """One screen of the flow: heading ``name``, Next label ``next_title`` and its sections.

    ``next_given`` is False when the server sent no ``next.title`` (``next_title`` is then the
    fallback and a section such as consent may suggest a better label).
    ``group`` is the dotted state name (``"visits.intake"``) and ``index`` the position in it;
    together they identify the step when answers are kept across Back/Next.
    """

    name: str
    code: str
    next_title: str
    sections: tuple[Section, ...] = ()
    group: str = ""
    index: int = 0
    next_given: bool = False

    @property
    def key(self) -> str:
        """A stable id for this step within the account, e.g. ``visits.post_intake/2:survey``."""
        return f"{self.group}/{self.index}:{self.code}"


@dataclass(frozen=True)
class WizardDefinition:
    """All step groups of an account, keyed by dotted name, in the order the server gave them."""

    groups: dict[str, tuple[Step, ...]] = field(default_factory=dict)

    def steps(self, group: str) -> list[Step]:
        """Steps of one group (``"visits.intake"``); empty when the clinic has none."""
        return list(self.groups.get(group, ()))

    def all_steps(self) -> list[Step]:
        """Every step of every group, in order."""
        return [step for steps in self.groups.values() for step in steps]

    def __iter__(self) -> Iterator[str]:
        return iter(self.groups)
