"""``kiosk devices`` as an installer runs it, against Chromium's fake camera and microphone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: A fresh interpreter starts the web engine and opens two devices for a second each.
TIMEOUT_S = 120


def devices(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "config.toml"
    config.write_text("[sandbox]\nfake_media = true\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(settings)
    env["KIOSK_CONFIG"] = str(config)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[3])
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "devices", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def test_check_json_reports_one_camera_and_one_microphone_that_work(tmp_path) -> None:
    result = devices(tmp_path, "--check", "--json", "--seconds", "1")

    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["problems"] == []
    camera, microphone = report["checks"]
    assert camera["kind"] == "camera"
    assert camera["frames"] > 0
    assert camera["width"] > 0
    assert microphone["kind"] == "microphone"
    assert microphone["level"] > 0
    kinds = {d["kind"] for d in report["devices"]}
    assert kinds == {"camera", "microphone", "speaker"}


def test_a_configured_camera_that_is_not_there_exits_1_with_one_line(tmp_path) -> None:
    result = devices(tmp_path, KIOSK_DEVICES__CAMERA="exam camera")

    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert problems == [
        "problem: camera: none matches [devices] camera = 'exam camera' (found: 'fake_device_0')"
    ]
    assert "cameras ([devices] camera = 'exam camera'):" in result.stdout
    assert "fake_device_0" in result.stdout


def test_the_configured_label_part_picks_the_device_case_ignored(tmp_path) -> None:
    result = devices(tmp_path, "--json", KIOSK_DEVICES__MICROPHONE="AUDIO INPUT 2")

    assert result.returncode == 0, result.stderr[-2000:]
    chosen = [d["label"] for d in json.loads(result.stdout)["devices"] if d["chosen"]]
    assert "Fake Audio Input 2" in chosen
