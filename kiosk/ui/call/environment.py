"""Chromium flags WebEngine needs here, set in the environment before its first import."""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping

log = logging.getLogger("kiosk.ui.call")

FLAGS_VAR = "QTWEBENGINE_CHROMIUM_FLAGS"
DISABLE_SANDBOX_VAR = "QTWEBENGINE_DISABLE_SANDBOX"
#: One renderer for every page: a second view would otherwise cost another ~100 MiB.
ALWAYS_FLAGS = ("--renderer-process-limit=1",)
#: Chromium features switched on / off for every page. The audio service and the video
#: capture service run inside the kiosk's process instead of two helper processes of their
#: own (~20 MiB PSS each in a call; the kiosk has one page, which is all they serve).
ENABLE_FEATURES = ("RunVideoCaptureServiceInBrowserProcess",)
DISABLE_FEATURES = ("AudioServiceOutOfProcess",)
ROOT_FLAGS = ("--no-sandbox",)
#: Chromium's fake camera and microphone: tests and the ``[sandbox] fake_media`` demo only.
FAKE_MEDIA_FLAGS = ("--use-fake-device-for-media-stream",)


def configure_webengine_environment(
    environ: MutableMapping[str, str] | None = None,
    euid: int | None = None,
    *,
    fake_media: bool = False,
) -> list[str]:
    """Add the kiosk's Chromium flags to ``QTWEBENGINE_CHROMIUM_FLAGS``; returns those added.

    As root Chromium refuses to start without its sandbox disabled (GUIDE, "WebEngine as
    root"), so ``--no-sandbox`` and ``QTWEBENGINE_DISABLE_SANDBOX=1`` are set then only, and
    logged. Flags already present are kept and not repeated (feature lists are merged), so
    calling this twice is harmless. Must run before ``PySide6.QtWebEngineCore`` is first
    imported: Chromium reads the flags once.
    ``fake_media`` swaps the real camera and microphone for Chromium's test pattern and beep.
    """
    env = os.environ if environ is None else environ
    uid = os.geteuid() if euid is None else euid
    present = env.get(FLAGS_VAR, "").split()
    wanted = list(ALWAYS_FLAGS)
    if uid == 0:
        wanted += ROOT_FLAGS
        if env.get(DISABLE_SANDBOX_VAR) != "1":
            env[DISABLE_SANDBOX_VAR] = "1"
        log.warning("call.webengine_sandbox_disabled reason=running_as_root")
    if fake_media:
        wanted += FAKE_MEDIA_FLAGS
        log.warning("call.fake_media_devices")
    added = [flag for flag in wanted if flag not in present]
    flags = [*present, *added]
    for switch, features in (
        ("--enable-features", ENABLE_FEATURES),
        ("--disable-features", DISABLE_FEATURES),
    ):
        flags, merged = _with_features(flags, switch, features)
        if merged:
            added.append(merged)
    if added:
        env[FLAGS_VAR] = " ".join(flags)
    return added


def _with_features(
    flags: list[str], switch: str, features: tuple[str, ...]
) -> tuple[list[str], str]:
    """``flags`` with ``features`` merged into one ``switch=a,b,...`` flag at the end, and that
    flag ("" when every feature was listed already). Chromium reads only the last of repeated
    switches, so the lists already present are merged into it, not repeated."""
    prefix = f"{switch}="
    names = [n for f in flags if f.startswith(prefix) for n in f[len(prefix) :].split(",") if n]
    missing = [n for n in features if n not in names]
    if not missing:
        return flags, ""
    merged = prefix + ",".join([*dict.fromkeys(names), *missing])
    return [*(f for f in flags if not f.startswith(prefix)), merged], merged
