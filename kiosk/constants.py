"""Every default timeout, interval and limit in one place, so none hides in a widget or a call."""

from __future__ import annotations

# HTTP
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 15.0
WRITE_TIMEOUT_S = 30.0
POOL_TIMEOUT_S = 5.0
UPLOAD_TIMEOUT_S = 120.0
# Whole-request deadlines (connect + send + the entire body): the per-phase timeouts above
# restart with every byte, so a server trickling a byte at a time would never time out.
REQUEST_DEADLINE_S = 45.0
UPLOAD_DEADLINE_S = 300.0
# Largest response body read: JSON answers, and downloaded files (larger than any upload).
MAX_JSON_RESPONSE_BYTES = 8 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024

# Retries of idempotent calls (GETs, heartbeats, queue polls).
RETRY_MAX_ATTEMPTS = 4
RETRY_BACKOFF_BASE_S = 0.5
RETRY_BACKOFF_CAP_S = 8.0
RETRY_TOTAL_BUDGET_S = 30.0
RETRY_JITTER_FRACTION = 0.5  # random share of each backoff delay, so kiosks do not retry in step
RETRY_AFTER_CAP_S = 60.0  # a server's Retry-After longer than this is not waited for

# Tokens are refreshed this long before their expiry.
TOKEN_REFRESH_MARGIN_S = 60

# Uploads
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_CHUNK_BYTES = 64 * 1024  # read from disk and sent this much at a time

# Waiting room: the doc's default heartbeat is 300 s and the kiosk must send at < 1/2 of it.
HEARTBEAT_S = 300
QUEUE_POLL_S = 10.0
VISIT_STATUS_POLL_S = 5.0
# With no poll answered for this long, the waiting room says it is reconnecting (and that the
# patient keeps their place); at least two of the shortest poll intervals, so one slow answer
# never shows it.
WAITING_RECONNECT_NOTICE_S = 15.0

# Idle and automatic logoff.
IDLE_TIMEOUT_S = 120.0
IDLE_TIMEOUT_WAITING_S = 900.0
IDLE_COUNTDOWN_S = 20.0
STAFF_IDLE_TIMEOUT_S = 180.0

# Staff mode
STAFF_MAX_PIN_ATTEMPTS = 5
STAFF_LOCKOUT_S = 300.0
STAFF_GESTURE_HOLD_S = 3.0

# Network outage banner: reconnection backoff.
RECONNECT_BACKOFF_BASE_S = 1.0
RECONNECT_BACKOFF_CAP_S = 30.0

# Touch targets (logical pixels).
MIN_TOUCH_TARGET_PX = 48

# Wizard (account-driven intake screens).
WIZARD_SEARCHABLE_SELECT_MIN = 9  # a select with this many options or more gets a search box
WIZARD_CALENDAR_DAYS = 14  # days offered in the appointment day strip
WIZARD_THUMBNAIL_PX = 150  # image picker thumbnail edge
WIZARD_MAX_IMAGES_LISTED = 48  # newest images shown per picker, so a full card cannot stall it
WIZARD_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".bmp", ".gif")
WIZARD_SURVEY_COMMENT_MAX = 500  # characters in the built-in survey's comment

# Patient session (kiosk/session).
HEARTBEAT_SEND_FRACTION = 0.4  # alive every 0.4 × heartbeat: the doc asks for < 1/2 of it
WIPE_STEP_TIMEOUT_S = 3.0  # each call of the end-of-session wipe gives up after this long
MAX_TIMER_S = 24 * 3600.0  # QTimer counts in int ms; longer waits are clamped to this

# Idle monitor (kiosk/session/idle.py): the countdown moves in ticks of this length.
IDLE_TICK_S = 1.0
IDLE_ACTIVITY_SIGNAL_MIN_S = 1.0  # `activity` is emitted at most this often (touch moves flood)

# Crash recovery (kiosk/crash.py, kiosk/ui/screens/reset.py).
CRASH_RESET_AUTO_CONTINUE_S = 8.0  # the "starting over" screen moves on by itself after this
CRASH_RESET_STUCK_S = 60.0  # a reset never reported finished re-arms the crash guard after this

# Logs (kiosk/logging_setup.py).
LOG_FILE_MAX_BYTES = 2 * 1024 * 1024
LOG_FILE_BACKUPS = 5
LOG_RECENT_ERRORS = 20  # warnings/errors kept in memory for the staff console

# Staff mode (kiosk/staff, kiosk/ui/staff).
STAFF_GESTURE_CORNER_PX = 120  # the hidden long-press target in the top-left corner
STAFF_PIN_MIN_DIGITS = 4
STAFF_PIN_MAX_DIGITS = 12
STAFF_LOCKOUT_TICK_S = 1.0  # the locked PIN pad counts down in steps of this

# Windowed (development) sizes per orientation.
WINDOWED_LANDSCAPE_SIZE = (1280, 800)
WINDOWED_PORTRAIT_SIZE = (1080, 1920)

# Kiosk screens (kiosk/ui): animation, busy overlay, automatic return.
PULSE_FRAME_MS = 40  # frame interval of the waiting/busy pulse animation
PULSE_PERIOD_MS = 2400  # one slow breath of the pulse: calm, not urgent
BUSY_OVERLAY_DELAY_MS = 250  # input is blocked at once; the overlay only shows after this
GOODBYE_RETURN_S = 8.0  # the goodbye screen returns to Welcome on its own after this

# Running unattended (kiosk/fleet).
FLEET_OFFLINE_OUT_OF_SERVICE_S = 120.0  # clinic unreachable this long: Welcome says out of service
FLEET_WEBENGINE_CRASH_LIMIT = 2  # web-engine crashes within the window that take the kiosk out
FLEET_WEBENGINE_CRASH_WINDOW_S = 3600.0
FLEET_WEBENGINE_OUT_OF_SERVICE_S = 300.0  # then it tries again by itself
FLEET_PROBE_INTERVAL_S = 30.0  # at Welcome, the clinic is asked this often whether it is there
WATCHDOG_DEFAULT_INTERVAL_S = 10.0  # ping interval when systemd gives no WATCHDOG_USEC
METRICS_TEXTFILE_INTERVAL_S = 15.0
METRICS_HTTP_PORT = 9464
HEALTH_REQUEST_TIMEOUT_S = 5.0  # a health client that sends nothing is dropped after this

# Accessibility (kiosk/session/accessibility.py, kiosk/ui/accessibility).
LARGE_TEXT_SCALE = 1.35  # the "Aa" button: every font size of the theme times this
SPEECH_VOLUME_DEFAULT = 0.8  # audio guidance starts at this volume (0.0–1.0)
SPEECH_VOLUME_MIN = 0.1  # never silent: a patient who pressed "softer" too often still hears
SPEECH_VOLUME_STEP = 0.1  # one press of +/- or a volume key
LONG_PRESS_GUIDANCE_MS = 2000  # holding a finger this long on Welcome starts audio guidance
SPEECH_ENGINE = "speechd"  # QTextToSpeech engine on Linux; the default engine if it fails
