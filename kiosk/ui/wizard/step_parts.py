"""Pieces of a step view: its centred column, and which section class renders a section."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.wizard.progressive import BuildQueue
from kiosk.ui.wizard.registry import SECTION_WIDGETS
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.ui.wizard.sections.forms import GenericFormSection
from kiosk.wizard import Section, Step
from kiosk.wizard.headings import step_heading

log = logging.getLogger("kiosk.ui.wizard")

CONTENT_MAX_WIDTH = 980


def centered(
    outer: QWidget, margins: tuple[int, int, int, int], inner: QWidget | None = None
) -> QWidget:
    """Put ``inner`` (a new widget if None) in ``outer``, centred and at most
    ``CONTENT_MAX_WIDTH`` wide, so header, body and buttons line up on wide screens."""
    row = QHBoxLayout(outer)
    row.setContentsMargins(*margins)
    inner = inner or QWidget(outer)
    inner.setMaximumWidth(CONTENT_MAX_WIDTH)
    row.addStretch(1)
    row.addWidget(inner, 100)
    row.addStretch(1)
    return inner


def section_class(section: Section) -> type[SectionWidget] | None:
    """The widget class for ``section``: registered by code, else a generic form when it has
    a schema, else None (skipped, logged)."""
    cls: type[SectionWidget] | None = SECTION_WIDGETS.get(section.code)
    if cls is None and section.has_schema:
        log.warning("section %s rendered as a generic form", section.code)
        cls = GenericFormSection
    if cls is None:
        log.warning("section %s skipped: no renderer and no schema", section.code)
    return cls


def can_wait(
    step: Step,
    builds: BuildQueue | None,
    rest: list[tuple[int, Section, type[SectionWidget] | None]],
) -> bool:
    """Whether the sections in ``rest`` (position, section, class) can be built after the
    step is drawn: the first screen is full (or its first frame's time spent), and none of
    them changes the heading or Next's label (which the first frame already shows) or is the
    section the heading comes from."""
    if builds is None or (builds.room_px > 0 and not builds.out_of_time()):
        return False
    _heading, label_index = step_heading(step)
    return all(
        cls is None
        or (not cls.next_title_hint and not cls.fallback_heading and position != label_index)
        for position, _section, cls in rest
    )
