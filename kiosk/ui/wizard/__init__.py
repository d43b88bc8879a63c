"""The account-driven intake wizard's widgets: `StepView` renders one step of `states`.

The names below load on first use (PEP 562), so a screen that needs one field widget (the
identify screen's date picker) does not import every section and the step view at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.lazy_names import lazy_getattr

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
    "FIELD_WIDGETS": "registry",
    "SECTION_WIDGETS": "registry",
    "field_widget": "registry",
    "section_widget": "registry",
    "StepView": "step_view",
}

__getattr__ = lazy_getattr(__name__, _HOMES, globals())
