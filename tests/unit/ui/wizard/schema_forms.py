"""``form_for``: a shown, styled ``SchemaForm`` of one section's schema, for the field tests."""

from __future__ import annotations

from typing import Any

from kiosk.ui.theme import stylesheet
from kiosk.ui.wizard.form import SchemaForm
from kiosk.wizard import parse_section


def form_for(qtbot: Any, schema: Any, form: Any = None, state: Any = None) -> SchemaForm:
    """The section ``{"schema": schema, "form": form}`` rendered with answers ``state``."""
    section = parse_section({"code": "t", "schema": schema, "form": form})
    widget = SchemaForm(section, {} if state is None else state)
    widget.setStyleSheet(stylesheet())
    qtbot.addWidget(widget)
    widget.resize(900, 1400)
    widget.show()
    return widget
