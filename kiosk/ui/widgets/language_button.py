"""``LanguageButton``: "Español" / "English" — the patient switches the kiosk's language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kiosk.ui.i18n import LanguageSwitcher, is_language_change
from kiosk.ui.theme import set_role


class LanguageButton(QPushButton):
    """Shows the other language's own name and switches to it (``LanguageSwitcher.active()``).

    ``prominent`` is Welcome's big button; the compact one sits in every screen's top bar.
    The label is never translated: a Spanish reader looks for "Español" on an English screen.
    Hidden when there is no switcher (a screen built on its own) or only one language.
    """

    def __init__(self, prominent: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LanguageButton")
        if prominent:
            self.setProperty("screens", "big")  # the plain big button: calm, not the main action
        else:
            set_role(self, "chip")
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding if prominent else QSizePolicy.Policy.Fixed,
            QSizePolicy.Policy.Fixed,
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self.on_button_clicked)
        self.refresh()

    def refresh(self) -> None:
        switcher = LanguageSwitcher.active()
        if switcher is None or len(switcher.language.available) < 2:
            self.setText("")
            self.hide()
            return
        self.setText(switcher.offered_name())
        self.setAccessibleName(switcher.offered_name())
        self.show()

    def on_button_clicked(self) -> None:
        switcher = LanguageSwitcher.active()
        if switcher is not None:
            switcher.switch()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.refresh()
        super().changeEvent(event)


__all__ = ["LanguageButton"]
