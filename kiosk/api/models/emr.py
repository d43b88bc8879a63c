"""Health record (EMR) sections, pharmacies and prescriptions."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from kiosk.api.models.base import ApiModel, Flag, Id, LooseFloat, LooseInt, Text, Timestamp

#: EMR record names the doc lists for ``POST /users/:id/emr/:name``.
EMR_RECORDS = (
    "conditions",
    "surgeries",
    "allergies",
    "medications",
    "family_conditions",
    "social_history",
    "health_habits",
)


class EmrSection(ApiModel):
    """One record: ``data`` is a list of items (``{"condition": ..}``) or an object (history).

    Health data: the repr shows only when it was modified.
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("modified",)

    data: list[Any] | dict[str, Any] | None = None
    data_not_reported: Flag = None
    modified: Timestamp = None
    modified_by: dict[str, Any] | str | None = None


class Emr(ApiModel):
    """``GET /users/:id/emr``: records by name; records the doc does not list stay as extras."""

    _repr_fields: ClassVar[tuple[str, ...]] = ()

    conditions: EmrSection | None = None
    surgeries: EmrSection | None = None
    allergies: EmrSection | None = None
    medications: EmrSection | None = None
    family_conditions: EmrSection | None = None
    social_history: EmrSection | None = None
    health_habits: EmrSection | None = None

    def section(self, name: str) -> EmrSection | None:
        """A record by name, parsing an unknown one from the extras on demand."""
        value = getattr(self, name, None) if name in type(self).model_fields else None
        if value is None and isinstance(self.get_extra(name), dict):
            return EmrSection.model_validate(self.get_extra(name))
        return value


class Pharmacy(ApiModel):
    """A pharmacy as listed and as saved (``POST`` sends it back as JSON, extras included)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("code", "is_default")

    code: Id = None
    name: Text = None
    address: Text = None
    address_more: Text = None
    city: Text = None
    state: Text = None
    zip: Text = None
    country: Text = None
    phone: Text = None
    fax: Text = None
    lat: LooseFloat = None
    long: LooseFloat = None
    distance: LooseFloat = None
    type: Text = None
    is_default: Flag = None
    extra: dict[str, Any] | None = Field(None, description="The pharmacy search's raw record.")


class Prescription(ApiModel):
    """An e-prescription; the server spells keys in PascalCase (``ID``, ``Drug``, …)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "status")

    id: Id = Field(None, alias="ID")
    drug_id: Id = Field(None, alias="DrugID")
    drug: Text = Field(None, alias="Drug")
    directions: Text = Field(None, alias="Directions")
    quantity: LooseFloat = Field(None, alias="Qty")
    quantity_unit: Text = Field(None, alias="QtyQual")
    refills: LooseInt = Field(None, alias="Refills")
    status: Text = Field(None, alias="Status")
    prescriber_name: Text = Field(None, alias="PrescriberName")
    prescription_date: Text = Field(None, alias="PrescriptionDate")
    pharmacy_ncpdp_id: Id = Field(None, alias="PharmacyNcpdpId")
