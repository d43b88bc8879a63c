"""FlowLayout: chips wrap to the width, and a remembered height follows changes to the chips."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.wizard.flow_layout import FlowLayout


def chips(qtbot, count: int) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box, spacing=10)
    buttons = [QPushButton(f"Chip {n}", box) for n in range(count)]
    for button in buttons:
        button.setFixedSize(100, 40)
        flow.addWidget(button)
    return box, flow, buttons


def test_chips_wrap_to_the_width(qtbot):
    _box, flow, _buttons = chips(qtbot, 6)
    assert flow.heightForWidth(1000) == 40
    assert flow.heightForWidth(330) == 2 * 40 + 10  # three chips a line
    assert flow.heightForWidth(1000) == 40


def test_a_remembered_height_is_recomputed_when_a_chip_grows(qtbot):
    _box, flow, buttons = chips(qtbot, 3)
    assert flow.heightForWidth(330) == 40
    buttons[2].setFixedSize(200, 40)  # no longer fits beside the other two
    assert flow.heightForWidth(330) == 2 * 40 + 10


def test_a_remembered_height_is_recomputed_when_a_chip_is_added_or_taken(qtbot):
    box, flow, _buttons = chips(qtbot, 3)
    assert flow.heightForWidth(330) == 40
    extra = QPushButton("More", box)
    extra.setFixedSize(100, 40)
    flow.addWidget(extra)
    assert flow.heightForWidth(330) == 2 * 40 + 10
    flow.takeAt(3)
    assert flow.heightForWidth(330) == 40
