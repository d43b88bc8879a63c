"""Translation in the UI: translating session messages, live texts, the language switch."""

from kiosk.ui.i18n.live import is_language_change, live, retranslate_all, set_text, tr_text
from kiosk.ui.i18n.switcher import LanguageSwitcher

__all__ = [
    "LanguageSwitcher",
    "is_language_change",
    "live",
    "retranslate_all",
    "set_text",
    "tr_text",
]
