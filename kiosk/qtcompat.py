"""The one place for PySide6 workarounds, each with the releases it is for.

**PySide6 6.8–6.11 (ours: <6.12), per-import source scan.** Stop PySide6 keeping the source
text of every module imported after it.

PySide6 replaces ``__import__`` so that ``from __feature__ import snake_case`` can work
per module (PYSIDE-1019, PYSIDE-2029). For every module imported after PySide6 it decides
whether the module uses PySide by searching its source for "PySide6" — read with
``inspect.getsource``, which leaves every line of every file in ``linecache`` for the rest of
the process. In the kiosk that was ~590 files: ~17 MiB of Python objects at Welcome (a
sixth of the process) and the CPU to read and split them, before the first paint among
others. PySide6 6.11 (ours) does this and upstream's ``feature.py`` still does, so there is
no release to move to; re-check on every PySide6 bump (``tests/unit/test_startup_imports.py``
fails if the scan's hook disappears or starts caching again).

``stop_source_scan()`` swaps in the same test reading the file's bytes, without the cache.
The kiosk uses no ``__feature__``; the answer it gives is the one PySide6 would have given.
Only the kiosk process calls it (the launcher, first thing), never a library import.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger("kiosk.app")

#: Where PySide6 publishes its feature module once ``PySide6`` is imported.
FEATURE_MODULE = "PySide6.support.feature"


def mentions_pyside(module: ModuleType) -> bool:
    """PySide6's test — does the module's source say "PySide6"? — without ``linecache``."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built-in, extension or source-less: PySide6 answers False too
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def stop_source_scan() -> bool:
    """Replace PySide6's source scan with ``mentions_pyside``; False (and nothing changed)
    when PySide6 is not imported yet or its feature module looks different."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True


__all__ = ["mentions_pyside", "stop_source_scan"]
