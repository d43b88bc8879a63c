"""``protect_singletons()``: keep PySide6 6.12.0 from freeing None/True/False under a busy UI.

PySide6/shiboken 6.12.0 on Python 3.11 returns ``None`` from every void method (``setText``,
``update``, ``processEvents``, ``QPainter.drawRect``…) without taking a reference for it, so
each call lowers None's reference count by one (``kiosk.session.emitting`` describes the same
bug for the ``True``/``False`` that ``emit`` returns). A process starts with ~30 000
references to None; a pulse animation alone makes hundreds of void calls a second, so an idle
kiosk would abort with "Fatal Python error: none_dealloc" within minutes. Python 3.12 made
these singletons immortal; this gives 3.11 the same protection by adding 2**40 references
once, which no kiosk can use up. Harmless with a fixed PySide6 (the singletons are never freed
anyway). Call once at start-up, on the GUI thread, before the first window shows.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("kiosk.ui")

_RESERVE = 1 << 40
_LOW_WATER = 1 << 32


def protect_singletons() -> bool:
    """Top up None/True/False's reference counts on CPython < 3.12; True if it did.

    Idempotent: counts already above ``2**32`` are left alone.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    changed = False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Include/object.h).
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _LOW_WATER:
            refcount.value += _RESERVE
            changed = True
    if changed:
        log.info("refcount_guard.applied")
    return changed
