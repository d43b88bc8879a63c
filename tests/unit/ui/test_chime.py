"""The ready chime: a real, short WAV; played through QtMultimedia or, without it, a beep."""

from __future__ import annotations

import io
import wave

from kiosk.ui.widgets.chime import NOTE_S, NOTES_HZ, RATE, Chime, chime_wav


def test_the_chime_is_a_short_mono_wav() -> None:
    with wave.open(io.BytesIO(chime_wav())) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, RATE)
        assert sound.getnframes() == len(NOTES_HZ) * int(RATE * NOTE_S)


def test_without_an_audio_backend_the_chime_beeps_once_per_play(qtbot, monkeypatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr("kiosk.ui.widgets.chime.QApplication.beep", lambda: beeps.append(1))
    chime = Chime()
    monkeypatch.setattr(chime, "_sound_effect", lambda: (_ for _ in ()).throw(ImportError("x")))
    with qtbot.waitSignal(chime.played):
        chime.play()
    chime.play()
    assert beeps == [1, 1]
