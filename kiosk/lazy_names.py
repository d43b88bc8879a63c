"""A package's names loaded on first use (PEP 562), so importing the package does not import
every module behind it: what keeps the screens, the call view and the wizard's widgets out of
the kiosk's start-up path until they are needed."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_getattr(
    package: str, homes: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """The module ``__getattr__`` for ``package``: ``name`` comes from the submodule
    ``homes[name]`` (relative to ``package``) the first time it is asked for, and is then kept
    in ``namespace`` (the package's ``globals()``) so later look-ups never come back here.
    Keep the names under ``if TYPE_CHECKING:`` imports too, for type checkers and readers."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    return __getattr__
