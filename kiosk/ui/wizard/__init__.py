"""The account-driven intake wizard's widgets: `StepView` renders one step of `states`."""

from kiosk.ui.wizard.registry import FIELD_WIDGETS, SECTION_WIDGETS, field_widget, section_widget
from kiosk.ui.wizard.step_view import StepView

__all__ = ["FIELD_WIDGETS", "SECTION_WIDGETS", "StepView", "field_widget", "section_widget"]
