"""Imports every built-in field and section module so their decorators fill the registry."""

from __future__ import annotations

from kiosk.ui.wizard.fields import array, choices, date, moments, scale, static, text
from kiosk.ui.wizard.sections import (
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

MODULES = (
    array,
    choices,
    moments,
    scale,
    date,
    static,
    text,
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
