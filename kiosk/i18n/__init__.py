"""The kiosk's translations: message markers (no Qt), languages, compiling ``.ts`` → ``.qm``.

``kiosk.i18n.message`` is pure Python so that ``kiosk/api`` (no Qt) and the session can mark
patient-facing sentences for ``pyside6-lupdate`` without translating them; the UI translates
them at display time (``kiosk.ui.i18n``).
"""
