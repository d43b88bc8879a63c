"""The account-driven intake wizard's widgets: `StepView` renders one step of `states`.

The names below load on first use (PEP 562), so a screen that needs one field widget (the
identify screen's date picker) does not import every section and the step view at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.wizard.registry import (
        FIELD_WIDGETS,
        SECTION_WIDGETS,
        field_widget,
        section_widget,
    )
    from kiosk.ui.wizard.step_view import StepView

__all__ = ["FIELD_WIDGETS", "SECTION_WIDGETS", "StepView", "field_widget", "section_widget"]

_HOMES = {
    "FIELD_WIDGETS": "kiosk.ui.wizard.registry",
    "SECTION_WIDGETS": "kiosk.ui.wizard.registry",
    "field_widget": "kiosk.ui.wizard.registry",
    "section_widget": "kiosk.ui.wizard.registry",
    "StepView": "kiosk.ui.wizard.step_view",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
