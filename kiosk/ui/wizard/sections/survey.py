"""Surveys: a built-in 1–5 rating with an optional comment, or the section's own schema form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kiosk.constants import WIZARD_SURVEY_COMMENT_MAX
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.names import name_from_label
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import plain_box
from kiosk.ui.wizard.fields.base import OPTIONAL
from kiosk.ui.wizard.form import SchemaForm
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import Submission, SurveyAnswers

QUESTIONS = {
    "intake_survey": QT_TRANSLATE_NOOP("SurveySection", "How easy was it to check in today?"),
    "post_visit_survey": QT_TRANSLATE_NOOP("SurveySection", "How was your visit today?"),
}
DEFAULT_QUESTION = QT_TRANSLATE_NOOP("SurveySection", "How did we do today?")
STAR = QT_TRANSLATE_NOOP("SurveySection", "{stars}\n{word}")
STAR_NAME = QT_TRANSLATE_NOOP("SurveySection", "{value} of 5, {word}")
RATING_WORDS = (
    QT_TRANSLATE_NOOP("SurveySection", "Poor"),
    QT_TRANSLATE_NOOP("SurveySection", "Fair"),
    QT_TRANSLATE_NOOP("SurveySection", "Good"),
    QT_TRANSLATE_NOOP("SurveySection", "Very good"),
    QT_TRANSLATE_NOOP("SurveySection", "Excellent"),
)
MSG_RATE = QT_TRANSLATE_NOOP("SurveySection", "Please choose a rating from 1 to 5.")


@section_widget("intake_survey", "post_visit_survey")
class SurveySection(SectionWidget):
    """Submits `SurveyAnswers(section code, {"rating": 1..5, "comment": str})`, or the form's
    answers when the clinic configured a schema for the survey.

    A rating is asked, not demanded: the built-in rating is required only when the section
    says ``"required": true``; a schema survey requires what its schema requires.
    """

    def build(self) -> None:
        self.form: SchemaForm | None = None
        if self.section.has_schema:
            self.form = SchemaForm(self.section, self.state, self)
            self.form.edited.connect(self.problems_changed)
            self.body.addWidget(self.form)
            return
        question = live(QLabel(self), QUESTIONS.get(self.section.code, DEFAULT_QUESTION))
        question.setWordWrap(True)
        question.setProperty("wizard", "field-label")
        self.body.addWidget(question)
        row_box, row = plain_box(self, QHBoxLayout, 12)
        self.group = QButtonGroup(self)
        self.stars: list[QPushButton] = []
        for value, word in enumerate(RATING_WORDS, start=1):
            star = live(QPushButton(row_box), STAR.format(stars="★" * value, word=word))
            star.setCheckable(True)
            star.setProperty("wizard", "star")
            set_role(star, "choice")
            set_text(star, STAR_NAME.format(value=value, word=word), "setAccessibleName")
            star.setMinimumHeight(110)
            self.group.addButton(star, value)
            row.addWidget(star, 1)
            self.stars.append(star)
        self.group.idToggled.connect(self._on_rating_toggled)
        self.body.addWidget(row_box)
        self.error = live(QLabel(self), MSG_RATE)
        set_role(self.error, "error")
        self.error.hide()
        self.body.addWidget(self.error)
        if not self.rating_required:
            set_text(question, OPTIONAL.format(title=question.text()))
        comment_label = live(
            QLabel(self),
            QT_TRANSLATE_NOOP("SurveySection", "Anything else you'd like to tell us?  (optional)"),
        )
        comment_label.setProperty("wizard", "field-label")
        comment_label.setWordWrap(True)
        self.body.addWidget(comment_label)
        self.comment = QPlainTextEdit(self)
        self.comment.setFixedHeight(140)
        self.comment.setTabChangesFocus(True)
        set_text(
            self.comment, QT_TRANSLATE_NOOP("SurveySection", "Your comment"), "setPlaceholderText"
        )
        name_from_label(self.comment, comment_label)  # for screen readers
        self.comment.textChanged.connect(self._on_comment_changed)
        self.body.addWidget(self.comment)
        rating = self.state.get("rating")
        if isinstance(rating, int) and 1 <= rating <= len(self.stars):
            self.stars[rating - 1].setChecked(True)
        self.comment.setPlainText(str(self.state.get("comment", "")))

    def _on_rating_toggled(self, value: int, on: bool) -> None:
        if on:
            self.state["rating"] = value
            self.error.hide()
            self.problems_changed.emit()

    def _on_comment_changed(self) -> None:
        text = self.comment.toPlainText()
        if len(text) > WIZARD_SURVEY_COMMENT_MAX:
            self.comment.setPlainText(text[:WIZARD_SURVEY_COMMENT_MAX])
            return
        self.state["comment"] = text

    @property
    def rating_required(self) -> bool:
        """True only when the clinic marked the built-in rating as required."""
        return self.section.raw.get("required") is True

    def validate(self) -> list[QWidget]:
        if self.form is not None:
            return self.form.validate()
        if self.group.checkedId() > 0 or not self.rating_required:
            self.error.hide()
            return []
        self.error.show()
        return [self.stars[0]]

    def open_problems(self) -> int | None:
        if self.form is not None:
            return self.form.open_problems()
        return int(not self.error.isHidden())

    def answers(self) -> dict[str, Any]:
        """What the patient answered, in the submitted shape."""
        if self.form is not None:
            return self.form.values()
        answers: dict[str, Any] = {}
        if self.group.checkedId() > 0:
            answers["rating"] = self.group.checkedId()
        comment = self.comment.toPlainText().strip()
        if comment:
            answers["comment"] = comment
        return answers

    def submissions(self) -> list[Submission]:
        return [SurveyAnswers(self.section.code, self.answers())]
