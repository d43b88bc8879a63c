"""``BookedScreen``: the booked appointment's day, time and provider, and the link as a QR code."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import is_language_change, set_text
from kiosk.ui.i18n.dates import clock, long_day
from kiosk.ui.theme import set_role
from kiosk.ui.widgets import QrCodeWidget, Screen, big_button, heading, icon
from kiosk.ui.widgets.boxes import plain_box

log = logging.getLogger("kiosk.ui.screens")

WITH = QT_TRANSLATE_NOOP("BookedScreen", "with {provider}")
NO_TIME = QT_TRANSLATE_NOOP("BookedScreen", "Time to be confirmed")
QR_PX = 220
QR_PORTRAIT_PX = 340
CHECK_PX = 72


class Booking(Protocol):
    """What the screen reads from the session's ``BookingConfirmation``."""

    @property
    def start(self) -> int | None: ...

    @property
    def end(self) -> int | None: ...

    @property
    def timezone(self) -> str: ...

    @property
    def provider_name(self) -> str | None: ...

    @property
    def link(self) -> str | None: ...


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("booked.unknown_timezone")
        return dt.UTC


def booking_texts(booking: Booking) -> tuple[str, str]:
    """(date, time) in the room's time zone, e.g. ("Tuesday, March 4", "2:30 PM – 2:45 PM PST").

    The zone abbreviation is added so a patient from elsewhere is not misled.
    """
    if booking.start is None:
        return "", NO_TIME
    zone = _zone(booking.timezone)
    start = dt.datetime.fromtimestamp(booking.start, zone)
    day = long_day(start.date())
    time = clock(start)
    if booking.end is not None and booking.end > booking.start:
        time += " – " + clock(dt.datetime.fromtimestamp(booking.end, zone))
    abbreviation = start.tzname() or ""
    return day, f"{time} {abbreviation}".strip()


class BookedScreen(Screen):
    """``set_booking`` fills in the confirmation; "Done" emits ``done_requested``.

    The one-time link carries a token: it is shown (text and QR) for the patient only and
    never logged; ``clear()`` removes it from the screen when the session ends.
    """

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = self.body_widget
        self.check = check = QLabel(body)
        check.setPixmap(icon("check").pixmap(CHECK_PX, CHECK_PX))
        check.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading(QT_TRANSLATE_NOOP("BookedScreen", "You're booked"), "title", body)
        self.date = heading("", "heading", body)
        self.time = heading("", "subheading", body)
        self.provider = heading("", "muted", body)
        for widget in (check, self.title, self.date, self.time, self.provider):
            self.body.addWidget(widget)
        self.link_card = self._build_link_card(body)
        self.body.addWidget(self.link_card)
        self.done_button = big_button(
            QT_TRANSLATE_NOOP("BookedScreen", "Done"), "primary", self.footer_widget
        )
        self.footer.addWidget(self.done_button)
        self.done_button.clicked.connect(self.done_requested)
        self._booking: Booking | None = None
        self.on_orientation(portrait=False)

    def _build_link_card(self, body: QWidget) -> QFrame:
        card = QFrame(body)
        set_role(card, "card")
        self._card_layout = QGridLayout(card)
        self._card_layout.setContentsMargins(28, 20, 28, 20)
        self._card_layout.setHorizontalSpacing(32)
        self._card_layout.setVerticalSpacing(12)
        self.qr = QrCodeWidget("", QR_PX, card)
        self.qr.setFixedSize(QR_PX, QR_PX)
        texts, column = plain_box(card, QVBoxLayout, 12)
        self.scan = heading(
            QT_TRANSLATE_NOOP("BookedScreen", "Scan to keep your appointment link on your phone"),
            "subheading",
            texts,
            centred=False,
        )
        link_label = heading(
            QT_TRANSLATE_NOOP("BookedScreen", "Or type this link:"), "hint", texts, centred=False
        )
        self.link = QLabel(texts)
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.link.setProperty("screens", "link-text")
        column.addStretch(1)
        for widget in (self.scan, link_label, self.link):
            column.addWidget(widget)
        column.addStretch(1)
        self._texts = texts
        self._place_card(portrait=False)
        return card

    def _place_card(self, portrait: bool) -> None:
        self._card_layout.removeWidget(self.qr)
        self._card_layout.removeWidget(self._texts)
        if portrait:
            self._card_layout.addWidget(self.qr, 0, 0, Qt.AlignmentFlag.AlignHCenter)
            self._card_layout.addWidget(self._texts, 1, 0)
        else:
            self._card_layout.addWidget(self.qr, 0, 0)
            self._card_layout.addWidget(self._texts, 0, 1)

    def on_orientation(self, portrait: bool) -> None:
        self.check.setVisible(portrait)  # landscape needs the height for the QR code
        edge = QR_PORTRAIT_PX if portrait else QR_PX
        self.qr.setFixedSize(edge, edge)
        self._place_card(portrait)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event) and self._booking is not None:
            self.set_booking(self._booking)  # the date and time in the new language
        super().changeEvent(event)

    def set_booking(self, booking: Booking) -> None:
        self._booking = booking
        day, time = booking_texts(booking)
        set_text(self.date, day)
        self.date.setVisible(bool(day))
        set_text(self.time, time)
        provider = (booking.provider_name or "").strip()
        set_text(self.provider, WITH.format(provider=provider) if provider else "")
        self.provider.setVisible(bool(provider))
        link = booking.link or ""
        self.qr.set_text(link)
        set_text(self.link, link)
        self.link_card.setVisible(bool(link))

    def clear(self) -> None:
        self._booking = None
        self.qr.set_text("")
        self.link.clear()
        self.date.clear()
        self.time.clear()
        self.provider.clear()
