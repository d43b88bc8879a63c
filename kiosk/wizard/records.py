"""Duck-typed readers for the api models a section shows (EMR, pharmacy, slot, file info).

The wizard reads these objects but must not depend on how the api package spells them: a
pydantic model (attributes, extras allowed) and a plain dict (as in tests) both work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.i18n.message import QT_TRANSLATE_NOOP

#: EMR section code → (record name in ``/users/:id/emr/:name``, item key in the doc's shapes).
EMR_SECTIONS: dict[str, tuple[str, str]] = {
    "emr_conditions": ("conditions", "condition"),
    "emr_surgeries": ("surgeries", "procedure"),
    "emr_medications": ("medications", "name"),
    "emr_allergies": ("allergies", "substance"),
}

#: Common answers offered as one-tap chips; the patient may type anything else. Marked for
#: translation: a chip adds the term in the language the patient reads, as typing would.
EMR_SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "conditions": (
        QT_TRANSLATE_NOOP("EmrSuggestions", "Asthma"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Diabetes"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "High blood pressure"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Heart disease"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "High cholesterol"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Depression"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Thyroid problem"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Arthritis"),
    ),
    "surgeries": (
        QT_TRANSLATE_NOOP("EmrSuggestions", "Appendix removed"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Gallbladder removed"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "C-section"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Tonsils removed"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Knee surgery"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Hernia repair"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Heart surgery"),
    ),
    "medications": (
        QT_TRANSLATE_NOOP("EmrSuggestions", "Ibuprofen"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Acetaminophen (Tylenol)"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Aspirin"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Metformin"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Lisinopril"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Atorvastatin"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Levothyroxine"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Birth control pill"),
    ),
    "allergies": (
        QT_TRANSLATE_NOOP("EmrSuggestions", "Penicillin"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Sulfa drugs"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Aspirin"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Latex"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Peanuts"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Shellfish"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Pollen"),
        QT_TRANSLATE_NOOP("EmrSuggestions", "Bee stings"),
    ),
}


def read(obj: object, name: str, default: Any = None) -> Any:
    """``obj.name`` or ``obj[name]``, pydantic extras included; ``default`` when absent."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    value = getattr(obj, name, None)
    if value is None:
        extra = getattr(obj, "model_extra", None) or {}
        value = extra.get(name)
    return default if value is None else value


def emr_items(emr: object, record: str, item_key: str) -> tuple[list[str], bool]:
    """Entries of one EMR record as plain strings, and its ``data_not_reported`` flag."""
    section = read(emr, record)
    data = read(section, "data", []) if section is not None else []
    items: list[str] = []
    for entry in data if isinstance(data, list) else []:
        value = read(entry, item_key) if not isinstance(entry, str) else entry
        if isinstance(value, str) and value.strip() and value.strip() not in items:
            items.append(value.strip())
    return items, bool(read(section, "data_not_reported", False)) if section else False


@dataclass(frozen=True)
class PharmacyCard:
    """What a pharmacy row shows."""

    code: str
    name: str
    address: str

    def matches(self, query: str) -> bool:
        """Case-insensitive match of every word of ``query`` in name or address."""
        text = f"{self.name} {self.address}".casefold()
        return all(word in text for word in query.casefold().split())


def pharmacy_card(pharmacy: object) -> PharmacyCard:
    """Name plus one address line (street, city, state zip) from a pharmacy object."""
    street = " ".join(str(read(pharmacy, k, "")) for k in ("address", "address_more")).strip()
    state_zip = " ".join(str(read(pharmacy, k, "")) for k in ("state", "zip")).strip()
    parts = [p for p in (street, str(read(pharmacy, "city", "")).strip(), state_zip) if p]
    return PharmacyCard(
        code=str(read(pharmacy, "code", "")),
        name=str(read(pharmacy, "name", "")) or "Pharmacy",
        address=", ".join(parts),
    )


def zone(name: str) -> dt.tzinfo:
    """The named time zone; UTC when the name is unknown (so a bad setting cannot crash)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def slot_start(slot: object) -> int | None:
    """Slot start in Unix seconds, from either response shape (``start`` or ``slot_start``)."""
    for name in ("start", "slot_start"):
        value = read(slot, name)
        if isinstance(value, dt.datetime):
            return int(value.timestamp())
        if value is None:
            continue
        try:
            return int(value)
        except (TypeError, ValueError):
            continue
    return None


def slot_label(slot: object, tz: dt.tzinfo) -> str:
    """``"9:30 AM"`` in the room's zone; empty for a slot without a start."""
    start = slot_start(slot)
    if start is None:
        return ""
    local = dt.datetime.fromtimestamp(start, tz)
    return local.strftime("%I:%M %p").lstrip("0")


def file_id(info: object) -> str:
    """The id of an uploaded file (``FileInfo.id``)."""
    return str(read(info, "id", ""))
