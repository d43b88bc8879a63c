"""Shared kiosk widgets: overlays, banners, QR code, big buttons, the screen frame."""

from kiosk.ui.widgets.banners import ConnectionBanner, SandboxBadge
from kiosk.ui.widgets.busy_overlay import BusyOverlay
from kiosk.ui.widgets.buttons import CardButton, big_button
from kiosk.ui.widgets.error_panel import ErrorPanel
from kiosk.ui.widgets.header import ScreenHeader, icon
from kiosk.ui.widgets.pulse import PulseIndicator
from kiosk.ui.widgets.qr_code import QrCodeWidget, qr_matrix
from kiosk.ui.widgets.screen import NoticeBox, Screen, centred_column, heading
from kiosk.ui.widgets.scroll import ScrollColumn, scroll_area_of

__all__ = [
    "BusyOverlay",
    "CardButton",
    "ConnectionBanner",
    "ErrorPanel",
    "NoticeBox",
    "PulseIndicator",
    "QrCodeWidget",
    "SandboxBadge",
    "Screen",
    "ScreenHeader",
    "ScrollColumn",
    "big_button",
    "centred_column",
    "heading",
    "icon",
    "qr_matrix",
    "scroll_area_of",
]
