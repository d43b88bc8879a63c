"""Dates and times as the patient's language writes them (``QLocale`` of the session language).

The date patterns are themselves translated ("dddd, MMMM d" → "dddd, d 'de' MMMM"), so a
language decides its own order and words; the names come from ``QLocale``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n.live import tr_text

#: "Sunday, November 29" / "domingo, 29 de noviembre" (a QLocale date pattern).
LONG_DAY = QT_TRANSLATE_NOOP("Dates", "dddd, MMMM d")
#: A day button: "Mon" over "Nov 30".
SHORT_DAY = QT_TRANSLATE_NOOP("Dates", "MMM d")
TODAY = QT_TRANSLATE_NOOP("Dates", "Today")


def locale() -> QLocale:
    """The default locale (the session language's, set by ``LanguageSwitcher``); the "C"
    locale of a system with no language set counts as US English, as ``DateEntry`` does."""
    current = QLocale()
    return QLocale("en_US") if current.language() == QLocale.Language.C else current


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_day(day: dt.date) -> str:
    return locale().toString(_qdate(day), tr_text(LONG_DAY))


def short_day(day: dt.date) -> str:
    return locale().toString(_qdate(day), tr_text(SHORT_DAY))


def weekday_short(day: dt.date) -> str:
    return locale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def clock(moment: dt.datetime | dt.time) -> str:
    """ "8:00 AM" / "8:00 a. m.": the locale's short time."""
    time = moment.time() if isinstance(moment, dt.datetime) else moment
    return locale().toString(QTime(time.hour, time.minute), QLocale.FormatType.ShortFormat)


__all__ = ["LONG_DAY", "SHORT_DAY", "TODAY", "clock", "long_day", "short_day", "weekday_short"]
