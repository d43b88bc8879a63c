"""FlowPresenter with a fake session: each signal shows the right screen, each tap the right
command; notices, errors, busy overlay, cleanup hook and disconnect on close."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from on_screen import on_screen
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.api.models import Account, Room
from kiosk.session.contract import SessionSignals
from kiosk.session.lounge import ProviderReady
from kiosk.session.stages import (
    Booked,
    Call,
    Goodbye,
    Identify,
    PostCall,
    RoomClosed,
    RoomPick,
    Waiting,
    Welcome,
    Wizard,
)
from kiosk.session.types import BookingConfirmation, QueueStatus, SessionError, Stage
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.navigator import Overlay
from kiosk.ui.presenter import FlowPresenter


class FakeSession(SessionSignals):
    """The session contract's signals; commands are recorded as (name, args)."""

    COMMANDS = (
        "join_now",
        "begin",
        "identify_guest",
        "identify_known",
        "choose_room",
        "submit_step",
        "go_back",
        "leave_waiting_room",
        "call_finished",
        "finish",
        "retry",
        "end",
    )

    def __init__(self, known_login: bool = False) -> None:
        super().__init__()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.cleanups: list[Any] = []
        self.config = SimpleNamespace(known_patient_login=known_login)
        self.stage = Stage.WELCOME
        self.answers = object()
        self.services = object()
        for name in self.COMMANDS:
            setattr(self, name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        return lambda *args: self.calls.append((name, args))

    def add_cleanup(self, cleanup: Any) -> Any:
        self.cleanups.append(cleanup)
        return lambda: self.cleanups.remove(cleanup)

    def names(self) -> list[str]:
        return [name for name, _args in self.calls]


class FakeClinic(QObject):
    loaded = Signal(object)
    logo_loaded = Signal(bytes)
    connectivity_changed = Signal(bool)


ACCOUNT = Account(name="Sunrise Clinic", waiting_room={"subtitle": "Call 911"})
ROOMS = (Room(code="r1", name="Walk-in"),)
BOOKING = BookingConfirmation(1_772_000_000, None, "UTC", "Dr. Lee", "https://x/y")

#: One payload per stage, as the session would send it.
PAYLOADS = {
    Stage.WELCOME: Welcome(),
    Stage.ROOM_PICK: RoomPick(ROOMS),
    Stage.ROOM_CLOSED: RoomClosed("Closed until 8 AM."),
    Stage.IDENTIFY: Identify(),
    Stage.WAITING: Waiting("Room line"),
    Stage.BOOKED: Booked(BOOKING),
    Stage.GOODBYE: Goodbye(),
}


class FakeStepView(QWidget):
    submitted = Signal(list)
    back_requested = Signal()

    def __init__(self, step: Any, progress: tuple[int, int]) -> None:
        super().__init__()
        self.step, self.progress, self.busy = step, progress, False

    def set_busy(self, busy: bool) -> None:
        self.busy = busy

    def complete_submissions(self) -> list[Any] | None:
        return None  # nothing on this step is complete


@pytest.fixture
def session() -> FakeSession:
    return FakeSession(known_login=True)


@pytest.fixture
def window(qtbot) -> KioskWindow:
    win = KioskWindow(busy_delay_ms=0, goodbye_return_s=3600)
    on_screen(qtbot, win, (1280, 800))
    return win


@pytest.fixture
def clinic() -> FakeClinic:
    return FakeClinic()


@pytest.fixture
def presenter(session, clinic, window) -> FlowPresenter:
    built = FlowPresenter(
        session, clinic, window, lambda step, _a, _s, progress: FakeStepView(step, progress)
    )
    yield built
    built.close()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("stage", "attribute"),
    [
        (Stage.ROOM_PICK, "room_picker"),
        (Stage.ROOM_CLOSED, "room_closed"),
        (Stage.IDENTIFY, "identify"),
        (Stage.WAITING, "waiting_room"),
        (Stage.BOOKED, "booked"),
        (Stage.GOODBYE, "goodbye"),
    ],
)
def test_stage_changed_shows_the_stage_screen(presenter, session, window, stage, attribute):
    session.stage_changed.emit(PAYLOADS[stage])
    assert window.current_screen is getattr(window, attribute)


