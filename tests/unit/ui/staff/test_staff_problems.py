"""Recent problems in plain words: when, what happened, what to do — never the raw log line."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.ui.staff.problems import LOG_HINT, plain_problem, problems_text

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    ("line", "what", "todo"),
    [
        (
            "2026-11-29 07:40:00,123 WARNING kiosk.session: session.heartbeat_failed "
            "error=NetworkError",
            "could not reach the clinic's server",
            "network",
        ),
        (
            "2026-11-29 07:41:00,001 ERROR kiosk.api: call failed error=AuthInvalidError",
            "refused this kiosk's API key",
            "api_key",
        ),
        (
            "2026-11-29 07:42:00,001 ERROR kiosk.crash: crash.unhandled incident=abc",
            "started over",
            "log file",
        ),
        (
            "2026-11-29 07:43:00,001 WARNING kiosk.lockdown: lockdown.orientation_mismatch "
            "configured=portrait",
            "orientation",
            "rotate",
        ),
    ],
)
def test_known_problems_say_what_happened_and_what_to_do(line, what, todo) -> None:
    problem = plain_problem(line, TODAY)
    assert problem.when == "Today 07:4" + line[15]
    assert what in problem.what
    assert todo in problem.todo
    assert "kiosk.api" not in problem.text() and "error=" not in problem.text()


def test_an_unknown_problem_names_the_area_and_points_to_the_log() -> None:
    problem = plain_problem("2026-11-28 23:05:00,000 WARNING kiosk.ui.wizard: odd.thing", TODAY)
    assert problem.when == "Yesterday 23:05"
    assert problem.what == "Something went wrong in the screens."
    assert problem.todo == LOG_HINT


def test_the_list_is_newest_first_and_at_most_five() -> None:
    lines = [f"2026-11-29 07:0{n}:00,000 WARNING kiosk.app: app.thing{n}" for n in range(8)]
    text = problems_text(lines, today=TODAY)
    assert text.splitlines()[1].startswith("Today 07:07")
    assert len(text.splitlines()) == 6


def test_no_problems_says_so() -> None:
    assert problems_text([]) == "No recent problems."
