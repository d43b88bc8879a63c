"""The on-screen keyboard's layouts as data, and which one a field's input hints ask for."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import Qt

from kiosk.i18n.message import QT_TRANSLATE_NOOP


class Action(Enum):
    """What a key does when tapped."""

    TEXT = "text"  # type ``Key.text``
    BACKSPACE = "backspace"
    SHIFT = "shift"
    ENTER = "enter"
    HIDE = "hide"
    LAYOUT = "layout"  # switch to the layout named by ``Key.text``


class LayoutName(Enum):
    LETTERS = "letters"
    ACCENTS = "accents"
    SYMBOLS = "symbols"
    EMAIL = "email"
    URL = "url"
    NUMBER = "number"
    DECIMAL = "decimal"
    PHONE = "phone"


@dataclass(frozen=True)
class Key:
    """One key: its label, its action, the text it types, its width in key units and the
    letters a long press offers (accents)."""

    label: str
    action: Action = Action.TEXT
    text: str = ""
    width: float = 1.0
    variants: tuple[str, ...] = ()

    @property
    def types(self) -> str:
        return self.text or self.label


@dataclass(frozen=True)
class Layout:
    """Rows of keys; ``pad`` layouts (digits, phone) are drawn narrower and centred."""

    name: LayoutName
    rows: tuple[tuple[Key, ...], ...]
    pad: bool = False
    shiftable: bool = field(default=False)


#: Long-press alternatives (lower case; Shift makes them upper case).
VARIANTS: dict[str, tuple[str, ...]] = {
    "a": ("á", "à", "â", "ä", "ã", "å"),
    "e": ("é", "è", "ê", "ë"),
    "i": ("í", "ì", "î", "ï"),
    "o": ("ó", "ò", "ô", "ö", "õ", "ø"),
    "u": ("ú", "ù", "û", "ü"),
    "n": ("ñ",),
    "c": ("ç",),
    "y": ("ý", "ÿ"),
    "s": ("ß",),
}

BACKSPACE = Key("⌫", Action.BACKSPACE, width=1.5)
SHIFT = Key("⇧", Action.SHIFT, width=1.5)
HIDE = Key(QT_TRANSLATE_NOOP("Keyboard", "Hide"), Action.HIDE, width=1.5)
ENTER = Key(QT_TRANSLATE_NOOP("Keyboard", "Enter"), Action.ENTER, width=1.75)
SPACE = Key(QT_TRANSLATE_NOOP("Keyboard", "space"), Action.TEXT, text=" ", width=4.0)
TO_LETTERS = Key("ABC", Action.LAYOUT, text=LayoutName.LETTERS.value, width=1.5)
TO_SYMBOLS = Key("123", Action.LAYOUT, text=LayoutName.SYMBOLS.value, width=1.5)
TO_ACCENTS = Key("àéñ", Action.LAYOUT, text=LayoutName.ACCENTS.value, width=1.25)
DOT_COM = Key(".com", width=1.75)


def _letters(row: str) -> tuple[Key, ...]:
    return tuple(Key(ch, variants=VARIANTS.get(ch, ())) for ch in row)


def _keys(row: str) -> tuple[Key, ...]:
    return tuple(Key(ch) for ch in row)


_QWERTY = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_DIGITS = _keys("1234567890")
#: The top of the address layouts (e-mail, web): digits and the two upper letter rows.
_ADDRESS_TOP = (_DIGITS, _letters(_QWERTY[0]), _letters(_QWERTY[1]))
#: The top of the number pads: 1–9 with Backspace, Hide and Enter beside them.
_NUMBER_PAD_TOP = ((*_keys("123"), BACKSPACE), (*_keys("456"), HIDE), (*_keys("789"), ENTER))

LETTERS = Layout(
    LayoutName.LETTERS,
    (
        _letters(_QWERTY[0]),
        (*_letters(_QWERTY[1]), Key("'")),
        (SHIFT, *_letters(_QWERTY[2]), Key("-"), BACKSPACE),
        (TO_SYMBOLS, TO_ACCENTS, Key(","), SPACE, Key("."), HIDE, ENTER),
    ),
    shiftable=True,
)
ACCENTS = Layout(
    LayoutName.ACCENTS,
    (
        _keys("áéíóúñüç"),
        _keys("àèìòùöäâ"),
        (SHIFT, *_keys("êîôûëïß"), BACKSPACE),
        (TO_LETTERS, TO_SYMBOLS, SPACE, HIDE, ENTER),
    ),
    shiftable=True,
)
SYMBOLS = Layout(
    LayoutName.SYMBOLS,
    (
        _DIGITS,
        _keys('-/:;()&@"#'),
        (*_keys(".,?!'+*%="), BACKSPACE),
        (TO_LETTERS, TO_ACCENTS, SPACE, HIDE, ENTER),
    ),
)
EMAIL = Layout(
    LayoutName.EMAIL,
    (
        *_ADDRESS_TOP,
        (*_letters(_QWERTY[2]), Key("_"), Key("-"), BACKSPACE),
        (
            Key("@", width=1.25),
            Key("."),
            DOT_COM,
            Key("+"),
            TO_ACCENTS,
            HIDE,
            ENTER,
        ),
    ),
)
URL = Layout(
    LayoutName.URL,
    (
        *_ADDRESS_TOP,
        (*_letters(_QWERTY[2]), Key("-"), Key("_"), BACKSPACE),
        (
            Key("/"),
            Key(":"),
            Key("."),
            DOT_COM,
            Key("?"),
            Key("="),
            HIDE,
            ENTER,
        ),
    ),
)
NUMBER = Layout(
    LayoutName.NUMBER,
    (
        *_NUMBER_PAD_TOP,
        (Key("0", width=3.0),),
    ),
    pad=True,
)
DECIMAL = Layout(
    LayoutName.DECIMAL,
    (
        *_NUMBER_PAD_TOP,
        (Key("-"), Key("0"), Key(".")),
    ),
    pad=True,
)
PHONE = Layout(
    LayoutName.PHONE,
    (
        (*_keys("123"), BACKSPACE),
        (*_keys("456"), Key("+")),
        (*_keys("789"), HIDE),
        (*_keys("*0#"), ENTER),
        (Key("("), Key(")"), Key("-"), Key("space", text=" ")),
    ),
    pad=True,
)

LAYOUTS: dict[LayoutName, Layout] = {
    layout.name: layout
    for layout in (LETTERS, ACCENTS, SYMBOLS, EMAIL, URL, NUMBER, DECIMAL, PHONE)
}

_H = Qt.InputMethodHint

#: Input hint → layout, strongest first (a phone field is also digits-only, say).
LAYOUT_FOR_HINT: tuple[tuple[Qt.InputMethodHint, LayoutName], ...] = (
    (_H.ImhDialableCharactersOnly, LayoutName.PHONE),
    (_H.ImhDigitsOnly, LayoutName.NUMBER),
    (_H.ImhFormattedNumbersOnly, LayoutName.DECIMAL),
    (_H.ImhEmailCharactersOnly, LayoutName.EMAIL),
    (_H.ImhUrlCharactersOnly, LayoutName.URL),
    (_H.ImhPreferNumbers, LayoutName.SYMBOLS),
)


def layout_for_hints(hints: Qt.InputMethodHint) -> LayoutName:
    """The layout a field asks for with ``inputMethodHints()`` (what Qt's own input methods
    read), so any field — the wizard's, the staff console's — gets the right keys without
    knowing about this keyboard; the first hint of ``LAYOUT_FOR_HINT`` it has wins."""
    return next((name for hint, name in LAYOUT_FOR_HINT if hints & hint), LayoutName.LETTERS)


def auto_shift(hints: Qt.InputMethodHint) -> bool:
    """Whether an empty field starts with Shift on (names, sentences), as phones do."""
    no = _H.ImhNoAutoUppercase | _H.ImhLowercaseOnly | _H.ImhSensitiveData | _H.ImhHiddenText
    return not hints & no