def test_room_pick_lists_the_sessions_rooms(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.ROOM_PICK])
    assert [card.value for card in window.room_picker.cards] == ["r1"]


def test_room_closed_shows_the_closed_message(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.ROOM_CLOSED])
    assert window.room_closed.message.text() == "Closed until 8 AM."


def test_clinic_name_and_subtitle_come_from_the_loaded_account(presenter, clinic, window):
    clinic.loaded.emit(ACCOUNT)
    assert "Sunrise Clinic" in window.welcome.title.text()
    assert window.welcome.subtitle.text() == "Call 911"


def test_waiting_room_gets_the_room_subtitle_and_queue(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.WAITING])
    session.queue_updated.emit(QueueStatus(2, 900, 4, 20))
    assert window.waiting_room.subtitle.text() == "Room line"
    assert window.waiting_room.position.text() == "You are number 2 in line"


def test_step_changed_builds_and_shows_a_step_view(presenter, session, window):
    session.stage_changed.emit(Wizard("step-a", 1, 4))
    view = window.step_host.view
    assert window.current_screen is window.step_host
    assert isinstance(view, FakeStepView) and view.progress == (1, 4)


def test_step_view_submit_and_back_reach_the_session(presenter, session, window):
    session.stage_changed.emit(Wizard("step-a", 0, 2))
    view = window.step_host.view
    view.submitted.emit(["answers"])
    view.back_requested.emit()
    assert session.calls == [("submit_step", (["answers"],)), ("go_back", ())]


def test_busy_changed_drives_the_overlay_and_the_step_view(presenter, session, window):
    session.stage_changed.emit(Wizard("step-a", 0, 2))
    session.busy_changed.emit(True, "Saving your answers…")
    assert window.busy.is_blocking and window.busy.message == "Saving your answers…"
    assert window.step_host.view.busy
    session.busy_changed.emit(False, "")
    assert not window.busy.is_blocking


def test_failed_shows_the_error_panel_with_allowed_buttons(presenter, session, window):
    session.busy_changed.emit(True, "x")
    session.failed.emit(SessionError("No network.", can_retry=True, can_go_back=False))
    panel = window.error_panel
    assert panel.isVisible() and panel.message.text() == "No network."
    assert panel.retry_button.isVisible() and not panel.back_button.isVisible()
    assert not window.busy.is_blocking


@pytest.mark.parametrize(
    ("button", "command"),
    [
        ("retry_button", ("retry", ())),
        ("back_button", ("go_back", ())),
        ("start_over_button", ("end", ("start_over",))),
    ],
)
def test_error_panel_buttons_call_the_session(qtbot, presenter, session, window, button, command):
    session.failed.emit(SessionError("Oops.", can_retry=True, can_go_back=True))
    click(qtbot, getattr(window.error_panel, button))
    assert session.calls == [command]


def test_new_stage_hides_the_error_panel(presenter, session, window):
    session.failed.emit(SessionError("Oops.", can_retry=True, can_go_back=True))
    session.stage_changed.emit(PAYLOADS[Stage.IDENTIFY])
    assert not window.error_panel.isVisible()


def test_welcome_check_in_begins_as_guest(qtbot, presenter, session, window):
    click(qtbot, window.welcome.check_in_button)
    session.stage_changed.emit(PAYLOADS[Stage.IDENTIFY])
    assert session.names() == ["begin"] and window.identify.mode == "guest"


def test_welcome_patient_code_begins_in_code_mode(qtbot, presenter, session, window):
    click(qtbot, window.welcome.code_button)
    session.stage_changed.emit(PAYLOADS[Stage.IDENTIFY])
    assert session.names() == ["begin"] and window.identify.mode == "known"


def test_patient_code_link_hidden_when_the_kiosk_does_not_allow_it(qtbot, window):
    FlowPresenter(FakeSession(known_login=False), FakeClinic(), window)
    assert not window.welcome.code_button.isVisible()


