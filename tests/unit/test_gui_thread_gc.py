"""The cyclic collector runs on the GUI thread only: never on a thread that allocates."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.gui_thread_gc import GuiThreadCollector


class Node:
    """Something to put in a reference cycle (only the cyclic collector frees it)."""

    partner: Any = None


@pytest.fixture
def collector(qapp) -> Iterator[GuiThreadCollector]:
    collector = GuiThreadCollector(interval_ms=5)
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The thread ident of every collection while the test runs."""
    seen: list[int] = []

    def on_gc(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(on_gc)
    yield seen
    gc.callbacks.remove(on_gc)


def cycle() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.partner, b.partner = b, a
    return weakref.ref(a)


def test_automatic_collection_is_off_while_it_runs_and_back_after(qapp) -> None:
    assert gc.isenabled()
    collector = GuiThreadCollector(interval_ms=5)
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


def test_a_thread_that_allocates_never_collects(collector, collections, qtbot) -> None:
    def allocate() -> None:
        for _ in range(2000):
            cycle()  # thousands of objects: past the young generation's threshold

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert collections == []
    garbage = cycle()
    qtbot.waitUntil(lambda: garbage() is None)  # collected by the GUI thread's timer
    assert collections and set(collections) == {threading.get_ident()}


def test_nothing_is_collected_below_the_threshold(collector, collections) -> None:
    gc.collect()
    collections.clear()
    collector.on_timer_timeout()  # nothing allocated since: the counts are low
    assert collections == []
    for _ in range(2000):
        cycle()
    collector.on_timer_timeout()
    assert collections == [threading.get_ident()]
