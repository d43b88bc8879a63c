"""The one place section codes and field kinds are bound to widget classes.

Adding a section code or a field type is one class with a decorator; the step engine looks
classes up here and never changes:

    @section_widget("vitals")
    class VitalsSection(SectionWidget): ...

    @field_widget("signature")
    class SignatureField(FieldWidget): ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.wizard import register_field_kind

#: section code → SectionWidget subclass
SECTION_WIDGETS: dict[str, type[Any]] = {}
#: field kind (form ``type`` after aliases) → FieldWidget subclass
FIELD_WIDGETS: dict[str, type[Any]] = {}

T = TypeVar("T", bound=type)


def section_widget(*codes: str) -> Callable[[T], T]:
    """Register a SectionWidget class for one or more section codes (last one wins)."""

    def register(cls: T) -> T:
        for code in codes:
            SECTION_WIDGETS[code] = cls
        return cls

    return register


def field_widget(*kinds: str) -> Callable[[T], T]:
    """Register a FieldWidget class for field kinds; validation then treats them as answerable."""

    def register(cls: T) -> T:
        for kind in kinds:
            FIELD_WIDGETS[kind] = cls
            register_field_kind(kind)
        return cls

    return register
