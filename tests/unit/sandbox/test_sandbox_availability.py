"""The doc's start/end/duration table as a pure function."""

from __future__ import annotations

import pytest

from kiosk.sandbox.availability import DEFAULT_SPAN_S, Window, resolve_window
from kiosk.sandbox.errors import ApiProblem

NOW, AVAILABLE, NEAREST = 1_000, 5_000, 7_000


def first_free(t: int) -> int:
    return NEAREST if t > NOW else AVAILABLE


@pytest.mark.parametrize(
    ("row", "start", "end", "duration", "nearest", "expected"),
    [
        (1, None, None, None, False, (AVAILABLE, AVAILABLE + DEFAULT_SPAN_S)),
        (2, 2_000, None, None, False, (2_000, 2_000 + DEFAULT_SPAN_S)),
        (2, 2_000, None, None, True, (NEAREST, NEAREST + DEFAULT_SPAN_S)),
        (3, 2_000, 3_000, None, False, (2_000, 3_000)),
        (4, 2_000, None, 600, False, (2_000, 2_600)),
        (4, 2_000, None, 600, True, (NEAREST, NEAREST + 600)),
        (5, None, 900_000, None, False, (900_000 - DEFAULT_SPAN_S, 900_000)),
        (6, None, 9_000, 600, False, (8_400, 9_000)),
        (7, None, None, 600, False, (AVAILABLE, AVAILABLE + 600)),
        (8, 2_000, 3_000, 600, False, (2_000, 3_000)),
    ],
)
def test_each_row_of_the_table(row, start, end, duration, nearest, expected):
    window = resolve_window(start, end, duration, nearest, first_free, NOW)
    assert window == Window(*expected), f"row {row}"


@pytest.mark.parametrize(
    ("start", "end", "duration"), [(10, 5, None), (None, None, 0), (0, 40 * 86_400, None)]
)
def test_bad_ranges_are_400(start, end, duration):
    with pytest.raises(ApiProblem) as caught:
        resolve_window(start, end, duration, False, first_free, NOW)
    assert caught.value.status == 400
