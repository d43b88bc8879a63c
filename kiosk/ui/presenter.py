"""``FlowPresenter``: follows the session's signals with screens, and turns taps into commands."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.api.models import Account, CloseReason, Room
from kiosk.session.lounge import ProviderReady
from kiosk.session.stages import (
    Booked,
    Call,
    Goodbye,
    Identify,
    RoomClosed,
    RoomPick,
    StagePayload,
    Waiting,
    Welcome,
    Wizard,
)
from kiosk.session.types import EndReason, QueueStatus, SessionError, Stage
from kiosk.signals import disconnect
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.navigator import Overlay
from kiosk.ui.screens import RoomChoice
from kiosk.ui.screens.identify import Mode as IdentifyMode
from kiosk.ui.screens.queue_text import position_text, wait_text
from kiosk.ui.screens.waiting_room import SOON_IF_NEXT
from kiosk.ui.widgets.header import ScreenHeader
from kiosk.ui.widgets.ready_prompt import ReadyPrompt
from kiosk.wizard import Answers, Step, WizardServices

if TYPE_CHECKING:
    from kiosk.session.clinic import ClinicLoader
    from kiosk.session.session import PatientSession
    from kiosk.ui.wizard import StepView

log = logging.getLogger("kiosk.ui")

#: Builds the widget for one wizard step: ``(step, answers, services, (index, total))``.
StepViewFactory = Callable[[Step, Answers, WizardServices, tuple[int, int]], "StepView"]


def default_step_view(
    step: Step,
    answers: Answers,
    services: WizardServices,
    progress: tuple[int, int],
    parent: QWidget | None = None,
) -> StepView:
    """The wizard's own ``StepView`` (imported here so the window can be built without it),
    drawn as soon as its first screenful of questions is built (``progressive``). Built
    inside ``parent``, the host that shows it: moving a built step into the window styles
    all of it a second time."""
    from kiosk.ui.wizard import StepView

    return StepView(step, answers, services, progress, parent, progressive=True)


class NoticeHolder(Protocol):
    """A screen that shows the session's notices (``Screen`` and ``CallScreen``)."""

    def show_notice(self, text: str) -> None: ...

    def clear_notice(self) -> None: ...


