"""WCAG contrast of the theme as drawn: every text colour the style sheet sets, against the
background it sets (or, without one, every page and card background text sits on). Body text
needs AAA (7:1); large text — 24 px, or 18.67 px bold — AA (4.5:1); the focus ring 3:1."""

from __future__ import annotations

import re

import pytest

from kiosk.ui.theme import Palette, TypeScale, stylesheet

AAA, AA, NON_TEXT = 7.0, 4.5, 3.0
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
PROP = re.compile(r"(?<![-\w])([a-z-]+)\s*:\s*([^;]+);")
#: Text that is not there to be read (WCAG 1.4.3 exempts inactive controls), and parts that
#: draw no text (a progress bar's chunk, a scroll bar's handle).
EXEMPT = (":disabled", "::chunk", "::handle")


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_large(props: dict[str, str]) -> bool:
    size = props.get("font-size", f"{TypeScale().font_body}px")
    px = int(size.removesuffix("px")) if size.endswith("px") else TypeScale().font_body
    bold = props.get("font-weight", "400") in ("600", "700", "bold")
    return px >= 24 or (bold and px >= 18.67)


def rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """(one selector, its properties), comma lists split, comments dropped."""
    out = []
    for selectors, body in RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        props = dict(PROP.findall(body))
        out.extend((" ".join(sel.split()), props) for sel in selectors.split(","))
    return out


def cascaded(selector: str, every: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """What applies to ``selector``: the rules it refines (``QPushButton`` then
    ``QPushButton[role="primary"]`` for ``QPushButton[role="primary"]:pressed``), then its own."""
    merged: dict[str, str] = {}
    for other, props in sorted(every, key=lambda rule: len(rule[0])):
        if selector.startswith(other) and (other == selector or selector[len(other)] in "[:"):
            merged.update(props)
    return merged


def text_pairs(sheet: str) -> list[tuple[str, str, str, bool]]:
    """(selector, text colour, background, large) for every rule that colours text or
    paints a background under text."""
    palette = Palette()
    page_backgrounds = {palette.background, palette.surface}
    every = rules(sheet)
    pairs = []
    for selector, own in every:
        if "color" not in own and "background" not in own:
            continue
        if any(x in selector for x in EXEMPT):
            continue
        props = cascaded(selector, every)
        colour = props.get("color", Palette().text).strip()
        background = props.get("background", "").strip()
        if not colour.startswith("#"):
            continue
        grounds = {background} if background.startswith("#") else page_backgrounds
        for ground in grounds:
            pairs.append((selector, colour, ground, is_large(props)))
    return pairs


def test_every_text_colour_meets_wcag_on_its_background() -> None:
    problems = []
    pairs = text_pairs(stylesheet(focus_ring=True))
    for selector, colour, ground, large in pairs:
        need = AA if large else AAA
        ratio = contrast(colour, ground)
        if ratio < need:
            problems.append(f"{selector}: {colour} on {ground} is {ratio:.2f}:1, needs {need}")
    assert not problems, "\n".join(problems)
    assert len(pairs) > 30


@pytest.mark.parametrize(
    "ground", ["background", "surface", "primary_bg", "primary", "border_strong"]
)
def test_the_focus_ring_stands_out_from_what_it_is_drawn_on(ground: str) -> None:
    palette = Palette()
    assert contrast(palette.focus, getattr(palette, ground)) >= NON_TEXT
    assert "{focus}" not in stylesheet(focus_ring=True)


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
