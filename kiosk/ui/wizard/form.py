"""A schema form: field widgets for a section's fields, kept in sync with the session's answers."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.i18n import live
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.fields.base import FieldWidget
from kiosk.ui.wizard.fields.static import UnsupportedField
from kiosk.ui.wizard.progressive import (
    BuildQueue,
    Placement,
    estimated_px,
    tab_after,
    tab_stops,
)
from kiosk.ui.wizard.registry import FIELD_WIDGETS
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard import Field, Section, validate_section
from kiosk.wizard.conditions import shown
from kiosk.wizard.shape import condition_model, submitted_values

log = logging.getLogger("kiosk.ui.wizard")


class FieldsForm(QWidget):
    """Field widgets for ``fields`` top to bottom; every edit is written into ``state`` at once.

    Used for a whole section (`SchemaForm`) and for each item card of an array, whose
    ``array_index`` conditions such as ``model.meds[arrayIndex].name`` read. A field may appear
    twice with opposite conditions (angular-schema-form's conditional ``required``): the value
    of the one shown counts, and the other one is kept in step.

    With a ``builds`` queue, the questions below the first screenful wait in ``pending`` and
    are built later by the queue, in order, a block at a time (`build_pending`); until then
    conditions see their stored answers, and `finish_building` builds them all (before
    answers are read).
    """

    #: Fires after any answer in this form (or an item card inside it) changed.
    edited = Signal()

    def __init__(
        self,
        fields: tuple[Field, ...],
        state: dict[str, Any],
        parent: QWidget | None = None,
        array_index: int | None = None,
        builds: BuildQueue | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.array_index = array_index
        self._builds = builds
        self.field_widgets: list[FieldWidget] = []
        self.by_key: dict[str, FieldWidget] = {}
        self._holders: list[FieldWidget] = []
        self._conditional: list[tuple[Field, QWidget]] = []
        self._shown: dict[int, bool] = {}
        #: Questions not built yet (below the first screen, or past its time), in order;
        #: the first ``_soon`` of them are on the first screen.
        self.pending: list[Field] = []
        self._soon = 0
        self._built: list[QWidget] = []
        self._late_block: QWidget | None = None
        self._late_after: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(24)
        for item in fields:
            place = Placement.NOW if builds is None else builds.place(estimated_px(item))
            if self.pending or place is not Placement.NOW:
                self.pending.append(item)
                self._soon += place is not Placement.LATER
            else:
                widget = self._build(item, self)
                self._layout.addWidget(widget)
                self._built.append(widget)
        if builds is not None and self.pending:
            builds.add(self)

    # -- questions built after the first frame ---------------------------------------------
    def has_pending(self) -> bool:
        return bool(self.pending)

    def first_screen_pending(self) -> bool:
        return self._soon > 0

    def build_pending(self, until: float | None = None) -> None:
        """Build waiting questions, in order, into a block below the others, until
        ``time.thread_time()`` passes ``until`` (None: all of them). A block stays hidden
        until its last question is built and is then shown once: a question shown on its own
        lays the whole window out and repaints it again. The questions on the first screen
        are one block, shown as soon as they are built; those below it another. Tab goes
        through them after the questions above."""
        if not self.pending:
            return
        block = self._late_block
        if block is None:
            self._late_after = next(
                (c[-1] for w in reversed(self._built) if (c := tab_stops(w))), None
            )
            block = self._late_block = QWidget(self)
            block.hide()
            self._late_column = QVBoxLayout(block)
            self._late_column.setContentsMargins(0, 0, 0, 0)
            self._late_column.setSpacing(self._layout.spacing())
            self._layout.addWidget(block)
            self._built.append(block)
        soon = self._soon > 0
        while self.pending:
            self._late_column.addWidget(self._build(self.pending.pop(0), block))
            self._soon = max(self._soon - 1, 0)
            if soon and not self._soon:
                break  # the first screen is whole: show it now
            if until is not None and time.thread_time() >= until:
                break
        if self.pending and (self._soon or not soon):
            return
        tab_after(self._late_after, block)
        self.conditions_may_have_changed()
        set_shown(block, True)
        self._late_block = None  # questions still waiting go into a block of their own

    def finish_building(self) -> None:
        """Build every waiting question now (the answers are about to be read)."""
        while self.pending:
            self.build_pending()

    def conditions_may_have_changed(self) -> None:
        """A question was built late: a form that evaluates conditions does it again."""

    def _build(self, item: Field, parent: QWidget) -> QWidget:
        if item.kind == "fieldset" and item.unsupported is None:
            widget: QWidget = self._group(item, parent)
        else:
            widget = self._field(item, parent)
        if item.condition is not None:
            self._conditional.append((item, widget))
        return widget

    def _field(self, item: Field, parent: QWidget) -> FieldWidget:
        cls = FIELD_WIDGETS.get(item.kind) if item.supported else None
        if cls is None:
            log.warning(
                "field fallback: kind=%s reason=%s", item.kind, item.unsupported or "unknown"
            )
            cls = UnsupportedField
        widget: FieldWidget = cls(item, parent, self._builds)
        self.field_widgets.append(widget)
        if cls is not UnsupportedField and item.holds_value:
            self._holders.append(widget)
            self.by_key.setdefault(item.key, widget)
            stored = self.state.get(item.key, item.default)
            if stored is not None:
                widget.set_value(stored)
            else:
                widget.start_blank()
            widget.changed.connect(lambda w=widget: self._on_field_changed(w))
        return widget

    def _group(self, item: Field, parent: QWidget) -> QWidget:
        frame = QFrame(parent)
        frame.setProperty("wizard", "group")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        if item.title:
            title = live(QLabel(frame), item.title)
            title.setWordWrap(True)
            set_role(title, "subheading")
            layout.addWidget(title)
        if item.description:
            hint = live(QLabel(frame), item.description)
            hint.setWordWrap(True)
            set_role(hint, "hint")
            layout.addWidget(hint)
        for child in item.children:
            layout.addWidget(self._build(child, frame))
        return frame

    # -- answers ---------------------------------------------------------------------------
    def _on_field_changed(self, widget: FieldWidget) -> None:
        value = widget.value()
        key = widget.field.key
        if value is None:
            self.state.pop(key, None)
        else:
            self.state[key] = value
        for twin in self._holders:
            if twin is not widget and twin.field.key == key:
                twin.blockSignals(True)
                twin.set_value(value)
                twin.blockSignals(False)
        if widget.has_error():
            widget.set_error(None)
        self.edited.emit()

    def flat_values(self) -> dict[str, Any]:
        """Every value-holding field's answer by form key (blank ones included as None); for a
        key asked twice, the answer of the copy shown. A question not built yet counts with
        its stored answer (or default)."""
        values: dict[str, Any] = {}
        for widget in self._holders:
            key = widget.field.key
            if key not in values or self._shown.get(id(widget), True):
                values[key] = widget.value()
        for item in _value_fields(self.pending):
            values.setdefault(item.key, self.state.get(item.key, item.default))
        return values

    # -- conditions ------------------------------------------------------------------------
    def apply_conditions(self, model: dict[str, Any]) -> None:
        """Show the questions whose condition holds for ``model``, hide the others."""
        for item, widget in self._conditional:
            visible = shown(item.condition, model, self.array_index)
            self._shown[id(widget)] = visible
            set_shown(widget, visible)
        for widget in self._holders:
            widget.apply_conditions(model)

    def is_shown(self, widget: QWidget) -> bool:
        """Whether ``widget`` and the groups around it are shown by their conditions."""
        current: QWidget | None = widget
        while current is not None and current is not self:
            if not self._shown.get(id(current), True):
                return False
            current = current.parentWidget()
        return True

    # -- validation ------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str], model: dict[str, Any]) -> list[QWidget]:
        """Put ``errors`` (key → message) under the shown fields; focus targets in order."""
        invalid: list[QWidget] = []
        for widget in self.field_widgets:
            if widget not in self._holders:
                continue
            if not self.is_shown(widget):
                widget.set_error(None)
                continue
            message = errors.get(widget.field.key)
            targets = widget.show_problems(message, model)
            invalid.extend(targets)
        return invalid

    def open_problems(self) -> int:
        """How many answers currently show an error (for the step's summary line)."""
        return sum(w.open_problems() for w in self._holders if self.is_shown(w))


class SchemaForm(FieldsForm):
    """Renders ``section.fields`` and validates them with the model's rules.

    ``state`` is the section's dict in `Answers` (owned by the session): values shown come
    from it and every edit is written back at once. Questions whose ``condition`` does not hold
    are hidden, not validated and not submitted.
    """

    def __init__(
        self,
        section: Section,
        state: dict[str, Any],
        parent: QWidget | None = None,
        builds: BuildQueue | None = None,
    ) -> None:
        self.section = section
        super().__init__(section.fields, state, parent, builds=builds)
        self.edited.connect(self._on_form_edited)
        self.apply_conditions(self.model())

    def conditions_may_have_changed(self) -> None:
        self.apply_conditions(self.model())

    def model(self) -> dict[str, Any]:
        """The answers as conditions see them (answered values, nested)."""
        return condition_model(self.flat_values())

    def _on_form_edited(self) -> None:
        self.apply_conditions(self.model())

    def values(self) -> dict[str, Any]:
        """The answers as submitted: shown and answered questions, typed, objects nested."""
        self.finish_building()
        return submitted_values(self.section, self.flat_values())

    def validate(self) -> list[QWidget]:
        """Show each problem under its field; the focus targets of the invalid fields, in order."""
        self.finish_building()
        flat = self.flat_values()
        errors = validate_section(self.section, flat)
        return self.show_errors(errors, condition_model(flat))


def _value_fields(items: list[Field]) -> list[Field]:
    """The answerable questions among ``items`` and inside their groups."""
    found: list[Field] = []
    for item in items:
        if item.kind == "fieldset" and item.unsupported is None:
            found.extend(_value_fields(list(item.children)))
        elif item.supported and item.holds_value and item.kind in FIELD_WIDGETS:
            found.append(item)
    return found
