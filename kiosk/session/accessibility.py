"""``AccessibilityChoices``: one patient's large-text, audio-guidance and volume choices.

They belong to the patient, not to the kiosk: the wipe resets them (``wipe_session``), so the
next patient starts with the clinic's defaults. Qt signals only; the UI follows them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk import constants


def _clamp_volume(volume: float) -> float:
    return round(min(1.0, max(constants.SPEECH_VOLUME_MIN, volume)), 2)


class AccessibilityChoices(QObject):
    """What this patient asked for: ``large_text``, ``audio_guidance`` and the speech
    ``volume`` (0.1–1.0), and whether they use keys (``keyboard_used``). Each setter emits its
    ``*_changed`` signal only on a change; ``reset()`` puts all back (the wipe calls it).
    GUI thread only."""

    large_text_changed = Signal(bool)
    audio_guidance_changed = Signal(bool)
    volume_changed = Signal(float)
    keyboard_used_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._large_text = False
        self._audio_guidance = False
        self._volume = constants.SPEECH_VOLUME_DEFAULT
        self._keyboard_used = False

    @property
    def keyboard_used(self) -> bool:
        """The patient moves around with keys (Tab, arrows, a keypad): the focus ring shows."""
        return self._keyboard_used

    def set_keyboard_used(self, used: bool) -> None:
        if used != self._keyboard_used:
            self._keyboard_used = used
            self.keyboard_used_changed.emit(used)

    @property
    def large_text(self) -> bool:
        return self._large_text

    @property
    def audio_guidance(self) -> bool:
        return self._audio_guidance

    @property
    def volume(self) -> float:
        return self._volume

    def set_large_text(self, on: bool) -> None:
        if on != self._large_text:
            self._large_text = on
            self.large_text_changed.emit(on)

    def toggle_large_text(self) -> None:
        self.set_large_text(not self._large_text)

    def set_audio_guidance(self, on: bool) -> None:
        if on != self._audio_guidance:
            self._audio_guidance = on
            self.audio_guidance_changed.emit(on)

    def toggle_audio_guidance(self) -> None:
        self.set_audio_guidance(not self._audio_guidance)

    def set_volume(self, volume: float) -> None:
        volume = _clamp_volume(volume)
        if volume != self._volume:
            self._volume = volume
            self.volume_changed.emit(volume)

    def change_volume(self, steps: int) -> None:
        """Louder (``steps`` > 0) or softer by ``SPEECH_VOLUME_STEP`` per step."""
        self.set_volume(self._volume + steps * constants.SPEECH_VOLUME_STEP)

    def reset(self) -> None:
        """The next patient's defaults: normal text, no guidance, the default volume."""
        self.set_large_text(False)
        self.set_audio_guidance(False)
        self.set_volume(constants.SPEECH_VOLUME_DEFAULT)
        self.set_keyboard_used(False)

    def __repr__(self) -> str:
        return (
            f"<AccessibilityChoices large_text={self._large_text} "
            f"audio_guidance={self._audio_guidance} volume={self._volume}>"
        )
