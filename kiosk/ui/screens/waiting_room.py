"""``WaitingRoomScreen``: place in line, expected wait, a calm pulse, and a way to leave."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.screens.queue_text import position_text, queue_length_text, wait_text, waited_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets import PulseIndicator, Screen, big_button, heading
from kiosk.ui.widgets.boxes import framed
from kiosk.ui.widgets.device_check_slot import OPEN_CHECK, DeviceCheckSlot, OffersDeviceCheck
from kiosk.ui.widgets.screen import (
    BOTTOM_STRETCH,
    PORTRAIT_BOTTOM_STRETCH,
    PORTRAIT_TOP_STRETCH,
    TOP_STRETCH,
)

SOON_IF_NEXT = QT_TRANSLATE_NOOP("WaitingRoomScreen", "The provider will call you shortly")
STAY_NEARBY = QT_TRANSLATE_NOOP(
    "WaitingRoomScreen", "Please stay here. A provider will call you on this screen."
)
RECONNECTING = QT_TRANSLATE_NOOP("WaitingRoomScreen", "Reconnecting… you keep your place in line")
# ``Screen``'s scrolled content column: header row, stretch, body row, stretch (a plain
# comment: lupdate would file a "#:" one under the next string as a note to translators).
_TOP_STRETCH, _BODY, _BOTTOM_STRETCH = 1, 2, 3
PULSE_PX = 120
PULSE_PORTRAIT_PX = 260


class WaitingRoomScreen(Screen, OffersDeviceCheck):
    """``set_queue(position, expected_wait_s, length, waited_s)`` updates the figures (None =
    unknown); ``waited_s`` is the time already spent in line.

    "Leave waiting room" does not leave at once: it swaps in a confirm panel inside the screen
    (no dialogs); only "Yes, leave" emits ``leave_requested``. ``reset()`` puts the screen back
    to its first state for the next patient.

    With ``set_device_check(panel)`` it offers "Check camera and microphone": the panel (a
    ``DeviceCheckPanel``) takes the queue figures' place until "Back to the waiting room", a
    reset, or the screen being hidden (the provider is ready: the call needs the camera).
    """

    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = self.body_widget
        self.body.setSpacing(16)
        self.pulse = PulseIndicator(PULSE_PX, body)
        self.pulse.setFixedSize(PULSE_PX, PULSE_PX)
        self.position = heading(position_text(None), "title", body)
        self.position.setProperty("screens", "position")
        self.wait = heading(wait_text(None), "subheading", body)
        self.length = heading("", "muted", body)
        self.waited = heading("", "muted", body)
        self.waited.setProperty("screens", "waited")
        self.subtitle = heading("", "muted", body)
        self.subtitle.setProperty("screens", "subtitle")
        self.subtitle.hide()
        self.stay = heading(STAY_NEARBY, "muted", body)
        self.reconnecting = heading(RECONNECTING, "subheading", body)
        self.reconnecting.setProperty("screens", "reconnecting")
        self.reconnecting.hide()
        self.body.addWidget(self.pulse, 0, Qt.AlignmentFlag.AlignHCenter)
        labels = (self.reconnecting, self.position, self.wait, self.length, self.waited, self.stay)
        for label in labels:
            self.body.addWidget(label)
        self.footer.addWidget(self.subtitle)
        self.leave_button = big_button(
            QT_TRANSLATE_NOOP("WaitingRoomScreen", "Leave waiting room"), "", self.footer_widget
        )
        self.footer.addWidget(self.leave_button)
        self.confirm = self._build_confirm(self.footer_widget)
        self.footer.addWidget(self.confirm)
        self.leave_button.clicked.connect(self.on_leave_clicked)
        self.device_check = DeviceCheckSlot(self)
        self.check_button = big_button(OPEN_CHECK, "", self.footer_widget)
        self.check_done_button = big_button(
            QT_TRANSLATE_NOOP("WaitingRoomScreen", "Back to the waiting room"),
            "primary",
            self.footer_widget,
        )
        self.footer.insertWidget(self.footer.indexOf(self.leave_button), self.check_button)
        self.footer.insertWidget(self.footer.indexOf(self.leave_button), self.check_done_button)
        self.check_button.hide()
        self.check_done_button.hide()
        self.check_button.clicked.connect(self.on_check_clicked)
        self.check_done_button.clicked.connect(self.on_check_done_clicked)
        self.set_queue(None, None, None)

    def set_device_check(self, panel: QWidget) -> None:
        """Offer the camera and microphone check, shown in ``panel``."""
        self.body.addWidget(panel, 1)
        self.device_check.offer(panel)
        self.check_button.show()

    @property
    def _figures(self) -> tuple[QWidget, ...]:
        return (self.pulse, self.position, self.wait, self.length, self.waited, self.stay)

    def _build_confirm(self, parent: QWidget) -> QFrame:
        box, layout = framed(parent, "card", (32, 24), 12)
        question = QT_TRANSLATE_NOOP(
            "WaitingRoomScreen", "Leave the waiting room? You will lose your place in line."
        )
        layout.addWidget(heading(question, "subheading", box))
        row = QHBoxLayout()
        row.setSpacing(16)
        self.stay_button = live(
            QPushButton(box), QT_TRANSLATE_NOOP("WaitingRoomScreen", "Stay in line")
        )
        set_role(self.stay_button, "primary")
        self.confirm_leave_button = live(
            QPushButton(box), QT_TRANSLATE_NOOP("WaitingRoomScreen", "Yes, leave")
        )
        set_role(self.confirm_leave_button, "danger")
        row.addWidget(self.confirm_leave_button, 1)
        row.addWidget(self.stay_button, 1)
        layout.addLayout(row)
        self.stay_button.clicked.connect(self.on_stay_clicked)
        self.confirm_leave_button.clicked.connect(self.on_confirm_leave_clicked)
        box.hide()
        return box

    # -- setters ----------------------------------------------------------------------------

    def set_queue(
        self,
        position: int | None,
        expected_wait_s: int | None,
        length: int | None,
        waited_s: int | None = None,
    ) -> None:
        set_text(self.position, position_text(position))
        set_text(self.wait, SOON_IF_NEXT if position == 1 else wait_text(expected_wait_s))
        set_text(self.length, queue_length_text(length, position))
        self.length.setVisible(bool(self.length.text()))
        set_text(self.waited, waited_text(waited_s))
        self.waited.setVisible(bool(self.waited.text()))

    def set_reconnecting(self, reconnecting: bool) -> None:
        """Nothing heard from the clinic for a while: say so, and that the place is kept."""
        self.reconnecting.setVisible(reconnecting)

    def set_subtitle(self, text: str) -> None:
        set_text(self.subtitle, text)
        self.subtitle.setVisible(bool(text.strip()))

    def reset(self) -> None:
        self.on_check_done_clicked()
        self.on_stay_clicked()
        self.set_queue(None, None, None)
        self.set_reconnecting(False)
        self.clear_notice()

    @property
    def confirming(self) -> bool:
        return self.confirm.isVisibleTo(self)

    def on_orientation(self, portrait: bool) -> None:
        edge = PULSE_PORTRAIT_PX if portrait else PULSE_PX
        self.pulse.setFixedSize(edge, edge)
        self._body_takes_the_height(self.checking)

    # -- slots ------------------------------------------------------------------------------

    def _body_takes_the_height(self, checking: bool) -> None:
        """While checking, the body (the check's page) gets all the height the header and
        footer leave; otherwise the figures sit centred between the two stretches."""
        content = self._content  # Screen's scrolled column (the outer layout only holds it)
        top, bottom = (
            (PORTRAIT_TOP_STRETCH, PORTRAIT_BOTTOM_STRETCH)
            if self.portrait
            else (TOP_STRETCH, BOTTOM_STRETCH)
        )
        content.setStretch(_TOP_STRETCH, 0 if checking else top)
        content.setStretch(_BODY, 1 if checking else 0)
        content.setStretch(_BOTTOM_STRETCH, 0 if checking else bottom)

    def on_check_clicked(self) -> None:
        if not self.device_check.open():
            return
        self.on_stay_clicked()
        for widget in (*self._figures, self.leave_button, self.check_button):
            widget.hide()
        self.check_done_button.show()
        self._body_takes_the_height(True)

    def on_check_done_clicked(self) -> None:
        if not self.device_check.close():
            return
        self._body_takes_the_height(False)
        self.check_done_button.hide()
        for widget in (self.pulse, self.position, self.wait, self.stay):
            widget.show()
        self.length.setVisible(bool(self.length.text()))
        self.waited.setVisible(bool(self.waited.text()))
        self.leave_button.show()
        self.check_button.show()

    def on_leave_clicked(self) -> None:
        self.leave_button.hide()
        self.subtitle.hide()  # room for the question at 1280x800
        self.confirm.show()
        self.stay_button.setFocus()

    def on_stay_clicked(self) -> None:
        self.confirm.hide()
        self.leave_button.show()
        self.subtitle.setVisible(bool(self.subtitle.text().strip()))

    def on_confirm_leave_clicked(self) -> None:
        self.on_stay_clicked()
        self.leave_requested.emit()