def test_screen_taps_map_to_session_commands(qtbot, presenter, session, window):
    window.room_picker.room_chosen.emit("r1")
    window.room_picker.back_requested.emit()
    window.identify.guest_submitted.emit("Ann", "Lee", "1980-05-17")
    window.identify.known_submitted.emit("c-1", "Ann", "Lee")
    window.waiting_room.leave_requested.emit()
    window.room_closed.done_requested.emit()
    window.booked.done_requested.emit()
    window.goodbye.done.emit()
    assert session.calls == [
        ("choose_room", ("r1",)),
        ("go_back", ()),
        ("identify_guest", ("Ann", "Lee", "1980-05-17")),
        ("identify_known", ("c-1", "Ann", "Lee")),
        ("leave_waiting_room", ()),
        ("finish", ()),
        ("finish", ()),
        ("finish", ()),
    ]


def test_end_button_finishes_the_call_as_patientendcall(presenter, session, window):
    window.call.end_requested.emit()
    assert session.calls == [("call_finished", ("patientendcall",))]


def test_page_leaving_the_call_finishes_it_as_call_ended(presenter, session, window):
    window.call.call_left.emit()
    assert session.calls == [("call_finished", ("call_ended",))]


def test_call_payload_loads_the_url_in_the_call_screen(presenter, session, window, monkeypatch):
    loaded: list[str] = []
    monkeypatch.setattr(window.call.call_view, "load", loaded.append)
    session.stage_changed.emit(Call("https://portal.example/auth?sso_token=t"))
    assert window.current_screen is window.call and loaded == [
        "https://portal.example/auth?sso_token=t"
    ]


def test_leaving_the_call_stage_tears_the_view_down(presenter, session, window, monkeypatch):
    torn: list[bool] = []
    monkeypatch.setattr(window.call.call_view, "teardown", lambda: torn.append(True))
    monkeypatch.setattr(window.call.call_view, "load", lambda _url: None)
    session.stage_changed.emit(Call("https://portal.example/auth?sso_token=t"))
    session.stage_changed.emit(PostCall("step-z", 0, 1))
    assert torn


def test_the_call_teardown_is_registered_as_a_session_cleanup(presenter, session, window):
    assert session.cleanups == [window.call.stop_call]


def test_booked_fills_the_booked_screen(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.BOOKED])
    assert window.booked.link.text() == "https://x/y"


def test_notice_shows_on_the_current_and_the_next_screen(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.WAITING])
    session.notice.emit("The wait was too long.")
    assert window.waiting_room.notice_text == "The wait was too long."
    session.stage_changed.emit(PAYLOADS[Stage.GOODBYE])
    assert window.goodbye.notice_text == "The wait was too long."
    assert window.waiting_room.notice_text == ""
    session.stage_changed.emit(PAYLOADS[Stage.WELCOME])
    assert window.welcome.notice_text == ""


def test_goodbye_countdown_runs_only_on_goodbye(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.GOODBYE])
    assert window.goodbye.counting
    session.stage_changed.emit(PAYLOADS[Stage.WELCOME])
    assert not window.goodbye.counting


def test_ended_forgets_the_patient_and_shows_welcome(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.IDENTIFY])
    window.identify.first.edit.setText("Ann")
    session.stage_changed.emit(Wizard("step-a", 0, 1))
    session.ended.emit("idle")
    assert window.current_screen is window.welcome
    assert window.identify.first.value() == "" and window.step_host.view is None


@pytest.mark.parametrize("source", ["session", "clinic"])
def test_connectivity_toggles_the_banner(presenter, window, request, source):
    """The session's polls and the clinic loader's both report the network."""
    reporter = request.getfixturevalue(source)
    reporter.connectivity_changed.emit(False)
    assert window.connection_banner.isVisible()
    reporter.connectivity_changed.emit(True)
    assert not window.connection_banner.isVisible()


def test_reconnecting_shows_and_clears_the_waiting_rooms_line(presenter, session, window):
    session.stage_changed.emit(PAYLOADS[Stage.WAITING])
    session.reconnecting.emit(True)
    assert window.waiting_room.reconnecting.isVisible()
    session.reconnecting.emit(False)
    assert not window.waiting_room.reconnecting.isVisible()


def test_close_disconnects_and_unregisters(presenter, session, window):
    presenter.close()
    session.stage_changed.emit(PAYLOADS[Stage.WAITING])
    window.welcome.check_in_requested.emit()
    assert window.current_screen is window.welcome
    assert session.calls == [] and session.cleanups == []


