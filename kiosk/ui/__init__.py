"""Widgets only: screens, wizard widgets and the theme. No HTTP here."""
