"""The staff console's "Devices" page: the cameras, microphones and speakers the web engine
sees, which ones the call uses, a test of the chosen ones, and saving them as ``[devices]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kiosk.config import DevicesOptions
from kiosk.devices.model import KIND_NAMES, ProbeReport
from kiosk.staff.actions import StaffActionError
from kiosk.ui.staff.console_pages import ResultPage
from kiosk.ui.theme import set_role

TITLE = "Devices"
HINT = "Find the cart's devices, pick one of each for video visits, test, then save."
DEFAULT = "System default"
TEST_SECONDS = 3.0
#: Two rows show at least; the lists grow with the page's height up to all their rows.
LIST_MIN_HEIGHT = 148
#: A little tighter than the other pages: at 1280x800 everything fits without scrolling.
SPACING = 12
TIMEOUT_S = 45.0
_FIELDS = {"videoinput": "camera", "audioinput": "microphone", "audiooutput": "speaker"}


def _new_probe() -> Any:
    from kiosk.devices.probe import MediaProbe

    return MediaProbe()


class DevicesPage(ResultPage):
    """``save(devices)`` stores the choice (raises ``StaffActionError``); ``devices_saved``
    then carries it to the call. ``probe_factory`` makes a ``MediaProbe`` (a seam for tests);
    the web engine starts only when staff press "Find devices"."""

    devices_saved = Signal(object)

    def __init__(
        self,
        current: DevicesOptions,
        save: Callable[[DevicesOptions], None],
        probe_factory: Callable[[], Any] = _new_probe,
    ) -> None:
        super().__init__(TITLE, HINT)
        self.column.setSpacing(SPACING)
        self._current = current
        self._save = save
        self._probe_factory = probe_factory
        self._probe: Any = None
        self.lists: dict[str, QListWidget] = {}
        row = QHBoxLayout()
        row.setSpacing(16)
        for kind, name in KIND_NAMES.items():
            box = QListWidget()
            box.setProperty("staff", "devices")
            box.setMinimumHeight(LIST_MIN_HEIGHT)
            box.setAccessibleName(f"{name.capitalize()}s")
            self.lists[kind] = box
            column = QVBoxLayout()
            column.addWidget(set_role(QLabel(f"{name.capitalize()}s"), "hint"))
            column.addWidget(box, 1)
            column.addStretch(1)
            box.setMaximumHeight(LIST_MIN_HEIGHT)
            row.addLayout(column)
        self.find_button = set_role(QPushButton("Find devices"), "primary")
        self.test_button = QPushButton("Test")
        self.save_button = QPushButton("Save")
        self.checks = QLabel("")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        for button in (self.find_button, self.test_button, self.save_button):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        # What Find and Test found sits beside their buttons, never scrolled out of sight
        # below the lists (a 800 px tall screen has no room under them).
        feedback = QVBoxLayout()
        feedback.setSpacing(4)
        feedback.addWidget(self.checks)
        feedback.addWidget(self.result)
        feedback.addStretch(1)
        buttons.addLayout(feedback, 1)
        self.column.addLayout(buttons)
        self.column.addLayout(row, 1)
        self.test_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.find_button.clicked.connect(self.on_find_clicked)
        self.test_button.clicked.connect(self.on_test_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)

    @property
    def busy(self) -> bool:
        return self._probe is not None

    def chosen(self) -> DevicesOptions:
        """The picked labels (whole labels are label parts too); default rows give ""."""
        values = {}
        for kind, key in _FIELDS.items():
            item = self.lists[kind].currentItem()
            data = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
            values[key] = str(data or "")
        return DevicesOptions(**values)

    def show_report(self, report: ProbeReport) -> None:
        """Fill the lists; select what ``[devices]`` picks now (or the default row)."""
        current = self._current
        for kind, key in _FIELDS.items():
            box = self.lists[kind]
            box.clear()
            box.addItem(self._item(DEFAULT, ""))
            wanted = getattr(current, key).lower()
            for device in report.of_kind(kind):
                if device.device_id == "default":
                    continue  # the engine's alias of another row
                box.addItem(self._item(device.label or "(name hidden)", device.label))
            row = 0
            if wanted:
                for index in range(1, box.count()):
                    if wanted in str(box.item(index).data(Qt.ItemDataRole.UserRole)).lower():
                        row = index
                        break
            box.setCurrentRow(row)
            box.setMaximumHeight(max(LIST_MIN_HEIGHT, self._rows_height(box)))
        counts = []
        for kind, name in KIND_NAMES.items():
            count = len([d for d in report.of_kind(kind) if d.device_id != "default"])
            counts.append(f"{count} {name}" + ("" if count == 1 else "s"))
        found = ", ".join(counts)
        problems = report.problems()
        self.show_result(f"Found {found}." + ("" if not report.error else " " + problems[0]))
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)

    @staticmethod
    def _rows_height(box: QListWidget) -> int:
        """The height that shows every row (a tall portrait screen shows them all, no more)."""
        rows = sum(box.sizeHintForRow(index) for index in range(box.count()))
        return rows + 2 * box.frameWidth()

    @staticmethod
    def _item(text: str, label: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, label)
        return item

    def stop(self) -> None:
        """Close a probe that is running (staff mode closing)."""
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.finished.disconnect()
            probe.close()
        self._set_buttons()

    # -- slots ----------------------------------------------------------------------------

    def on_find_clicked(self) -> None:
        self._start(check=False, wanted=self._wanted(self._current), slot=self.on_found)

    def on_test_clicked(self) -> None:
        self.checks.setText("Testing for a few seconds…")
        self._start(check=True, wanted=self._wanted(self.chosen()), slot=self.on_tested)

    def on_save_clicked(self) -> None:
        devices = self.chosen()
        try:
            self._save(devices)
        except StaffActionError as exc:
            self.show_result(exc.message, ok=False)
            return
        self._current = devices
        self.show_result("Saved. The next video visit uses these devices.")
        self.devices_saved.emit(devices)

    def on_found(self, report: ProbeReport) -> None:
        self._finish_probe()
        self.show_report(report)

    def on_tested(self, report: ProbeReport) -> None:
        self._finish_probe()
        lines = []
        for check in report.checks:
            name = KIND_NAMES.get(check.kind, check.kind).capitalize()
            if check.kind == "videoinput":
                what = f"{check.frames} pictures in {TEST_SECONDS:g} s"
            else:
                what = f"loudest sound {check.level:.0%}"
            lines.append(f"{name} {check.label}: {what} — {'works' if check.works else 'problem'}")
        lines += [f"Problem: {line}" for line in report.problems()]
        self.checks.setText("\n".join(lines) or "Nothing to test.")

    # -- internals ------------------------------------------------------------------------

    @staticmethod
    def _wanted(devices: DevicesOptions) -> dict[str, str]:
        return {kind: getattr(devices, key) for kind, key in _FIELDS.items()}

    def _start(self, check: bool, wanted: dict[str, str], slot: Callable[[Any], None]) -> None:
        if self._probe is not None:
            return
        probe = self._probe_factory()
        self._probe = probe
        self._set_buttons()
        probe.finished.connect(slot)
        probe.start(check, TEST_SECONDS, wanted, TIMEOUT_S)

    def _finish_probe(self) -> None:
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.finished.disconnect()
            probe.close()
            if isinstance(probe, QObject):
                probe.deleteLater()
        self._set_buttons()

    def _set_buttons(self) -> None:
        idle = self._probe is None
        has_rows = self.lists["videoinput"].count() > 0
        self.find_button.setEnabled(idle)
        self.test_button.setEnabled(idle and has_rows)
        self.save_button.setEnabled(idle and has_rows)
