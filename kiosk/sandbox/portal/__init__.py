"""Portal pages at the server root (plain HTML and a little JS) for the kiosk's web view."""
