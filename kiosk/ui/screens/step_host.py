"""``StepHost``: the stack page that holds the wizard's current ``StepView``."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.widgets import big_button
from kiosk.ui.widgets.device_check_slot import DeviceCheckSlot, OffersDeviceCheck
from kiosk.ui.widgets.lounge_strip import LoungeStrip

CHECK_DONE = QT_TRANSLATE_NOOP("StepHost", "Back to my questions")


class StepHost(OffersDeviceCheck):
    """Holds one step view at a time; ``set_view`` replaces (and deletes) the previous one.

    The host owns the views it is given. ``clear()`` drops the current one (end of session:
    the answers it shows must not outlive the patient). ``lounge`` is the status strip above
    the step while the patient is already in line (post-intake steps of a walk-in).

    With ``set_device_check(panel)`` the strip offers "Check camera and microphone": the panel
    (a ``DeviceCheckPanel``, whose engine stays warm for the call) takes the step's place —
    the step and its answers wait, hidden — until "Back to my questions", a new step, or the
    host being hidden (the ready prompt, the call: the camera must be free for the call).
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
        self.device_check = DeviceCheckSlot(self)
        self._check_footer = QWidget(self)
        footer = QHBoxLayout(self._check_footer)
        footer.setContentsMargins(24, 12, 24, 12)
        self.check_done_button = big_button(CHECK_DONE, "primary", self._check_footer)
        footer.addWidget(self.check_done_button)
        self._check_footer.hide()
        self.check_done_button.clicked.connect(self.on_check_done_clicked)
        self.lounge.check_requested.connect(self.on_check_clicked)

    @property
    def view(self) -> QWidget | None:
        return self._view

    def set_device_check(self, panel: QWidget) -> None:
        """Offer the camera and microphone check from the lounge strip, shown in ``panel``."""
        panel.setParent(self)
        self._layout.addWidget(panel, 1)
        self._layout.addWidget(self._check_footer)
        self.device_check.offer(panel)
        self.lounge.offer_check(True)

    def set_view(self, view: QWidget) -> None:
        self.clear()
        view.setParent(self)
        self._layout.insertWidget(self._layout.indexOf(self.lounge) + 1, view, 1)
        self._view = view
        view.show()

    def clear(self) -> None:
        self.on_check_done_clicked()
        if self._view is not None:
            self._layout.removeWidget(self._view)
            self._view.hide()
            self._view.deleteLater()
            self._view = None

    def on_check_clicked(self) -> None:
        if not self.device_check.open():
            return
        if self._view is not None:
            self._view.hide()
        self.lounge.offer_check(False)
        self._check_footer.show()

    def on_check_done_clicked(self) -> None:
        if not self.device_check.close():
            return
        self._check_footer.hide()
        self.lounge.offer_check(True)
        if self._view is not None:
            self._view.show()
