"""Shrinking a photo that is too large to upload, into the session's temp folder (Pillow)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

log = logging.getLogger("kiosk.session")

#: Each try scales the longest edge by this factor until the JPEG fits.
_SCALE_STEP = 0.7
_MAX_TRIES = 8
_JPEG_QUALITY = 85


def shrink_image(source: Path, folder: Path, max_bytes: int) -> Path:
    """A JPEG copy of ``source`` in ``folder`` no larger than ``max_bytes``.

    Blocking (run it in a worker thread). Returns ``source`` unchanged when it is not an image
    Pillow can read or cannot be made small enough; the upload's own size check then tells the
    patient. The copy lives in the session's temp folder, which the wipe deletes.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(source) as opened:
            image = opened.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        log.info("upload.shrink_skipped reason=unreadable")
        return source
    handle, name = tempfile.mkstemp(prefix="upload-", suffix=".jpg", dir=folder)
    target = Path(name)
    with open(handle, "wb"):
        pass
    width, height = image.size
    for attempt in range(_MAX_TRIES):
        image.save(target, "JPEG", quality=_JPEG_QUALITY, optimize=True)
        if target.stat().st_size <= max_bytes:
            log.info("upload.shrunk tries=%d", attempt + 1)
            return target
        width, height = max(1, int(width * _SCALE_STEP)), max(1, int(height * _SCALE_STEP))
        image = image.resize((width, height))
    log.info("upload.shrink_failed")
    return source
