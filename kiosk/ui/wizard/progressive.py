"""``BuildQueue``: a step is drawn within a frame, its questions below it in the frames after.

Every widget costs a fraction of a millisecond to build, polish, lay out and paint; the
largest example step is 2470 px of questions in a 540 px tall scroll area. A step built
with a queue builds the questions that fill the first screen — as many as ``FIRST_FRAME_MS``
allows, at least one — is drawn, and then builds the rest in short slices between frames
(see `StepView`), in order: first the rest of the first screen, shown as soon as it is
built, then the questions below it. The patient sees the new step (its heading, first
questions and buttons) in the frame after the tap, the whole first screen a frame or two
later, and taps are never held up by more than one slice. Anything that reads the answers
(Next, Join now) finishes the build first.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.constants import WIZARD_SEARCHABLE_SELECT_MIN
from kiosk.wizard import Field

#: GUI-thread CPU time spent making questions per slice once the step is on screen (ms).
#: Styling and laying out what a slice made costs about as much again, so a slice with its
#: paint stays within a 60 Hz frame; fewer, larger slices cost less in all (each one lays
#: the step out and repaints what is on screen once).
SLICE_MS = 5.0
#: GUI-thread CPU time a step may spend making its first screen's questions before it is
#: drawn (ms): its heading, first questions and buttons then reach the screen within a 60 Hz
#: frame of the tap, with styling, layout and paint (see tests/benchmarks/bench_wizard.py).
FIRST_FRAME_MS = 1.5
#: Rough heights (px) of a question by its kind, label and spacing included: enough to
#: decide which questions the first screen shows. A wrong guess only moves a question from
#: the first frame to the next slice or the other way.
FIELD_PX = 140
TALL_FIELD_PX = {"textarea": 240, "array": 320, "range": 160, "help": 90, "hidden": 0}
SEARCH_LIST_PX = 450
CHOICE_ROW_PX = 100
#: Chips of a multiple choice: about this many to a row, this tall with the gap below.
CHIPS_PER_ROW = 4
CHIP_ROW_PX = 76
GROUP_TITLE_PX = 50
#: Used when no screen is known (no QGuiApplication screen yet).
FALLBACK_SCREEN_PX = 800
#: A step's header and action bar (px): the rest of the screen is its scroll area.
STEP_CHROME_PX = 250


class LateBuilder(Protocol):
    """A form that holds questions not built yet (see `FieldsForm`), or a question with parts
    not built yet (see `ChoiceField`)."""

    def has_pending(self) -> bool: ...

    def first_screen_pending(self) -> bool:
        """Whether some of what it holds back belongs on the first screen."""
        ...

    def build_pending(self, until: float | None = None) -> None: ...


def first_screen_px() -> int:
    """How much of a step the patient can see at once: the screen's height (the window is
    never larger) less the step's header and action bar."""
    screen = QGuiApplication.primaryScreen()
    height = screen.availableGeometry().height() if screen is not None else FALLBACK_SCREEN_PX
    return max(height - STEP_CHROME_PX, FIELD_PX)


def estimated_px(item: Field) -> int:
    """A guess of ``item``'s height on screen, before it is built."""
    if item.kind == "fieldset" and item.unsupported is None:
        return GROUP_TITLE_PX + sum(estimated_px(child) for child in item.children)
    if item.kind in TALL_FIELD_PX:
        return TALL_FIELD_PX[item.kind]
    if item.multiple and item.options:
        return FIELD_PX + CHIP_ROW_PX * math.ceil(len(item.options) / CHIPS_PER_ROW)
    if item.kind in ("select", "radios") and not item.multiple:
        if len(item.options) >= WIZARD_SEARCHABLE_SELECT_MIN:
            return SEARCH_LIST_PX
        return FIELD_PX - CHOICE_ROW_PX + CHOICE_ROW_PX * math.ceil(len(item.options) / 2)
    return FIELD_PX


class Placement(Enum):
    """When a question is built: before the step's first frame, in the slice right after it
    (still on the first screen), or later (below it)."""

    NOW = "now"
    SOON = "soon"
    LATER = "later"


