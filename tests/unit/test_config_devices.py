"""``[devices]`` and ``[sandbox] fake_media``: the cart's devices by label part, checked once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import MAX_DEVICE_LABEL, ConfigError, load_settings


@pytest.fixture
def config(tmp_path) -> Path:
    return tmp_path / "config.toml"


def test_nothing_configured_means_the_engines_defaults(config) -> None:
    config.write_text("", encoding="utf-8")

    settings = load_settings(config, environ={})

    assert (settings.devices.camera, settings.devices.microphone, settings.devices.speaker) == (
        "",
        "",
        "",
    )
    assert settings.sandbox.fake_media is False


def test_devices_and_fake_media_are_read_from_the_file(config) -> None:
    config.write_text(
        '[devices]\ncamera = "  Exam Cam "\nmicrophone = "USB"\nspeaker = "HDMI"\n'
        "[sandbox]\nfake_media = true\n",
        encoding="utf-8",
    )

    settings = load_settings(config, environ={})

    assert settings.devices.camera == "Exam Cam"
    assert settings.devices.microphone == "USB"
    assert settings.devices.speaker == "HDMI"
    assert settings.sandbox.fake_media is True


def test_the_environment_sets_a_device(config) -> None:
    config.write_text("", encoding="utf-8")

    settings = load_settings(config, environ={"KIOSK_DEVICES__CAMERA": "face"})

    assert settings.devices.camera == "face"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('camera = "' + "x" * (MAX_DEVICE_LABEL + 1) + '"', "at most"),
        ('microphone = "a\\nb"', "one line"),
        ('webcam = "x"', "webcam"),
    ],
)
def test_a_bad_device_setting_is_one_line_naming_the_key(config, text, reason) -> None:
    config.write_text(f"[devices]\n{text}\n", encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})

    message = str(caught.value)
    assert "\n" not in message
    assert "devices" in message
    assert reason in message


def test_take_a_photo_uses_the_configured_camera(config) -> None:
    from kiosk.session import SessionConfig
    from kiosk.session.state import SessionState
    from kiosk.session.wizard_services import SessionWizardServices

    config.write_text('[devices]\ncamera = "exam"\n', encoding="utf-8")
    session = SessionConfig.from_settings(load_settings(config, environ={}))
    services = SessionWizardServices(None, SessionState, 1024, camera=session.camera)  # type: ignore[arg-type]

    assert services.camera_label() == "exam"
