"""A search box over a list of big rows: the touch replacement for a long combo box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.touch import big_list

_DATA = Qt.ItemDataRole.UserRole
_TITLE = Qt.ItemDataRole.UserRole + 1

CHOSEN = QT_TRANSLATE_NOOP("SearchList", "Chosen: {item}")


class SearchList(QWidget):
    """Rows of (title, subtitle, data); typing filters them, tapping one selects it.

    The chosen row is repeated in a line above the list, so it stays visible while the
    patient filters the list to something else.
    """

    selection_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        placeholder: str = QT_TRANSLATE_NOOP("SearchList", "Type to search"),
        rows_visible: int = 5,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        set_role(self.chosen, "muted")
        self.chosen.hide()
        self.query = QLineEdit(self)
        set_text(self.query, placeholder, "setPlaceholderText")
        set_text(self.query, placeholder, "setAccessibleName")  # a field's own label renames it
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._on_query_changed)
        self.view = big_list(self, rows_visible=rows_visible)
        self.view.setAccessibleName(QCoreApplication.translate("SearchList", "Search results"))
        self.view.itemSelectionChanged.connect(self._on_selection_changed)
        self.empty = live(
            QLabel(self), QT_TRANSLATE_NOOP("SearchList", "Nothing matches. Try fewer letters.")
        )
        set_role(self.empty, "hint")
        self.empty.hide()
        layout.addWidget(self.chosen)
        layout.addWidget(self.query)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self._rows: list[tuple[str, str, Any]] = []

    def set_rows(self, rows: list[tuple[str, str, Any]]) -> None:
        """Replace the rows; selection is cleared."""
        self._rows = list(rows)
        self.view.clear()
        for title, subtitle, data in self._rows:
            item = QListWidgetItem(f"{title}\n{subtitle}" if subtitle else title)
            item.setData(_DATA, data)
            item.setData(_TITLE, title)
            self.view.addItem(item)
        self._on_query_changed(self.query.text())

    def focus_widget(self) -> QWidget:
        """Where focus goes when this answer needs attention."""
        return self.query

    def selected(self) -> Any:
        """The data of the selected row, or None."""
        items = self.view.selectedItems()
        return items[0].data(_DATA) if items else None

    def select(self, data: Any) -> None:
        """Select the row whose data equals ``data`` (None clears)."""
        self.view.clearSelection()
        for row in range(self.view.count()):
            item = self.view.item(row)
            if data is not None and item.data(_DATA) == data:
                item.setSelected(True)
                self.view.scrollToItem(item)
                return

    def visible_titles(self) -> list[str]:
        """Titles of rows the current search shows (for tests and screen readers)."""
        return [
            str(self.view.item(r).data(_TITLE))
            for r in range(self.view.count())
            if not self.view.item(r).isHidden()
        ]

    def _on_query_changed(self, text: str) -> None:
        words = text.casefold().split()
        shown = 0
        for row in range(self.view.count()):
            item = self.view.item(row)
            hit = all(word in item.text().casefold() for word in words)
            item.setHidden(not hit)
            shown += hit
        self.empty.setVisible(shown == 0 and self.view.count() > 0)

    def _on_selection_changed(self) -> None:
        items = self.view.selectedItems()
        # The title is kept in its own role: a row's text may be empty (a choice whose label
        # is blank), and splitting empty text gave no first line (IndexError).
        set_text(self.chosen, CHOSEN.format(item=items[0].data(_TITLE)) if items else "")
        self.chosen.setVisible(bool(items))
        self.selection_changed.emit()
