"""The staff console's pages: status, room, provider and patient (widgets only, no API)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff.actions import KioskInfo, ProviderRoomRequest, RoomChoice
from kiosk.ui.staff.problems import problems_text
from kiosk.ui.theme import set_role

CURRENT_ROOM_UNSET = "This kiosk serves the account's first room (none chosen yet)."


def _line(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class ResultPage(QWidget):
    """A titled column; ``result`` is the page's one line of feedback."""

    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.setProperty("staff", "page")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(32, 24, 32, 24)
        self.column.setSpacing(16)
        self.column.addWidget(set_role(QLabel(title), "subheading"))
        hint_label = set_role(QLabel(hint), "hint")
        hint_label.setWordWrap(True)
        self.column.addWidget(hint_label)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setProperty("staff", "result")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def finish_layout(self) -> None:
        self.column.addWidget(self.result)
        self.column.addStretch(1)

    def show_result(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        set_role(self.result, "muted" if ok else "error")


class StatusPage(ResultPage):
    """Connectivity and configuration; never the key, secret, tokens or PIN hash."""

    def __init__(self) -> None:
        super().__init__("Status", "What this kiosk is connected to.")
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("online", "Connection"),
            ("api_base_url", "API endpoint"),
            ("portal_base_url", "Portal"),
            ("account_code", "Account"),
            ("room_code", "Room"),
            ("version", "Version"),
        ):
            value = QLabel("")
            value.setWordWrap(True)
            self.values[key] = value
            self.form.addRow(label, value)
        self.column.addLayout(self.form)
        self.errors = set_role(QLabel(""), "hint")
        self.errors.setWordWrap(True)
        self.column.addWidget(self.errors)
        self.test_button = set_role(QPushButton("Test connection"), "primary")
        self.column.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def show_info(self, info: KioskInfo) -> None:
        online = {True: "Online", False: "Offline", None: "Not checked yet"}[info.online]
        values = {
            "online": online,
            "api_base_url": info.api_base_url + (" (sandbox)" if info.uses_sandbox else ""),
            "portal_base_url": info.portal_base_url or "—",
            "account_code": info.account_code,
            "room_code": info.room_code or "Ask the server (first room)",
            "version": info.version,
        }
        for key, text in values.items():
            self.values[key].setText(text)
        self.errors.setText(problems_text(info.last_errors))


class RoomPage(ResultPage):
    """Pick the room this kiosk serves (saved in the config file)."""

    def __init__(self) -> None:
        super().__init__("Room", "The waiting room patients at this kiosk join.")
        self.current = set_role(QLabel(""), "subheading")
        self.current.setWordWrap(True)
        self.column.addWidget(self.current)
        self.load_button = QPushButton("Load rooms")
        self.rooms = QListWidget()
        self.rooms.setAccessibleName("Rooms")
        self.choose_button = set_role(QPushButton("Use this room"), "primary")
        self.choose_button.setEnabled(False)
        self.rooms.currentItemChanged.connect(self.on_rooms_current_changed)
        self.column.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.rooms, 1)
        self.column.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def show_current(self, code: str | None) -> None:
        """Which room this kiosk serves now (the account's first room when none is set)."""
        self.current.setText(f"This kiosk serves room: {code}" if code else CURRENT_ROOM_UNSET)

    def show_rooms(self, rooms: list[RoomChoice], current: str | None) -> None:
        self.rooms.clear()
        for room in rooms:
            item = QListWidgetItem(f"{room.name}  ·  {room.code}")
            item.setData(Qt.ItemDataRole.UserRole, room.code)
            self.rooms.addItem(item)
            if room.code == current:
                self.rooms.setCurrentItem(item)
                self.current.setText(f"This kiosk serves room: {room.name} ({room.code})")

    def selected_code(self) -> str | None:
        item = self.rooms.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def on_rooms_current_changed(self, *_args: object) -> None:
        self.choose_button.setEnabled(self.selected_code() is not None)


class PersonPage(ResultPage):
    """A page about one person your system knows (a provider, a patient): its form starts
    with their code and names; ``identity()`` reads them, ``clear()`` empties them."""

    def __init__(self, title: str, hint: str, code_placeholder: str) -> None:
        super().__init__(title, hint)
        self.code = _line(code_placeholder)
        self.first_name = _line("First name")
        self.last_name = _line("Last name")
        self.form = QFormLayout()
        self.form.addRow("Code", self.code)
        self.form.addRow("First name", self.first_name)
        self.form.addRow("Last name", self.last_name)
        self.column.addLayout(self.form)

    def identity(self) -> tuple[str, str, str]:
        """(code, first name, last name), stripped."""
        return (
            self.code.text().strip(),
            self.first_name.text().strip(),
            self.last_name.text().strip(),
        )

    def clear(self) -> None:
        for field in (self.code, self.first_name, self.last_name):
            field.clear()
        self.result.clear()


class ProviderPage(PersonPage):
    """Provider use cases: own room (#2) and the dashboard (#1)."""

    def __init__(self) -> None:
        super().__init__(
            "Provider",
            "Sign a provider in by their code from your system. Set up gives them their own "
            "waiting room (an existing room with the same address is reused).",
            "Provider code",
        )
        self.room_name = _line("Room name, e.g. Dr Lee's room")
        self.slug = _line("Room address (slug), e.g. drlee")
        self.domain = _line("Clinic domain")
        self.form.addRow("Room name", self.room_name)
        self.form.addRow("Room slug", self.slug)
        self.form.addRow("Domain", self.domain)
        self.setup_button = set_role(QPushButton("Set up provider room"), "primary")
        self.dashboard_button = QPushButton("Open provider dashboard")
        self.column.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.dashboard_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def room_request(self) -> ProviderRoomRequest | None:
        values = (*self.identity(), self.room_name.text().strip(), self.slug.text().strip())
        domain = self.domain.text().strip()
        if not all(values) or not domain:
            return None
        return ProviderRoomRequest(*values, domain=domain)

    def clear(self) -> None:
        """The person and the room; the domain stays (it is the clinic's, filled at open)."""
        super().clear()
        self.room_name.clear()
        self.slug.clear()


class PatientPage(PersonPage):
    """Start a known patient's visit (SSO type 200 with the integrator code) at the intake."""

    def __init__(self) -> None:
        super().__init__(
            "Known patient",
            "Start a visit for a patient your system knows, by their patient code. Staff mode "
            "closes and the patient continues with the intake.",
            "Patient code",
        )
        self.start_button = set_role(QPushButton("Start intake"), "primary")
        self.column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def values(self) -> tuple[str, str, str] | None:
        """The identity when the code and both names are filled in, else None."""
        identity = self.identity()
        return identity if all(identity) else None
