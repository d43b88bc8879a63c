"""Where the kiosk's resources (theme, icons, default data) are, in a checkout or an install.

``resources/`` lives at the top of the repository (beside ``kiosk/``), so code that found it
relative to its own file worked only from a checkout or ``pip install -e .``. A wheel ships
the same folder inside the package as ``kiosk/_resources`` (``setup.py`` copies it at build
time). The source tree is tried first so that an editable install always shows the files
being edited; a folder only counts as the source tree when ``pyproject.toml`` sits beside it,
so a stray ``site-packages/resources`` of some other distribution is never picked up.
"""

from __future__ import annotations

import functools
from pathlib import Path

#: The package's own folder; both candidates are relative to it.
_PACKAGE_DIR = Path(__file__).resolve().parent

#: ``<repo>/resources`` in a checkout (editable install, tests, tools).
SOURCE_DIR = _PACKAGE_DIR.parent / "resources"
#: The copy a wheel installs as package data.
INSTALLED_DIR = _PACKAGE_DIR / "_resources"

#: Paths under the resources folder that the kiosk itself reads at run time.
STYLE_SHEET = "styles/kiosk.qss"
ICONS = "icons"
DEFAULT_STATES = "default_data/vclinic_states.json"


class ResourcesNotFoundError(FileNotFoundError):
    """Neither the checkout's ``resources/`` nor the installed copy exists: a broken install."""


def _is_source_tree(candidate: Path) -> bool:
    return candidate.is_dir() and (candidate.parent / "pyproject.toml").is_file()


@functools.cache
def resources_dir() -> Path:
    """The resources folder in use (cached: it cannot move while the kiosk runs)."""
    if _is_source_tree(SOURCE_DIR):
        return SOURCE_DIR
    if INSTALLED_DIR.is_dir():
        return INSTALLED_DIR
    raise ResourcesNotFoundError(
        f"kiosk resources not found: neither {SOURCE_DIR} nor {INSTALLED_DIR} exists "
        "(reinstall the clinic-kiosk package)"
    )


def resource_path(relative: str) -> Path:
    """``relative`` (``"styles/kiosk.qss"``) inside the resources folder; the file may not
    exist (callers decide whether a missing icon is an error)."""
    return resources_dir() / relative


def icon_path(name: str) -> Path:
    """The SVG for the icon ``name`` (``"clinic"`` → ``icons/clinic.svg``)."""
    return resource_path(f"{ICONS}/{name}.svg")


__all__ = [
    "DEFAULT_STATES",
    "INSTALLED_DIR",
    "SOURCE_DIR",
    "STYLE_SHEET",
    "ResourcesNotFoundError",
    "icon_path",
    "resource_path",
    "resources_dir",
]
