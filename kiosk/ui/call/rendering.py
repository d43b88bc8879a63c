"""How the web views are drawn: Qt Quick's software renderer when OpenGL is only a software
rasterizer (Mesa's llvmpipe on a machine without a GPU, as under Xvfb).

A web view is a Qt Quick scene. With OpenGL, Qt Quick draws it through the GL driver into
textures and the window is switched to a GPU surface; with llvmpipe that is the CPU drawing
through a GL emulation: ~100 MiB more heap in the kiosk's process during a call, and slower,
than Qt Quick's own software renderer, which blits Chromium's frames directly. On a real GPU
nothing changes. ``QT_QUICK_BACKEND`` / ``QSG_RHI_BACKEND`` set by an installer win.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

log = logging.getLogger("kiosk.ui.call")

#: ``GL_RENDERER`` strings of drivers that rasterize on the CPU.
SOFTWARE_RASTERIZERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader")
_GL_RENDERER = 0x1F01
_OVERRIDES = ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND")
_chosen: str | None = None


def is_software_rasterizer(renderer: str) -> bool:
    name = renderer.lower()
    return any(word in name for word in SOFTWARE_RASTERIZERS)


def gl_renderer() -> str:
    """The OpenGL driver's ``GL_RENDERER`` ("" when there is no OpenGL). Needs a QGuiApplication."""
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    context = QOpenGLContext()
    if not context.create():
        return ""
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not surface.isValid() or not context.makeCurrent(surface):
            return ""
        renderer = context.functions().glGetString(_GL_RENDERER)
        context.doneCurrent()
        return str(renderer or "")
    finally:
        surface.destroy()


def choose_scene_graph(environ: Mapping[str, str] | None = None) -> str:
    """Pick Qt Quick's renderer before the first web view exists; returns ``"software"`` or
    ``"default"``. Decided once per process (Qt fixes it with the first Qt Quick window)."""
    global _chosen
    if _chosen is not None:
        return _chosen
    env = os.environ if environ is None else environ
    _chosen = "default"
    if any(env.get(name) for name in _OVERRIDES):
        return _chosen
    renderer = gl_renderer()
    if renderer and is_software_rasterizer(renderer):
        from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        _chosen = "software"
    log.info("call.scene_graph renderer=%s", _chosen)
    return _chosen
