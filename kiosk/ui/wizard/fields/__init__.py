"""Field widgets: one class per form type, registered with `field_widget`."""
