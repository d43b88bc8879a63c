"""``GuiThreadCollector``: Python's cyclic garbage collector, run on the GUI thread only.

The kiosk process has threads besides the GUI thread: the fleet health and metrics server's
request threads (a scraper every few seconds, for days), asyncio's executor (pictures shrunk
for upload, name lookups). Python runs a collection on whichever thread happens to allocate
when a generation fills. A collection there that frees a QObject (a reference cycle holding
one with no Qt parent) destroys it on the wrong thread: Qt cannot stop its timers from there
("QObject::~QObject: Timers cannot be stopped from another thread"), and a timer later fires
on freed memory — a segfault hours into a kiosk's day, far from its cause. So while this
runs the automatic collector is off, and a timer on the GUI thread collects by the
collector's own thresholds (the approach of pyqtgraph's ``GarbageCollector``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the collector's counts (ms): garbage waits at most this
#: long, and a look that finds nothing to do costs microseconds.
COLLECT_INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """``start()`` turns automatic collection off and collects from a GUI-thread timer;
    ``stop()`` puts the collector back as it was."""

    def __init__(self, interval_ms: int = COLLECT_INTERVAL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.on_timer_timeout)

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def on_timer_timeout(self) -> None:
        """Collect the generations Python would have collected by now (its thresholds and
        counts: a young collection when enough objects were made, an older one when enough
        younger ones ran)."""
        young, middle, old = gc.get_count()
        young_limit, middle_limit, old_limit = gc.get_threshold()
        if young <= young_limit:
            return
        generation = 0
        if middle > middle_limit:
            generation = 2 if old > old_limit else 1
        gc.collect(generation)
