"""What audio guidance says: a screen's title and text, a control with its role and state.

Plain functions over widgets, so the guide and its tests read screens the same way.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kiosk.ui.accessibility.names import accessible_name, plain
from kiosk.ui.accessibility.reading_order import reading_order

#: pyside6-lupdate files a module-level ``tr("…")`` under the empty context, so the spoken
#: words are looked up there (kiosk_es.ts, context "").
CONTEXT = ""
#: Enough like HTML for Qt's AutoText to render it as rich text.
_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")

#: Labels that say an error (announced as it appears).
_SKIPPED_ROLES = {"error"}
_SKIPPED_WIZARD = {"field-label", "step-error", "summary", "error-icon", "addon"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label_text(label: QLabel) -> str:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and _TAG.search(text) is not None
    )
    if rich:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return plain(text)


def _inside_button(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractButton):
            return True
        parent = parent.parentWidget()
    return False


def screen_text(root: QWidget) -> str:
    """The text ``root`` shows, in reading order: titles, instructions, figures, notices —
    not the labels of fields and buttons (said with their control) nor error lines (said as
    they appear)."""
    labels = [
        label
        for label in root.findChildren(QLabel)
        if label.isVisible()
        and label.buddy() is None
        and label.property("role") not in _SKIPPED_ROLES
        and label.property("wizard") not in _SKIPPED_WIZARD
        and not _inside_button(label, root)
    ]
    parts: list[str] = []
    for label in reading_order(root, list(labels)):
        assert isinstance(label, QLabel)
        text = label_text(label)
        if text and text not in parts:
            parts.append(text)
    return sentences(parts)


def sentences(parts: list[str]) -> str:
    """Parts joined so a voice pauses between them."""
    out = []
    for part in parts:
        part = part.strip()
        if part:
            out.append(part if part[-1] in ".!?:…" else part + ".")
    return " ".join(out)


def control_text(widget: QWidget) -> str:
    """``"Walk-in visit, button"``, ``"Yes, selected"``, ``"First name, text box, Ada"``,
    then its error if it has one. A password is never read out."""
    name = accessible_name(widget)
    parts = [name] if name else []
    if isinstance(widget, (QCheckBox, QRadioButton)):
        parts.append(tr("check box") if isinstance(widget, QCheckBox) else tr("option"))
        parts.append(tr("checked") if widget.isChecked() else tr("not checked"))
    elif isinstance(widget, QAbstractButton):
        if widget.isCheckable():
            parts.append(tr("selected") if widget.isChecked() else tr("not selected"))
        else:
            parts.append(tr("button"))
    elif isinstance(widget, QLineEdit):
        parts.append(tr("text box"))
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            parts.append(tr("hidden") if widget.text() else tr("empty"))
        else:
            parts.append(widget.text() or tr("empty"))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        parts.append(tr("text box"))
        parts.append(widget.toPlainText() or tr("empty"))
    elif isinstance(widget, QListWidget):
        parts.append(tr("list"))
        item = widget.currentItem()
        if item is not None:
            parts.append(plain(item.text()))
    elif isinstance(widget, QAbstractItemView):
        parts.append(tr("list"))
    elif isinstance(widget, QTabBar):
        parts.append(tr("tab"))
        parts.append(widget.tabText(widget.currentIndex()))
    if not widget.isEnabled():
        parts.append(tr("unavailable"))
    description = plain(widget.accessibleDescription())
    if description:
        parts.append(description)
    return sentences([", ".join(p for p in parts if p)])


__all__ = ["control_text", "label_text", "screen_text", "sentences", "tr"]
