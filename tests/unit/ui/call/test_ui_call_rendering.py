"""Qt Quick's software renderer is chosen only when OpenGL is a CPU rasterizer."""

from __future__ import annotations

import pytest

from kiosk.ui.call import rendering


@pytest.mark.parametrize(
    ("renderer", "software"),
    [
        ("llvmpipe (LLVM 15.0.6, 256 bits)", True),
        ("softpipe", True),
        ("Software Rasterizer", True),
        ("Google SwiftShader", True),
        ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", False),
        ("AMD Radeon Vega 8 Graphics (radeonsi, raven, LLVM 15.0.6)", False),
        ("", False),
    ],
)
def test_cpu_rasterizers_are_recognised(renderer: str, software: bool) -> None:
    assert rendering.is_software_rasterizer(renderer) is software


def test_an_installers_backend_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendering, "_chosen", None)
    monkeypatch.setattr(rendering, "gl_renderer", lambda: "llvmpipe (LLVM 15.0.6, 256 bits)")

    assert rendering.choose_scene_graph({"QSG_RHI_BACKEND": "opengl"}) == "default"


def test_a_real_gpu_keeps_qt_quicks_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendering, "_chosen", None)
    monkeypatch.setattr(rendering, "gl_renderer", lambda: "Mesa Intel(R) UHD Graphics 620")

    assert rendering.choose_scene_graph({}) == "default"
    assert rendering.choose_scene_graph({}) == "default", "decided once"
