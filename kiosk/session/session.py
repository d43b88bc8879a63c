"""``PatientSession``: one patient's visit from Welcome to goodbye, as a Qt state machine."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.api import PortalUrls
from kiosk.api.models import CloseReason, UserType
from kiosk.i18n.catalog import available_languages
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session.accessibility import AccessibilityChoices
from kiosk.session.client import SessionClient
from kiosk.session.commands import CommandRunner, Work
from kiosk.session.config import SessionConfig
from kiosk.session.contract import SessionSignals
from kiosk.session.documents import AccountDocuments
from kiosk.session.errors import CALL_CRASHED_MESSAGE, CRASH_MESSAGE, SessionStateError
from kiosk.session.hooks import Cleanup, SessionHooks
from kiosk.session.idle import IdleMonitor
from kiosk.session.journey import Journey
from kiosk.session.language import SessionLanguage
from kiosk.session.lounge import ProviderReady
from kiosk.session.redaction import remember_patient_values
from kiosk.session.stages import StagePayload, Wizard
from kiosk.session.state import KnownPatient, SessionState
from kiosk.session.types import EndReason, Stage
from kiosk.session.visit import SignIn, VisitCalls
from kiosk.session.wipe import wipe_session
from kiosk.session.wizard_services import SessionWizardServices
from kiosk.wizard import Answers, Step, Submission

log = logging.getLogger("kiosk.session")

KNOWN_LOGIN_OFF = QT_TRANSLATE_NOOP(
    "SessionMessages", "Signing in with a patient code is not available on this kiosk."
)


class PatientSession(SessionSignals):
    """The patient's whole visit; the UI calls its commands and follows its signals.

    Commands return at once; their API calls run as qasync tasks on the running loop, framed
    by ``busy_changed(True, text)`` / ``busy_changed(False, "")``. A failed call emits
    ``failed(SessionError)``; ``retry()`` re-runs it, ``go_back()`` returns to the previous
    step, ``end(reason)`` starts over. Every ending (finish, Start over, idle, crash, leaving
    the waiting room) runs the one ``wipe_session`` and then emits ``ended(reason)`` and goes
    to ``Welcome``; the same object then serves the next patient. GUI thread only.

    Made of small parts: ``CommandRunner`` (one command at a time, busy, retry), ``Journey``
    (which stage comes next, the step plans, the waiting room), ``VisitCalls`` (the server
    side), ``IdleMonitor`` (``idle``: off at Welcome, the long timeout while waiting and in the
    call; the app installs it on the window and shows its countdown) and ``wipe_session``.
    Signals: ``SessionSignals`` (docs/architecture.md, "Session contract"); ``account_loaded``
    is the clinic's account each patient's start fetched (the app hands it to its ``ClinicLoader``),
    ``connectivity_changed(bool)`` the waiting room's polls failing on the network and back,
    ``reconnecting(bool)`` the waiting room hearing no answer for the notice time (False at
    the next answer or when the wait ends), ``idle_warning(int)`` seconds left before an idle
    session ends.
    """

    def __init__(
        self,
        client: SessionClient,
        config: SessionConfig,
        portal: PortalUrls,
        hooks: SessionHooks | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.config = config
        self.hooks = hooks or SessionHooks()
        self._state = SessionState()
        #: This patient's large text, audio guidance and volume; the wipe resets them.
        self.accessibility = AccessibilityChoices(self)
        self._ending: asyncio.Future[None] | None = None
        self._runner = CommandRunner(self.on_command_crashed, self)
        self._runner.busy_changed.connect(self.busy_changed)
        self._runner.failed.connect(self.failed)
        #: This patient's language; the UI follows ``language.changed``, the wipe resets it.
        self.language = SessionLanguage(config.language, available_languages(), self)
        self.idle = IdleMonitor(
            config.idle_timeout_s,
            config.idle_timeout_waiting_s,
            config.idle_countdown_s,
            tick_s=config.idle_tick_s,
            parent=self,
        )
        self.idle.warning_started.connect(self.idle_warning)
        self.idle.timed_out.connect(self.on_idle_expired)
        documents = AccountDocuments(
            client, lambda: self._state.account, config.consent_statement, config.terms_statement
        )
        self.services = SessionWizardServices(
            client, lambda: self._state, config.max_upload_bytes, documents, camera=config.camera
        )
        calls = VisitCalls(
            client,
            portal,
            lambda: self._state,
            self.services.room_timezone,
            undocumented_fields=lambda: self.config.send_undocumented_intake_fields,
        )
        self.journey = Journey(
            calls, lambda: self.config, lambda: self._state, self._runner, self, self
        )
        self.journey.stage_changed.connect(self.on_journey_stage_changed)
        self.journey.max_wait_reached.connect(self.on_max_wait_reached)
        self.journey.call_over.connect(self.on_call_over)

    # -- read-only view for the UI -------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self.journey.payload.stage

    @property
    def payload(self) -> StagePayload:
        """What the screen shows now, as ``stage_changed`` last sent it."""
        return self.journey.payload

    @property
    def state(self) -> SessionState:
        """This patient's data (replaced by a fresh object after every wipe)."""
        return self._state

    @property
    def answers(self) -> Answers:
        """The current patient's answers; hand it to each ``StepView``."""
        return self._state.answers

    @property
    def busy(self) -> bool:
        return self._runner.busy or self._ending is not None

    @property
    def current_step(self) -> tuple[Step, int, int] | None:
        """The step on screen with its index and the total (of a ``Wizard`` payload)."""
        payload = self.journey.payload
        if not isinstance(payload, Wizard):
            return None
        return payload.step, payload.index, payload.total

    def add_cleanup(self, cleanup: Cleanup) -> Callable[[], None]:
        """Run ``cleanup`` in every wipe (see ``SessionHooks``); returns the unregister function."""
        return self.hooks.add_cleanup(cleanup)

    # -- commands -------------------------------------------------------------------------

    def begin(self) -> None:
        """Load the account and room; go to room pick, closed notice or identification."""
        if self.stage in (Stage.WELCOME, Stage.ROOM_CLOSED) and not self.busy:
            self._state.wiped = False
            self._run(
                "begin",
                QT_TRANSLATE_NOOP("SessionMessages", "Getting things ready…"),
                self.journey.begin,
            )

    def start_known(self, code: str, first_name: str, last_name: str) -> None:
        """Staff launch a known patient (SSO type 200 with the integrator's ``code``) straight
        into the intake: staff mode authorised it, so ``known_patient_login`` does not apply.
        The identify screen is skipped; a room pick still shows when the kiosk has no room."""
        if self.stage is not Stage.WELCOME or self.busy:
            return
        remember_patient_values(code, first_name, last_name)
        self._state.wiped = False
        self._state.staff_launch = KnownPatient(code, first_name, last_name)
        self._run(
            "start_known",
            QT_TRANSLATE_NOOP("SessionMessages", "Getting things ready…"),
            self.journey.begin,
        )

    def choose_room(self, code: str) -> None:
        if self.stage is Stage.ROOM_PICK:
            self._run(
                "choose_room",
                QT_TRANSLATE_NOOP("SessionMessages", "Opening the waiting room…"),
                lambda: self.journey.open_room(code),
                can_go_back=True,
            )

    def identify_guest(self, first_name: str, last_name: str, dob: dt.date | str) -> None:
        """Start as a guest (SSO type 600) with name and date of birth."""
        if self.stage is Stage.IDENTIFY:
            dob_text = dob.isoformat() if isinstance(dob, dt.date) else str(dob)
            remember_patient_values(first_name, last_name, dob_text)

            who = SignIn(first_name, last_name, UserType.GUEST, dob=dob_text)
            self._run(
                "identify_guest",
                QT_TRANSLATE_NOOP("SessionMessages", "Signing you in…"),
                lambda: self.journey.identify(who),
                can_go_back=True,
            )

    def identify_known(self, code: str, first_name: str, last_name: str) -> None:
        """Start as a known patient (SSO type 200 with the integrator's ``code``), if enabled."""
        if self.stage is not Stage.IDENTIFY:
            return

        remember_patient_values(code, first_name, last_name)

        async def work() -> None:
            if not self.config.known_patient_login:
                raise SessionStateError(KNOWN_LOGIN_OFF)
            await self.journey.identify(SignIn(first_name, last_name, UserType.MEMBER, code=code))

        self._run(
            "identify_known",
            QT_TRANSLATE_NOOP("SessionMessages", "Signing you in…"),
            work,
            can_go_back=True,
        )

    def submit_step(self, submissions: list[Submission]) -> None:
        """Send the current step's answers, then show the next step (or the next stage)."""
        if self.stage in (Stage.WIZARD, Stage.POST_CALL):
            items = list(submissions)
            remember_patient_values(items)
            can_go_back = self.journey.can_go_back
            self._run(
                "submit_step",
                QT_TRANSLATE_NOOP("SessionMessages", "Saving your answers…"),
                lambda: self.journey.submit(items),
                can_go_back=can_go_back,
            )

    def go_back(self) -> None:
        """One screen back: previous step, identification, room pick or Welcome."""
        if self.busy:
            return
        back = self.journey.go_back()
        if back == "start_over":
            self.end(EndReason.START_OVER)
        elif back == "sign_out":
            self._run(
                "go_back",
                QT_TRANSLATE_NOOP("SessionMessages", "One moment…"),
                self.journey.back_to_identify,
            )

    def leave_waiting_room(self) -> None:
        """The patient leaves: the wipe closes the visit with ``patientexitroom``."""
        if self._state.open_visit_id is not None:
            self._state.close_reason = CloseReason.PATIENT_EXIT_ROOM
            self.end(EndReason.LEFT_WAITING_ROOM)

    @property
    def ready(self) -> ProviderReady | None:
        """Set while the provider is ready and the patient is still on post-intake steps."""
        return self.journey.ready

    def join_now(self, submissions: list[Submission] | None = None) -> None:
        """The patient tapped "Join now" on the lounge's ready prompt: the step on screen is
        sent if its answers were complete (``submissions``; every earlier step was sent when
        it was submitted), the remaining post-intake steps are skipped and the call opens.
        While a step is still being sent, the join waits for it (``journey.join_pending``)."""
        if self.stage is not Stage.WIZARD or self.journey.ready is None:
            return
        if self.busy:
            self.journey.join_pending = True
            log.info("visit %s join_after_step", self._state.visit_id)
            return
        items = list(submissions or [])
        remember_patient_values(items)
        log.info("visit %s join_now answers=%d", self._state.visit_id, len(items))
        self._run(
            "join_now",
            QT_TRANSLATE_NOOP("SessionMessages", "Joining your visit…"),
            lambda: self.journey.join(items),
        )

    def call_finished(self, reason: str) -> None:
        """The call view closed: ``patientendcall`` (End pressed) or ``call_ended`` (the page
        left the call). Closes the visit with that reason and moves on to the post-call steps."""
        if self.stage is Stage.CALL:
            close_reason = CloseReason(reason)
            self._run(
                "call_finished",
                QT_TRANSLATE_NOOP("SessionMessages", "Ending the call…"),
                lambda: self.journey.close_call(close_reason),
            )

    def call_crashed(self) -> None:
        """The call page's renderer died: tell the patient, close the visit as ``call_ended``
        and end the session with the normal wipe (reason ``crash``)."""
        if self.stage is Stage.CALL:
            self._state.close_reason = CloseReason.CALL_ENDED
            self.notice.emit(CALL_CRASHED_MESSAGE)
            self.end(EndReason.CRASH)

    def finish(self) -> None:
        """The patient is done (goodbye, booking shown): start over for the next one."""
        if self.stage in (Stage.GOODBYE, Stage.BOOKED, Stage.POST_CALL, Stage.ROOM_CLOSED):
            self.end(EndReason.FINISHED)

    def set_room(self, code: str | None) -> None:
        """Staff chose the room this kiosk serves: used from the next patient on."""
        self.config = dataclasses.replace(self.config, room_code=code or None)
        log.info("session.room_configured room=%s", code or "-")

    def resume_idle(self) -> None:
        """Count idle time again as the stage wants it (after staff mode paused the clock)."""
        self._arm_idle()

    def retry(self) -> None:
        """Run the command that failed last time again."""
        self._runner.retry()

    def user_active(self) -> None:
        """Any touch on the screen: restarts the idle count (and cancels its countdown)."""
        self.idle.poke()

    def end(self, reason: str = EndReason.START_OVER) -> None:
        """End the session: one wipe, then ``ended(reason)`` and ``Welcome``."""
        if self._ending is None:
            self._runner.cancel()
            self.idle.pause()
            self._ending = asyncio.ensure_future(self._end(str(reason)))

    async def end_and_wait(self, reason: str = EndReason.START_OVER) -> None:
        """``end(reason)`` and wait for the wipe (the app awaits this before quitting)."""
        self.end(reason)
        if self._ending is not None:
            await asyncio.shield(self._ending)

    # -- slots ----------------------------------------------------------------------------

    def on_command_crashed(self, _exc: BaseException) -> None:
        self.notice.emit(CRASH_MESSAGE)
        self.end(EndReason.CRASH)

    def on_idle_expired(self) -> None:
        self.end(EndReason.IDLE)

    def on_journey_stage_changed(self, payload: StagePayload) -> None:
        self._arm_idle()
        self.stage_changed.emit(payload)

    def on_call_over(self, reason: CloseReason) -> None:
        """The visit's status says the call is over (30/40): close it with the doc's reason
        (``call_ended``; a failure is left to the wipe) and go on to the post-call steps."""
        self._run(
            "call_over",
            QT_TRANSLATE_NOOP("SessionMessages", "Ending the call…"),
            lambda: self.journey.close_call(reason, tolerate=True),
        )

    def on_max_wait_reached(self) -> None:
        """The wait grew too long: whatever runs now gives way to closing the visit."""
        self._runner.cancel()
        self._run(
            "max_wait",
            QT_TRANSLATE_NOOP("SessionMessages", "Closing your visit…"),
            self.journey.close_for_max_wait,
        )

    # -- internals ------------------------------------------------------------------------

    def _run(self, name: str, text: str, work: Work, can_go_back: bool = False) -> None:
        if self._ending is None:
            self.idle.poke()
            self._runner.run(name, text, work, can_go_back)

    def _arm_idle(self) -> None:
        if self.stage is Stage.WELCOME:
            self.idle.pause()
            return
        self.idle.set_mode("waiting" if self.stage in (Stage.WAITING, Stage.CALL) else "normal")
        self.idle.resume()

    async def _end(self, reason: str) -> None:
        self.busy_changed.emit(True, QT_TRANSLATE_NOOP("SessionMessages", "Finishing up…"))
        state = self._state
        try:
            self.journey.stop()
            await wipe_session(
                self.client,
                state,
                self.hooks,
                self.config.wipe_step_timeout_s,
                choices=(self.language, self.accessibility),
            )
        except Exception as exc:  # the wipe tolerates failures; this is a last guard
            log.error("session.wipe_crashed error=%s", type(exc).__name__)
        finally:
            self._state = SessionState()
            self._runner.cancel()
            self._ending = None
            self.busy_changed.emit(False, "")
            log.info("session.ended reason=%s", reason)
            self.ended.emit(reason)
            self.journey.reset()
