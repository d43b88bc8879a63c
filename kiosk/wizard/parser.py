"""`GET /accounts/:code` `states` → `WizardDefinition`; tolerant of anything a clinic configures."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.wizard.definition import Section, Step, WizardDefinition
from kiosk.wizard.fields import build_fields
from kiosk.wizard.schema import plain_text

log = logging.getLogger("kiosk.wizard")

DEFAULT_NEXT_TITLE = QT_TRANSLATE_NOOP("Wizard", "Next")


def parse_states(states: object) -> WizardDefinition:
    """Group the account's steps by dotted name (``"visits.intake"``); never raises.

    ``states`` is ``{"signup": {"signup": [step, …], …}, "visits": {…}}``. Anything that is
    not a list of step objects is skipped with a warning naming only the group and index.
    """
    groups: dict[str, tuple[Step, ...]] = {}
    if not isinstance(states, dict):
        log.warning("states ignored: not an object")
        return WizardDefinition()
    for area, area_groups in states.items():
        if not isinstance(area_groups, dict):
            log.warning("states.%s ignored: not an object", area)
            continue
        for group_name, raw_steps in area_groups.items():
            name = f"{area}.{group_name}"
            if not isinstance(raw_steps, list):
                log.warning("states.%s ignored: not a list", name)
                continue
            steps = []
            for index, raw in enumerate(raw_steps):
                step = _parse_step(raw, name, index)
                if step is not None:
                    steps.append(step)
            groups[name] = tuple(steps)
    return WizardDefinition(groups)


def _parse_step(raw: object, group: str, index: int) -> Step | None:
    if not isinstance(raw, dict):
        log.warning("step %s[%d] ignored: not an object", group, index)
        return None
    next_info = raw.get("next")
    next_title = next_info.get("title") if isinstance(next_info, dict) else None
    raw_sections = raw.get("sections")
    sections = []
    for position, item in enumerate(raw_sections if isinstance(raw_sections, list) else []):
        section = parse_section(item)
        if section is None:
            log.warning("section %s[%d].sections[%d] ignored", group, index, position)
        else:
            sections.append(section)
    return Step(
        name=plain_text(raw.get("name")),
        code=str(raw.get("code") or f"step{index}"),
        next_title=plain_text(next_title) or DEFAULT_NEXT_TITLE,
        sections=tuple(sections),
        group=group,
        index=index,
        next_given=bool(plain_text(next_title)),
    )


def parse_section(raw: object) -> Section | None:
    """One section object → `Section`; None when it has no usable ``code``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str) or not raw["code"]:
        return None
    has_form = "schema" in raw or "form" in raw
    fields = build_fields(raw.get("schema"), raw.get("form")) if has_form else ()
    title: Any = raw.get("title")
    return Section(
        code=raw["code"],
        title=str(title).strip() if isinstance(title, (str, int, float)) else "",
        fields=fields,
        raw=raw,
    )
