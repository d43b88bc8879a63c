"""Base of every section widget and the context a step hands to its sections."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.progressive import BuildQueue
from kiosk.wizard import Section, Submission, WizardServices


@dataclass
class SectionContext:
    """What a section may use: the services seam and loads shared by the step's sections.

    ``shared`` lets the four EMR sections of one step await one ``load_emr()`` call. It lives
    as long as one StepView, so nothing a patient loaded outlives their screen. ``builds``
    (None: build everything at once) is where a form leaves the questions below the first
    screen, to be built once the step is drawn.
    """

    services: WizardServices
    shared_loads: dict[str, asyncio.Future[Any]] = field(default_factory=dict)
    builds: BuildQueue | None = None

    def shared(self, name: str, factory: Callable[[], Awaitable[Any]]) -> Awaitable[Any]:
        """One in-flight (or finished) call per name; a failed call is retried on next ask."""
        future = self.shared_loads.get(name)
        if future is None or (future.done() and (future.cancelled() or future.exception())):
            future = asyncio.ensure_future(factory())
            self.shared_loads[name] = future
        return asyncio.shield(future)


class SectionWidget(QFrame):
    """One section of a step. Subclasses fill ``body`` and say what they submit.

    ``state`` is this section's dict in the session's `Answers`: write every choice into it at
    once so Back shows it again. Widgets are built on the GUI thread; async loads go through
    `LoadPanel`.
    """

    #: Fires when an answer changed after validation marked problems (the step recounts).
    problems_changed = Signal()

    #: A Next label to use when the step's server config gives none (e.g. "I Agree").
    next_title_hint: str | None = None
    #: A heading to use when the step's ``name`` is empty.
    fallback_heading: str | None = None
    #: Whether to show ``section.title`` as a subheading above the body.
    shows_title = True

    def __init__(
        self,
        section: Section,
        state: dict[str, Any],
        context: SectionContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.state = state
        self.context = context
        self.setProperty("wizard", "section")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(20)
        if self.shows_title and section.title:
            title = live(QLabel(self), section.title)
            title.setWordWrap(True)
            set_role(title, "subheading")
            self.body.addWidget(title)
            self.title_label = title
        self.build()

    @property
    def services(self) -> WizardServices:
        return self.context.services

    def build(self) -> None:
        """Add this section's widgets to ``self.body``; called once from the constructor."""

    def validate(self) -> list[QWidget]:
        """Show problems inline; return the widgets to focus, first problem first."""
        return []

    def submissions(self) -> list[Submission]:
        """What this section hands to the session when the step is submitted (after validate)."""
        return []

    def open_problems(self) -> int | None:
        """How many problems `validate` marked are still shown (0 once all are fixed); None
        when the section cannot tell (the step then keeps the count Next found)."""
        return None
