"""One wizard step as a touch screen: heading, progress, scrolling sections, Back and Next."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import announce
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.wizard import builtin
from kiosk.ui.wizard.progressive import (
    BuildQueue,
    LateJobs,
    first_screen_px,
    tab_after,
    tab_stops,
)
from kiosk.ui.wizard.sections.base import SectionContext, SectionWidget
from kiosk.ui.wizard.step_frame import StepFrame
from kiosk.ui.wizard.step_parts import can_wait, section_class
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard import Answers, Section, Step, Submission, WizardServices
from kiosk.wizard.headings import code_name, step_heading

log = logging.getLogger("kiosk.ui.wizard")

#: The post-call group: its first step has nowhere to go back to (the call is over).
POST_CALL_GROUP = "visits.post_call"
EMPTY_STEP = QT_TRANSLATE_NOOP("StepView", "Nothing to fill in here. Tap {next} to continue.")
BUSY_TEXT = QT_TRANSLATE_NOOP("StepView", "Please wait…")
del builtin  # imported for its side effect: the built-in widgets are registered


def attention_text(count: int) -> str:
    """The summary above the buttons when Next finds problems."""
    if count == 1:
        return ONE_PROBLEM
    return PROBLEMS.format(count=count)


ONE_PROBLEM = QT_TRANSLATE_NOOP("StepView", "1 answer needs your attention.")
PROBLEMS = QT_TRANSLATE_NOOP("StepView", "{count} answers need your attention.")
#: What a view built ahead of the wizard holds until its first step (see `frame_only`).
NO_STEP = Step(name="", code="", next_title="")


class StepView(QWidget):
    """Renders ``step``'s sections in order and hands their answers to the session.

    ``answers`` is the session's `Answers` (each section edits its own dict in it, so Back
    shows earlier answers); ``services`` is the session's `WizardServices`; ``progress`` is
    ``(index, total)`` with a 0-based index. Pressing Next validates every section: problems are
    shown inline, counted in a summary line and the first one is scrolled to and focused;
    otherwise ``submitted`` carries every section's submissions, in section order.
    Needs a running qasync loop (sections load data as asyncio tasks).

    One view serves a whole wizard: `show_step` shows the next step in the same frame
    (`StepFrame`), building only its questions.

    ``progressive`` (the presenter's choice): only the questions that fill the first screen,
    within the first frame's time, are built before the step is drawn; the rest are built in
    short slices once it has been painted (`building` is True until then; ``built`` fires
    when they are all there). Next and `complete_submissions` finish the build first.
    Without it every question is built at once.
    """

    submitted = Signal(list)
    back_requested = Signal()
    #: Every question of a ``progressive`` step has been built.
    built = Signal()

    def __init__(
        self,
        step: Step,
        answers: Answers,
        services: WizardServices,
        progress: tuple[int, int] = (0, 1),
        parent: QWidget | None = None,
        progressive: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setProperty("wizard", "step")
        self._progressive = progressive
        self._builds: BuildQueue | None = None
        self._build_timer: QTimer | None = None
        self.sections: list[SectionWidget] = []
        self._late_sections: list[SectionWidget] = []
        self.frame = StepFrame(self)
        f = self.frame
        self.progress_label, self.progress_bar, self.heading = (
            f.progress_label,
            f.progress_bar,
            f.heading,
        )
        self.scroll_area, self.back_button, self.next_button = (
            f.scroll_area,
            f.back_button,
            f.next_button,
        )
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.show_step(step, answers, services, progress)

    @classmethod
    def frame_only(
        cls, answers: Answers, services: WizardServices, parent: QWidget | None = None
    ) -> StepView:
        """A view with no step yet, built ahead (while the patient identifies): the wizard's
        first step is then shown in it with `show_step`, building only its questions."""
        return cls(NO_STEP, answers, services, (0, 1), parent, progressive=True)

    def show_step(
        self,
        step: Step,
        answers: Answers,
        services: WizardServices,
        progress: tuple[int, int] = (0, 1),
    ) -> None:
        """Show ``step`` in place of the step shown now, in the same frame.

        The frame (progress, heading, scroll area, Back, the toggles, Next) is most of what a
        small step costs to build and style; the presenter keeps one view for the whole
        wizard and only the questions are built anew. The previous step's questions and
        answers' widgets are deleted here, its message and summary hidden.
        """
        self._drop_step()
        self.step = step
        self.answers = answers
        self._builds = BuildQueue(first_screen_px()) if self._progressive else None
        self.context = SectionContext(services, builds=self._builds)
        self._busy = False
        self._problems_shown = 0
        self._found: dict[int, int] = {}
        column = self.frame.new_column()
        self.sections = self._build_sections(column)
        tab_after(self.scroll_area, column)  # the frame was made first: Tab reads on
        self.frame.show_progress(progress)
        heading = self._heading_text()
        set_text(self.heading, heading)
        set_shown(self.heading, bool(heading))
        # After the call there is no step before the first survey step: Back would do nothing.
        first_after_call = step.group == POST_CALL_GROUP and step.index == 0
        set_shown(self.back_button, not first_after_call)
        self._next_text = self.next_title_for(self.sections)
        set_text(self.next_button, self._next_text)
        self.next_button.setEnabled(True)
        self.back_button.setEnabled(True)
        if self._builds is not None and self._builds.pending:
            self._build_timer = QTimer(self)
            self._build_timer.setSingleShot(True)
            self._build_timer.setInterval(0)
            self._build_timer.timeout.connect(self.on_build_timer_timeout)
        # The action bar is the last part of the step's first frame painted: then the rest of
        # its questions are built, and the previous step's are deleted. It is painted with the
        # new step even when its text is the same.
        self.next_button.installEventFilter(self)
        self.next_button.update()

    def _drop_step(self) -> None:
        """Delete the questions of the step shown (if any) and what the patient saw about it."""
        if self._build_timer is not None:
            self._build_timer.stop()
            self._build_timer.deleteLater()
            self._build_timer = None
        self.frame.retire_column()
        self.sections = []
        self._late_sections = []
        self.frame.hide_messages()

    # -- questions built after the first frame ---------------------------------------------
    @property
    def building(self) -> bool:
        """True while questions below the first screen are still to be built."""
        return self._build_timer is not None

    @property
    def first_screen_building(self) -> bool:
        """True while questions of the first screen are still to be built (the first
        frame's time ran out before them)."""
        return self.building and self._builds is not None and self._builds.first_screen_pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.next_button and event.type() == QEvent.Type.Paint:
            self.next_button.removeEventFilter(self)
            self.frame.delete_retired()
            if self._build_timer is not None:
                self._build_timer.start()  # the first frame is drawn: build the rest after it
        return False

    def on_build_timer_timeout(self) -> None:
        if self._builds is not None and self._builds.run_slice():
            if self._build_timer is not None:
                self._build_timer.start()
            return
        self._done_building()

    def finish_building(self) -> None:
        """Build the questions still waiting, now, and lay them out (before answers are read
        or the first problem is scrolled to)."""
        if self._build_timer is None or self._builds is None:
            return
        self._builds.finish()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._done_building()

    def _done_building(self) -> None:
        if self._build_timer is None:
            return
        self._build_timer.stop()
        self._build_timer.deleteLater()
        self._build_timer = None
        self.built.emit()

    # -- construction ---------------------------------------------------------------------
    def _build_sections(self, column: QWidget) -> list[SectionWidget]:
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 8, 0, 32)
        layout.setSpacing(40)
        built: list[SectionWidget] = []
        classes = [
            (position, section, section_class(section))
            for position, section in enumerate(self.step.sections)
        ]
        late = LateJobs(done=self._show_late_sections)
        for index, (position, section, cls) in enumerate(classes):
            if cls is None:
                continue
            state = self.answers.section_state(self.step, position, section)
            if built and can_wait(self.step, self._builds, classes[index:]):
                if not late.has_pending() and self._builds is not None:
                    late.on_screen = self._builds.room_px > 0  # held back for time alone
                late.add(partial(self._add_late_section, column, section, cls, state))
                continue
            widget = self._section(column, section, cls, state)
            if widget is not None:
                layout.addWidget(widget)
                built.append(widget)
        if self._builds is not None and late.has_pending():
            self._builds.add(late)
        if not built:
            empty = live(QLabel(column), EMPTY_STEP.format(next=self.next_title_for(built)))
            empty.setWordWrap(True)
            set_role(empty, "muted")
            layout.addWidget(empty)
        layout.addStretch(1)
        return built

    def _section(
        self, column: QWidget, section: Section, cls: type[SectionWidget], state: dict[str, Any]
    ) -> SectionWidget | None:
        try:
            widget = cls(section, state, self.context, column)
        except Exception:
            log.exception("section %s failed to build; skipped", section.code)
            return None
        widget.problems_changed.connect(self.on_section_problems_changed)
        return widget

    def _add_late_section(
        self, column: QWidget, section: Section, cls: type[SectionWidget], state: dict[str, Any]
    ) -> None:
        """Build a section below the first screen after the first frame, in its place (the
        sections are built in order) and in the tab order after the ones above it."""
        stops = tab_stops(column)
        widget = self._section(column, section, cls, state)
        if widget is None:
            return
        widget.hide()  # shown with the others once all are built (one layout, one paint)
        layout = column.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.count() - 1, widget)  # above the closing stretch
        self.sections.append(widget)
        tab_after(stops[-1] if stops else None, widget)
        self._late_sections.append(widget)

    def _show_late_sections(self) -> None:
        for widget in self._late_sections:
            set_shown(widget, True)
        self._late_sections.clear()

    def next_title_for(self, sections: list[SectionWidget]) -> str:
        """The server's ``next.title``; else a section's hint (consent: "I Agree"); else Next."""
        if self.step.next_given:
            return self.step.next_title
        hint = next((s.next_title_hint for s in sections if s.next_title_hint), None)
        return hint or self.step.next_title

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

    @property
    def error_box(self) -> QLabel:
        """The session's failure message above the buttons (built on first use)."""
        return self.frame.error_box

    @property
    def summary(self) -> QLabel:
        """ "N answers need your attention" above the buttons (built on first use)."""
        return self.frame.summary

    # -- behaviour ------------------------------------------------------------------------
    def _on_next_clicked(self) -> None:
        if self._busy:
            return
        self.finish_building()
        if (box := self.frame.error_box_built) is not None:
            box.hide()
        invalid: list[QWidget] = []
        self._found.clear()
        for section in self.sections:
            problems = section.validate()
            self._found[id(section)] = len(problems)
            invalid.extend(problems)
        if invalid:
            self._problems_shown = len(invalid)
            set_text(self.summary, attention_text(len(invalid)))
            self.summary.show()
            announce(self.summary, self.summary.text(), assertive=True)
            self.scroll_area.ensureWidgetVisible(invalid[0], 40, 120)
            invalid[0].setFocus(Qt.FocusReason.OtherFocusReason)
            log.info("step %s: %d answers need attention", self.step.code, len(invalid))
            return
        if (summary := self.frame.summary_built) is not None:
            summary.hide()
        submissions: list[Submission] = []
        for section in self.sections:
            submissions.extend(section.submissions())
        self.answers.record_submission(self.step, submissions)
        log.info("step %s submitted: %s", self.step.code, [s.kind for s in submissions])
        self.submitted.emit(submissions)

    def on_section_problems_changed(self) -> None:
        """Recount the answers still marked after Next, so the summary shrinks as the patient
        fixes them and disappears with the last one."""
        summary = self.frame.summary_built
        if summary is None or not summary.isVisibleTo(self):
            return
        count = 0
        for section in self.sections:
            live = section.open_problems()
            count += self._found.get(id(section), 0) if live is None else live
        if count:
            set_text(self.summary, attention_text(min(count, self._problems_shown)))
        else:
            self.summary.hide()

    def complete_submissions(self) -> list[Submission] | None:
        """This step's submissions if every section is complete, else None; nothing is emitted
        (the lounge's Join now sends a finished step along, never a half one; the step is
        leaving, so the marks a section's ``validate`` may set do not matter)."""
        self.finish_building()
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
        set_text(self.next_button, BUSY_TEXT if busy else self._next_text)

    def show_error(self, message: str) -> None:
        """Show the session's failure message above the buttons (cleared on the next Next)."""
        if self.frame.error_box_built is None and not message:
            return
        set_text(self.error_box, message)
        self.error_box.setVisible(bool(message))
        announce(self.error_box, self.error_box.text(), assertive=True)
