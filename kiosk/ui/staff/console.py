"""``StaffConsole``: status, room choice, provider setup, known-patient launch, exit."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.session.commands import CommandRunner
from kiosk.session.types import SessionError
from kiosk.staff.actions import StaffActionError, StaffActions
from kiosk.ui.staff.console_pages import PatientPage, ProviderPage, ResultPage, RoomPage, StatusPage
from kiosk.ui.staff.devices_page import DevicesPage
from kiosk.ui.theme import set_role

log = logging.getLogger("kiosk.staff")

T = TypeVar("T")

EXIT = "Exit kiosk"
EXIT_QUESTION = "Close the kiosk? Patients cannot check in until it is started again."
CONFIRM_EXIT = "Yes, exit"
KEEP_RUNNING = "Keep running"


def _scrolling(page: QWidget) -> QScrollArea:
    """Pages scroll, so the console fits a landscape 1280×800 screen with the keyboard up."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName("Staff page")
    area.setWidget(page)
    return area


class StaffConsole(QWidget):
    """The console after a right PIN. Every server call goes through ``actions`` (the UI never
    holds a client), run by staff mode's ``runner`` (the session's ``CommandRunner``: one call
    at a time, busy, failures, cancellation); the console only shows: while one runs it is busy
    and its buttons are disabled, and a failure shows on the page that asked.

    Signals for the app: ``launch_known_patient(code, first_name, last_name)`` (forward to the
    session's ``identify_known``), ``open_provider_dashboard(url)`` (show it in the web view;
    the URL carries a login token), ``exit_requested()`` (only after "Exit kiosk" is
    confirmed), ``close_requested()`` (back to the patient screens) and ``room_changed(code)``.
    """

    launch_known_patient = Signal(str, str, str)
    open_provider_dashboard = Signal(str)
    exit_requested = Signal()
    close_requested = Signal()
    room_changed = Signal(str)
    #: The cart's devices were saved (a ``DevicesOptions``): the next call uses them.
    devices_changed = Signal(object)

    def __init__(
        self, actions: StaffActions, runner: CommandRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.staff_actions = actions
        self.runner = runner
        self._page: ResultPage | None = None
        self.status_page = StatusPage()
        self.room_page = RoomPage()
        self.provider_page = ProviderPage()
        self.patient_page = PatientPage()
        self.devices_page = DevicesPage(actions.devices, actions.choose_devices)
        self.tabs = QTabWidget()
        self.tabs.setProperty("staff", "tabs")
        self.tabs.setAccessibleName("Staff console")
        for page, title in (
            (self.status_page, "Status"),
            (self.room_page, "Room"),
            (self.provider_page, "Provider"),
            (self.patient_page, "Patient"),
            (self.devices_page, "Devices"),
        ):
            self.tabs.addTab(_scrolling(page), title)
        self.busy_label = set_role(QLabel(""), "hint")
        self.close_button = set_role(QPushButton("Back to patients"), "primary")

        header = QHBoxLayout()
        header.addWidget(set_role(QLabel("Staff mode"), "heading"))
        header.addStretch(1)
        header.addWidget(self.busy_label)
        header.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        # Exit sits at the bottom left, far from "Back to patients" (top right), and asks first.
        layout.addWidget(self._build_exit_bar())

        self.status_page.test_button.clicked.connect(self.on_test_clicked)
        self.room_page.load_button.clicked.connect(self.on_load_rooms_clicked)
        self.room_page.choose_button.clicked.connect(self.on_choose_room_clicked)
        self.provider_page.setup_button.clicked.connect(self.on_setup_clicked)
        self.provider_page.dashboard_button.clicked.connect(self.on_dashboard_clicked)
        self.patient_page.start_button.clicked.connect(self.on_start_patient_clicked)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.devices_page.devices_saved.connect(self.devices_changed)
        self._buttons = [
            self.status_page.test_button,
            self.room_page.load_button,
            self.room_page.choose_button,
            self.provider_page.setup_button,
            self.provider_page.dashboard_button,
            self.patient_page.start_button,
        ]
        runner.busy_changed.connect(self.on_runner_busy_changed)
        runner.failed.connect(self.on_runner_failed)

    def _build_exit_bar(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 12, 0, 0)
        row.setSpacing(16)
        self.exit_button = set_role(QPushButton(EXIT), "danger")
        self.exit_question = set_role(QLabel(EXIT_QUESTION), "subheading")
        self.exit_question.setWordWrap(True)
        self.keep_running_button = set_role(QPushButton(KEEP_RUNNING), "primary")
        self.confirm_exit_button = set_role(QPushButton(CONFIRM_EXIT), "danger")
        row.addWidget(self.exit_button)
        row.addWidget(self.exit_question, 1)
        row.addWidget(self.confirm_exit_button)
        row.addWidget(self.keep_running_button)
        row.addStretch(0)
        self.exit_button.clicked.connect(self.on_exit_clicked)
        self.keep_running_button.clicked.connect(self.on_keep_running_clicked)
        self.confirm_exit_button.clicked.connect(self.on_confirm_exit_clicked)
        self.on_keep_running_clicked()
        return bar

    @property
    def confirming_exit(self) -> bool:
        return self.confirm_exit_button.isVisibleTo(self)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def refresh(self) -> None:
        """Show fresh status (each time the console opens)."""
        self.tabs.setCurrentIndex(0)
        self.on_keep_running_clicked()
        info = self.staff_actions.info()
        self.status_page.show_info(info)
        self.room_page.show_current(info.room_code)

    def clear(self) -> None:
        """Forget what was typed (provider and patient names) when staff mode closes."""
        self.runner.cancel()
        self.provider_page.clear()
        self.patient_page.clear()
        self.room_page.result.clear()
        self.status_page.result.clear()
        self.devices_page.stop()

    # -- slots ----------------------------------------------------------------------------

    def on_test_clicked(self) -> None:
        page = self.status_page

        def done(report: Any) -> None:
            page.show_result(f"Connected to {report.account_name or 'the account'}.")
            if not self.provider_page.domain.text() and report.account_domain:
                self.provider_page.domain.setText(report.account_domain)

        self._run(page, "test_connection", "Testing…", self.staff_actions.test_connection, done)

    def on_load_rooms_clicked(self) -> None:
        page = self.room_page

        def done(rooms: Any) -> None:
            page.show_rooms(rooms, self.staff_actions.info().room_code)
            page.show_result(f"{len(rooms)} rooms." if rooms else "This account has no rooms.")

        self._run(page, "list_rooms", "Loading rooms…", self.staff_actions.list_rooms, done)

    def on_choose_room_clicked(self) -> None:
        code = self.room_page.selected_code()
        if code is None:
            return
        try:
            self.staff_actions.choose_room(code)
        except StaffActionError as exc:
            self.room_page.show_result(exc.message, ok=False)
            return
        self.room_page.show_result(f"This kiosk now serves room {code}.")
        self.room_page.show_current(code)
        self.room_changed.emit(code)

    def on_setup_clicked(self) -> None:
        page = self.provider_page
        request = page.room_request()
        if request is None:
            page.show_result("Fill in every field first.", ok=False)
            return

        def done(result: Any) -> None:
            verb = "Created" if result.created else "Found the existing"
            page.show_result(f"{verb} room {result.room_code} and assigned the provider to it.")

        setup = lambda: self.staff_actions.setup_provider_room(request)  # noqa: E731
        self._run(page, "setup_provider_room", "Setting up…", setup, done)

    def on_dashboard_clicked(self) -> None:
        page = self.provider_page
        identity = page.identity()
        sign_in = lambda: self.staff_actions.provider_dashboard_url(*identity)  # noqa: E731
        self._run(
            page, "provider_dashboard", "Signing in…", sign_in, self.open_provider_dashboard.emit
        )

    def on_start_patient_clicked(self) -> None:
        values = self.patient_page.values()
        if values is None:
            self.patient_page.show_result("Fill in the code and both names.", ok=False)
            return
        log.info("staff.launch_known_patient")
        self.patient_page.clear()
        self.launch_known_patient.emit(*values)

    def on_close_clicked(self) -> None:
        self.close_requested.emit()

    def on_exit_clicked(self) -> None:
        """Ask first: an exited kiosk takes no patients until someone starts it again."""
        self.exit_button.hide()
        for widget in (self.exit_question, self.confirm_exit_button, self.keep_running_button):
            widget.show()
        self.keep_running_button.setFocus()

    def on_keep_running_clicked(self) -> None:
        for widget in (self.exit_question, self.confirm_exit_button, self.keep_running_button):
            widget.hide()
        self.exit_button.show()

    def on_confirm_exit_clicked(self) -> None:
        self.on_keep_running_clicked()
        log.info("staff.exit_requested")
        self.exit_requested.emit()

    def on_runner_busy_changed(self, busy: bool, text: str) -> None:
        self._set_busy(text if busy else "")
        if not busy:
            self.status_page.show_info(self.staff_actions.info())

    def on_runner_failed(self, error: SessionError) -> None:
        if self._page is not None:
            self._page.show_result(error.message, ok=False)

    # -- internals ------------------------------------------------------------------------

    def _run(
        self,
        page: ResultPage,
        name: str,
        busy_text: str,
        call: Callable[[], Awaitable[T]],
        on_success: Callable[[T], None],
    ) -> None:
        """Run ``call`` on the runner; one at a time (a second is dropped, never started)."""
        if self.runner.busy:
            return

        async def work() -> None:
            on_success(await call())

        page.result.clear()
        self._page = page
        self.runner.run(name, busy_text, work)

    def _set_busy(self, text: str) -> None:
        self.busy_label.setText(text or "")
        for button in self._buttons:
            button.setEnabled(not text)
        if not text:
            self.room_page.on_rooms_current_changed()
        self.tabs.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, bool(text))


def staff_error(exc: Exception, _can_go_back: bool) -> SessionError:
    """A failed staff action as the console shows it: ``StaffActionError``'s one sentence."""
    message = exc.message if isinstance(exc, StaffActionError) else str(exc)
    return SessionError(message, can_retry=True, can_go_back=False)


def staff_runner(on_crash: Callable[[BaseException], None], parent: Any = None) -> CommandRunner:
    """The runner for staff actions: ``StaffActionError`` is the expected failure."""
    return CommandRunner(on_crash, parent, expected=(StaffActionError,), describe=staff_error)