def _text(value: str | None) -> str:
    return value.strip() if value else ""


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
        session: PatientSession,
        clinic: ClinicLoader,
        window: KioskWindow,
        step_view_factory: StepViewFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clinic = clinic
        self.window = window
        self.step_view_factory = step_view_factory or self._step_view_in_host
        self._links: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._notice: str | None = None
        self._identify_mode: IdentifyMode = "guest"
        self._stage: Stage = session.stage
        self._closed = False
        self._step_view: StepView | None = None
        w = window
        #: The screens with a notice box (every stage screen but the step host).
        self._notice_holders: dict[QWidget, NoticeHolder] = {
            screen: screen
            for screen in (
                w.welcome,
                w.room_picker,
                w.room_closed,
                w.identify,
                w.waiting_room,
                w.booked,
                w.call,
                w.goodbye,
            )
        }
        self._unregister_cleanup = session.add_cleanup(window.call.stop_call)
        # The lounge's "ready" prompt: the navigator's LOUNGE_PROMPT overlay over the step.
        self.ready_prompt = ReadyPrompt()
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
        self._link(s.queue_updated, self.on_queue_updated)
        self._link(s.notice, self.on_notice)
        self._link(s.provider_ready, self.on_provider_ready)
        self._link(s.ended, self.on_ended)
        self._link(s.connectivity_changed, self.window.connection_banner.set_online)
        self._link(self.clinic.loaded, self.on_clinic_loaded)
        self._link(self.clinic.logo_loaded, self.on_clinic_logo_loaded)
        self._link(self.clinic.connectivity_changed, self.window.connection_banner.set_online)
        self._link(s.reconnecting, self.window.waiting_room.set_reconnecting)

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
        self._link(self.ready_prompt.join_requested, self.on_join_requested)
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

    def on_stage_changed(self, payload: StagePayload) -> None:
        previous, self._stage = self._stage, payload.stage
        w = self.window
        w.error_panel.hide()
        if payload.stage is not Stage.WIZARD:  # the lounge is over (call, goodbye, …)
            w.step_host.lounge.clear()
            self._dismiss_ready_prompt()
        if previous is Stage.CALL and payload.stage is not Stage.CALL:
            w.call.stop_call()
        if previous is Stage.GOODBYE:
            w.goodbye.stop_countdown()
        self._show(self._prepare(payload), reset=payload.stage is Stage.WELCOME)

    def _prepare(self, payload: StagePayload) -> QWidget:
        """Fill the payload's screen from the payload."""
        w = self.window
        match payload:
            case Welcome():
                return w.welcome
            case RoomPick(rooms=rooms):
                w.room_picker.set_rooms([self._room_choice(room) for room in rooms])
                return w.room_picker
            case RoomClosed(message=message):
                w.room_closed.set_message(message)
                return w.room_closed
            case Identify():
                w.identify.set_mode(self._identify_mode)
                if self.step_view_factory == self._step_view_in_host and self._step_view is None:
                    QTimer.singleShot(0, self, self._build_step_frame)
                return w.identify
            case Wizard(step=step, index=index, total=total):
                return self._step_screen(step, index, total)
            case Waiting(subtitle=subtitle):
                w.waiting_room.reset()
                w.waiting_room.set_subtitle(subtitle)
                return w.waiting_room
            case Call(url=url):
                w.call.start_call(url)
                return w.call
            case Booked(confirmation=confirmation):
                w.booked.set_booking(confirmation)
                return w.booked
            case Goodbye():
                w.goodbye.start_countdown()
                return w.goodbye
        raise TypeError(f"no screen for {type(payload).__name__}")

    def _show(self, screen: QWidget, reset: bool = False) -> None:
        """The stage's screen replaces the patient's; Welcome starts a new history."""
        navigator = self.window.navigator
        current = self._notice_holders.get(navigator.screen)
        if current is not None and navigator.screen is not screen:
            current.clear_notice()
        if reset:
            navigator.reset(screen)
        else:
            navigator.replace(screen)
        holder = self._notice_holders.get(screen)
        if self._notice and holder is not None:
            holder.show_notice(self._notice)
            self._notice = None

    def _step_view_in_host(
        self, step: Step, answers: Answers, services: WizardServices, progress: tuple[int, int]
    ) -> StepView:
        """The host's view showing ``step``: the one already there is re-used (only the new
        step's questions are built), else a new one is built inside the host."""
        view = self._step_view
        if view is not None and self.window.step_host.view is view:
            view.show_step(step, answers, services, progress)
            return view
        return default_step_view(step, answers, services, progress, self.window.step_host)

    def _build_step_frame(self) -> None:
        """The step screen's frame (heading, progress, buttons, scroll area), built while the
        patient identifies, after that screen is drawn: the wizard's first step then builds
        only its questions, like every step after it."""
        if self._closed or self._step_view is not None or self._stage is not Stage.IDENTIFY:
            return
        from kiosk.ui.wizard import StepView

        s = self.session
        self._adopt(StepView.frame_only(s.answers, s.services, self.window.step_host))

    def _adopt(self, view: StepView) -> None:
        view.submitted.connect(self.session.submit_step)
        view.back_requested.connect(self.session.go_back)
        self.window.step_host.set_view(view)
        self._step_view = view

    def _step_screen(self, step: Step, index: int, total: int) -> QWidget:
        view = self.step_view_factory(
            step, self.session.answers, self.session.services, (index, total)
        )
        if view is not self._step_view:
            self._adopt(view)
        log.info("presenter.step index=%d total=%d", index, total)
        return self.window.step_host

    def on_busy_changed(self, busy: bool, message: str) -> None:
        self.window.busy.set_busy(busy, message)
        if self._step_view is not None:
            self._step_view.set_busy(busy)

    def on_failed(self, error: SessionError) -> None:
        self.window.busy.set_busy(False)
        self.window.error_panel.show_error(error.message, error.can_retry, error.can_go_back)

    def on_provider_ready(self, ready: ProviderReady) -> None:
        """The provider is ready while the patient is on a post-intake step: say so, loudly."""
        self.ready_prompt.show_ready(ready.provider_name)
        self.window.navigator.show_overlay(Overlay.LOUNGE_PROMPT, self.ready_prompt)

    def _dismiss_ready_prompt(self) -> None:
        self.ready_prompt.dismiss()
        self.window.navigator.hide_overlay(Overlay.LOUNGE_PROMPT)

    def on_join_requested(self) -> None:
        """Join now: the step on screen goes along if it is complete (never half of it)."""
        view = self._step_view
        submissions = view.complete_submissions() if view is not None else None
        self.session.join_now(submissions or [])

    def on_queue_updated(self, status: QueueStatus) -> None:
        if self._stage is Stage.WIZARD:
            position = status.position
            wait = SOON_IF_NEXT if position == 1 else wait_text(status.expected_wait_s)
            self.window.step_host.lounge.set_status(position_text(position), wait)
        self.window.waiting_room.set_queue(
            status.position, status.expected_wait_s, status.length, status.waited_s
        )

    def on_notice(self, text: str) -> None:
        self._notice = text
        current = self._notice_holders.get(self.window.navigator.screen)
        if current is not None:
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
        self._step_view = None
        w.step_host.lounge.clear()
        self._dismiss_ready_prompt()
        w.waiting_room.reset()
        self._identify_mode = "guest"
        self._stage = Stage.WELCOME
        self._show(w.welcome, reset=True)

    # -- screens → session ------------------------------------------------------------------

    def on_check_in(self, mode: IdentifyMode) -> None:
        self._identify_mode = mode if self._known_login_enabled() else "guest"
        self.session.begin()

    # -- helpers ----------------------------------------------------------------------------

    def _known_login_enabled(self) -> bool:
        return self.session.config.known_patient_login

    def on_clinic_loaded(self, account: Account) -> None:
        """Clinic name and subtitle from the account (clinic data, not patient data); kept on
        the Welcome screen for the next patient."""
        name = _text(account.name) or _text(account.portal_title)
        if name:
            self.window.set_clinic(name)
        subtitle = _text(account.waiting_room.subtitle)
        if subtitle:
            self.window.welcome.set_subtitle(subtitle)

    def on_clinic_logo_loaded(self, data: bytes) -> None:
        """The clinic's logo on every header (clinic data; kept for the next patient)."""
        shown = [header.set_logo(data) for header in self.window.findChildren(ScreenHeader)]
        log.info("presenter.logo shown=%d", sum(shown))

    @staticmethod
    def _room_choice(room: Room) -> RoomChoice:
        code = room.code or ""
        detail = _text(room.subtitle) or _text(room.description)
        return RoomChoice(code, _text(room.name) or code, detail)
