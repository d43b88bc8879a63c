"""``FlowPresenter``: follows the session's signals with screens, and turns taps into commands."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.api.models import CloseReason
from kiosk.session.types import EndReason, Stage
from kiosk.signals import disconnect
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens import RoomChoice

log = logging.getLogger("kiosk.ui")

#: Builds the widget for one wizard step: ``(step, answers, services, (index, total))``.
StepViewFactory = Callable[[Any, Any, Any, tuple[int, int]], QWidget]


def default_step_view(step: Any, answers: Any, services: Any, progress: tuple[int, int]) -> QWidget:
    """The wizard's own ``StepView`` (imported here so the window can be built without it)."""
    from kiosk.ui.wizard import StepView

    return StepView(step, answers, services, progress=progress)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


class FlowPresenter(QObject):
    """Connects one ``PatientSession`` (see docs/architecture.md, "Session contract") to one
    ``KioskWindow``. Screens stay pure views; this is the only place that reads the session.

    Notices (``notice``) show on the current screen and on the next one (the session sends
    them just before it changes stage), then clear. Leaving ``Stage.CALL`` tears the web view
    down at once, and the same teardown is registered as a session cleanup so every wipe
    destroys the call's off-the-record profile. ``close()`` disconnects everything (also run
    when the window closes). GUI thread only.
    """

    def __init__(
        self,
        session: Any,
        window: KioskWindow,
        step_view_factory: StepViewFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.step_view_factory = step_view_factory or default_step_view
        self._links: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._notice: str | None = None
        self._identify_mode = "guest"
        self._stage: Stage = getattr(session, "stage", Stage.WELCOME)
        self._closed = False
        self._unregister_cleanup = session.add_cleanup(window.call.stop_call)
        self._connect_session()
        self._connect_screens()
        self.window.welcome.set_patient_code_enabled(self._known_login_enabled())
        self.window.identify.set_known_patient_allowed(self._known_login_enabled())

    # -- wiring -----------------------------------------------------------------------------

    def _link(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self._links.append((signal, slot))

    def _connect_session(self) -> None:
        s = self.session
        self._link(s.stage_changed, self.on_stage_changed)
        self._link(s.busy_changed, self.on_busy_changed)
        self._link(s.failed, self.on_failed)
        self._link(s.step_changed, self.on_step_changed)
        self._link(s.queue_updated, self.on_queue_updated)
        self._link(s.call_ready, self.on_call_ready)
        self._link(s.booked, self.on_booked)
        self._link(s.notice, self.on_notice)
        self._link(s.ended, self.on_ended)
        clinic = getattr(s, "clinic", None)
        if clinic is not None:
            self._link(clinic.loaded, self.on_clinic_loaded)
        connectivity = getattr(s, "connectivity_changed", None)
        if connectivity is not None:
            self._link(connectivity, self.window.connection_banner.set_online)

    def _connect_screens(self) -> None:
        w, s = self.window, self.session
        self._link(w.welcome.check_in_requested, lambda: self.on_check_in("guest"))
        self._link(w.welcome.patient_code_requested, lambda: self.on_check_in("known"))
        self._link(w.room_picker.room_chosen, s.choose_room)
        self._link(w.room_picker.back_requested, s.go_back)
        self._link(w.room_closed.done_requested, s.finish)
        self._link(w.identify.guest_submitted, s.identify_guest)
        self._link(w.identify.known_submitted, s.identify_known)
        self._link(w.identify.back_requested, s.go_back)
        self._link(w.waiting_room.leave_requested, s.leave_waiting_room)
        self._link(
            w.call.end_requested, lambda: s.call_finished(CloseReason.PATIENT_END_CALL.value)
        )
        self._link(w.call.call_left, lambda: s.call_finished(CloseReason.CALL_ENDED.value))
        self._link(w.booked.done_requested, s.finish)
        self._link(w.goodbye.done, s.finish)
        self._link(w.error_panel.retry_requested, s.retry)
        self._link(w.error_panel.back_requested, s.go_back)
        self._link(w.error_panel.start_over_requested, lambda: s.end(EndReason.START_OVER.value))
        self._link(w.closing, self.close)

    def close(self) -> None:
        """Disconnect from the session and the screens; close the call view. Idempotent."""
        if self._closed:
            return
        self._closed = True
        for signal, slot in self._links:
            disconnect(signal, slot)
        self._links.clear()
        self._unregister_cleanup()
        self.window.call.stop_call()
        self.window.goodbye.stop_countdown()
        log.info("presenter.closed")

    # -- session → screens ------------------------------------------------------------------

    def on_stage_changed(self, stage: Stage) -> None:
        previous, self._stage = self._stage, stage
        if previous is Stage.WELCOME and stage is Stage.WELCOME:
            # ``on_ended`` has shown Welcome already; the session's stage change that follows
            # must not cover what the app put over it since (the crash reset screen).
            return
        w = self.window
        w.error_panel.hide()
        if previous is Stage.CALL and stage is not Stage.CALL:
            w.call.stop_call()
        if previous is Stage.GOODBYE:
            w.goodbye.stop_countdown()
        self._refresh_clinic()
        screen = self._prepare(stage)
        if screen is not None:
            self._show(screen)

    def _prepare(self, stage: Stage) -> QWidget | None:
        """Fill the stage's screen from the session; None when another signal brings it."""
        w, s = self.window, self.session
        if stage is Stage.WELCOME:
            return w.welcome
        if stage is Stage.ROOM_PICK:
            w.room_picker.set_rooms([self._room_choice(r) for r in getattr(s, "rooms", [])])
            return w.room_picker
        if stage is Stage.ROOM_CLOSED:
            w.room_closed.set_message(getattr(s, "closed_message", None))
            return w.room_closed
        if stage is Stage.IDENTIFY:
            w.identify.set_mode(self._identify_mode)  # type: ignore[arg-type]
            return w.identify
        if stage is Stage.WAITING:
            w.waiting_room.reset()
            w.waiting_room.set_subtitle(self._room_subtitle())
            return w.waiting_room
        if stage is Stage.CALL:
            url = getattr(s, "call_url", None)
            if url and not w.call.call_view.active:
                w.call.start_call(url)
            return w.call
        if stage is Stage.BOOKED:
            booking = getattr(getattr(s, "state", None), "booking", None)
            if booking is not None:
                w.booked.set_booking(booking)
            return w.booked
        if stage is Stage.GOODBYE:
            w.goodbye.start_countdown()
            return w.goodbye
        return None  # WIZARD and POST_CALL: the step arrives with step_changed

    def _show(self, screen: QWidget) -> None:
        current = self.window.current_screen
        if current is not screen and hasattr(current, "clear_notice"):
            current.clear_notice()
        self.window.show_screen(screen)
        if self._notice and hasattr(screen, "show_notice"):
            screen.show_notice(self._notice)
            self._notice = None

    def on_step_changed(self, step: Any, index: int, total: int) -> None:
        view = self.step_view_factory(
            step, self.session.answers, self.session.services, (index, total)
        )
        submitted = getattr(view, "submitted", None)
        if submitted is not None:
            submitted.connect(self.session.submit_step)
        back = getattr(view, "back_requested", None)
        if back is not None:
            back.connect(self.session.go_back)
        self.window.error_panel.hide()
        self.window.step_host.set_view(view)
        self._show(self.window.step_host)
        log.info("presenter.step index=%d total=%d", index, total)

    def on_busy_changed(self, busy: bool, message: str) -> None:
        self.window.busy.set_busy(busy, message)
        view = self.window.step_host.view
        if view is not None and hasattr(view, "set_busy"):
            view.set_busy(busy)

    def on_failed(self, error: Any) -> None:
        self.window.busy.set_busy(False)
        self.window.error_panel.show_error(
            str(getattr(error, "message", "")), bool(error.can_retry), bool(error.can_go_back)
        )

    def on_queue_updated(self, status: Any) -> None:
        self.window.waiting_room.set_queue(status.position, status.expected_wait_s, status.length)

    def on_call_ready(self, url: str) -> None:
        # The session sets ``call_url`` and changes stage before it sends ``call_ready``, so
        # ``_prepare`` has usually opened the call already: loading again would tear down a
        # page that is still starting and build a second web view and profile for nothing.
        if not self.window.call.call_view.active:
            self.window.call.start_call(url)
        self._show(self.window.call)

    def on_booked(self, booking: Any) -> None:
        self.window.booked.set_booking(booking)

    def on_notice(self, text: str) -> None:
        self._notice = text
        current = self.window.current_screen
        if hasattr(current, "show_notice"):
            current.show_notice(text)

    def on_ended(self, reason: str) -> None:
        """Forget everything the last patient saw, before Welcome shows again."""
        w = self.window
        log.info("presenter.ended reason=%s", reason)
        w.error_panel.hide()
        w.call.stop_call()
        w.goodbye.stop_countdown()
        w.identify.clear()
        w.booked.clear()
        w.step_host.clear()
        w.waiting_room.reset()
        self._identify_mode = "guest"
        self._stage = Stage.WELCOME
        self._show(w.welcome)

    # -- screens → session ------------------------------------------------------------------

    def on_check_in(self, mode: str) -> None:
        self._identify_mode = mode if self._known_login_enabled() else "guest"
        self.session.begin()

    # -- helpers ----------------------------------------------------------------------------

    def _known_login_enabled(self) -> bool:
        config = getattr(self.session, "config", None)
        return bool(getattr(config, "known_patient_login", False))

    def _refresh_clinic(self) -> None:
        self.on_clinic_loaded(getattr(getattr(self.session, "state", None), "account", None))

    def on_clinic_loaded(self, account: Any) -> None:
        """Clinic name and subtitle from the account (clinic data, not patient data); kept on
        the Welcome screen for the next patient."""
        if account is None:
            return
        name = _text(getattr(account, "name", None)) or _text(
            getattr(account, "portal_title", None)
        )
        if name:
            self.window.set_clinic(name)
        subtitle = _text(getattr(getattr(account, "waiting_room", None), "subtitle", None))
        if subtitle:
            self.window.welcome.set_subtitle(subtitle)

    def _room_subtitle(self) -> str:
        state = getattr(self.session, "state", None)
        room_text = _text(getattr(getattr(state, "room", None), "subtitle", None))
        account = getattr(state, "account", None)
        return room_text or _text(getattr(getattr(account, "waiting_room", None), "subtitle", None))

    @staticmethod
    def _room_choice(room: Any) -> RoomChoice:
        code = str(getattr(room, "code", "") or "")
        detail = _text(getattr(room, "subtitle", None)) or _text(getattr(room, "description", None))
        return RoomChoice(code, _text(getattr(room, "name", None)) or code, detail)
