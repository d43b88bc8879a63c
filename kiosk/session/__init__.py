"""The patient's visit as a state machine: timers, idle, wipe. No widgets (QtCore only)."""

from kiosk.session.config import SessionConfig
from kiosk.session.errors import SessionStateError, session_error
from kiosk.session.flow import VisitPlan, visit_options
from kiosk.session.hooks import SessionHooks
from kiosk.session.idle import IdleMonitor
from kiosk.session.lounge import ProviderReady
from kiosk.session.polling import PollingTimer
from kiosk.session.session import PatientSession
from kiosk.session.state import SessionState
from kiosk.session.timers import (
    HeartbeatTimer,
    MaxWaitTimer,
    QueuePoller,
    VisitStatusWatcher,
    queue_status,
)
from kiosk.session.types import BookingConfirmation, EndReason, QueueStatus, SessionError, Stage
from kiosk.session.wipe import wipe_session
from kiosk.session.wizard_services import SessionWizardServices

__all__ = [
    "BookingConfirmation",
    "EndReason",
    "HeartbeatTimer",
    "IdleMonitor",
    "MaxWaitTimer",
    "PatientSession",
    "PollingTimer",
    "ProviderReady",
    "QueuePoller",
    "QueueStatus",
    "SessionConfig",
    "SessionError",
    "SessionHooks",
    "SessionState",
    "SessionStateError",
    "SessionWizardServices",
    "Stage",
    "VisitPlan",
    "VisitStatusWatcher",
    "queue_status",
    "session_error",
    "visit_options",
    "wipe_session",
]
