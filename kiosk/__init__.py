"""Clinic Kiosk: a touch-screen patient kiosk and waiting room for VSee Clinic."""

__version__ = "0.1.0"
