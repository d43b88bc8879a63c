"""The call's injected script: portal origin only, settings as data, never as code."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from kiosk.devices.scripts import inject_script, probe_call


def test_the_script_runs_only_on_the_portal_origin() -> None:
    script = inject_script("https://clinic.example", camera="exam")

    assert "location.origin !== CONFIG.origin" in script
    config = json.loads(script.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config == {
        "origin": "https://clinic.example",
        "camera": "exam",
        "microphone": "",
        "speaker": "",
    }


def test_a_label_cannot_break_out_of_the_script() -> None:
    label = "x\"; alert(1); //'</script>__DEVICES_JS__"
    script = inject_script("https://clinic.example", camera=label)

    config = json.loads(script.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert config["camera"] == label
    assert script.count("window.kioskDevices = window.kioskDevices") == 1


@pytest.mark.skipif(shutil.which("node") is None, reason="node checks the syntax")
def test_the_scripts_are_valid_javascript(tmp_path) -> None:
    from kiosk.devices.scripts import DEVICES_JS, PROBE_JS

    for name, text in {
        "inject.js": inject_script("http://127.0.0.1:8000", "a", "b", "c"),
        "probe.js": DEVICES_JS + PROBE_JS + probe_call(True, 3.0, {"videoinput": "x"}),
    }.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        subprocess.run(["node", "--check", str(path)], check=True, timeout=30)
