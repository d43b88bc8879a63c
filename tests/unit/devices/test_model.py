"""What a probe found → problem lines an installer acts on, and the sentences a patient reads."""

from __future__ import annotations

import pytest

from kiosk.devices.model import (
    CAMERA_MISSING,
    MEDIA_BLOCKED,
    MEDIA_BUSY,
    MICROPHONE_MISSING,
    ProbeReport,
    patient_sentence,
)

CAMERA = {"kind": "videoinput", "label": "Exam Camera (046d:085b)", "deviceId": "a1"}
FACE = {"kind": "videoinput", "label": "Integrated Face Cam", "deviceId": "a2"}
MIC = {"kind": "audioinput", "label": "USB Microphone", "deviceId": "b1"}


def report(devices, chosen=None, checks=None, wanted=None, error=""):
    return ProbeReport.from_js(
        {"devices": devices, "chosen": chosen or {}, "checks": checks or [], "error": error},
        wanted or {},
    )


def test_working_devices_have_no_problems() -> None:
    found = report(
        [CAMERA, MIC],
        chosen={"videoinput": CAMERA["label"], "audioinput": MIC["label"]},
        checks=[
            {"kind": "videoinput", "label": CAMERA["label"], "frames": 60, "width": 1280},
            {"kind": "audioinput", "label": MIC["label"], "level": 0.2},
        ],
    )

    assert found.problems() == []
    assert [c["works"] for c in found.as_json()["checks"]] == [True, True]


def test_a_configured_camera_that_matches_nothing_names_the_setting_and_what_was_found() -> None:
    found = report(
        [FACE, MIC],
        chosen={"videoinput": "", "audioinput": MIC["label"]},
        wanted={"videoinput": "exam"},
    )

    (line,) = found.problems()
    assert line.startswith("camera: none matches [devices] camera = 'exam'")
    assert "Integrated Face Cam" in line


def test_missing_kinds_are_one_line_each() -> None:
    assert report([]).problems() == [
        "camera: none found (is it plugged in?)",
        "microphone: none found (is it plugged in?)",
    ]


@pytest.mark.parametrize(
    ("check", "words"),
    [
        ({"kind": "videoinput", "label": "Cam", "frames": 0}, "no picture"),
        ({"kind": "audioinput", "label": "Mic", "level": 0}, "silent"),
        ({"kind": "videoinput", "label": "Cam", "error": "NotReadableError"}, "busy"),
    ],
)
def test_a_device_that_opens_but_gives_nothing_is_a_problem(check, words) -> None:
    found = report([CAMERA, MIC], checks=[check])

    (line,) = found.problems()
    assert words in line
    assert repr(check["label"]) in line


def test_an_engine_error_is_one_line_without_devices() -> None:
    assert report([], error="Timeout").problems() == ["media: it did not answer in time"]


def test_malformed_answers_are_an_error_not_a_crash() -> None:
    assert ProbeReport.from_js("nonsense", {}).problems() == [
        "media: the web engine gave no answer"
    ]


@pytest.mark.parametrize(
    ("name", "video", "sentence"),
    [
        ("NotFoundError", True, CAMERA_MISSING),
        ("NotFoundError", False, MICROPHONE_MISSING),
        ("NotAllowedError", True, MEDIA_BLOCKED),
        ("NotReadableError", True, MEDIA_BUSY),
        ("SomethingNew", True, MEDIA_BUSY),
    ],
)
def test_patients_read_sentences_never_exception_names(name, video, sentence) -> None:
    text = patient_sentence(name, video)

    assert text == sentence
    assert "Error" not in text
    assert text.endswith("A staff member can help.")
