""" "Take a photo" in the file_upload step, with Chromium's fake camera: preview, take, retake,
use; the photo is written only into the session's capture folder and then uploaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.ui.wizard.photo_capture import decode_snapshot
from kiosk.wizard import Attachments

TIMEOUT_MS = 30000


@pytest.fixture
def services(services, tmp_path: Path):
    """The wizard's fake services plus what a session gives "Take a photo": its capture
    folder and the configured camera's label part."""
    capture = tmp_path / "session" / "captures"

    def capture_dir() -> Path:
        capture.mkdir(parents=True, exist_ok=True)
        return capture

    services.capture = capture
    services.capture_dir = capture_dir
    services.camera_label = lambda: "FAKE_DEVICE"
    return services


def submit(qtbot, view) -> list:
    with qtbot.waitSignal(view.submitted, timeout=2000) as signal:
        view.next_button.click()
    return signal.args[0]


def snap_when_ready(qtbot, capture) -> None:
    def taken() -> bool:
        if not capture.has_photo:
            capture.take_button.click()
        return capture.has_photo

    qtbot.waitUntil(taken, timeout=TIMEOUT_MS)


def test_take_retake_and_use_a_photo_which_is_uploaded(
    qtbot, make_view, services, step_by_code
) -> None:
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    assert upload.photo_button.isVisibleTo(upload)

    upload.photo_button.click()
    capture = upload.capture
    assert capture.active and not upload.grid_box.isVisibleTo(upload)
    snap_when_ready(qtbot, capture)
    assert capture.use_button.isVisibleTo(capture) and capture.retake_button.isVisibleTo(capture)
    assert list(services.capture.iterdir()) == [], "nothing on disk before 'Use this photo'"

    capture.retake_button.click()
    assert not capture.has_photo and capture.take_button.isVisibleTo(capture)
    snap_when_ready(qtbot, capture)
    capture.use_button.click()

    (photo,) = services.capture.iterdir()
    assert photo.suffix == ".jpg"
    image = QImage(str(photo))
    assert (image.width(), image.height()) == (640, 480)
    assert not capture.active, "the camera is off once the photo is used"
    qtbot.waitUntil(lambda: upload.file_ids() == (f"id-{photo.stem}",))
    view.sections[0].form.by_key["reason_for_visit"].buttons[0].click()
    assert submit(qtbot, view)[1] == Attachments((f"id-{photo.stem}",))


def test_cancel_turns_the_camera_off_and_writes_nothing(
    qtbot, make_view, services, step_by_code
) -> None:
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    upload.photo_button.click()
    capture = upload.capture
    snap_when_ready(qtbot, capture)

    capture.cancel_button.click()

    assert not capture.active and not capture.has_photo
    assert upload.grid_box.isVisibleTo(upload)
    assert list(services.capture.iterdir()) == []
    assert upload.file_ids() == ()


def test_leaving_the_step_turns_the_camera_off(qtbot, make_view, services, step_by_code) -> None:
    view = make_view(step_by_code("visits.intake", "intake"))
    upload = view.sections[1]
    upload.photo_button.click()

    view.hide()

    assert not upload.capture.active


@pytest.mark.parametrize(
    "value",
    [
        None,
        3,
        "",
        "data:image/png;base64,AAAA",
        "data:image/jpeg;base64,!!",
        "data:image/jpeg;base64,AAAA",
    ],
)
def test_anything_but_a_jpeg_snapshot_is_no_photo(value) -> None:
    assert decode_snapshot(value) == b""
