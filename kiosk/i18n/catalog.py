"""Which languages the kiosk speaks, and their compiled ``.qm`` catalogues.

Translations live as Qt Linguist sources in ``resources/translations/kiosk_<code>.ts`` (under
version control). The package build compiles each into ``kiosk_<code>.qm`` beside it
(``setup.py``); a checkout compiles on first use, and again whenever the ``.ts`` is newer than
its ``.qm`` — so a stale or missing ``.qm`` is never loaded. English is the source language and
needs no file. No Qt here beyond locating ``lrelease`` in the PySide6 wheel; loading is
``kiosk.ui.i18n``'s.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from kiosk.resources import resource_path

log = logging.getLogger("kiosk.i18n")

#: The language the code is written in (no catalogue needed).
SOURCE_LANGUAGE = "en"
#: Each language's own name for itself: what the language button shows. Never translated (a
#: Spanish reader looks for "Español" whatever language the screen is in).
NATIVE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
#: Where the ``.ts`` sources and ``.qm`` files are, inside the resources folder.
TRANSLATIONS = "translations"
CATALOGUE_PREFIX = "kiosk_"
LRELEASE_TIMEOUT_S = 60.0


class CatalogueError(RuntimeError):
    """A ``.ts`` could not be compiled (no ``lrelease``, or it failed)."""


def translations_dir() -> Path:
    return resource_path(TRANSLATIONS)


def source_file(code: str) -> Path:
    """``kiosk_<code>.ts`` (may not exist)."""
    return translations_dir() / f"{CATALOGUE_PREFIX}{code}.ts"


def available_languages() -> tuple[str, ...]:
    """English first, then every language with a ``.ts`` or a shipped ``.qm``, by code."""
    found = {
        path.stem.removeprefix(CATALOGUE_PREFIX)
        for pattern in ("*.ts", "*.qm")
        for path in translations_dir().glob(f"{CATALOGUE_PREFIX}{pattern}")
    }
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


def native_name(code: str) -> str:
    return NATIVE_NAMES.get(code, code)


def lupdate_command(ts: Path, package_dir: Path, target_language: str) -> list[str]:
    """The one command that extracts the kiosk's strings into ``ts`` (README "Languages"):

    ``pyside6-lupdate -extensions py -locations none -no-obsolete -target-language es_US kiosk
    -ts resources/translations/kiosk_es.ts``, run from the repository root. No line numbers
    (``-locations none``), so editing code never churns the ``.ts``; ``-no-obsolete`` drops
    strings the code no longer has.
    """
    return [
        str(_bundled_tool("lupdate", "pyside6-lupdate")),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        target_language,
        str(package_dir),
        "-ts",
        str(ts),
    ]


def _bundled_tool(name: str, wrapper_name: str) -> Path:
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / name
        if bundled.is_file():
            return bundled
    except ImportError:
        pass
    wrapper = shutil.which(wrapper_name)
    if wrapper is None:
        raise CatalogueError(f"{wrapper_name} not found (install PySide6-Essentials)")
    return Path(wrapper)


def lrelease() -> Path:
    """The ``lrelease`` that comes with PySide6 (``pyside6-lrelease`` is a wrapper around it)."""
    return _bundled_tool("lrelease", "pyside6-lrelease")


def compile_catalogue(ts: Path, qm: Path) -> Path:
    """Compile ``ts`` into ``qm`` with ``lrelease`` (unfinished entries are left out, so
    English shows for them); raises ``CatalogueError`` when it fails."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [str(lrelease()), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            timeout=LRELEASE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise CatalogueError(f"lrelease could not run: {exc}") from exc
    if result.returncode != 0 or not qm.is_file():
        raise CatalogueError(f"lrelease failed for {ts.name}: {result.stderr.strip()}")
    return qm


def compiled_catalogue(code: str) -> Path | None:
    """The up-to-date ``.qm`` for ``code``, compiling it when it is missing or older than its
    ``.ts``; None for English or a language with neither file.

    It is compiled beside the ``.ts`` (a checkout; the ``.qm`` is git-ignored), or into a
    temporary folder when that one is read-only. An install ships the ``.qm`` built by the
    package build, newer than its ``.ts``, so nothing runs there.
    """
    if code == SOURCE_LANGUAGE:
        return None
    ts = source_file(code)
    qm = ts.with_suffix(".qm")
    if not ts.is_file():
        return qm if qm.is_file() else None
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    try:
        return compile_catalogue(ts, qm)
    except (CatalogueError, OSError) as exc:
        log.info("i18n.compile_in_place_failed language=%s error=%s", code, type(exc).__name__)
    fallback = Path(tempfile.gettempdir()) / "kiosk-translations" / qm.name
    try:
        return compile_catalogue(ts, fallback)
    except CatalogueError as exc:
        log.warning("i18n.compile_failed language=%s error=%s", code, exc)
        return qm if qm.is_file() else None


__all__ = [
    "NATIVE_NAMES",
    "SOURCE_LANGUAGE",
    "CatalogueError",
    "available_languages",
    "compile_catalogue",
    "compiled_catalogue",
    "lrelease",
    "lupdate_command",
    "native_name",
    "source_file",
]
