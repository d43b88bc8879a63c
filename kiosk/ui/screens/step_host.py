"""``StepHost``: the stack page that holds the wizard's current ``StepView``."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets.lounge_strip import LoungeStrip


class StepHost(QWidget):
    """Holds one step view at a time; ``set_view`` replaces (and deletes) the previous one.

    The host owns the views it is given. ``clear()`` drops the current one (end of session:
    the answers it shows must not outlive the patient). ``lounge`` is the status strip above
    the step while the patient is already in line (post-intake steps of a walk-in).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.lounge = LoungeStrip(self)
        self._layout.addWidget(self.lounge)
        self._view: QWidget | None = None

    @property
    def view(self) -> QWidget | None:
        return self._view

    def set_view(self, view: QWidget) -> None:
        self.clear()
        view.setParent(self)
        self._layout.addWidget(view, 1)
        self._view = view
        view.show()

    def clear(self) -> None:
        if self._view is not None:
            self._layout.removeWidget(self._view)
            self._view.hide()
            self._view.deleteLater()
            self._view = None
