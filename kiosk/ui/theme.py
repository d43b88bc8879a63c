"""The kiosk's look: calm colours, large type and large touch targets, applied once per app."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, replace
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.constants import LARGE_TEXT_SCALE, MIN_TOUCH_TARGET_PX
from kiosk.resources import STYLE_SHEET, resource_path

#: Any widget type: ``set_role`` hands back the widget it was given, typed as it was.
W = TypeVar("W", bound=QWidget)

log = logging.getLogger("kiosk.ui")


@dataclass(frozen=True)
class Palette:
    """Colour tokens. Body text meets WCAG AAA (7:1) on the page and card backgrounds, large
    text AA (4.5:1); tests/unit/ui/test_contrast.py checks every pair the style sheet draws."""

    background: str = "#F4F7F8"
    surface: str = "#FFFFFF"
    text: str = "#1B2A33"
    muted: str = "#445159"  # 7.6:1 on the page (it was #55656F: 5.6:1, below AAA)
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
    #: The keyboard focus ring (audio guidance, keyboard or keypad use): near black, at least
    #: 3:1 against the page, the cards and the teal of a primary button it replaces, so the
    #: focused control stands out from its unfocused self too (WCAG 2.4.7, 1.4.11, 2.4.13).
    focus: str = "#05080B"


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

    def scaled(self, factor: float) -> TypeScale:
        """Every font size times ``factor`` (large text), but none past the largest size the
        theme already has (display type is large enough, and a 86 px Welcome title would push
        "Check in" off a 800 px screen); touch targets stay as they are."""
        fonts = {name: value for name, value in asdict(self).items() if name.startswith("font_")}
        cap = max(fonts.values())
        return replace(self, **{name: min(cap, round(v * factor)) for name, v in fonts.items()})


#: The QSS between these markers draws the keyboard focus ring; ``stylesheet`` leaves it out
#: unless asked (a touch patient's tapped button needs no ring).
FOCUS_RING_BEGIN = "/* focus-ring: begin */"
FOCUS_RING_END = "/* focus-ring: end */"


def _without_focus_ring(text: str) -> str:
    start, end = text.find(FOCUS_RING_BEGIN), text.find(FOCUS_RING_END)
    if start < 0 or end < start:
        raise KeyError("kiosk.qss has no focus-ring section")
    return text[:start] + text[end + len(FOCUS_RING_END) :]


def stylesheet(
    palette: Palette | None = None, scale: TypeScale | None = None, focus_ring: bool = False
) -> str:
    """The QSS with every ``{token}`` replaced; unknown tokens are a bug and raise KeyError.
    ``focus_ring`` keeps the section that outlines the focused widget (keyboard use)."""
    text = resource_path(STYLE_SHEET).read_text(encoding="utf-8")
    if not focus_ring:
        text = _without_focus_ring(text)
    tokens = {**asdict(palette or Palette()), **asdict(scale or TypeScale())}
    for key, value in tokens.items():
        text = text.replace("{" + key + "}", str(value))
    leftover = re.search(r"\{[a-z_]+\}", text)
    if leftover:
        raise KeyError(f"kiosk.qss uses {leftover.group(0)}, which the theme does not define")
    return text


def apply_stylesheet(
    target: QApplication | QWidget, large_text: bool = False, focus_ring: bool = False
) -> None:
    """(Re)style ``target`` (the application, or one window in tests) for one patient's
    choices: text ``LARGE_TEXT_SCALE`` times larger, the focus ring drawn or not."""
    scale = TypeScale().scaled(LARGE_TEXT_SCALE) if large_text else TypeScale()
    target.setStyleSheet(stylesheet(scale=scale, focus_ring=focus_ring))


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


__all__ = [
    "Palette",
    "TypeScale",
    "apply_stylesheet",
    "apply_theme",
    "set_invalid",
    "set_role",
    "stylesheet",
]
