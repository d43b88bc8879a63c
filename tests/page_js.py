"""Reading a web page's state from a test: pages fill it in asynchronously (media, polls), so
the test asks again until the answer is there."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def page_state(
    qtbot: Any,
    view: Any,
    script: str,
    timeout_ms: int,
    ready: Callable[[dict], bool] = bool,
) -> dict:
    """The object ``script`` (a ``JSON.stringify(...)`` expression) gives in ``view``'s page,
    once it is non-empty and ``ready`` holds for it; ``view`` has ``run_js(script, callback)``."""
    found: list[dict] = []

    def store(text: object) -> None:
        value = json.loads(text) if isinstance(text, str) and text else None
        if value:
            found.append(value)

    def check() -> bool:
        view.run_js(script, store)
        return bool(found) and ready(found[-1])

    qtbot.waitUntil(check, timeout=timeout_ms)
    return found[-1]
