"""Health-record list editors: conditions, surgeries, medications and allergies."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text, tr_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.choices import toggle_face
from kiosk.ui.wizard.flow_layout import FlowLayout
from kiosk.ui.wizard.load_panel import LoadPanel
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import EmrUpdate, Submission
from kiosk.wizard.records import EMR_SECTIONS, EMR_SUGGESTIONS, emr_items

NOTHING_TO_REPORT = QT_TRANSLATE_NOOP("EmrListSection", "Nothing to report")


@section_widget(*EMR_SECTIONS)
class EmrListSection(SectionWidget):
    """Items loaded from ``services.load_emr()`` (one call shared by the step), then edited.

    Add by typing or by tapping a common answer, remove with the row's button, or tick
    "Nothing to report". Submits `EmrUpdate(record, [{item_key: text}, …], data_not_reported)`.
    """

    def build(self) -> None:
        self.record, self.item_key = EMR_SECTIONS[self.section.code]
        self.editor: QWidget | None = None
        if self.state.get("loaded"):
            self.panel = None
            self.body.addWidget(self._build_editor())
            return
        self.panel = LoadPanel(
            lambda: self.context.shared("emr", self.services.load_emr),
            self._on_emr_loaded,
            QT_TRANSLATE_NOOP("EmrListSection", "Loading your health record…"),
            self,
        )
        self.body.addWidget(self.panel)

    def _on_emr_loaded(self, emr: Any) -> QWidget:
        items, not_reported = emr_items(emr, self.record, self.item_key)
        self.state.update(items=items, not_reported=not_reported, loaded=True)
        return self._build_editor()

    def _build_editor(self) -> QWidget:
        editor, layout = plain_box(self, QVBoxLayout, 14)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(10)
        layout.addLayout(self.rows_box)
        entry = QHBoxLayout()
        self.entry = QLineEdit(editor)
        set_text(
            self.entry, QT_TRANSLATE_NOOP("EmrListSection", "Type to add"), "setPlaceholderText"
        )
        self.entry.returnPressed.connect(self._on_add_clicked)
        self.add_button = live(QPushButton(editor), QT_TRANSLATE_NOOP("EmrListSection", "Add"))
        self.add_button.clicked.connect(self._on_add_clicked)
        entry.addWidget(self.entry, 1)
        entry.addWidget(self.add_button)
        layout.addLayout(entry)
        hint = live(
            QLabel(editor), QT_TRANSLATE_NOOP("EmrListSection", "Common answers — tap to add:")
        )
        set_role(hint, "hint")
        layout.addWidget(hint)
        chips_box = QWidget(editor)
        chips = FlowLayout(chips_box)
        self.chips: dict[str, QPushButton] = {}
        for text in EMR_SUGGESTIONS.get(self.record, ()):
            chip = live(
                QPushButton(chips_box),
                QT_TRANSLATE_NOOP("EmrListSection", "+ {term}").format(term=text),
            )
            set_role(chip, "chip")
            chip.clicked.connect(lambda _=False, t=text: self.add_item(tr_text(t)))
            chips.addWidget(chip)
            self.chips[text] = chip
        layout.addWidget(chips_box)
        self.none_toggle = QPushButton(editor)
        self.none_toggle.setCheckable(True)
        set_role(self.none_toggle, "choice")
        self.none_toggle.setChecked(bool(self.state.get("not_reported")))
        self.none_toggle.toggled.connect(self._on_none_toggled)
        layout.addWidget(self.none_toggle)
        self.editor = editor
        self._refresh()
        return editor

    def items(self) -> list[str]:
        """The entries as they stand."""
        return list(self.state.get("items", []))

    def add_item(self, text: str) -> None:
        """Add one entry (trimmed, no duplicates, case-insensitive); clears "Nothing to report"."""
        text = " ".join(text.split())
        items = self.items()
        if text and text.casefold() not in {i.casefold() for i in items}:
            items.append(text)
            self.state["items"] = items
        self.none_toggle.setChecked(False)
        self._refresh()

    def remove_item(self, text: str) -> None:
        """Remove one entry."""
        self.state["items"] = [i for i in self.items() if i != text]
        self._refresh()

    def _on_add_clicked(self) -> None:
        self.add_item(self.entry.text())
        self.entry.clear()

    def _on_none_toggled(self, checked: bool) -> None:
        self.state["not_reported"] = checked
        self._refresh()

    def _refresh(self) -> None:
        while self.rows_box.count():
            item = self.rows_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        not_reported = self.none_toggle.isChecked()
        for text in self.items():
            self.rows_box.addWidget(self._row(text))
        present = {i.casefold() for i in self.items()}
        for text, chip in self.chips.items():
            chip.setVisible(tr_text(text).casefold() not in present)
        set_text(self.none_toggle, toggle_face(not_reported, NOTHING_TO_REPORT))

    def _row(self, text: str) -> QWidget:
        row = QFrame(self.editor)
        set_role(row, "card")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(20, 6, 8, 6)
        label = live(QLabel(row), text)
        label.setWordWrap(True)
        remove = live(QPushButton(row), QT_TRANSLATE_NOOP("EmrListSection", "Remove"))
        set_text(
            remove,
            QT_TRANSLATE_NOOP("EmrListSection", "Remove {item}").format(item=text),
            "setAccessibleName",
        )
        remove.clicked.connect(lambda _=False, t=text: self.remove_item(t))
        layout.addWidget(label, 1)
        layout.addWidget(remove)
        return row

    def validate(self) -> list[QWidget]:
        # Wait while loading; after a failed load the patient may go on (nothing is sent).
        return [self.panel] if self.panel is not None and self.panel.loading else []

    def submissions(self) -> list[Submission]:
        if not self.state.get("loaded"):
            return []
        not_reported = bool(self.state.get("not_reported"))
        data = [] if not_reported else [{self.item_key: text} for text in self.items()]
        return [EmrUpdate(self.record, data, not_reported)]
