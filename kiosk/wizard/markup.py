"""Section label markup: `**bold**` becomes <b>, everything else is escaped text."""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def label_html(text: str) -> str:
    """Rich text for a QLabel: HTML-escaped, ``**bold**`` spans bold, whitespace collapsed."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _BOLD.sub(r"<b>\1</b>", escaped)
