"""Accessibility in the UI: large text, names for screen readers, audio guidance, keys."""