class BuildQueue:
    """The first screen's height and time in questions, then the forms with questions still
    to build.

    ``place`` is asked per question while a step is built; once the screen is full or its
    first frame's time is spent, every further question waits in its form, which registers
    itself with ``add``. ``run_slice`` builds waiting questions in order, form by form, for
    about ``SLICE_MS``; ``finish`` builds all of them at once.
    """

    def __init__(self, room_px: int, budget_ms: float | None = None) -> None:
        self.room_px = room_px
        budget = FIRST_FRAME_MS if budget_ms is None else budget_ms
        self._deadline = time.thread_time() + budget / 1000
        self._placed = False
        self._forms: list[LateBuilder] = []
        #: True while the step's first frame is being built (until the first slice).
        self.first_frame = True

    def out_of_time(self) -> bool:
        """Whether the first frame's time is spent: a question with many parts (27 chips)
        builds the rest of them after it."""
        return time.thread_time() >= self._deadline

    def place(self, px: int) -> Placement:
        """When a question of about ``px`` is built (and keep its room on the first screen)."""
        on_screen = self.room_px > 0
        self.room_px -= px
        if not on_screen:
            return Placement.LATER
        if self._placed and self.out_of_time():
            return Placement.SOON
        self._placed = True
        return Placement.NOW

    def add(self, form: LateBuilder) -> None:
        self._forms.append(form)

    @property
    def pending(self) -> bool:
        return any(form.has_pending() for form in self._forms)

    @property
    def first_screen_pending(self) -> bool:
        """Whether the first screen still lacks questions (its time ran out): they are the
        next slice's."""
        return any(form.first_screen_pending() for form in self._forms)

    def _next_form(self) -> LateBuilder | None:
        while self._forms and not self._forms[0].has_pending():
            self._forms.pop(0)
        return self._forms[0] if self._forms else None

    def run_slice(self, budget_ms: float = SLICE_MS) -> bool:
        """Build questions for about ``budget_ms``; True while some are still waiting."""
        self.first_frame = False
        end = time.thread_time() + budget_ms / 1000
        while (form := self._next_form()) is not None:
            form.build_pending(until=end)
            if time.thread_time() >= end:
                break
        return self.pending

    def finish(self) -> bool:
        """Build every waiting question now; True if there was any."""
        self.first_frame = False
        built = False
        while (form := self._next_form()) is not None:
            form.build_pending()
            built = True
        return built


class LateJobs:
    """Other work for after the first frame (a step's sections below it, or on the first
    screen when its time ran out), run in order; ``done`` is called once the last job has
    run."""

    def __init__(self, done: Callable[[], None] | None = None) -> None:
        self._jobs: list[Callable[[], None]] = []
        self._done = done
        #: Whether the first job is on the first screen (held back because time ran out).
        self.on_screen = False

    def add(self, job: Callable[[], None]) -> None:
        self._jobs.append(job)

    def has_pending(self) -> bool:
        return bool(self._jobs)

    def first_screen_pending(self) -> bool:
        return self.on_screen and bool(self._jobs)

    def build_pending(self, until: float | None = None) -> None:
        while self._jobs:
            self._jobs.pop(0)()
            if self._jobs and until is not None and time.thread_time() >= until:
                return
        if self._done is not None:
            self._done()
            self._done = None


def tab_stops(widget: QWidget) -> list[QWidget]:
    """The widgets inside ``widget`` that Tab stops at, in the order they were made."""
    tab = Qt.FocusPolicy.TabFocus
    return [
        w for w in widget.findChildren(QWidget) if w.focusPolicy() & tab and w.focusProxy() is None
    ]


def tab_after(previous: QWidget | None, widget: QWidget) -> None:
    """Put ``widget``'s tab stops right after ``previous`` (a widget built after the step's
    buttons would otherwise come after them)."""
    if previous is None:
        return
    for stop in tab_stops(widget):
        QWidget.setTabOrder(previous, stop)
        previous = stop