def test_closing_the_window_closes_the_presenter(presenter, session, window):
    window.close()
    window.welcome.check_in_requested.emit()
    assert session.calls == []


def test_the_flow_moves_on_under_an_overlay(presenter, session, window):
    cover = QWidget()
    window.navigator.show_overlay(Overlay.CRASH_RESET, cover)
    session.stage_changed.emit(PAYLOADS[Stage.IDENTIFY])
    session.ended.emit("crash")
    session.stage_changed.emit(PAYLOADS[Stage.WELCOME])
    assert window.current_screen is cover
    window.navigator.hide_overlay(Overlay.CRASH_RESET)
    assert window.current_screen is window.welcome
    assert window.navigator.history == (window.welcome,)


# -- the lounge ------------------------------------------------------------------------------
def test_in_line_during_post_intake_the_step_shows_the_lounge_strip(presenter, session, window):
    session.stage_changed.emit(Wizard("pharmacy", 5, 7))
    strip = window.step_host.lounge
    assert not strip.isVisible()
    session.queue_updated.emit(QueueStatus(3, 1800, 5, 100, waited_s=40))
    assert strip.isVisible()
    assert strip.place.text() == "You are number 3 in line"
    assert strip.wait.text() == "About 30 minutes"
    session.stage_changed.emit(Wizard("survey", 6, 7))
    assert strip.isVisible(), "the strip stays on every remaining step"
    session.stage_changed.emit(Call("https://portal/call"))
    assert not strip.isVisible()


def test_provider_ready_covers_the_step_with_a_chime_and_join_now_joins(
    qtbot, presenter, session, window
):
    session.stage_changed.emit(Wizard("pharmacy", 5, 7))
    prompt = presenter.ready_prompt
    with qtbot.waitSignal(prompt.chime.played):
        session.provider_ready.emit(ProviderReady("Dr. John Will"))
    assert window.navigator.overlay(Overlay.LOUNGE_PROMPT) is prompt
    assert window.current_screen is prompt and window.navigator.screen is window.step_host
    assert prompt.title.text() == "Dr. John Will is ready to see you"
    with qtbot.assertNotEmitted(prompt.chime.played):
        session.provider_ready.emit(ProviderReady("Dr. John Will"))
    click(qtbot, prompt.join_button)
    assert session.calls[-1] == ("join_now", ([],))
    assert not prompt.join_button.isEnabled()  # "Joining…" until the call screen comes
    click(qtbot, prompt.join_button)
    assert session.names().count("join_now") == 1
    session.stage_changed.emit(Call("https://portal/call"))
    assert window.navigator.overlay(Overlay.LOUNGE_PROMPT) is None
    assert window.current_screen is window.call


def test_the_ready_prompt_goes_when_the_lounge_ends_another_way(presenter, session, window):
    session.stage_changed.emit(Wizard("pharmacy", 5, 7))
    session.provider_ready.emit(ProviderReady(None))
    assert presenter.ready_prompt.title.text() == "Your provider is ready to see you"
    session.stage_changed.emit(Goodbye())
    assert window.navigator.overlay(Overlay.LOUNGE_PROMPT) is None
    session.stage_changed.emit(Wizard("pharmacy", 5, 7))
    session.provider_ready.emit(ProviderReady(None))
    session.ended.emit("idle")
    assert window.navigator.overlay(Overlay.LOUNGE_PROMPT) is None
    assert not presenter.ready_prompt.showing


def test_the_clinics_logo_replaces_the_mark_on_every_header(presenter, clinic, window):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from kiosk.ui.widgets.header import ScreenHeader

    headers = window.findChildren(ScreenHeader)
    before = [h.logo.pixmap().toImage() for h in headers]
    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    clinic.logo_loaded.emit(bytes(buffer.data()))
    after = [h.logo.pixmap().toImage() for h in headers]
    assert headers and all(a != b for a, b in zip(after, before, strict=True))
    assert headers[0].logo.pixmap().width() == 44  # scaled to the header's mark
    presenter.on_clinic_logo_loaded(b"not an image")  # unreadable: what was shown stays
    assert [h.logo.pixmap().toImage() for h in headers] == after
