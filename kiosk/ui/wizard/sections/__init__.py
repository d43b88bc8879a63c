"""Section widgets: one class per section code, registered with `section_widget`."""
