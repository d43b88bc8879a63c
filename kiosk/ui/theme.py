"""The kiosk's look: calm colours, large type and large touch targets, applied once per app."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.constants import MIN_TOUCH_TARGET_PX
from kiosk.resources import STYLE_SHEET, resource_path

#: Any widget type: ``set_role`` hands back the widget it was given, typed as it was.
W = TypeVar("W", bound=QWidget)

log = logging.getLogger("kiosk.ui")


@dataclass(frozen=True)
class Palette:
    """Colour tokens; chosen for AA contrast on the off-white background."""

    background: str = "#F4F7F8"
    surface: str = "#FFFFFF"
    text: str = "#1B2A33"
    muted: str = "#55656F"
    border: str = "#DCE3E7"
    border_strong: str = "#B7C4CB"
    pressed: str = "#E6EEF0"
    primary: str = "#0B6E6E"
    primary_pressed: str = "#085757"
    primary_bg: str = "#E1F2F1"
    primary_border: str = "#A7D6D3"
    primary_text: str = "#064C4C"
    on_primary: str = "#FFFFFF"
    error: str = "#B3261E"
    error_bg: str = "#FCEEEE"
    error_text: str = "#7A1A14"
    warning_bg: str = "#FFF4D6"
    warning_border: str = "#E8C468"
    warning_text: str = "#5C4300"
    disabled_bg: str = "#EEF1F3"
    disabled_text: str = "#8A979E"


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes; a kiosk is read at arm's length, so the body is 22 px."""

    font_body: int = 22
    font_small: int = 19
    font_button: int = 22
    font_subheading: int = 26
    font_heading: int = 36
    font_title: int = 48
    font_figure: int = 64
    touch: int = max(MIN_TOUCH_TARGET_PX, 64)


def stylesheet(palette: Palette | None = None, scale: TypeScale | None = None) -> str:
    """The QSS with every ``{token}`` replaced; unknown tokens are a bug and raise KeyError."""
    text = resource_path(STYLE_SHEET).read_text(encoding="utf-8")
    tokens = {**asdict(palette or Palette()), **asdict(scale or TypeScale())}
    for key, value in tokens.items():
        text = text.replace("{" + key + "}", str(value))
    leftover = re.search(r"\{[a-z_]+\}", text)
    if leftover:
        raise KeyError(f"kiosk.qss uses {leftover.group(0)}, which the theme does not define")
    return text


def apply_theme(app: QApplication) -> None:
    """Set the application font and stylesheet; call once before the first window shows."""
    font = QFont()
    font.setFamilies(["Inter", "Noto Sans", "DejaVu Sans", "Sans Serif"])
    font.setPixelSize(TypeScale().font_body)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    # Names the folder in use: the checkout's resources/ or an installed kiosk/_resources.
    log.info("theme.loaded file=%s", resource_path(STYLE_SHEET))


def _restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a property change. A widget not yet polished gets its
    style when first shown, so re-polishing it now would only cost time (a large wizard step
    tags hundreds of widgets while it is built)."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def set_role(widget: W, role: str) -> W:
    """Tag a widget with a theme role (``primary``, ``heading``, ``card``…) and restyle it."""
    widget.setProperty("role", role)
    _restyle(widget)
    return widget


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark an input as invalid so the theme draws its error border."""
    widget.setProperty("invalid", "true" if invalid else "false")
    _restyle(widget)


__all__ = ["Palette", "TypeScale", "apply_theme", "set_invalid", "set_role", "stylesheet"]
