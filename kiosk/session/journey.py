"""``Journey``: which screen comes next in one patient's visit, and the visit's moving parts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, Signal

from kiosk.api.errors import ApiError
from kiosk.api.models import Account, CloseReason, UserType, Visit
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session import stages
from kiosk.session.call_end import status_outcome
from kiosk.session.commands import CommandRunner
from kiosk.session.config import SessionConfig
from kiosk.session.contract import SessionSignals
from kiosk.session.errors import SessionStateError
from kiosk.session.flow import PostCallPlan, VisitPlan, visit_options
from kiosk.session.lounge import ProviderReady, provider_name
from kiosk.session.state import SessionState
from kiosk.session.types import Stage
from kiosk.session.visit import PICK_SLOT_MESSAGE, SignIn, VisitCalls
from kiosk.session.waiting import WaitingRoom
from kiosk.wizard import Submission

log = logging.getLogger("kiosk.session")

NO_ROOM_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages", "This kiosk has no waiting room set up. Please ask the front desk for help."
)
NO_VISITS_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages", "This waiting room is not taking visits right now."
)
CLOSED_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages", "This waiting room is closed right now. Please check back later."
)
MAX_WAIT_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages",
    "We are sorry: the wait has become too long, so this visit was closed. "
    "Please ask the front desk for help, or start again later.",
)

#: What ``go_back`` leaves to the session: nothing (done here), a new start, or signing out.
BackMove = Literal["done", "start_over", "sign_out"]


class Journey(QObject):
    """The visit's path: Welcome → (room pick) → identify → intake steps → waiting room or
    booking → call → post-call steps → goodbye, as stage payloads (``stage_changed``).

    Holds the parts that live for one visit: the ``VisitPlan`` (steps before and after the
    visit is created), the ``PostCallPlan`` (survey) and the ``WaitingRoom`` (heartbeat,
    queue, status and wait-limit timers). Its async methods run inside the session's commands
    (``runner``), move the retry point forward with ``runner.checkpoint`` once a step took
    effect on the server, and raise ``ApiError``/``SessionStateError`` for the runner.
    ``max_wait_reached`` asks the session to run ``close_for_max_wait`` as a command. The
    rest of what it has to tell the UI (the queue, notices, the provider ready, the waiting
    room's connectivity, a fetched account) it emits on the session's own ``signals``.
    """

    stage_changed = Signal(object)
    max_wait_reached = Signal()
    call_over = Signal(object)

    def __init__(
        self,
        calls: VisitCalls,
        config: Callable[[], SessionConfig],
        state: Callable[[], SessionState],
        runner: CommandRunner,
        signals: SessionSignals,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._signals = signals
        self._calls = calls
        self._config = config
        self._state = state
        self._runner = runner
        self._payload: stages.StagePayload = stages.Welcome()
        self._plan: VisitPlan | None = None
        self._post_call: PostCallPlan | None = None
        self._waiting: WaitingRoom | None = None
        #: The clinic's account as fetched at start-up (the app's ``ClinicLoader``), so each
        #: patient's start does not fetch ``GET /accounts/:code`` again; None = fetch.
        self.known_account: Callable[[], Account | None] = lambda: None
        self._ready: ProviderReady | None = None
        #: Join now was tapped while a step was being sent: join once it is.
        self.join_pending = False

    @property
    def payload(self) -> stages.StagePayload:
        return self._payload

    @property
    def stage(self) -> Stage:
        return self._payload.stage

    @property
    def ready(self) -> ProviderReady | None:
        """Set while the provider is ready and the patient is still on post-intake steps."""
        return self._ready

    @property
    def can_go_back(self) -> bool:
        """Whether Back makes sense from the step on screen (for the error panel)."""
        if self.stage is Stage.POST_CALL:
            return self._post_call is not None and self._post_call.can_go_back
        plan = self._plan
        return plan is not None and (plan.can_go_back or not plan.visit_created)

    # -- before the visit -----------------------------------------------------------------

    async def begin(self) -> None:
        config = self._config()
        known = self.known_account()
        if known is not None:  # start-up's account (one GET /accounts/:code per kiosk)
            self._calls.use_account(known)
        else:  # start-up's fetch has not arrived: this one serves both
            account = await self._calls.load_account(config.account_code)
            self._signals.account_loaded.emit(account)
        if config.room_code:
            await self.open_room(config.room_code)
            return
        rooms = await self._calls.list_rooms()
        if len(rooms) > 1:
            self._show(stages.RoomPick(tuple(rooms)))
            return
        code = rooms[0].code if rooms else account.waiting_room.default_room_code
        if not code:
            raise SessionStateError(NO_ROOM_MESSAGE)
        await self.open_room(code)

    async def open_room(self, code: str) -> None:
        state = self._state()
        room = await self._calls.load_room(code)
        if room.operation_settings.is_closed:
            self._show(stages.RoomClosed(room.operation_settings.close_msg or CLOSED_MESSAGE))
            return
        plan = VisitPlan(state.definition, visit_options(room, state.definition))
        if not plan.offers_anything:
            self._show(stages.RoomClosed(NO_VISITS_MESSAGE))
            return
        self._plan = plan
        launch = state.staff_launch
        if launch is not None:
            patient = SignIn(launch.first_name, launch.last_name, UserType.MEMBER, code=launch.code)
            await self.identify(patient)
            return
        self._show(stages.Identify())

    async def identify(self, who: SignIn) -> None:
        if self._plan is None or self._state().room_code is None:
            raise SessionStateError(
                QT_TRANSLATE_NOOP("SessionMessages", "Please choose a waiting room first.")
            )
        await self._calls.sign_in(who)
        self._runner.checkpoint(self._start_intake)
        await self._start_intake()

    async def _start_intake(self) -> None:
        assert self._plan is not None
        await self._calls.create_intake(self._plan.kind or "walkin")
        self._runner.checkpoint(self._continue_plan)
        await self._continue_plan()

    async def back_to_identify(self) -> None:
        await self._calls.sign_out()
        self._show(stages.Identify())

    def go_back(self) -> BackMove:
        """One screen back where the journey can do it alone; else what the session must do."""
        stage, state = self.stage, self._state()
        if stage in (Stage.ROOM_PICK, Stage.ROOM_CLOSED):
            return "start_over"
        if stage is Stage.IDENTIFY:
            if not state.rooms or self._config().room_code is not None:
                return "start_over"
            state.room = None
            self._plan = None
            self._show(stages.RoomPick(tuple(state.rooms)))
        elif stage is Stage.WIZARD and self._plan is not None:
            if self._plan.can_go_back:
                self._plan.back()
                self._show_step()
            elif self._plan.position == 0 and not self._plan.visit_created:
                return "sign_out"
        elif stage is Stage.POST_CALL and self._post_call and self._post_call.can_go_back:
            self._post_call.back()
            self._show_step()
        return "done"

    # -- the steps ------------------------------------------------------------------------

    async def submit(self, submissions: list[Submission]) -> None:
        if not isinstance(self._payload, stages.Wizard):
            raise SessionStateError(
                QT_TRANSLATE_NOOP("SessionMessages", "There is no question on screen to answer.")
            )
        step = self._payload.step
        routed = await self._calls.send_answers(step.key, submissions)
        self._state().answers.record_submission(step, submissions)
        if self.stage is Stage.POST_CALL:
            assert self._post_call is not None
            self._post_call.advance()
            if self._post_call.current is None:
                self._show(stages.Goodbye())
            else:
                self._show_step()
            return
        assert self._plan is not None
        if routed.visit_kind is not None and not self._plan.visit_created:
            self._plan.kind = routed.visit_kind
        self._plan.advance()
        self._runner.checkpoint(self._continue_plan)
        await self._continue_plan()

    async def _continue_plan(self) -> None:
        plan, state = self._plan, self._state()
        assert plan is not None
        if plan.at_commit_point:
            if plan.kind == "appointment":
                if state.booked_visit_id is None:
                    plan.back()
                    self._show_step()
                    raise SessionStateError(PICK_SLOT_MESSAGE)
                plan.visit_created = True
            else:
                plan.kind = "walkin"
                await self._add_walkin()
        if self.join_pending and self._ready is not None:
            self.join_pending = False  # Join now was tapped while this step was being sent
            self._start_call()
        elif plan.current is not None:
            self._show_step()
        elif plan.kind == "appointment":
            assert state.booking is not None
            self._show(stages.Booked(state.booking))
        elif self._ready is not None:
            self._start_call()  # the provider got ready during the post-intake steps
        else:
            self._show(stages.Waiting(self._waiting_subtitle()))
            if self._waiting is not None:
                self._waiting.start_waiting(state.max_wait_s)

    async def _add_walkin(self) -> None:
        assert self._plan is not None
        visit_id = await self._calls.add_walkin()
        self._plan.visit_created = True
        state = self._state()
        assert state.room_code is not None
        config = self._config()
        waiting = WaitingRoom(self._calls.client, config, state, visit_id, state.room_code, self)
        waiting.queue_updated.connect(self._signals.queue_updated)
        waiting.visit_status.connect(self.on_visit_status)
        waiting.max_wait_reached.connect(self.on_max_wait_reached)
        waiting.connectivity_changed.connect(self._signals.connectivity_changed)
        waiting.reconnecting.connect(self._signals.reconnecting)
        self._waiting = waiting
        waiting.start_heartbeat()
        # The lounge: in line from now on, while the post-intake steps are answered.
        waiting.start_waiting(state.max_wait_s)

    def _show_step(self) -> None:
        post_call = self.stage is Stage.POST_CALL
        plan = self._post_call if post_call else self._plan
        if plan is None or plan.current is None:
            return
        payload = stages.PostCall if post_call else stages.Wizard
        self._show(payload(plan.current, plan.position, plan.total))

    def _waiting_subtitle(self) -> str:
        state = self._state()
        room_line = state.room.subtitle if state.room is not None else None
        account_line = state.account.waiting_room.subtitle if state.account is not None else None
        return (room_line or "").strip() or (account_line or "").strip()

    # -- the visit, once it exists --------------------------------------------------------

    def on_visit_status(self, status: int, visit: Visit | None) -> None:
        """Follow the walk-in's status by ``call_end.status_outcome`` (the doc's statuses)."""
        if self._runner.busy and self.stage is Stage.CALL:
            return  # a close is on its way (End tapped, or a status already acted on)
        plan = self._plan
        in_lounge = plan is not None and plan.visit_created and self.stage is Stage.WIZARD
        outcome = status_outcome(self.stage, status, in_lounge)
        if outcome.ready:
            self._ready = ProviderReady(provider_name(visit))
            log.info("visit %s ready_in_lounge", self._state().visit_id)
            self._signals.provider_ready.emit(self._ready)
        elif outcome.stage is Stage.CALL:
            self._start_call()
        elif outcome.stage is Stage.POST_CALL and outcome.close_reason is not None:
            self.call_over.emit(outcome.close_reason)  # the session closes it as a command
        elif outcome.stage is not None:
            self._runner.cancel()  # a step being saved no longer matters
            self._visit_over()
            if outcome.notice:
                self._signals.notice.emit(outcome.notice)
            if outcome.stage is Stage.POST_CALL:
                self._start_post_call()
            else:
                self._show(stages.Goodbye())

    async def join(self, submissions: list[Submission]) -> None:
        """Join now: send the step on screen (best effort: the provider is waiting), then
        open the call; the remaining post-intake steps are skipped."""
        if isinstance(self._payload, stages.Wizard) and submissions:
            step = self._payload.step
            try:
                await self._calls.send_answers(step.key, submissions)
            except ApiError as exc:
                log.warning("session.join_answers_not_sent error=%s", type(exc).__name__)
            else:
                self._state().answers.record_submission(step, submissions)
        self._start_call()

    def _start_call(self) -> None:
        """The provider is ready: open the call page (doc: ``…/visits/inbrowser_calling/:id``
        through the SSO redirect)."""
        url = self._calls.call_url()
        if url is None:
            return
        self._ready = None
        self.join_pending = False
        if self._waiting is not None:
            self._waiting.call_started()
        self._show(stages.Call(url))

    def on_max_wait_reached(self) -> None:
        if self.stage in (Stage.WAITING, Stage.WIZARD) and self._state().open_visit_id:
            self._state().close_reason = CloseReason.MAX_WAITING_TIME_REACHED
            self.max_wait_reached.emit()

    async def close_for_max_wait(self) -> None:
        self.stop()
        await self._calls.close_open_visit(CloseReason.MAX_WAITING_TIME_REACHED, tolerate=True)
        self._signals.notice.emit(MAX_WAIT_MESSAGE)
        self._show(stages.Goodbye())

    async def close_call(self, reason: CloseReason, tolerate: bool = False) -> None:
        self._state().close_reason = reason
        self.stop()
        await self._calls.close_open_visit(reason, tolerate=tolerate)
        self._start_post_call()

    def _visit_over(self) -> None:
        """The server closed the visit itself: nothing left to close, no timers to run."""
        self._state().open_visit_id = None
        self.stop()

    def _start_post_call(self) -> None:
        post_call = self._post_call = PostCallPlan(self._state().definition)
        step = post_call.current
        if step is None:
            self._show(stages.Goodbye())
        else:
            self._show(stages.PostCall(step, post_call.position, post_call.total))

    # -- the end --------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the waiting room's timers (the visit is over or the session ends)."""
        if self._waiting is not None:
            self._waiting.stop()

    def reset(self) -> None:
        """Forget this visit (after the wipe) and go back to Welcome."""
        if self._waiting is not None:
            self._waiting.deleteLater()
        self._waiting = None
        self._plan = None
        self._post_call = None
        self._ready = None
        self.join_pending = False
        self._show(stages.Welcome())

    def _show(self, payload: stages.StagePayload) -> None:
        """Show ``payload``: always for a step (each is a new screen), else on a stage change."""
        previous = self._payload.stage
        if payload.stage is previous and not isinstance(payload, stages.Wizard):
            return
        if payload.stage is not previous:
            log.info("session.stage %s -> %s", previous.value, payload.stage.value)
        self._payload = payload
        self.stage_changed.emit(payload)
