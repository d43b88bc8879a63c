"""Where the image picker finds pictures: configured folders, newest first, capped."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from kiosk.constants import WIZARD_IMAGE_SUFFIXES, WIZARD_MAX_IMAGES_LISTED

log = logging.getLogger("kiosk.ui.wizard")


def image_folders(services: object) -> list[Path]:
    """Folders to list: ``services.image_folders()`` when the services offer it (the session
    passes the camera-capture folder from settings; tests pass a temp dir), else Pictures."""
    provider = getattr(services, "image_folders", None)
    if callable(provider):
        return [Path(p) for p in provider()]
    return [Path(platformdirs.user_pictures_dir())]


def list_images(folders: list[Path], limit: int = WIZARD_MAX_IMAGES_LISTED) -> list[Path]:
    """Image files directly inside ``folders``, newest first, at most ``limit``.

    Unreadable folders are skipped with a warning (no path logged: it may name a patient).
    """
    found: list[tuple[float, Path]] = []
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            log.warning("image folder unreadable")
            continue
        for path in entries:
            try:
                if path.suffix.lower() in WIZARD_IMAGE_SUFFIXES and path.is_file():
                    found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    found.sort(key=lambda item: item[0], reverse=True)
    return [path for _, path in found[:limit]]
