"""Imports every built-in field and section module so their decorators fill the registry."""

from __future__ import annotations

# Imported for their side effect (each module's @field_widget / @section_widget decorators).
from kiosk.ui.wizard.fields import array, choices, date, moments, scale, static, text  # noqa: F401
from kiosk.ui.wizard.sections import (  # noqa: F401
    calendar,
    documents,
    emr,
    forms,
    notices,
    pharmacy,
    survey,
    upload,
    visit_type,
)
