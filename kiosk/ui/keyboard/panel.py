"""``KeyboardPanel``: the keys themselves — every layout built once (when first needed), one
shown at a time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.i18n import is_language_change, tr_text
from kiosk.ui.keyboard.layouts import LAYOUTS, Action, Key, Layout, LayoutName
from kiosk.ui.widgets.boxes import plain_box

#: Smallest key edge (px): a fingertip, on the smallest supported screen. Also in kiosk.qss.
MIN_KEY_PX = 56
#: Key height on tall screens (px). Also in kiosk.qss (``keysize="large"``).
LARGE_KEY_PX = 72
#: A letter held this long offers its accents.
LONG_PRESS_MS = 450
KEY_SPACING = 8
#: The letter rows never grow wider than this (px); number pads than ``PAD_MAX_WIDTH``.
ROWS_MAX_WIDTH = 1240
PAD_MAX_WIDTH = 560
#: Accessible names of the keys whose face is a symbol.
SPOKEN = {"⌫": "Delete", "⇧": "Shift", "space": "Space"}


class KeyButton(QPushButton):
    """A key: never takes the focus (the text field keeps it), shows its press, and after a
    long press emits ``held`` instead of ``tapped``."""

    tapped = Signal(object)
    held = Signal(object)

    def __init__(self, key: Key, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.set_face(key.label)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Widths come from the row's stretch factors and the theme's min-width, never from
        # the label (an unpolished "space" key once widened the window past the screen).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAutoRepeat(key.action is Action.BACKSPACE)
        self.setProperty("keyboard", "key" if key.action is Action.TEXT else "action")
        if key.action is Action.ENTER:
            self.setProperty("keyboard", "enter")
        self.setAccessibleName(SPOKEN.get(key.label, key.label))
        self._held = False
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(LONG_PRESS_MS)
        self._hold.timeout.connect(self.on_hold_timeout)
        self.pressed.connect(self.on_pressed)
        self.clicked.connect(self.on_clicked)

    @property
    def face(self) -> str:
        """What the key shows (``text()`` doubles "&", Qt's mnemonic marker)."""
        return self._face

    def set_face(self, face: str) -> None:
        """``face`` (the key's label, Shift applied) is what ``button(label)`` finds; the text
        shown is its translation ("Hide" → "Ocultar"; a letter is itself)."""
        self._face = face
        self.setText(tr_text(face).replace("&", "&&"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.setText(tr_text(self._face).replace("&", "&&"))
        super().changeEvent(event)

    def on_pressed(self) -> None:
        self._held = False
        if self.key.variants:
            self._hold.start()

    def on_hold_timeout(self) -> None:
        if self.isDown():
            self._held = True
            self.held.emit(self.key)

    def on_clicked(self) -> None:
        self._hold.stop()
        if not self._held:
            self.tapped.emit(self.key)


class KeyboardPanel(QFrame):
    """Emits what a tap means — ``typed(text)``, ``backspace``, ``enter``, ``hide_requested`` —
    and handles Shift, layout keys and the long-press accent strip itself. Sends nothing to
    any widget: ``KeyboardController`` delivers the keys to the focused field."""

    typed = Signal(str)
    backspace = Signal()
    enter = Signal()
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setProperty("keyboard", "panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._shift = False
        self._pages: dict[LayoutName, QWidget] = {}
        self._buttons: dict[LayoutName, list[KeyButton]] = {}
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(12, 10, 12, 12)
        self._outer.setSpacing(0)
        self.strip = QFrame(self)
        self.strip.setProperty("keyboard", "variants")
        self.strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._strip_row = QHBoxLayout(self.strip)
        self._strip_row.setContentsMargins(10, 8, 10, 8)
        self._strip_row.setSpacing(KEY_SPACING)
        self.strip.hide()
        self._name = LayoutName.LETTERS
        self.set_key_height(MIN_KEY_PX)

    def _build_pages(self) -> None:
        """Every layout's keys, the first time any is needed (shown, asked for, switched):
        ~240 styled buttons cost more than all the rest of the first window, which shows no
        keyboard, so the window is painted before they exist."""
        if self._pages:
            return
        for name, layout in LAYOUTS.items():
            page = self._build_page(layout)
            page.setVisible(name is self._name)
            self._outer.addWidget(page)
            self._pages[name] = page

    def setVisible(self, visible: bool) -> None:
        if visible:
            self._build_pages()
        super().setVisible(visible)

    def _build_page(self, layout: Layout) -> QWidget:
        """Letter rows are centred rows of keys of different widths (as on a phone); a pad
        is a grid, so its columns line up."""
        page, rows = plain_box(self, QVBoxLayout)
        rows.setSpacing(KEY_SPACING)
        buttons: list[KeyButton] = []

        def key_button(key: Key, holder: QWidget) -> KeyButton:
            button = KeyButton(key, holder)
            button.tapped.connect(self.on_key_tapped)
            button.held.connect(self.on_key_held)
            buttons.append(button)
            return button

        def centred(holder: QWidget) -> None:
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addStretch(1)
            line.addWidget(holder, 100)
            line.addStretch(1)
            rows.addLayout(line)

        if layout.pad:
            holder = QWidget(page)
            holder.setMaximumWidth(PAD_MAX_WIDTH)
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(KEY_SPACING)
            for row_index, keys in enumerate(layout.rows):
                column = 0
                for key in keys:
                    span = max(1, round(key.width))
                    grid.addWidget(key_button(key, holder), row_index, column, 1, span)
                    column += span
            centred(holder)
        else:
            for keys in layout.rows:
                holder = QWidget(page)
                holder.setMaximumWidth(ROWS_MAX_WIDTH)
                row = QHBoxLayout(holder)
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(KEY_SPACING)
                for key in keys:
                    row.addWidget(key_button(key, holder), round(key.width * 4))
                centred(holder)
        self._buttons[layout.name] = buttons
        return page

    # -- state ------------------------------------------------------------------------------

    @property
    def layout_name(self) -> LayoutName:
        return self._name

    @property
    def shifted(self) -> bool:
        return self._shift

    def buttons(self) -> list[KeyButton]:
        """The keys of the layout on show, row by row."""
        self._build_pages()
        return list(self._buttons[self._name])

    def button(self, label: str) -> KeyButton:
        """The key on show whose face reads ``label`` (Shift applied); KeyError if none."""
        self._build_pages()
        for button in self._buttons[self._name]:
            if button.face == label:
                return button
        if not self.strip.isHidden():
            for button in self.strip.findChildren(KeyButton):
                if button.face == label:
                    return button
        raise KeyError(label)

    def set_layout(self, name: LayoutName) -> None:
        self._build_pages()
        self.close_variants()
        if name is self._name:
            return
        self._pages[self._name].hide()
        self._name = name
        self._pages[name].show()
        self._relabel()

    def set_shift(self, on: bool) -> None:
        if on != self._shift:
            self._shift = on
            self._relabel()

    def set_key_height(self, px: int) -> None:
        """``LARGE_KEY_PX`` keys for tall windows, else ``MIN_KEY_PX``. The sizes are in the
        theme (``keysize`` property): sizes set in code would be undone by the style sheet's
        polish, and re-applying them from Python on every event costs a frame."""
        size = "large" if px >= LARGE_KEY_PX else "normal"
        if self.property("keysize") == size:
            return
        self.setProperty("keysize", size)
        for button in self.findChildren(KeyButton):
            button.style().unpolish(button)
            button.style().polish(button)

    def _face(self, key: Key) -> str:
        if key.action is Action.TEXT and len(key.label) == 1 and self._shift:
            return key.label.upper()
        return key.label

    def _relabel(self) -> None:
        self._build_pages()
        for button in self._buttons[self._name]:
            button.set_face(self._face(button.key))
            if button.key.action is Action.SHIFT:
                button.setProperty("active", "true" if self._shift else "false")
                button.style().unpolish(button)
                button.style().polish(button)

    # -- slots ------------------------------------------------------------------------------

    def on_key_tapped(self, key: Key) -> None:
        self.close_variants()
        if key.action is Action.TEXT:
            text = key.types
            self.typed.emit(text.upper() if self._shift and len(text) == 1 else text)
            if self._shift and key.label.isalpha():
                self.set_shift(False)
        elif key.action is Action.BACKSPACE:
            self.backspace.emit()
        elif key.action is Action.SHIFT:
            self.set_shift(not self._shift)
        elif key.action is Action.ENTER:
            self.enter.emit()
        elif key.action is Action.HIDE:
            self.hide_requested.emit()
        elif key.action is Action.LAYOUT:
            self.set_layout(LayoutName(key.text))

    def on_key_held(self, key: Key) -> None:
        """Offer ``key``'s accents in a strip over the top row; one tap types one."""
        self.close_variants()
        self._build_pages()
        for variant in (key.label, *key.variants):
            button = KeyButton(Key(variant), self.strip)
            button.set_face(self._face(button.key))
            button.setFixedWidth(LARGE_KEY_PX)
            button.tapped.connect(self.on_key_tapped)
            self._strip_row.addWidget(button)
        self.strip.adjustSize()
        page = self._pages[self._name]
        width = self.strip.sizeHint().width()
        left = max(0, min(self.width() - width, (self.width() - width) // 2))
        self.strip.setGeometry(QRect(left, page.y(), width, self.strip.sizeHint().height()))
        self.strip.show()
        self.strip.raise_()

    def close_variants(self) -> None:
        if self.strip.isHidden():
            return
        self.strip.hide()
        for button in self.strip.findChildren(KeyButton):
            self._strip_row.removeWidget(button)
            button.deleteLater()
