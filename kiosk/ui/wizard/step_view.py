"""One wizard step as a touch screen: heading, progress, scrolling sections, Back and Next."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.accessibility.buttons import AccessibilityButtons
from kiosk.ui.accessibility.names import announce
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.scroll import ScrollColumn
from kiosk.ui.wizard import builtin
from kiosk.ui.wizard.registry import SECTION_WIDGETS
from kiosk.ui.wizard.sections.base import SectionContext, SectionWidget
from kiosk.ui.wizard.sections.forms import GenericFormSection
from kiosk.wizard import Answers, Step, Submission, WizardServices
from kiosk.wizard.headings import code_name, step_heading

log = logging.getLogger("kiosk.ui.wizard")

CONTENT_MAX_WIDTH = 980
#: The post-call group: its first step has nowhere to go back to (the call is over).
POST_CALL_GROUP = "visits.post_call"
EMPTY_STEP = "Nothing to fill in here. Tap {next} to continue."
BUSY_TEXT = "Please wait…"
del builtin  # imported for its side effect: the built-in widgets are registered


def _centered(
    outer: QWidget, margins: tuple[int, int, int, int], inner: QWidget | None = None
) -> QWidget:
    """Put ``inner`` (a new widget if None) in ``outer``, centred and at most
    ``CONTENT_MAX_WIDTH`` wide, so header, body and buttons line up on wide screens."""
    row = QHBoxLayout(outer)
    row.setContentsMargins(*margins)
    inner = inner or QWidget(outer)
    inner.setMaximumWidth(CONTENT_MAX_WIDTH)
    row.addStretch(1)
    row.addWidget(inner, 100)
    row.addStretch(1)
    return inner


def attention_text(count: int) -> str:
    """The summary above the buttons when Next finds problems."""
    if count == 1:
        return "1 answer needs your attention."
    return f"{count} answers need your attention."


class StepView(QWidget):
    """Renders ``step``'s sections in order and hands their answers to the session.

    ``answers`` is the session's `Answers` (each section edits its own dict in it, so Back
    shows earlier answers); ``services`` is the session's `WizardServices`; ``progress`` is
    ``(index, total)`` with a 0-based index. Pressing Next validates every section: problems are
    shown inline, counted in a summary line and the first one is scrolled to and focused;
    otherwise ``submitted`` carries every section's submissions, in section order.
    Needs a running qasync loop (sections load data as asyncio tasks).
    """

    submitted = Signal(list)
    back_requested = Signal()

    def __init__(
        self,
        step: Step,
        answers: Answers,
        services: WizardServices,
        progress: tuple[int, int] = (0, 1),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setProperty("wizard", "step")
        self.step = step
        self.answers = answers
        self.context = SectionContext(services)
        self._busy = False
        self._problems_shown = 0
        self._found: dict[int, int] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # The scroll area gets its (still empty) content widget before the sections are built
        # into it: `QScrollArea.setWidget` lays out and polishes what it is given, and a step
        # polished before the window's host takes it is polished again when it moves there
        # (together half the time of building the largest example step).
        body = self._build_body()
        self.sections = self._build_sections()
        outer.addWidget(self._build_header(progress))
        outer.addWidget(body, 1)
        outer.addWidget(self._build_footer())

    # -- construction ---------------------------------------------------------------------
    def _build_sections(self) -> list[SectionWidget]:
        layout = QVBoxLayout(self._column)
        layout.setContentsMargins(0, 8, 0, 32)
        layout.setSpacing(40)
        built: list[SectionWidget] = []
        for position, section in enumerate(self.step.sections):
            cls = SECTION_WIDGETS.get(section.code)
            if cls is None and section.has_schema:
                log.warning("section %s rendered as a generic form", section.code)
                cls = GenericFormSection
            if cls is None:
                log.warning("section %s skipped: no renderer and no schema", section.code)
                continue
            state = self.answers.section_state(self.step, position, section)
            try:
                widget = cls(section, state, self.context, self._column)
            except Exception:
                log.exception("section %s failed to build; skipped", section.code)
                continue
            layout.addWidget(widget)
            widget.problems_changed.connect(self.on_section_problems_changed)
            built.append(widget)
        if not built:
            empty = QLabel(EMPTY_STEP.format(next=self.next_title_for(built)), self._column)
            empty.setWordWrap(True)
            set_role(empty, "muted")
            layout.addWidget(empty)
        layout.addStretch(1)
        return built

    def next_title_for(self, sections: list[SectionWidget]) -> str:
        """The server's ``next.title``; else a section's hint (consent: "I Agree"); else Next."""
        if self.step.next_given:
            return self.step.next_title
        hint = next((s.next_title_hint for s in sections if s.next_title_hint), None)
        return hint or self.step.next_title

    def _build_header(self, progress: tuple[int, int]) -> QWidget:
        outer = QWidget(self)
        outer.setProperty("wizard", "header")
        header = _centered(outer, (48, 28, 48, 12))
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        index, total = progress
        self.progress_label = QLabel(f"Step {index + 1} of {total}", header)
        set_role(self.progress_label, "hint")
        self.progress_bar = QProgressBar(header)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(index + 1, max(total, 1)))
        self.progress_bar.setProperty("wizard", "progress")
        for widget in (self.progress_label, self.progress_bar):
            widget.setVisible(total > 1)
            layout.addWidget(widget)
        heading = self._heading_text()
        self.heading = QLabel(heading, header)
        self.heading.setWordWrap(True)
        set_role(self.heading, "heading")
        self.heading.setVisible(bool(heading))
        layout.addWidget(self.heading)
        return outer

    def _heading_text(self) -> str:
        """What the step is about (see `kiosk.wizard.headings`); the text it came from is not
        repeated below it."""
        heading, label_index = step_heading(self.step)
        first = self.step.sections[0] if self.step.sections else None
        for widget in self.sections:
            if label_index is not None and widget.section is self.step.sections[label_index]:
                widget.hide()
            elif label_index is None and widget.section is first and first.title.strip():
                title = getattr(widget, "title_label", None)
                if isinstance(title, QLabel) and title.text().strip() == heading:
                    title.hide()
        if heading == code_name(self.step.code):
            hint = next((s.fallback_heading for s in self.sections if s.fallback_heading), None)
            heading = hint or heading
        return heading

    def _build_body(self) -> QScrollArea:
        # The screens' scroll area: its bar floats in the margin, so the column keeps the
        # heading's and the buttons' left edge when the step scrolls (and it flicks).
        self.scroll_area = ScrollColumn(self)
        holder = QWidget()
        self.scroll_area.setWidget(holder)
        self._column = QWidget(holder)
        self._column.setProperty("wizard", "column")
        _centered(holder, (48, 0, 48, 0), self._column)
        return self.scroll_area

    def _build_footer(self) -> QWidget:
        outer = QFrame(self)
        outer.setProperty("wizard", "footer")
        footer = _centered(outer, (48, 12, 48, 24))
        layout = QVBoxLayout(footer)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.error_box = QLabel(footer)
        self.error_box.setWordWrap(True)
        self.error_box.setProperty("wizard", "step-error")
        self.error_box.hide()
        self.summary = QLabel(footer)
        self.summary.setWordWrap(True)
        set_role(self.summary, "error")
        self.summary.setProperty("wizard", "summary")
        self.summary.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        self.back_button = QPushButton("Back", footer)
        self.back_button.clicked.connect(self.back_requested)
        # After the call there is no step before the first survey step: Back would do nothing.
        first_after_call = self.step.group == POST_CALL_GROUP and self.step.index == 0
        self.back_button.setVisible(not first_after_call)
        self.next_button = QPushButton(self.next_title_for(self.sections), footer)
        set_role(self.next_button, "primary")
        self.next_button.setProperty("wizard", "next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._on_next_clicked)
        self._next_text = self.next_button.text()
        buttons.addWidget(self.back_button)
        buttons.addWidget(AccessibilityButtons(footer))
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        for widget in (self.error_box, self.summary):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        return outer

    # -- behaviour ------------------------------------------------------------------------
    def _on_next_clicked(self) -> None:
        if self._busy:
            return
        self.error_box.hide()
        invalid: list[QWidget] = []
        self._found.clear()
        for section in self.sections:
            problems = section.validate()
            self._found[id(section)] = len(problems)
            invalid.extend(problems)
        if invalid:
            self._problems_shown = len(invalid)
            self.summary.setText(attention_text(len(invalid)))
            self.summary.show()
            announce(self.summary, self.summary.text(), assertive=True)
            self.scroll_area.ensureWidgetVisible(invalid[0], 40, 120)
            invalid[0].setFocus(Qt.FocusReason.OtherFocusReason)
            log.info("step %s: %d answers need attention", self.step.code, len(invalid))
            return
        self.summary.hide()
        submissions: list[Submission] = []
        for section in self.sections:
            submissions.extend(section.submissions())
        self.answers.record_submission(self.step, submissions)
        log.info("step %s submitted: %s", self.step.code, [s.kind for s in submissions])
        self.submitted.emit(submissions)

    def on_section_problems_changed(self) -> None:
        """Recount the answers still marked after Next, so the summary shrinks as the patient
        fixes them and disappears with the last one."""
        if not self.summary.isVisibleTo(self):
            return
        count = 0
        for section in self.sections:
            live = section.open_problems()
            count += self._found.get(id(section), 0) if live is None else live
        if count:
            self.summary.setText(attention_text(min(count, self._problems_shown)))
        else:
            self.summary.hide()

    def complete_submissions(self) -> list[Submission] | None:
        """This step's submissions if every section is complete, else None; nothing is emitted
        (the lounge's Join now sends a finished step along, never a half one; the step is
        leaving, so the marks a section's ``validate`` may set do not matter)."""
        if any(section.validate() for section in self.sections):
            return None
        submissions: list[Submission] = []
        for section in self.sections:
            submissions.extend(section.submissions())
        return submissions

    def set_busy(self, busy: bool) -> None:
        """While the session sends this step's answers: buttons off, Next says "Please wait…"."""
        self._busy = busy
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.next_button.setText(BUSY_TEXT if busy else self._next_text)

    def show_error(self, message: str) -> None:
        """Show the session's failure message above the buttons (cleared on the next Next)."""
        self.error_box.setText(message)
        self.error_box.setVisible(bool(message))
        announce(self.error_box, message, assertive=True)
