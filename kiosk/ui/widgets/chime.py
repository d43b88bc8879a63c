"""``Chime``: a soft two-note sound for "the provider is ready", with a silent fallback."""

from __future__ import annotations

import io
import logging
import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.ui")

#: Two gentle notes (E5 then A5), in hertz, each this long; quiet (a lobby, not an alarm).
NOTES_HZ = (659.25, 880.0)
NOTE_S = 0.35
RATE = 22_050
VOLUME = 0.5
_FILE_NAME = "clinic-kiosk-chime.wav"


def chime_wav() -> bytes:
    """The chime as a mono 16-bit WAV, drawn on demand (no binary file in the repository)."""
    frames = bytearray()
    for hz in NOTES_HZ:
        count = int(RATE * NOTE_S)
        for i in range(count):
            fade = min(1.0, i / (0.02 * RATE)) * (1 - i / count) ** 2  # soft attack, long decay
            sample = math.sin(2 * math.pi * hz * i / RATE) * fade * 0.6
            frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


class Chime(QObject):
    """``play()`` plays the chime through QtMultimedia's ``QSoundEffect``; where there is no
    QtMultimedia or no audio device (these test machines), it falls back to the system beep.
    ``played`` is emitted on every ``play()`` (the tests' seam: there is no speaker to hear).
    The WAV is written once to the temp dir (clinic data, not patient data)."""

    played = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: Any = None
        self._unavailable = False

    def play(self) -> None:
        self.played.emit()
        effect = None
        if not self._unavailable:
            try:
                effect = self._sound_effect()
            except Exception as exc:  # no QtMultimedia (libpulse…): a beep still says "look up"
                self._unavailable = True
                log.info("chime.unavailable error=%s", type(exc).__name__)
        if effect is None:
            QApplication.beep()
            return
        effect.play()

    def _sound_effect(self) -> Any:
        if self._effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            path = Path(tempfile.gettempdir()) / _FILE_NAME
            if not path.exists():
                path.write_bytes(chime_wav())
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(VOLUME)
            self._effect = effect
        return self._effect
