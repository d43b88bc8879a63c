"""Pharmacy picker: the patient's pharmacies from the server, searchable, one tap to choose."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.load_panel import LoadPanel
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.search_list import SearchList
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import PharmacyChoice, Submission
from kiosk.wizard.records import pharmacy_card, read

LOADING = QT_TRANSLATE_NOOP("PharmacySection", "Loading pharmacies…")
NO_PHARMACIES = QT_TRANSLATE_NOOP(
    "PharmacySection", "No pharmacies are on file. Staff can help you choose one at the visit."
)


@section_widget("pharmacy_picker")
class PharmacySection(SectionWidget):
    """Rows of name + address; the default pharmacy is preselected. Optional: a patient who
    needs no prescription may go on without choosing (nothing is submitted then)."""

    def build(self) -> None:
        self.pharmacies: list[Any] = []
        self.search: SearchList | None = None
        self.panel = LoadPanel(self.services.list_pharmacies, self._on_loaded, LOADING, self)
        self.body.addWidget(self.panel)

    def _on_loaded(self, pharmacies: Any) -> QWidget:
        self.pharmacies = list(pharmacies or [])
        if not self.pharmacies:
            empty = live(QLabel(self), NO_PHARMACIES)
            empty.setWordWrap(True)
            set_role(empty, "muted")
            return empty
        search = SearchList(
            self,
            placeholder=QT_TRANSLATE_NOOP("PharmacySection", "Search by name, street or city"),
            rows_visible=4,
        )
        cards = [pharmacy_card(p) for p in self.pharmacies]
        search.set_rows([(c.name, c.address, i) for i, c in enumerate(cards)])
        stored = self.state.get("code")
        default = next((i for i, p in enumerate(self.pharmacies) if read(p, "is_default")), None)
        by_code = next((i for i, c in enumerate(cards) if stored and c.code == stored), None)
        search.select(by_code if by_code is not None else default)
        search.selection_changed.connect(self._on_selection_changed)
        self.search = search
        self._on_selection_changed()
        return search

    def _on_selection_changed(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.state["code"] = pharmacy_card(chosen).code

    def chosen(self) -> Any:
        """The selected pharmacy object, or None."""
        index = self.search.selected() if self.search is not None else None
        return self.pharmacies[index] if isinstance(index, int) else None

    def validate(self) -> list[QWidget]:
        return [self.panel] if self.panel.loading else []

    def submissions(self) -> list[Submission]:
        chosen = self.chosen()
        return [PharmacyChoice(chosen)] if chosen is not None else []
