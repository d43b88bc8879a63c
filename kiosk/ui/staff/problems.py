"""Recent problems for staff in plain words — when, what happened, what to do — not log lines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: ``RecentErrorsHandler``'s format: "2026-11-29 07:40:00,123 WARNING kiosk.api: text".
_LINE = re.compile(
    r"^(?P<when>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:,\d+)? (?P<level>[A-Z]+) "
    r"(?P<area>[\w.]+): (?P<text>.*)$"
)
LOG_HINT = "If it keeps happening, send the kiosk's log file to your support contact."


@dataclass(frozen=True)
class Problem:
    when: str
    what: str
    todo: str

    def text(self) -> str:
        return f"{self.when} — {self.what} {self.todo}".strip()


#: (words in the log line, what happened, what to do) — the first match wins.
_RULES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("autherror", "authinvalid", "permissiondenied", "401", "403", "api key"),
        "The clinic's server refused this kiosk's API key.",
        "Check api_key and api_secret in the config file, then restart the kiosk.",
    ),
    (
        ("networkerror", "timeout", "connect", "offline", "unreachable", "dns"),
        "The kiosk could not reach the clinic's server.",
        "Check the network cable or Wi-Fi. The kiosk keeps trying on its own.",
    ),
    (
        ("servererror", "500", "502", "503", "504"),
        "The clinic's server had a problem of its own.",
        "It usually passes. If it lasts, check VSee's status page or contact VSee support.",
    ),
    (
        ("crash", "unhandled", "traceback"),
        "Something unexpected went wrong, and the kiosk started over for the patient.",
        LOG_HINT,
    ),
    (
        ("upload",),
        "A patient's picture could not be sent.",
        "Check the network. The patient can try again or go on without it.",
    ),
    (
        ("kiosk.ui.call", "webengine", "media", "camera", "microphone"),
        "The video call page had a problem.",
        "Check the camera, microphone and network, then ask the patient to try again.",
    ),
    (
        ("orientation",),
        "The screen's shape does not match the configured orientation.",
        "Set [kiosk] orientation in the config file, or rotate the display in the system.",
    ),
    (
        ("kiosk.staff", "pin"),
        "Staff mode had a problem (PIN, room or provider setup).",
        "Try again; if it repeats, check the Room and Provider tabs.",
    ),
)

_AREAS = {
    "kiosk.api": "talking to the clinic's server",
    "kiosk.session": "a patient's visit",
    "kiosk.wizard": "the check-in questions",
    "kiosk.ui": "the screens",
    "kiosk.sandbox": "the built-in sandbox clinic",
    "kiosk.lockdown": "kiosk mode",
    "kiosk.app": "the kiosk itself",
}


def _when(stamp: str, today: dt.date) -> str:
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return ""
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"Today {clock}"
    if moment.date() == today - dt.timedelta(days=1):
        return f"Yesterday {clock}"
    return f"{moment:%b} {moment.day}, {clock}"


def plain_problem(line: str, today: dt.date | None = None) -> Problem:
    """One recent-errors line as a ``Problem`` a receptionist can act on."""
    match = _LINE.match(line)
    when, area, text = "", "", line
    if match is not None:
        when = _when(match["when"], today or dt.date.today())
        area, text = match["area"], match["text"]
    haystack = f"{area} {text}".lower()
    for words, what, todo in _RULES:
        if any(word in haystack for word in words):
            return Problem(when, what, todo)
    place = next((name for prefix, name in _AREAS.items() if area.startswith(prefix)), "")
    what = f"Something went wrong in {place}." if place else "Something went wrong."
    return Problem(when, what, LOG_HINT)


def problems_text(lines: list[str], limit: int = 5, today: dt.date | None = None) -> str:
    """The newest ``limit`` problems, newest first, one paragraph each."""
    if not lines:
        return "No recent problems."
    recent = [plain_problem(line, today).text() for line in reversed(lines[-limit:])]
    return "Recent problems:\n" + "\n".join(recent)
