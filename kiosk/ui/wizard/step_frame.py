"""``StepFrame``: the parts of the step screen that stay while the steps change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.buttons import AccessibilityButtons
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.language_button import LanguageButton
from kiosk.ui.widgets.scroll import ScrollColumn
from kiosk.ui.wizard.step_parts import CONTENT_MAX_WIDTH, centered
from kiosk.ui.wizard.visibility import set_shown

STEP_OF = QT_TRANSLATE_NOOP("StepView", "Step {number} of {total}")
BACK = QT_TRANSLATE_NOOP("StepView", "Back")


class StepFrame:
    """Header (progress, language button, heading), scroll area and action bar (Back, the
    accessibility toggles, Next), built once into ``view``'s layout.

    Building and styling these is most of what a small step costs, so a `StepView` keeps
    them from step to step and gives each step only a new ``column`` of questions. A column
    no longer shown is retired: hidden at once and deleted after the next step is drawn
    (deleting a step's widgets costs as much as a few of its questions).
    """

    def __init__(self, view: QWidget) -> None:
        self._view = view
        outer = QVBoxLayout(view)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # The scroll area gets its (still empty) holder before any question is built into
        # it: `QScrollArea.setWidget` lays out and polishes what it is given, and a question
        # polished before the window's host takes it is polished again when it moves there.
        body = self._build_body()
        outer.addWidget(self._build_header())
        outer.addWidget(body, 1)
        outer.addWidget(self._build_footer())
        self.column: QWidget | None = None
        self._retired: list[QWidget] = []
        self._error_box: QLabel | None = None
        self._summary: QLabel | None = None

    # -- the step's column -------------------------------------------------------------------
    def new_column(self) -> QWidget:
        """A column for the next step's questions, in place of the current one (retired)."""
        self.retire_column()
        column = self.column = QWidget(self._holder)
        column.setProperty("wizard", "column")
        column.setMaximumWidth(CONTENT_MAX_WIDTH)
        self._column_row.insertWidget(1, column, 100)
        self.scroll_area.verticalScrollBar().setValue(0)
        return column

    def retire_column(self) -> None:
        # Columns retired earlier and still here were never followed by a paint (the view
        # was hidden, e.g. behind the device check): nothing waits on them now.
        self.delete_retired()
        if self.column is None:
            return
        self._column_row.removeWidget(self.column)
        self.column.hide()
        self._retired.append(self.column)
        self.column = None

    def delete_retired(self) -> None:
        for column in self._retired:
            column.deleteLater()
        self._retired.clear()

    # -- texts -------------------------------------------------------------------------------
    def show_progress(self, progress: tuple[int, int]) -> None:
        """``progress`` is ``(index, total)`` with a 0-based index; hidden for a lone step."""
        index, total = progress
        set_text(self.progress_label, STEP_OF.format(number=index + 1, total=total))
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(index + 1, max(total, 1)))
        for widget in (self.progress_label, self.progress_bar):
            set_shown(widget, total > 1)

    def hide_messages(self) -> None:
        """The error box and the summary, hidden and emptied (a new step has none)."""
        for label in (self._error_box, self._summary):
            if label is not None:
                label.hide()
                label.clear()

    @property
    def error_box(self) -> QLabel:
        """The session's failure message above the buttons; built on first use (most steps
        never show one, and every widget adds to the step's first frame)."""
        if self._error_box is None:
            self._error_box = self._footer_label(0)
            self._error_box.setProperty("wizard", "step-error")
        return self._error_box

    @property
    def summary(self) -> QLabel:
        """ "N answers need your attention" above the buttons; built on first use."""
        if self._summary is None:
            self._summary = self._footer_label(1 if self._error_box is not None else 0)
            set_role(self._summary, "error")
            self._summary.setProperty("wizard", "summary")
        return self._summary

    @property
    def summary_built(self) -> QLabel | None:
        return self._summary

    @property
    def error_box_built(self) -> QLabel | None:
        return self._error_box

    # -- construction ------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        outer = QWidget(self._view)
        outer.setProperty("wizard", "header")
        header = centered(outer, (48, 28, 48, 12))
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.progress_label = QLabel(header)
        set_role(self.progress_label, "hint")
        self.progress_bar = QProgressBar(header)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setProperty("wizard", "progress")
        # The step's top bar: where it is in the wizard, and the patient's language button.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.progress_label, 1)
        # Right-aligned even when the progress is hidden (a lone step: the survey after a call).
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        top.addWidget(LanguageButton(False, header), 0, right)
        layout.addLayout(top)
        layout.addWidget(self.progress_bar)
        self.heading = live(QLabel(header), "")
        self.heading.setWordWrap(True)
        set_role(self.heading, "heading")
        layout.addWidget(self.heading)
        return outer

    def _build_body(self) -> ScrollColumn:
        # The screens' scroll area: its bar floats in the margin, so the column keeps the
        # heading's and the buttons' left edge when the step scrolls (and it flicks). Each
        # step's questions get a column of their own, centred in ``_column_row``.
        self.scroll_area = ScrollColumn(self._view)
        self._holder = QWidget()
        self.scroll_area.setWidget(self._holder)
        self._column_row = QHBoxLayout(self._holder)
        self._column_row.setContentsMargins(48, 0, 48, 0)
        self._column_row.addStretch(1)
        self._column_row.addStretch(1)
        return self.scroll_area

    def _build_footer(self) -> QWidget:
        outer = QFrame(self._view)
        outer.setProperty("wizard", "footer")
        footer = centered(outer, (48, 12, 48, 24))
        self._footer_column = QVBoxLayout(footer)
        self._footer_column.setContentsMargins(0, 0, 0, 0)
        self._footer_column.setSpacing(12)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        self.back_button = live(QPushButton(footer), BACK)
        self.next_button = QPushButton(footer)
        set_role(self.next_button, "primary")
        self.next_button.setProperty("wizard", "next")
        self.next_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addWidget(AccessibilityButtons(footer))
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        self._footer_column.addLayout(buttons)
        return outer

    def _footer_label(self, index: int) -> QLabel:
        label = QLabel(self._footer_column.parentWidget())
        label.setWordWrap(True)
        label.hide()
        self._footer_column.insertWidget(index, label)
        return label
